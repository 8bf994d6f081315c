import Domain
import Fluent
import Vapor

/// Personal plans and commitments: the secretary's overview, a plan's page and form, a plan
/// started for a member from paper; the member's own page, the template and the one-screen
/// assessment live in the extensions.
struct PersonalPlanController: RouteCollection {
    static let perPage = 50

    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.personalPlans.pattern, use: overview)
        routes.get(SiteURL.personalPlan(nil).pattern, use: show)
        routes.get(SiteURL.personalPlanEdit(nil).pattern, use: editForm)
        routes.post(SiteURL.personalPlanEdit(nil).pattern, use: update)
        routes.get(SiteURL.personPersonalPlan(nil).pattern, use: newForm)
        routes.post(SiteURL.personPersonalPlan(nil).pattern, use: create)
        routes.get(SiteURL.myPlan.pattern, use: mine)
        routes.post(SiteURL.myPlan.pattern, use: saveMine)
        routes.get(SiteURL.planTemplate.pattern, use: templateForm)
        routes.post(SiteURL.planTemplate.pattern, use: saveTemplate)
        routes.post(SiteURL.personalPlansFromTemplate.pattern, use: fromTemplate)
        routes.get(SiteURL.personalPlanAssessment.pattern, use: assessmentForm)
        routes.post(SiteURL.personalPlanAssessment.pattern, use: saveAssessment)
    }

    func overview(req: Request) async throws -> HTMLPage {
        let access = try req.access
        try PersonalPlanService.requireLister(access)
        let p = try req.query.decode(UnitYearPageQuery.self)
        let page = PageNumber.from(p.trang)
        let overview = try await PersonalPlanService.overview(
            unitCode: p.donVi ?? "", year: ListYear.from(p.nam), offset: (page - 1) * Self.perPage, limit: Self.perPage, access: access)
        let chrome = req.chrome("Kế hoạch cá nhân, cam kết", section: .records)
        let model = PersonalPlanOverviewModel(
            query: PersonalPlanListQuery(unit: p.donVi ?? "", year: p.nam ?? ""), overview: overview, page: page,
            perPage: Self.perPage, canWrite: access.user.role.writesUnitRecords)
        return HTMLPage(chrome, PersonalPlanOverviewView.render(model, csrf: chrome.csrf))
    }

    func show(req: Request) async throws -> HTMLPage {
        let access = try req.access
        let plan = try await PersonalPlanService.readable(req.parameters.get("id", as: Int.self), access: access)
        let facts = try await PersonalPlanService.facts(plan, on: req.db)
        let canEdit = try await Self.allows { try await PersonalPlanService.requireEdit(plan, access: access) }
        let back = access.user.role.seesUnits && !PersonalPlanService.isOwner(plan, access)
            ? (SiteURL.personalPlans.with([("don-vi", facts.unitCode), ("nam", String(plan.year))]), "Kế hoạch cá nhân của chi bộ")
            : (MyPlanView.link(plan.year), "Kế hoạch của tôi")
        let view = PersonalPlanDetailView.render(facts, canEdit: canEdit, back: back)
        return HTMLPage(req.chrome("Kế hoạch cá nhân năm \(plan.year): \(facts.personName)"), view)
    }

    func editForm(req: Request) async throws -> HTMLPage {
        let access = try req.access
        let plan = try await PersonalPlanService.editable(req.parameters.get("id", as: Int.self), access: access)
        let values = PersonalPlanInput(
            items: try await PersonalPlanService.items(of: plan, on: req.db), commitment: plan.commitment,
            exemplaryCommitment: plan.exemplaryCommitment, selfAssessment: plan.selfAssessment, submittedOn: plan.submittedOn?.iso)
        return try await editPage(req, plan, values: values, errors: FormErrors())
    }

    func update(req: Request) async throws -> Response {
        let access = try req.access
        let plan = try await PersonalPlanService.editable(req.parameters.get("id", as: Int.self), access: access)
        let input = try Self.formInput(req)
        let wasDraft = plan.status == .draft
        do {
            try await PersonalPlanService.update(plan, with: input, access: access)
            let done = wasDraft && plan.status == .submitted ? "Đã nộp" : "Đã lưu"
            return req.redirect(to: .personalPlan(plan.id), flash: "\(done) kế hoạch cá nhân năm \(plan.year).")
        } catch let problems as InvalidInput {
            return try await editPage(req, plan, values: input, errors: problems.formErrors, status: .unprocessableEntity).encodeResponse(for: req)
        }
    }

    private func editPage(_ req: Request, _ plan: PersonalPlan, values: PersonalPlanInput, errors: FormErrors, status: HTTPStatus = .ok) async throws -> HTMLPage {
        let access = try req.access
        let name = try await Person.find(plan.personID, on: req.db)?.fullName ?? ""
        let form = PersonalPlanFormModel(
            action: SiteURL.personalPlanEdit(plan.id).path, values: values, submitted: plan.status == .submitted,
            yearEnd: PersonalPlanService.isYearEnd(plan.year),
            paper: try await PersonalPlanService.writesForMembers(plan, access) && !PersonalPlanService.isOwner(plan, access),
            cancel: SiteURL.personalPlan(plan.id).path)
        let chrome = req.chrome("Sửa kế hoạch cá nhân năm \(plan.year)")
        let view = H.group([H.h1("Kế hoạch cá nhân năm \(plan.year)"), H.p(name, class: "hint"),
                            PersonalPlanForm.render(form, errors: errors, csrf: chrome.csrf)])
        return HTMLPage(chrome, view, status: status)
    }

    /// A posted plan form; a post without one of the two buttons is not a save.
    static func formInput(_ req: Request) throws -> PersonalPlanInput {
        let fields = try req.content.decode([String: String].self)
        let input = PersonalPlanForm.input(fields)
        guard input.status != nil else { throw Abort(.badRequest, reason: "Chưa chọn “Lưu nháp” hay “Nộp kế hoạch”.") }
        return input
    }

    /// Whether an access check passes (it throws 403 or 404 when it does not).
    static func allows(_ check: () async throws -> Void) async throws -> Bool {
        do {
            try await check()
            return true
        } catch let error as any AbortError where [.forbidden, .notFound].contains(error.status) {
            return false
        }
    }
}
