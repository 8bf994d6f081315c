import Domain
import Fluent
import Vapor

/// Breakthrough goals (nội dung đột phá): registered from their plan's page, each with its own
/// page of progress notes. The unit's writers change them whatever the plan's review status.
struct GoalController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.goalNew(nil).pattern, use: newForm)
        routes.post(SiteURL.goalNew(nil).pattern, use: create)
        routes.get(SiteURL.goal(nil).pattern, use: show)
        routes.get(SiteURL.goalEdit(nil).pattern, use: editForm)
        routes.post(SiteURL.goalEdit(nil).pattern, use: update)
        routes.post(SiteURL.goalNote(nil).pattern, use: addNote)
    }

    /// The form's fields, named as in the API.
    struct GoalForm: Content {
        var title: String?
        var expectedResult: String?
        var deadline: String?
        var status: String?
        var finalResult: String?

        var input: GoalInput {
            GoalInput(title: title, expectedResult: expectedResult, deadline: deadline, status: status, finalResult: finalResult)
        }
    }

    struct NoteForm: Content {
        var onDate: String?
        var note: String?
    }

    func newForm(req: Request) async throws -> HTMLPage {
        let access = try req.access
        let plan = try await UnitPlanService.writable(req.parameters.get("id", as: Int.self), access: access)
        let deadline = plan.scope == .year ? LocalDate.lastOf(year: plan.year) : LocalDate.today()
        let values = GoalInput(deadline: deadline.iso, status: GoalStatus.inProgress.rawValue)
        return page(req, goalID: nil, plan: plan, values: values, errors: FormErrors())
    }

    func create(req: Request) async throws -> Response {
        let access = try req.access
        let plan = try await UnitPlanService.writable(req.parameters.get("id", as: Int.self), access: access)
        let form = try req.content.decode(GoalForm.self)
        do {
            let goal = try await GoalService.create(in: plan, form.input, access: access)
            return req.redirect(to: .goal(goal.id), flash: "Đã đăng ký nội dung đột phá.")
        } catch let problems as InvalidInput {
            return try await page(req, goalID: nil, plan: plan, values: form.input, errors: problems.formErrors,
                                  status: .unprocessableEntity).encodeResponse(for: req)
        }
    }

    func show(req: Request) async throws -> HTMLPage {
        let access = try req.access
        let goal = try await GoalService.readable(req.parameters.get("id", as: Int.self), access: access)
        return try await goalPage(req, goal, access: access)
    }

    func editForm(req: Request) async throws -> HTMLPage {
        let access = try req.access
        let goal = try await GoalService.writable(req.parameters.get("id", as: Int.self), access: access)
        let plan = try await plan(of: goal, on: req.db)
        let values = GoalInput(title: goal.title, expectedResult: goal.expectedResult, deadline: goal.deadline.iso,
                               status: goal.status.rawValue, finalResult: goal.finalResult)
        return page(req, goalID: goal.id, plan: plan, values: values, errors: FormErrors())
    }

    func update(req: Request) async throws -> Response {
        let access = try req.access
        let goal = try await GoalService.writable(req.parameters.get("id", as: Int.self), access: access)
        let form = try req.content.decode(GoalForm.self)
        do {
            try await GoalService.update(goal, with: form.input, access: access)
            return req.redirect(to: .goal(goal.id), flash: "Đã lưu nội dung đột phá.")
        } catch let problems as InvalidInput {
            let plan = try await plan(of: goal, on: req.db)
            return try await page(req, goalID: goal.id, plan: plan, values: form.input,
                        errors: problems.formErrors, status: .unprocessableEntity)
                .encodeResponse(for: req)
        }
    }

    func addNote(req: Request) async throws -> Response {
        let access = try req.access
        let goal = try await GoalService.writable(req.parameters.get("id", as: Int.self), access: access)
        let form = try req.content.decode(NoteForm.self)
        do {
            try await GoalService.addNote(to: goal, onDate: form.onDate, note: form.note, access: access)
            return req.redirect(to: .goal(goal.id), flash: "Đã ghi tiến độ.")
        } catch let problems as InvalidInput {
            return try await goalPage(req, goal, access: access, noteDate: form.onDate ?? "", noteText: form.note ?? "",
                                      errors: problems.formErrors, status: .unprocessableEntity).encodeResponse(for: req)
        }
    }

    private func plan(of goal: BreakthroughGoal, on db: any Database) async throws -> UnitPlan {
        guard let plan = try await UnitPlan.find(goal.planID, on: db) else { throw Abort(.notFound) }
        return plan
    }

    private func goalPage(
        _ req: Request, _ goal: BreakthroughGoal, access: Access, noteDate: String? = nil, noteText: String = "",
        errors: FormErrors = FormErrors(), status: HTTPStatus = .ok
    ) async throws -> HTMLPage {
        var model = GoalPageModel(
            goal: goal, plan: try await plan(of: goal, on: req.db),
            unitName: try await OrgUnit.find(goal.unitID, on: req.db)?.name ?? "",
            notes: try await GoalService.notes(of: goal, on: req.db),
            canEdit: access.user.role.writesUnitRecords)
        if let noteDate { model.noteDate = noteDate }
        model.noteText = noteText
        model.errors = errors
        let chrome = req.chrome(goal.title, section: .records)
        return HTMLPage(chrome, GoalDetailView.render(model, csrf: chrome.csrf), status: status)
    }

    private func page(
        _ req: Request, goalID: Int?, plan: UnitPlan, values: GoalInput, errors: FormErrors, status: HTTPStatus = .ok
    ) -> HTMLPage {
        let chrome = req.chrome(goalID == nil ? "Đăng ký nội dung đột phá" : "Sửa nội dung đột phá", section: .records)
        let view = GoalFormView.render(goalID: goalID, planID: plan.id!, planTitle: "\(UnitPlanDetailView.title(plan)): \(plan.theme)",
                                       values: values, errors: errors, csrf: chrome.csrf)
        return HTMLPage(chrome, view, status: status)
    }
}
