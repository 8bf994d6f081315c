import Domain
import Fluent
import Vapor

/// Outreach activities: read and written in the account's subtree, listed with the totals of the
/// filtered set.
struct OutreachController: RouteCollection {
    static let perPage = 50

    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.outreach.pattern, use: list)
        routes.get(SiteURL.outreachNew.pattern, use: newForm)
        routes.post(SiteURL.outreachNew.pattern, use: create)
        routes.get(SiteURL.outreachActivity(nil).pattern, use: show)
        routes.get(SiteURL.outreachEdit(nil).pattern, use: editForm)
        routes.post(SiteURL.outreachEdit(nil).pattern, use: update)
    }

    /// The form's fields, named as in the API.
    struct ActivityForm: Content {
        var unit: String?
        var heldOn: String?
        var form: String?
        var title: String?
        var participants: String?
        var note: String?

        var input: OutreachInput {
            OutreachInput(unitCode: unit, heldOn: heldOn, form: form, title: title, participants: participants, note: note)
        }
    }

    struct ListParameters: Content {
        var donVi: String?
        var nam: String?
        var hinhThuc: String?
        var trang: String?

        enum CodingKeys: String, CodingKey {
            case nam, trang
            case donVi = "don-vi"
            case hinhThuc = "hinh-thuc"
        }
    }

    func list(req: Request) async throws -> HTMLPage {
        let access = try req.access
        let p = try req.query.decode(ListParameters.self)
        let query = OutreachListQuery(unit: p.donVi ?? "", year: p.nam ?? "", form: p.hinhThuc ?? "")
        let filter = OutreachFilter(unitCode: query.unit, year: Int(query.year.trimmingCharacters(in: .whitespaces)),
                                    form: OutreachForm(rawValue: query.form))
        let page = PageNumber.from(p.trang)
        let result = try await OutreachService.search(filter, offset: (page - 1) * Self.perPage, limit: Self.perPage, access: access)
        let totals = try await OutreachService.totals(filter, access: access) ?? OutreachTotals(activities: 0, participants: 0)
        let lines = result.activities.map { a in
            OutreachLine(id: a.id!, heldOn: a.heldOn, form: a.form, title: a.title, participants: a.participants,
                         unitName: result.units[a.unitID]?.name ?? "")
        }
        let view = OutreachListView.render(
            query: query, lines: lines, total: result.total, totals: totals, page: page, perPage: Self.perPage,
            unknownUnit: result.unknownUnit, canCreate: access.user.role.writesUnitRecords)
        return HTMLPage(req.chrome("Hoạt động tuyên truyền"), view)
    }

    func show(req: Request) async throws -> HTMLPage {
        let access = try req.access
        let activity = try await OutreachService.readable(req.parameters.get("id", as: Int.self), access: access)
        let unit = try await OrgUnit.find(activity.unitID, on: req.db)
        let facts = OutreachFacts(
            id: activity.id!, heldOn: activity.heldOn, form: activity.form, title: activity.title,
            participants: activity.participants, note: activity.note, unitName: unit?.name ?? "", unitID: activity.unitID)
        return HTMLPage(req.chrome(activity.title), OutreachDetailView.render(facts, canEdit: access.user.role.writesUnitRecords))
    }

    func newForm(req: Request) async throws -> HTMLPage {
        let access = try req.access
        try TopicService.requireWriter(access)
        var values = OutreachInput()
        if let root = access.scopeRoot { values.unitCode = try await OrgUnit.find(root, on: req.db)?.code }
        return page(req, id: nil, values: values, errors: FormErrors())
    }

    func create(req: Request) async throws -> Response {
        let access = try req.access
        try TopicService.requireWriter(access)
        let form = try req.content.decode(ActivityForm.self)
        do {
            let activity = try await OutreachService.create(form.input, access: access)
            return req.redirect(to: .outreachActivity(activity.id), flash: "Đã thêm hoạt động tuyên truyền.")
        } catch let problems as InvalidInput {
            return try await page(req, id: nil, values: form.input, errors: problems.formErrors, status: .unprocessableEntity)
                .encodeResponse(for: req)
        }
    }

    func editForm(req: Request) async throws -> HTMLPage {
        let access = try req.access
        let activity = try await OutreachService.writable(req.parameters.get("id", as: Int.self), access: access)
        let unitCode = try await OrgUnit.find(activity.unitID, on: req.db)?.code
        let values = OutreachInput(
            unitCode: unitCode, heldOn: activity.heldOn.iso, form: activity.form.rawValue, title: activity.title,
            participants: String(activity.participants), note: activity.note)
        return page(req, id: activity.id, values: values, errors: FormErrors())
    }

    func update(req: Request) async throws -> Response {
        let access = try req.access
        let activity = try await OutreachService.writable(req.parameters.get("id", as: Int.self), access: access)
        let form = try req.content.decode(ActivityForm.self)
        do {
            try await OutreachService.update(activity, with: form.input, access: access)
            return req.redirect(to: .outreachActivity(activity.id), flash: "Đã lưu hoạt động tuyên truyền.")
        } catch let problems as InvalidInput {
            return try await page(req, id: activity.id, values: form.input, errors: problems.formErrors, status: .unprocessableEntity)
                .encodeResponse(for: req)
        }
    }

    private func page(_ req: Request, id: Int?, values: OutreachInput, errors: FormErrors, status: HTTPStatus = .ok) -> HTMLPage {
        let chrome = req.chrome(id == nil ? "Thêm hoạt động tuyên truyền" : "Sửa hoạt động tuyên truyền")
        return HTMLPage(chrome, OutreachFormView.render(id: id, values: values, errors: errors, csrf: chrome.csrf), status: status)
    }
}
