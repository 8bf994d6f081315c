import Domain
import Fluent
import Vapor

/// The register of conduct codes: read and written in the account's subtree.
struct ConductCodeController: RouteCollection {
    static let perPage = 50

    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.conductCodes.pattern, use: list)
        routes.get(SiteURL.conductCodeNew.pattern, use: newForm)
        routes.post(SiteURL.conductCodeNew.pattern, use: create)
        routes.get(SiteURL.conductCode(nil).pattern, use: show)
        routes.get(SiteURL.conductCodeEdit(nil).pattern, use: editForm)
        routes.post(SiteURL.conductCodeEdit(nil).pattern, use: update)
    }

    /// The form's fields, named as in the API.
    struct CodeForm: Content {
        var unit: String?
        var scope: String?
        var title: String?
        var documentNumber: String?
        var issuedOn: String?
        var replacesId: String?
        var summary: String?

        var input: ConductCodeInput {
            ConductCodeInput(unitCode: unit, scope: scope, title: title, documentNumber: documentNumber, issuedOn: issuedOn,
                             replacesID: replacesId, summary: summary)
        }
    }

    struct ListParameters: Content {
        var donVi: String?
        var hieuLuc: String?
        var nam: String?
        var trang: String?

        enum CodingKeys: String, CodingKey {
            case nam, trang
            case donVi = "don-vi"
            case hieuLuc = "hieu-luc"
        }
    }

    func list(req: Request) async throws -> HTMLPage {
        let access = try req.access
        let p = try req.query.decode(ListParameters.self)
        let query = ConductCodeListQuery(unit: p.donVi ?? "", inForce: p.hieuLuc ?? "", year: p.nam ?? "")
        let filter = ConductCodeFilter(
            unitCode: query.unit, inForce: query.inForce == "con" ? true : query.inForce == "het" ? false : nil,
            year: Int(query.year.trimmingCharacters(in: .whitespaces)))
        let page = PageNumber.from(p.trang)
        let result = try await ConductCodeService.search(filter, offset: (page - 1) * Self.perPage, limit: Self.perPage, access: access)
        let lines = result.codes.map { c in
            ConductCodeLine(id: c.id!, documentNumber: c.documentNumber, issuedOn: c.issuedOn, scope: c.scope, title: c.title,
                            unitName: result.units[c.unitID]?.name ?? "", replacedByNumber: result.replacedBy[c.id!]?.documentNumber)
        }
        let view = ConductCodeListView.render(
            query: query, lines: lines, total: result.total, page: page, perPage: Self.perPage,
            unknownUnit: result.unknownUnit, canCreate: access.user.role.writesUnitRecords)
        return HTMLPage(req.chrome("Chuẩn mực đạo đức"), view)
    }

    func show(req: Request) async throws -> HTMLPage {
        let access = try req.access
        let code = try await ConductCodeService.readable(req.parameters.get("id", as: Int.self), access: access)
        let unit = try await OrgUnit.find(code.unitID, on: req.db)
        let chain = try await ConductCodeService.chain(of: code, on: req.db)
        func link(_ c: ConductCode?) -> ConductCodeFacts.Link? {
            c.map { ConductCodeFacts.Link(id: $0.id!, documentNumber: $0.documentNumber, issuedOn: $0.issuedOn, title: $0.title) }
        }
        let facts = ConductCodeFacts(
            id: code.id!, documentNumber: code.documentNumber, scope: code.scope, title: code.title, issuedOn: code.issuedOn,
            unitName: unit?.name ?? "", unitID: code.unitID, summary: code.summary,
            replaces: link(chain.replaces), replacedBy: link(chain.replacedBy), chain: chain.chain.compactMap(link))
        let view = ConductCodeDetailView.render(facts, canEdit: access.user.role.writesUnitRecords)
        return HTMLPage(req.chrome("\(code.scope.label) \(code.documentNumber)"), view)
    }

    func newForm(req: Request) async throws -> HTMLPage {
        let access = try req.access
        try TopicService.requireWriter(access)
        var values = ConductCodeInput()
        if let root = access.scopeRoot { values.unitCode = try await OrgUnit.find(root, on: req.db)?.code }
        // ?thay-the=ID starts a revision of that code: same unit, scope and title, a new number and date.
        if let raw = try? req.query.get(String.self, at: "thay-the"), let id = Int(raw),
           let earlier = try? await ConductCodeService.readable(id, access: access) {
            values.unitCode = try await OrgUnit.find(earlier.unitID, on: req.db)?.code
            values.scope = earlier.scope.rawValue
            values.title = earlier.title
            values.summary = earlier.summary
            values.replacesID = String(id)
        }
        return try await page(req, id: nil, values: values, errors: FormErrors())
    }

    func create(req: Request) async throws -> Response {
        let access = try req.access
        try TopicService.requireWriter(access)
        let form = try req.content.decode(CodeForm.self)
        do {
            let code = try await ConductCodeService.create(form.input, access: access)
            return req.redirect(to: .conductCode(code.id), flash: "Đã thêm chuẩn mực \(code.documentNumber).")
        } catch let problems as InvalidInput {
            return try await page(req, id: nil, values: form.input, errors: problems.formErrors, status: .unprocessableEntity)
                .encodeResponse(for: req)
        }
    }

    func editForm(req: Request) async throws -> HTMLPage {
        let access = try req.access
        let code = try await ConductCodeService.writable(req.parameters.get("id", as: Int.self), access: access)
        let unitCode = try await OrgUnit.find(code.unitID, on: req.db)?.code
        let values = ConductCodeInput(
            unitCode: unitCode, scope: code.scope.rawValue, title: code.title, documentNumber: code.documentNumber,
            issuedOn: code.issuedOn.iso, replacesID: code.replacesID.map(String.init), summary: code.summary)
        return try await page(req, id: code.id, values: values, errors: FormErrors())
    }

    func update(req: Request) async throws -> Response {
        let access = try req.access
        let code = try await ConductCodeService.writable(req.parameters.get("id", as: Int.self), access: access)
        let form = try req.content.decode(CodeForm.self)
        do {
            try await ConductCodeService.update(code, with: form.input, access: access)
            return req.redirect(to: .conductCode(code.id), flash: "Đã lưu chuẩn mực \(code.documentNumber).")
        } catch let problems as InvalidInput {
            return try await page(req, id: code.id, values: form.input, errors: problems.formErrors, status: .unprocessableEntity)
                .encodeResponse(for: req)
        }
    }

    private func page(_ req: Request, id: Int?, values: ConductCodeInput, errors: FormErrors, status: HTTPStatus = .ok) async throws -> HTMLPage {
        let access = try req.access
        let chosen = values.replacesID.flatMap { Int($0) }
        let options = try await ConductCodeService.replaceable(access: access, including: chosen)
            .filter { $0.code.id != id }
            .map { (value: String($0.code.id!), label: "\($0.code.documentNumber) – \($0.code.title) (\($0.unit?.name ?? ""))") }
        let chrome = req.chrome(id == nil ? "Thêm chuẩn mực đạo đức" : "Sửa chuẩn mực đạo đức")
        let view = ConductCodeFormView.render(id: id, values: values, replaceable: options, errors: errors, csrf: chrome.csrf)
        return HTMLPage(chrome, view, status: status)
    }
}
