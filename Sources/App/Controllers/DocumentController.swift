import Domain
import Fluent
import Vapor

/// The register of guidance documents: read in the subtree and from the levels above, written
/// by the roles that write unit records.
struct DocumentController: RouteCollection {
    static let perPage = 50

    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.documents.pattern, use: list)
        routes.get(SiteURL.documentNew.pattern, use: newForm)
        routes.post(SiteURL.documentNew.pattern, use: create)
        routes.get(SiteURL.document(nil).pattern, use: show)
        routes.get(SiteURL.documentEdit(nil).pattern, use: editForm)
        routes.post(SiteURL.documentEdit(nil).pattern, use: update)
    }

    /// The form's fields, named as in the API.
    struct DocumentForm: Content {
        var unit: String?
        var number: String?
        var kind: String?
        var title: String?
        var issuedOn: String?
        var programmeId: String?

        var input: DocumentInput {
            DocumentInput(unitCode: unit, number: number, kind: kind, title: title, issuedOn: issuedOn, programmeID: programmeId)
        }
    }

    /// The list page's query string (Vietnamese parameter names, as in the address bar).
    struct ListParameters: Content {
        var q: String?
        var donVi: String?
        var nam: String?
        var loai: String?
        var chuongTrinh: String?
        var trang: String?

        enum CodingKeys: String, CodingKey {
            case q, nam, loai, trang
            case donVi = "don-vi"
            case chuongTrinh = "chuong-trinh"
        }
    }

    func list(req: Request) async throws -> HTMLPage {
        let access = try req.access
        let p = try req.query.decode(ListParameters.self)
        let query = DocumentListQuery(q: p.q ?? "", unit: p.donVi ?? "", year: p.nam ?? "", kind: p.loai ?? "",
                                      programme: p.chuongTrinh ?? "")
        let filter = DocumentFilter(
            q: query.q, unitCode: query.unit, year: Int(query.year.trimmingCharacters(in: .whitespaces)),
            kind: GuidanceKind(rawValue: query.kind), programmeID: Int(query.programme))
        let page = PageNumber.from(p.trang)
        let result = try await DocumentService.search(
            filter, offset: (page - 1) * Self.perPage, limit: Self.perPage, access: access)
        let programmes = try await Programme.query(on: req.db).sort(\.$startsOn, .descending).all()
        let view = DocumentListView.render(
            query: query, lines: Self.lines(result), total: result.total, page: page, perPage: Self.perPage,
            programmes: programmes.map { (value: String($0.id!), label: $0.documentNumber) },
            unknownUnit: result.unknownUnit, canCreate: access.user.role.writesUnitRecords)
        return HTMLPage(req.chrome("Văn bản chỉ đạo", section: .documents), view)
    }

    func show(req: Request) async throws -> HTMLPage {
        let access = try req.access
        let document = try await DocumentService.readable(req.parameters.get("id", as: Int.self), access: access)
        let unit = try await OrgUnit.find(document.unitID, on: req.db)
        var programme: Programme?
        if let programmeID = document.programmeID { programme = try await Programme.find(programmeID, on: req.db) }
        let inSubtree = try await access.canSee(unit: document.unitID)
        let facts = DocumentFacts(
            id: document.id!, number: document.number, style: document.numberStyle, kind: document.kind, title: document.title,
            issuedOn: document.issuedOn, unitName: unit?.name ?? "", unitID: document.unitID,
            programmeID: programme?.id, programmeNumber: programme?.documentNumber)
        let view = DocumentDetailView.render(
            facts, canEdit: inSubtree && access.user.role.writesUnitRecords, linkUnit: inSubtree)
        return HTMLPage(req.chrome("\(document.kind.label) \(document.number)", section: .documents), view)
    }

    func newForm(req: Request) async throws -> HTMLPage {
        let access = try req.access
        try TopicService.requireWriter(access)
        var values = DocumentInput()
        if let root = access.scopeRoot { values.unitCode = try await OrgUnit.find(root, on: req.db)?.code }
        values.programmeID = try? req.query.get(String.self, at: "chuong-trinh")
        return try await page(req, id: nil, values: values, errors: FormErrors())
    }

    func create(req: Request) async throws -> Response {
        let access = try req.access
        try TopicService.requireWriter(access)
        let form = try req.content.decode(DocumentForm.self)
        do {
            let document = try await DocumentService.create(form.input, access: access)
            return req.redirect(to: .document(document.id), flash: "Đã thêm văn bản \(document.number).")
        } catch let problems as InvalidInput {
            return try await page(req, id: nil, values: form.input, errors: problems.formErrors, status: .unprocessableEntity)
                .encodeResponse(for: req)
        }
    }

    func editForm(req: Request) async throws -> HTMLPage {
        let access = try req.access
        let document = try await DocumentService.writable(req.parameters.get("id", as: Int.self), access: access)
        let unitCode = try await OrgUnit.find(document.unitID, on: req.db)?.code
        let values = DocumentInput(
            unitCode: unitCode, number: document.number, kind: document.kind.rawValue, title: document.title,
            issuedOn: document.issuedOn.iso, programmeID: document.programmeID.map(String.init))
        return try await page(req, id: document.id, values: values, errors: FormErrors())
    }

    func update(req: Request) async throws -> Response {
        let access = try req.access
        let document = try await DocumentService.writable(req.parameters.get("id", as: Int.self), access: access)
        let form = try req.content.decode(DocumentForm.self)
        do {
            try await DocumentService.update(document, with: form.input, access: access)
            return req.redirect(to: .document(document.id), flash: "Đã lưu văn bản \(document.number).")
        } catch let problems as InvalidInput {
            return try await page(req, id: document.id, values: form.input, errors: problems.formErrors, status: .unprocessableEntity)
                .encodeResponse(for: req)
        }
    }

    private func page(_ req: Request, id: Int?, values: DocumentInput, errors: FormErrors, status: HTTPStatus = .ok) async throws -> HTMLPage {
        let programmes = try await Programme.query(on: req.db).sort(\.$startsOn, .descending).all()
        let chrome = req.chrome(id == nil ? "Thêm văn bản chỉ đạo" : "Sửa văn bản chỉ đạo", section: .documents)
        let view = DocumentFormView.render(
            id: id, values: values, programmes: programmes.map { (value: String($0.id!), label: $0.documentNumber) },
            errors: errors, csrf: chrome.csrf)
        return HTMLPage(chrome, view, status: status)
    }

    /// Rows for the register's table.
    static func lines(_ result: DocumentSearchResult) -> [DocumentLine] {
        result.documents.map { d in
            DocumentLine(
                id: d.id!, number: d.number, issuedOn: d.issuedOn, kind: d.kind, title: d.title,
                unitName: result.units[d.unitID]?.name ?? "", programmeNumber: d.programmeID.flatMap { result.programmes[$0]?.documentNumber },
                programmeID: d.programmeID)
        }
    }
}
