import Domain
import Fluent
import Vapor

/// A plan's page and its review steps (one POST with `action` and `comment`).
extension UnitPlanController {
    struct ActionForm: Content {
        var action: String?
        var comment: String?
    }

    func show(req: Request) async throws -> HTMLPage {
        let access = try req.access
        let plan = try await UnitPlanService.readable(req.parameters.get("id", as: Int.self), access: access)
        return try await planPage(req, plan, access: access)
    }

    func act(req: Request) async throws -> Response {
        let access = try req.access
        let plan = try await UnitPlanService.readable(req.parameters.get("id", as: Int.self), access: access)
        let form = try req.content.decode(ActionForm.self)
        guard let action = PlanAction(rawValue: form.action ?? "") else {
            throw Abort(.badRequest, reason: "Thao tác không hợp lệ: hãy chọn nộp, trả lại hoặc duyệt.")
        }
        do {
            try await UnitPlanService.perform(action, comment: form.comment, on: plan, access: access)
        } catch let problems as InvalidInput {
            return try await planPage(req, plan, access: access, comment: form.comment ?? "", errors: problems.formErrors,
                                      status: .unprocessableEntity).encodeResponse(for: req)
        }
        return req.redirect(to: .unitPlan(plan.id), flash: Self.done(action, plan))
    }

    static func done(_ action: PlanAction, _ plan: UnitPlan) -> String {
        switch action {
        case .submit: "Đã nộp \(UnitPlanService.name(plan.scope, plan.year)) lên cấp trên."
        case .returnForRevision: "Đã trả lại kế hoạch để đơn vị sửa."
        case .approve: "Đã duyệt kế hoạch."
        }
    }

    private func planPage(
        _ req: Request, _ plan: UnitPlan, access: Access, comment: String = "", errors: FormErrors = FormErrors(),
        status: HTTPStatus = .ok
    ) async throws -> HTMLPage {
        guard let line = try await UnitPlanService.lines([plan], on: req.db).first else { throw Abort(.notFound) }
        let writes = access.user.role.writesUnitRecords
        var model = UnitPlanPageModel(
            line: line,
            events: try await UnitPlanService.events(plan, on: req.db),
            goals: try await GoalService.goals(of: plan, on: req.db),
            actions: try await UnitPlanService.allowedActions(plan, access: access),
            canEdit: writes && PlanRules.isEditable(plan.status),
            canAddGoal: writes)
        model.comment = comment
        model.errors = errors
        let chrome = req.chrome("\(UnitPlanDetailView.title(plan)) — \(line.unit?.name ?? "")", section: .records)
        return HTMLPage(chrome, UnitPlanDetailView.render(model, csrf: chrome.csrf), status: status)
    }
}
