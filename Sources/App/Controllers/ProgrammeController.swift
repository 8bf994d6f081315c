import Domain
import Fluent
import Vapor

/// Programme pages: every signed-in role reads them; administrators add and edit programmes.
struct ProgrammeController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.programmes.pattern, use: list)
        routes.get(SiteURL.programmeNew.pattern, use: newForm)
        routes.post(SiteURL.programmeNew.pattern, use: create)
        routes.get(SiteURL.programme(nil).pattern, use: show)
        routes.get(SiteURL.programmeEdit(nil).pattern, use: editForm)
        routes.post(SiteURL.programmeEdit(nil).pattern, use: update)
    }

    /// The form's fields, named as in `ProgrammeInput` and the API.
    struct ProgrammeForm: Content {
        var documentNumber: String?
        var title: String?
        var issuedOn: String?
        var startsOn: String?
        var endsOn: String?
        var summary: String?

        var input: ProgrammeInput {
            ProgrammeInput(documentNumber: documentNumber, title: title, issuedOn: issuedOn, startsOn: startsOn,
                           endsOn: endsOn, summary: summary)
        }
    }

    func list(req: Request) async throws -> HTMLPage {
        let user = try req.user
        let programmes = try await Programme.query(on: req.db).sort(\.$startsOn, .descending).sort(\.$id).all()
        return HTMLPage(req.chrome("Chương trình, chuyên đề", section: .programmes),
                        ProgrammeListView.render(programmes.map(ProgrammeSummary.init), canCreate: user.role == .admin))
    }

    func show(req: Request) async throws -> HTMLPage {
        let access = try req.access
        let programme = try await Self.programme(req)
        let programmeID = programme.id!
        let topics = try await TopicService.search(TopicFilter(programmeID: programmeID), access: access)
        let provinces = try await TopicService.writableProvinces(access: access)
        let writable = Set(provinces.compactMap(\.id))
        let documents = try await DocumentService.search(
            DocumentFilter(programmeID: programmeID), offset: 0, limit: Self.documentsShown, access: access)
        let view = ProgrammeDetailView.render(
            ProgrammeSummary(programme),
            groups: Self.groups(topics, writable: writable,
                                materials: try await TopicMaterialService.counts(topicIDs: topics.topics.compactMap(\.id), on: req.db)),
            documents: DocumentController.lines(documents),
            documentTotal: documents.total,
            canEdit: access.user.role == .admin,
            canAddTopic: !provinces.isEmpty)
        return HTMLPage(req.chrome(programme.documentNumber, section: .programmes), view)
    }

    func newForm(req: Request) async throws -> HTMLPage {
        try req.access.requireRole(.admin)
        return page(req, id: nil, values: ProgrammeInput(), errors: FormErrors())
    }

    func create(req: Request) async throws -> Response {
        let access = try req.access
        try access.requireRole(.admin)
        let form = try req.content.decode(ProgrammeForm.self)
        do {
            let programme = try await ProgrammeService.create(form.input, access: access)
            return req.redirect(to: .programme(programme.id), flash: "Đã thêm chương trình \(programme.documentNumber).")
        } catch let problems as InvalidInput {
            return try await page(req, id: nil, values: form.input, errors: problems.formErrors, status: .unprocessableEntity)
                .encodeResponse(for: req)
        }
    }

    func editForm(req: Request) async throws -> HTMLPage {
        try req.access.requireRole(.admin)
        let p = try await Self.programme(req)
        let values = ProgrammeInput(documentNumber: p.documentNumber, title: p.title, issuedOn: p.issuedOn.iso,
                                    startsOn: p.startsOn.iso, endsOn: p.endsOn?.iso, summary: p.summary)
        return page(req, id: p.id, values: values, errors: FormErrors())
    }

    func update(req: Request) async throws -> Response {
        let access = try req.access
        try access.requireRole(.admin)
        let programme = try await Self.programme(req)
        let form = try req.content.decode(ProgrammeForm.self)
        do {
            try await ProgrammeService.update(programme, with: form.input, access: access)
            return req.redirect(to: .programme(programme.id), flash: "Đã lưu chương trình \(programme.documentNumber).")
        } catch let problems as InvalidInput {
            return try await page(req, id: programme.id, values: form.input, errors: problems.formErrors, status: .unprocessableEntity)
                .encodeResponse(for: req)
        }
    }

    private func page(_ req: Request, id: Int?, values: ProgrammeInput, errors: FormErrors, status: HTTPStatus = .ok) -> HTMLPage {
        let chrome = req.chrome(id == nil ? "Thêm chương trình" : "Sửa chương trình", section: .programmes)
        return HTMLPage(chrome, ProgrammeFormView.render(id: id, values: values, errors: errors, csrf: chrome.csrf), status: status)
    }

    /// How many of a programme's documents its page lists before linking to the register.
    static let documentsShown = 20

    static func programme(_ req: Request) async throws -> Programme {
        guard let id = req.parameters.get("id", as: Int.self),
              let programme = try await Programme.find(id, on: req.db)
        else { throw Abort(.notFound) }
        return programme
    }

    /// Topics by provincial committee (by name), each whole-term topic followed by its annual ones.
    static func groups(_ result: TopicSearchResult, writable: Set<Int>, materials: [Int: Int] = [:]) -> [TopicGroup] {
        let byUnit = Dictionary(grouping: result.topics, by: \.unitID)
        return byUnit.keys
            .sorted { (result.units[$0]?.name ?? "", $0) < (result.units[$1]?.name ?? "", $1) }
            .map { unitID in
                let topics = byUnit[unitID]!
                let children = Dictionary(grouping: topics.filter { $0.parentTopicID != nil }, by: { $0.parentTopicID! })
                var ordered: [Topic] = []
                for whole in topics where whole.kind == .wholeTerm {
                    ordered.append(whole)
                    ordered += (children[whole.id!] ?? []).sorted { ($0.year, $0.id!) < ($1.year, $1.id!) }
                }
                // Annual topics whose whole-term topic is not listed still show, after the rest.
                let placed = Set(ordered.compactMap(\.id))
                ordered += topics.filter { !placed.contains($0.id!) }
                let lines = ordered.map { t in
                    TopicLine(id: t.id!, kind: t.kind, years: t.yearsText, title: t.title, description: t.description,
                              canEdit: writable.contains(t.unitID), materials: materials[t.id!] ?? 0)
                }
                return TopicGroup(unitName: result.units[unitID]?.name ?? "", lines: lines)
            }
    }
}
