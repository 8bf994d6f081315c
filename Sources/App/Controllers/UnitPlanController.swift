import Domain
import Fluent
import Vapor

/// Unit plans: the list with "waiting for your review", a plan's page with its review steps, and
/// the forms. Read in the account's subtree; written by its writers while the plan is a draft or
/// returned.
struct UnitPlanController: RouteCollection {
    static let perPage = 50
    static let awaitingShown = 20

    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.unitPlans.pattern, use: list)
        routes.get(SiteURL.unitPlanNew.pattern, use: newForm)
        routes.post(SiteURL.unitPlanNew.pattern, use: create)
        routes.get(SiteURL.unitPlan(nil).pattern, use: show)
        routes.get(SiteURL.unitPlanEdit(nil).pattern, use: editForm)
        routes.post(SiteURL.unitPlanEdit(nil).pattern, use: update)
        routes.post(SiteURL.unitPlanAction(nil).pattern, use: act)
    }

    /// The form's fields, named as in the API.
    struct PlanForm: Content {
        var unit: String?
        var programmeId: String?
        var scope: String?
        var year: String?
        var theme: String?
        var content: String?
        var documentNumber: String?

        var input: UnitPlanInput {
            UnitPlanInput(unitCode: unit, programmeID: programmeId, scope: scope, year: year, theme: theme, content: content,
                          documentNumber: documentNumber)
        }
    }

    struct ListParameters: Content {
        var donVi: String?
        var nam: String?
        var loai: String?
        var trangThai: String?
        var trang: String?

        enum CodingKeys: String, CodingKey {
            case nam, loai, trang
            case donVi = "don-vi"
            case trangThai = "trang-thai"
        }
    }

    func list(req: Request) async throws -> HTMLPage {
        let access = try req.access
        try UnitPlanService.requireLister(access)
        let p = try req.query.decode(ListParameters.self)
        let query = UnitPlanListQuery(unit: p.donVi ?? "", year: p.nam ?? "", scope: p.loai ?? "", status: p.trangThai ?? "")
        let filter = UnitPlanFilter(
            unitCode: query.unit, year: Int(query.year.trimmingCharacters(in: .whitespaces)),
            scope: PlanScope(rawValue: query.scope), status: PlanStatus(rawValue: query.status))
        let page = PageNumber.from(p.trang)
        let result = try await UnitPlanService.search(filter, offset: (page - 1) * Self.perPage, limit: Self.perPage, access: access)
        let awaiting = try await UnitPlanService.awaitingReview(access: access, limit: Self.awaitingShown)
        let model = UnitPlanListModel(
            query: query, lines: result.lines, total: result.total, page: page, perPage: Self.perPage,
            unknownUnit: result.unknownUnit, canCreate: access.user.role.writesUnitRecords,
            awaiting: awaiting.lines, awaitingTotal: awaiting.total)
        return HTMLPage(req.chrome("Kế hoạch thực hiện", section: .records), UnitPlanListView.render(model))
    }

    func newForm(req: Request) async throws -> HTMLPage {
        let access = try req.access
        try TopicService.requireWriter(access)
        var values = UnitPlanInput()
        values.unitCode = try? req.query.get(String.self, at: "don-vi")
        if values.unitCode?.isEmpty ?? true, let root = access.scopeRoot {
            values.unitCode = try await OrgUnit.find(root, on: req.db)?.code
        }
        values.programmeID = try await Programme.query(on: req.db).sort(\.$startsOn, .descending).first()?.id.map(String.init)
        values.scope = PlanScope.year.rawValue
        values.year = String(LocalDate.today().year)
        return try await page(req, id: nil, values: values, errors: FormErrors())
    }

    func create(req: Request) async throws -> Response {
        let access = try req.access
        try TopicService.requireWriter(access)
        let form = try req.content.decode(PlanForm.self)
        do {
            let plan = try await UnitPlanService.create(form.input, access: access)
            return req.redirect(to: .unitPlan(plan.id), flash: "Đã lưu dự thảo \(UnitPlanService.name(plan.scope, plan.year)); "
                                + "khi hoàn chỉnh, bấm “Nộp kế hoạch lên cấp trên”.")
        } catch let problems as InvalidInput {
            return try await page(req, id: nil, values: form.input, errors: problems.formErrors, status: .unprocessableEntity)
                .encodeResponse(for: req)
        }
    }

    func editForm(req: Request) async throws -> HTMLPage {
        let access = try req.access
        let plan = try await UnitPlanService.writable(req.parameters.get("id", as: Int.self), access: access)
        try UnitPlanService.requireEditable(plan)
        let values = UnitPlanInput(
            unitCode: try await OrgUnit.find(plan.unitID, on: req.db)?.code, programmeID: String(plan.programmeID),
            scope: plan.scope.rawValue, year: String(plan.year), theme: plan.theme, content: plan.content,
            documentNumber: plan.documentNumber)
        return try await page(req, id: plan.id, values: values, errors: FormErrors())
    }

    func update(req: Request) async throws -> Response {
        let access = try req.access
        let plan = try await UnitPlanService.writable(req.parameters.get("id", as: Int.self), access: access)
        try UnitPlanService.requireEditable(plan)
        let form = try req.content.decode(PlanForm.self)
        do {
            try await UnitPlanService.update(plan, with: form.input, access: access)
            return req.redirect(to: .unitPlan(plan.id), flash: "Đã lưu kế hoạch.")
        } catch let problems as InvalidInput {
            return try await page(req, id: plan.id, values: form.input, errors: problems.formErrors, status: .unprocessableEntity)
                .encodeResponse(for: req)
        }
    }

    private func page(_ req: Request, id: Int?, values: UnitPlanInput, errors: FormErrors, status: HTTPStatus = .ok) async throws -> HTMLPage {
        let programmes = try await Programme.query(on: req.db).sort(\.$startsOn, .descending).all()
        let options = programmes.map { (value: String($0.id!), label: "\($0.documentNumber) (\($0.topicYearsText))") }
        let chrome = req.chrome(id == nil ? "Thêm kế hoạch thực hiện" : "Sửa kế hoạch thực hiện", section: .records)
        let view = UnitPlanFormView.render(id: id, values: values, programmes: options, errors: errors, csrf: chrome.csrf)
        return HTMLPage(chrome, view, status: status)
    }
}
