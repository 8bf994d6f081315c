import Domain
import Fluent
import Vapor

/// A breakthrough-goal form or API body, as entered.
struct GoalInput: Sendable {
    var title: String?
    var expectedResult: String?
    var deadline: String?
    var status: String?
    var finalResult: String?
}

/// What the audit log keeps of a breakthrough goal.
struct GoalSnapshot: Codable, Sendable {
    let planID: Int
    let title: String
    let expectedResult: String
    let deadline: String
    let status: String
    let finishedOn: String?
    let finalResult: String

    init(_ g: BreakthroughGoal) {
        planID = g.planID
        title = g.title
        expectedResult = g.expectedResult
        deadline = g.deadline.iso
        status = g.status.rawValue
        finishedOn = g.finishedOn?.iso
        finalResult = g.finalResult
    }
}

/// Breakthrough goals (nội dung đột phá) registered in a unit plan, and their dated progress
/// notes. The unit's writers keep them up to date whatever the plan's review status: progress
/// and results come after approval.
enum GoalService {
    static let titleLimit = 500
    static let textLimit = 4000

    static func create(in plan: UnitPlan, _ input: GoalInput, access: Access, today: LocalDate = .today()) async throws -> BreakthroughGoal {
        try await access.requireWrite(unit: plan.unitID)
        let goal = BreakthroughGoal()
        goal.planID = plan.id!
        goal.unitID = plan.unitID
        try validated(input, plan: plan, previous: nil, today: today).apply(to: goal)
        try await access.db.transaction { tx in
            try await goal.create(on: tx)
            try await Audit.record(
                on: tx, by: access.user, .create, .breakthroughGoal, id: goal.id, unit: goal.unitID,
                summary: "Đăng ký nội dung đột phá: \(goal.title)", after: GoalSnapshot(goal))
        }
        return goal
    }

    static func update(_ goal: BreakthroughGoal, with input: GoalInput, access: Access, today: LocalDate = .today()) async throws {
        try await access.requireWrite(unit: goal.unitID)
        guard let plan = try await UnitPlan.find(goal.planID, on: access.db) else { throw Abort(.notFound) }
        let before = GoalSnapshot(goal)
        try validated(input, plan: plan, previous: goal, today: today).apply(to: goal)
        try await access.db.transaction { tx in
            try await goal.update(on: tx)
            try await Audit.record(
                on: tx, by: access.user, .update, .breakthroughGoal, id: goal.id, unit: goal.unitID,
                summary: "Sửa nội dung đột phá: \(goal.title) (\(goal.status.label.lowercased()))",
                before: before, after: GoalSnapshot(goal))
        }
    }

    /// A dated note of progress; audited as a change of its goal.
    @discardableResult
    static func addNote(to goal: BreakthroughGoal, onDate: String?, note: String?, access: Access, today: LocalDate = .today()) async throws -> GoalProgressNote {
        try await access.requireWrite(unit: goal.unitID)
        var problems = InvalidInput()
        let day = ProgrammeService.requiredDate(onDate, "onDate", "Ngày ghi tiến độ", &problems)
        if let day, day > today { problems.add("onDate", "Ngày ghi tiến độ: không được sau ngày hôm nay.") }
        let text = VietnameseText.normalize(note ?? "")
        if text.isEmpty {
            problems.add("note", "Tiến độ: chưa nhập việc đã làm, kết quả đạt được.")
        } else if text.count > textLimit {
            problems.add("note", "Tiến độ: dài quá \(VietnameseFormat.number(textLimit)) ký tự.")
        }
        try problems.check()
        let entry = GoalProgressNote()
        entry.goalID = goal.id!
        entry.onDate = day!
        entry.note = text
        entry.username = access.user.username
        try await access.db.transaction { tx in
            try await entry.create(on: tx)
            try await Audit.record(
                on: tx, by: access.user, .update, .breakthroughGoal, id: goal.id, unit: goal.unitID,
                summary: "Ghi tiến độ ngày \(VietnameseFormat.date(day!)) của nội dung đột phá: \(goal.title)",
                after: ["onDate": day!.iso, "note": text])
        }
        return entry
    }

    /// A goal of the account's subtree; 404 otherwise.
    static func readable(_ id: Int?, access: Access) async throws -> BreakthroughGoal {
        guard let id, let goal = try await BreakthroughGoal.find(id, on: access.db) else { throw Abort(.notFound) }
        try await access.requireRead(unit: goal.unitID)
        return goal
    }

    /// A goal the account may change: 404 outside the subtree, 403 when read-only.
    static func writable(_ id: Int?, access: Access) async throws -> BreakthroughGoal {
        let goal = try await readable(id, access: access)
        try await access.requireWrite(unit: goal.unitID)
        return goal
    }

    static func goals(of plan: UnitPlan, on db: any Database) async throws -> [BreakthroughGoal] {
        try await BreakthroughGoal.query(on: db).filter(\.$planID == plan.id!).sort(\.$deadline).sort(\.$id).all()
    }

    /// The goal's progress notes, latest first.
    static func notes(of goal: BreakthroughGoal, on db: any Database) async throws -> [GoalProgressNote] {
        try await notes(of: [goal], on: db)[goal.id!] ?? []
    }

    /// The progress notes of several goals in one query, by goal id, latest first.
    static func notes(of goals: [BreakthroughGoal], on db: any Database) async throws -> [Int: [GoalProgressNote]] {
        guard !goals.isEmpty else { return [:] }
        let notes = try await GoalProgressNote.query(on: db).filter(\.$goalID ~~ goals.compactMap(\.id))
            .sort(\.$onDate, .descending).sort(\.$id, .descending).all()
        return Dictionary(grouping: notes, by: \.goalID)
    }
}
