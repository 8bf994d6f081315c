import Domain
import Fluent
import SQLKit
import Vapor

/// The review of a plan: submitted by its unit, returned or approved by the level above
/// (PlanRules). Each step writes the plan, its event and the audit entry in one transaction.
extension UnitPlanService {
    /// Where the account stands with respect to the unit, in today's tree.
    static func standing(_ access: Access, unit unitID: Int) async throws -> PlanRules.Standing {
        if access.isAdmin { return .admin }
        guard access.user.role.seesUnits, let root = access.scopeRoot,
              try await Access.isDescendant(unitID, of: root, on: access.db)
        else { return .outside }
        return root == unitID ? .own : .above
    }

    /// The steps the account may take on the plan now, in the order the page offers them.
    static func allowedActions(_ plan: UnitPlan, access: Access) async throws -> [PlanAction] {
        let standing = try await standing(access, unit: plan.unitID)
        let writes = access.user.role.writesUnitRecords
        return PlanAction.allCases.filter {
            PlanRules.decide($0, status: plan.status, standing: standing, writes: writes) == .allowed
        }
    }

    static func perform(_ action: PlanAction, comment: String?, on plan: UnitPlan, access: Access, today: LocalDate = .today()) async throws {
        let standing = try await standing(access, unit: plan.unitID)
        switch PlanRules.decide(action, status: plan.status, standing: standing, writes: access.user.role.writesUnitRecords) {
        case .allowed: break
        case .notFound: throw Abort(.notFound)
        case .forbidden:
            if standing == .own {
                throw Abort(.forbidden, reason: "Kế hoạch của đơn vị mình không tự \(action.label.lowercased()) được: "
                            + "cấp trên trực tiếp xem xét, trả lại hoặc duyệt.")
            }
            throw Abort(.forbidden, reason: Access.readOnlyMessage)
        case .wrongStatus:
            throw Abort(.conflict, reason: "Không thể \(action.label.lowercased()) kế hoạch đang ở trạng thái “\(plan.status.label)”.")
        }

        var problems = InvalidInput()
        let text = VietnameseText.normalize(comment ?? "")
        if PlanRules.requiresComment(action) && text.isEmpty {
            problems.add("comment", "Ý kiến: khi trả lại phải ghi rõ lý do và nội dung cần sửa (ví dụ “còn chung chung, chưa có việc làm cụ thể”).")
        } else if text.count > commentLimit {
            problems.add("comment", "Ý kiến: dài quá \(commentLimit) ký tự.")
        }
        if action == .submit && plan.content.isEmpty {
            problems.add("content", "Nội dung kế hoạch: chưa nhập; hãy sửa kế hoạch, ghi nội dung trước khi nộp.")
        }
        try problems.check()

        let before = UnitPlanSnapshot(plan)
        let previous = plan.status
        plan.status = action.next(from: previous)!
        switch action {
        case .submit:
            if plan.firstSubmittedOn == nil { plan.firstSubmittedOn = today }
            plan.submittedOn = today
        case .approve:
            plan.approvedOn = today
        case .returnForRevision:
            break
        }
        let event = UnitPlanEvent()
        event.planID = plan.id!
        event.action = action
        event.onDate = today
        event.at = Date()
        event.userID = access.user.id
        event.username = access.user.username
        event.comment = text
        try await access.db.transaction { tx in
            // Two reviewers acting at once: only the first finds the status it started from.
            struct Row: Decodable { let id: Int }
            let claimed = try await (tx as! any SQLDatabase).update(UnitPlan.schema)
                .set("status", to: plan.status.rawValue)
                .where("id", .equal, plan.id!).where("status", .equal, previous.rawValue)
                .returning("id").all(decoding: Row.self)
            guard !claimed.isEmpty else {
                throw Abort(.conflict, reason: "Kế hoạch vừa được người khác xử lý; hãy tải lại trang.")
            }
            try await plan.update(on: tx)
            try await event.create(on: tx)
            try await Audit.record(
                on: tx, by: access.user, auditAction(action), .unitPlan, id: plan.id, unit: plan.unitID,
                summary: "\(action.label) \(name(plan.scope, plan.year))\(text.isEmpty ? "" : ": \(text)")",
                before: before, after: UnitPlanSnapshot(plan))
        }
    }

    static func auditAction(_ action: PlanAction) -> Audit.Action {
        switch action {
        case .submit: .submit
        case .returnForRevision: .returnForRevision
        case .approve: .approve
        }
    }

    /// The plan's review history, oldest first.
    static func events(_ plan: UnitPlan, on db: any Database) async throws -> [UnitPlanEvent] {
        try await UnitPlanEvent.query(on: db).filter(\.$planID == plan.id!).sort(\.$at).sort(\.$id).all()
    }
}
