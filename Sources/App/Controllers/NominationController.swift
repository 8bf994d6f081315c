import Domain
import Fluent
import Vapor

/// Nominations for commendation: the list, the form (new and edit), the page with the steps up
/// the tree. Read in the account's subtree; written by the proposing unit's writers.
struct NominationController: RouteCollection {
    static let perPage = 50

    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.nominations.pattern, use: list)
        routes.get(SiteURL.nominationNew.pattern, use: newForm)
        routes.post(SiteURL.nominationNew.pattern, use: create)
        routes.get(SiteURL.nomination(nil).pattern, use: show)
        routes.get(SiteURL.nominationEdit(nil).pattern, use: editForm)
        routes.post(SiteURL.nominationEdit(nil).pattern, use: update)
        routes.post(SiteURL.nominationAction(nil).pattern, use: act)
    }

    func list(req: Request) async throws -> HTMLPage {
        let access = try req.access
        let query = NominationListQuery(
            year: req.query[String.self, at: "nam"] ?? "", status: req.query[String.self, at: "trang-thai"] ?? "",
            mine: !(req.query[String.self, at: "cho-toi"] ?? "").isEmpty)
        let filter = NominationFilter(year: Int(query.year.trimmingCharacters(in: .whitespaces)),
                                      status: NominationStatus(rawValue: query.status), awaitingMine: query.mine)
        let page = PageNumber.from(req.query[String.self, at: "trang"])
        let result = try await NominationService.search(filter, offset: (page - 1) * Self.perPage, limit: Self.perPage, access: access)
        let model = NominationListModel(query: query, lines: result.lines, total: result.total, page: page, perPage: Self.perPage,
                                        canCreate: access.user.role.writesUnitRecords)
        return HTMLPage(req.chrome("Đề nghị khen thưởng", section: .records), NominationListView.render(model))
    }

    func newForm(req: Request) async throws -> HTMLPage {
        let access = try req.access
        try TopicService.requireWriter(access)
        var values = NominationInput()
        if let root = access.scopeRoot { values.unitCode = try await OrgUnit.find(root, on: req.db)?.code ?? "" }
        values.fromYear = String(LocalDate.today().year)
        return try await formPage(req, id: nil, values: values, errors: FormErrors())
    }

    func create(req: Request) async throws -> Response {
        let access = try req.access
        try TopicService.requireWriter(access)
        let input = NominationInput(fields: try req.content.decode([String: String].self))
        var rows: [Int] = []
        do {
            let (draft, numbers) = try await NominationService.draft(from: input, unitID: nil, access: access)
            rows = numbers
            let nomination = try await NominationService.createDraft(draft, access: access)
            try await NominationService.setPapers(nomination, NominationService.paperList(input), access: access)
            return req.redirect(to: .nomination(nomination.id),
                                flash: "Đã lưu dự thảo đề nghị; khi hồ sơ đủ, bấm “Gửi lên cấp trên”.")
        } catch let problems as InvalidInput {
            return try await formPage(req, id: nil, values: input, errors: NominationService.formErrors(problems, rows: rows),
                                      status: .unprocessableEntity).encodeResponse(for: req)
        }
    }

    func editForm(req: Request) async throws -> HTMLPage {
        let access = try req.access
        let nomination = try await NominationService.readable(req.parameters.get("id", as: Int.self), access: access)
        try await NominationService.requireEditable(nomination, access: access)
        var values = NominationInput()
        values.title = nomination.title
        values.fromYear = String(nomination.fromYear)
        values.toYear = String(nomination.toYear)
        values.event = nomination.event
        let candidates = try await NominationService.candidates(of: nomination, on: req.db)
        let units = try await YearRecordFields.units(candidates.compactMap(\.recipientUnitID), on: req.db)
        values.rows = candidates.map { c in
            NominationInput.Row(kind: c.recipientKind.rawValue, personID: c.personID.map(String.init) ?? "",
                                unitCode: c.recipientUnitID.flatMap { units[$0]?.code } ?? "",
                                name: c.recipientKind == .collective || c.recipientKind == .authors ? c.recipientName : "",
                                achievements: c.achievements, formID: String(c.formID))
        }
        values.padRows()
        for paper in try await NominationService.papers(of: nomination, on: req.db) { values.papers[paper.kind] = paper.description }
        return try await formPage(req, id: nomination.id, values: values, errors: FormErrors())
    }

    func update(req: Request) async throws -> Response {
        let access = try req.access
        let nomination = try await NominationService.readable(req.parameters.get("id", as: Int.self), access: access)
        try await NominationService.requireEditable(nomination, access: access)
        let input = NominationInput(fields: try req.content.decode([String: String].self))
        var rows: [Int] = []
        do {
            let (draft, numbers) = try await NominationService.draft(from: input, unitID: nomination.unitID, access: access)
            rows = numbers
            try await NominationService.update(nomination, with: draft, papers: NominationService.paperList(input), access: access)
            return req.redirect(to: .nomination(nomination.id), flash: "Đã lưu đề nghị.")
        } catch let problems as InvalidInput {
            return try await formPage(req, id: nomination.id, values: input, errors: NominationService.formErrors(problems, rows: rows),
                                      status: .unprocessableEntity).encodeResponse(for: req)
        }
    }

    static func options(on db: any Database) async throws -> NominationOptions {
        NominationOptions(
            forms: try await CommendationVocabularyService.forms(on: db).map { (value: String($0.id!), label: $0.name) },
            issuers: try await CommendationVocabularyService.issuers(on: db).map { (value: String($0.id!), label: $0.name) })
    }

    private func formPage(_ req: Request, id: Int?, values: NominationInput, errors: FormErrors, status: HTTPStatus = .ok) async throws -> HTMLPage {
        let chrome = req.chrome(id == nil ? "Lập đề nghị khen thưởng" : "Sửa đề nghị khen thưởng", section: .records)
        let view = NominationFormView.render(id: id, values: values, options: try await Self.options(on: req.db), errors: errors,
                                             csrf: chrome.csrf)
        return HTMLPage(chrome, view, status: status)
    }
}
