import Domain
import Fluent
import Vapor

/// A unit-plan form or API body, as entered.
struct UnitPlanInput: Sendable {
    var unitCode: String?
    var programmeID: String?
    var scope: String?
    var year: String?
    var theme: String?
    var content: String?
    var documentNumber: String?
}

/// What the audit log keeps of a unit plan.
struct UnitPlanSnapshot: Codable, Sendable {
    let unitID: Int
    let programmeID: Int
    let scope: String
    let year: Int
    let theme: String
    let content: String
    let documentNumber: String
    let status: String
    let firstSubmittedOn: String?
    let submittedOn: String?
    let approvedOn: String?

    init(_ p: UnitPlan) {
        unitID = p.unitID
        programmeID = p.programmeID
        scope = p.scope.rawValue
        year = p.year
        theme = p.theme
        content = p.content
        documentNumber = p.documentNumber
        status = p.status.rawValue
        firstSubmittedOn = p.firstSubmittedOn?.iso
        submittedOn = p.submittedOn?.iso
        approvedOn = p.approvedOn?.iso
    }
}

/// Unit plans (kế hoạch thực hiện): written by the unit, reviewed by the level above. Read in the
/// account's subtree; the text changes only while the plan is with its unit (draft or returned).
enum UnitPlanService {
    static let themeLimit = 500
    static let contentLimit = 20_000
    static let commentLimit = 2000
    static let numberLimit = 50

    static func create(_ input: UnitPlanInput, access: Access) async throws -> UnitPlan {
        try TopicService.requireWriter(access)
        let plan = UnitPlan()
        plan.status = .draft
        try await validated(input, for: nil, access: access).apply(to: plan)
        try await saving(plan) {
            try await access.db.transaction { tx in
                try await plan.create(on: tx)
                try await Audit.record(
                    on: tx, by: access.user, .create, .unitPlan, id: plan.id, unit: plan.unitID,
                    summary: "Thêm \(name(plan.scope, plan.year)): \(plan.theme)", after: UnitPlanSnapshot(plan))
            }
        }
        return plan
    }

    static func update(_ plan: UnitPlan, with input: UnitPlanInput, access: Access) async throws {
        try await access.requireWrite(unit: plan.unitID)
        try requireEditable(plan)
        let before = UnitPlanSnapshot(plan)
        try await validated(input, for: plan, access: access).apply(to: plan)
        try await saving(plan) {
            try await access.db.transaction { tx in
                try await plan.update(on: tx)
                try await Audit.record(
                    on: tx, by: access.user, .update, .unitPlan, id: plan.id, unit: plan.unitID,
                    summary: "Sửa \(name(plan.scope, plan.year)): \(plan.theme)",
                    before: before, after: UnitPlanSnapshot(plan))
            }
        }
    }

    /// Plans are the units' records: members have no list.
    static func requireLister(_ access: Access) throws {
        guard access.user.role.seesUnits else { throw Abort(.forbidden, reason: Access.readOnlyMessage) }
    }

    /// A plan of the account's subtree; 404 otherwise.
    static func readable(_ id: Int?, access: Access) async throws -> UnitPlan {
        guard let id, let plan = try await UnitPlan.find(id, on: access.db) else { throw Abort(.notFound) }
        try await access.requireRead(unit: plan.unitID)
        return plan
    }

    /// A plan the account may change: 404 outside the subtree, 403 when read-only.
    static func writable(_ id: Int?, access: Access) async throws -> UnitPlan {
        let plan = try await readable(id, access: access)
        try await access.requireWrite(unit: plan.unitID)
        return plan
    }

    /// 409 once the plan has gone up for review: what was submitted is what is reviewed.
    static func requireEditable(_ plan: UnitPlan) throws {
        guard PlanRules.isEditable(plan.status) else {
            throw Abort(.conflict, reason: "Kế hoạch đang ở trạng thái “\(plan.status.label)”: chỉ sửa được khi còn dự thảo "
                        + "hoặc đã bị trả lại để sửa.")
        }
    }

    /// "kế hoạch năm 2024", "kế hoạch toàn khóa": how sentences name a plan.
    static func name(_ scope: PlanScope, _ year: Int) -> String {
        scope == .year ? "kế hoạch năm \(year)" : "kế hoạch toàn khóa"
    }

    static func duplicateMessage(unitName: String, scope: PlanScope, year: Int, programme: String) -> String {
        "Năm: \(unitName) đã có \(name(scope, year)) theo \(programme); "
            + "mỗi đơn vị chỉ có một kế hoạch như vậy, hãy sửa kế hoạch đã có."
    }

    /// A concurrent save of the same plan passes the check but hits the unique index.
    private static func saving(_ plan: UnitPlan, _ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let error as any DatabaseError where error.isConstraintFailure {
            throw InvalidInput([ValidationFailure(field: "year", message: "Năm: đơn vị đã có "
                + "\(name(plan.scope, plan.year)) theo chương trình này; mỗi đơn vị chỉ có một kế hoạch như vậy.")])
        }
    }
}
