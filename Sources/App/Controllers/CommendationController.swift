import Domain
import Fluent
import Vapor

/// The commendation register: listed with the counts of the filtered set, read and written in
/// the account's subtree.
struct CommendationController: RouteCollection {
    static let perPage = 50

    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.commendations.pattern, use: list)
        routes.get(SiteURL.commendationNew.pattern, use: newForm)
        routes.post(SiteURL.commendationNew.pattern, use: create)
        routes.get(SiteURL.commendation(nil).pattern, use: show)
        routes.get(SiteURL.commendationEdit(nil).pattern, use: editForm)
        routes.post(SiteURL.commendationEdit(nil).pattern, use: update)
        routes.get(SiteURL.commendationsXlsx.pattern) { try await self.export(.xlsx, req: $0) }
        routes.get(SiteURL.commendationsCsv.pattern) { try await self.export(.csv, req: $0) }
    }

    /// The form's fields, named as in the API.
    struct CommendationFormFields: Content {
        var unit, formId, issuerId, recipientKind, recipientUnit, personId, recipientName: String?
        var fromYear, toYear, event, reason, decisionNumber, decidedOn: String?

        var input: CommendationInput {
            CommendationInput(
                unitCode: unit, formID: formId, issuerID: issuerId, recipientKind: recipientKind, recipientUnitCode: recipientUnit,
                personID: personId, recipientName: recipientName, fromYear: fromYear, toYear: toYear, event: event,
                reason: reason, decisionNumber: decisionNumber, decidedOn: decidedOn)
        }
    }

    struct ListParameters: Content {
        var donVi, nam, hinhThuc, capKhen, dot, trang: String?

        enum CodingKeys: String, CodingKey {
            case nam, trang, dot
            case donVi = "don-vi"
            case hinhThuc = "hinh-thuc"
            case capKhen = "cap-khen"
        }
    }

    func list(req: Request) async throws -> HTMLPage {
        let access = try req.access
        let p = try req.query.decode(ListParameters.self)
        let (query, filter) = Self.filter(p)
        let page = PageNumber.from(p.trang)
        let result = try await CommendationService.search(filter, offset: (page - 1) * Self.perPage, limit: Self.perPage, access: access)
        let counts = try await CommendationService.counts(filter, access: access) ?? .zero
        let vocabulary = try await CommendationService.vocabulary(on: req.db)
        let lines = result.commendations.map { c in
            CommendationLine(
                id: c.id!, decidedOn: c.decidedOn, decisionNumber: c.decisionNumber, formName: vocabulary.forms[c.formID]?.name ?? "",
                issuerName: vocabulary.issuers[c.issuerID]?.name ?? "", recipientKind: c.recipientKind, recipientName: c.recipientName,
                period: c.period, event: c.event, unitName: result.units[c.unitID]?.name ?? "")
        }
        let view = CommendationListView.render(
            query: query, options: try await options(req.db), lines: lines, total: result.total, counts: counts, page: page,
            perPage: Self.perPage, unknownUnit: result.unknownUnit, canCreate: access.user.role.writesUnitRecords, isAdmin: access.isAdmin)
        return HTMLPage(req.chrome("Khen thưởng", section: .records), view)
    }

    static func filter(_ p: ListParameters) -> (CommendationListQuery, CommendationFilter) {
        let query = CommendationListQuery(unit: p.donVi ?? "", year: p.nam ?? "", form: p.hinhThuc ?? "",
                                          issuer: p.capKhen ?? "", event: p.dot ?? "")
        let filter = CommendationFilter(
            unitCode: query.unit, year: Int(query.year.trimmingCharacters(in: .whitespaces)), formID: Int(query.form),
            issuerID: Int(query.issuer), event: query.event)
        return (query, filter)
    }

    /// The register as filtered, every page, in the import's columns.
    func export(_ format: SheetExport.Format, req: Request) async throws -> Response {
        let (_, filter) = Self.filter(try req.query.decode(ListParameters.self))
        let rows = try await CommendationExport.rows(filter, access: try req.access)
        return try SheetExport.response(.commendations, rows: rows, format: format, name: "khen-thuong-\(LocalDate.today().iso)")
    }

    func show(req: Request) async throws -> HTMLPage {
        let access = try req.access
        let c = try await CommendationService.readable(req.parameters.get("id", as: Int.self), access: access)
        let form = try await CommendationForm.find(c.formID, on: req.db)
        var facts = CommendationFacts(
            id: c.id!, formName: form?.name ?? "", isPraise: form?.isPraise ?? false,
            issuerName: try await CommendationIssuer.find(c.issuerID, on: req.db)?.name ?? "", recipientKind: c.recipientKind,
            recipientName: c.recipientName, recipientUnitID: c.recipientUnitID, period: c.period, event: c.event, reason: c.reason,
            decisionNumber: c.decisionNumber, decidedOn: c.decidedOn,
            unitName: try await OrgUnit.find(c.unitID, on: req.db)?.name ?? "", unitID: c.unitID)
        if let id = c.nominationID, let n = try await Nomination.find(id, on: req.db) { facts.nomination = (n.id!, n.title) }
        return HTMLPage(req.chrome(facts.formName + ": " + c.recipientName, section: .records),
                        CommendationDetailView.render(facts, canEdit: access.user.role.writesUnitRecords))
    }

    func newForm(req: Request) async throws -> HTMLPage {
        let access = try req.access
        try TopicService.requireWriter(access)
        var values = CommendationInput()
        if let root = access.scopeRoot { values.unitCode = try await OrgUnit.find(root, on: req.db)?.code }
        return try await page(req, id: nil, values: values, errors: FormErrors())
    }

    func create(req: Request) async throws -> Response {
        let access = try req.access
        try TopicService.requireWriter(access)
        let form = try req.content.decode(CommendationFormFields.self)
        do {
            let c = try await CommendationService.create(form.input, access: access)
            return req.redirect(to: .commendation(c.id), flash: "Đã thêm khen thưởng.")
        } catch let problems as InvalidInput {
            return try await page(req, id: nil, values: form.input, errors: problems.formErrors, status: .unprocessableEntity)
                .encodeResponse(for: req)
        }
    }

    func editForm(req: Request) async throws -> HTMLPage {
        let access = try req.access
        let c = try await CommendationService.writable(req.parameters.get("id", as: Int.self), access: access)
        var recipientUnitCode: String?
        if let id = c.recipientUnitID { recipientUnitCode = try await OrgUnit.find(id, on: req.db)?.code }
        let values = CommendationInput(
            unitCode: try await OrgUnit.find(c.unitID, on: req.db)?.code, formID: String(c.formID), issuerID: String(c.issuerID),
            recipientKind: c.recipientKind.rawValue,
            recipientUnitCode: recipientUnitCode,
            personID: c.personID.map(String.init),
            recipientName: c.recipientKind == .collective || c.recipientKind == .authors ? c.recipientName : nil,
            fromYear: String(c.fromYear), toYear: c.toYear == c.fromYear ? nil : String(c.toYear), event: c.event,
            reason: c.reason, decisionNumber: c.decisionNumber, decidedOn: c.decidedOn.iso)
        return try await page(req, id: c.id, values: values, errors: FormErrors())
    }

    func update(req: Request) async throws -> Response {
        let access = try req.access
        let c = try await CommendationService.writable(req.parameters.get("id", as: Int.self), access: access)
        let form = try req.content.decode(CommendationFormFields.self)
        do {
            try await CommendationService.update(c, with: form.input, access: access)
            return req.redirect(to: .commendation(c.id), flash: "Đã lưu khen thưởng.")
        } catch let problems as InvalidInput {
            return try await page(req, id: c.id, values: form.input, errors: problems.formErrors, status: .unprocessableEntity)
                .encodeResponse(for: req)
        }
    }

    /// The forms and issuers as select options, in display order.
    private func options(_ db: any Database) async throws -> CommendationListView.Options {
        CommendationListView.Options(
            forms: try await CommendationVocabularyService.forms(on: db).map { (value: String($0.id!), label: $0.name) },
            issuers: try await CommendationVocabularyService.issuers(on: db).map { (value: String($0.id!), label: $0.name) })
    }

    private func page(_ req: Request, id: Int?, values: CommendationInput, errors: FormErrors, status: HTTPStatus = .ok) async throws -> HTMLPage {
        let chrome = req.chrome(id == nil ? "Thêm khen thưởng" : "Sửa khen thưởng", section: .records)
        let view = CommendationFormView.render(id: id, values: values, options: try await options(req.db), errors: errors, csrf: chrome.csrf)
        return HTMLPage(chrome, view, status: status)
    }
}
