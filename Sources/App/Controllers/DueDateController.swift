import Domain
import Fluent
import Vapor

/// Due dates (hạn nộp): those set in the account's subtree, editable by its writers, and those set
/// above that bind it, read-only.
struct DueDateController: RouteCollection {
    static let perPage = 50

    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.dueDates.pattern, use: list)
        routes.get(SiteURL.dueDateNew.pattern, use: newForm)
        routes.post(SiteURL.dueDateNew.pattern, use: create)
        routes.get(SiteURL.dueDateEdit(nil).pattern, use: editForm)
        routes.post(SiteURL.dueDateEdit(nil).pattern, use: update)
    }

    /// The form's fields, named as in the API.
    struct DueForm: Content {
        var unit: String?
        var kind: String?
        var year: String?
        var dueOn: String?
        var note: String?

        var input: DueDateInput { DueDateInput(unitCode: unit, kind: kind, year: year, dueOn: dueOn, note: note) }
    }

    struct ListParameters: Content {
        var nam: String?
        var loai: String?
        var trang: String?
    }

    func list(req: Request) async throws -> HTMLPage {
        let access = try req.access
        let p = try req.query.decode(ListParameters.self)
        let query = DueDateListQuery(year: p.nam ?? "", kind: p.loai ?? "")
        let filter = DueDateFilter(year: Int(query.year.trimmingCharacters(in: .whitespaces)), kind: DueKind(rawValue: query.kind))
        let page = PageNumber.from(p.trang)
        let result = try await DueDateService.search(filter, offset: (page - 1) * Self.perPage, limit: Self.perPage, access: access)
        let view = DueDateListView.render(query: query, lines: result.lines, total: result.total, page: page, perPage: Self.perPage,
                                          canCreate: access.user.role.writesUnitRecords)
        return HTMLPage(req.chrome("Hạn nộp", section: .records), view)
    }

    func newForm(req: Request) async throws -> HTMLPage {
        let access = try req.access
        try TopicService.requireWriter(access)
        var values = DueDateInput(kind: DueKind.unitPlanYear.rawValue, year: String(LocalDate.today().year + 1))
        if let root = access.scopeRoot { values.unitCode = try await OrgUnit.find(root, on: req.db)?.code }
        return page(req, id: nil, values: values, errors: FormErrors())
    }

    func create(req: Request) async throws -> Response {
        let access = try req.access
        try TopicService.requireWriter(access)
        let form = try req.content.decode(DueForm.self)
        do {
            let due = try await DueDateService.create(form.input, access: access)
            return req.redirect(to: .dueDates, flash: "Đã đặt hạn nộp \(due.kind.label.lowercased()) năm \(due.year): "
                                + "ngày \(VietnameseFormat.date(due.dueOn)).")
        } catch let problems as InvalidInput {
            return try await page(req, id: nil, values: form.input, errors: problems.formErrors, status: .unprocessableEntity)
                .encodeResponse(for: req)
        }
    }

    func editForm(req: Request) async throws -> HTMLPage {
        let access = try req.access
        let due = try await DueDateService.writable(req.parameters.get("id", as: Int.self), access: access)
        let values = DueDateInput(
            unitCode: try await OrgUnit.find(due.unitID, on: req.db)?.code, kind: due.kind.rawValue, year: String(due.year),
            dueOn: due.dueOn.iso, note: due.note)
        return page(req, id: due.id, values: values, errors: FormErrors())
    }

    func update(req: Request) async throws -> Response {
        let access = try req.access
        let due = try await DueDateService.writable(req.parameters.get("id", as: Int.self), access: access)
        let form = try req.content.decode(DueForm.self)
        do {
            try await DueDateService.update(due, with: form.input, access: access)
            return req.redirect(to: .dueDates, flash: "Đã lưu hạn nộp.")
        } catch let problems as InvalidInput {
            return try await page(req, id: due.id, values: form.input, errors: problems.formErrors, status: .unprocessableEntity)
                .encodeResponse(for: req)
        }
    }

    private func page(_ req: Request, id: Int?, values: DueDateInput, errors: FormErrors, status: HTTPStatus = .ok) -> HTMLPage {
        let chrome = req.chrome(id == nil ? "Đặt hạn nộp" : "Sửa hạn nộp", section: .records)
        return HTMLPage(chrome, DueDateFormView.render(id: id, values: values, errors: errors, csrf: chrome.csrf), status: status)
    }
}
