import Domain
import Fluent
import Vapor

/// A personal-plan form or API body, as entered.
/// A field left nil keeps what the plan has (an API body may send only what changes).
struct PersonalPlanInput: Sendable {
    /// The items in order; blank ones are dropped.
    var items: [String]?
    var commitment: String?
    var exemplaryCommitment: String?
    var selfAssessment: String?
    /// The day a paper plan was handed in, when a writer fills it for the member (default: today).
    var submittedOn: String?
    /// nil keeps the plan's status; `.submitted` submits it (or keeps it submitted).
    var status: PersonalPlanStatus?
}

/// What the audit log keeps of a personal plan.
struct PersonalPlanSnapshot: Codable, Sendable {
    let personID: Int
    let unitID: Int
    let year: Int
    let status: String
    let items: [String]
    let commitment: String
    let exemplaryCommitment: String
    let submittedOn: String?
    let selfAssessment: String
    let assessment: String?
    let assessmentComment: String
    let assessedOn: String?

    init(_ plan: PersonalPlan, items: [String]) {
        personID = plan.personID
        unitID = plan.unitID
        year = plan.year
        status = plan.status.rawValue
        self.items = items
        commitment = plan.commitment
        exemplaryCommitment = plan.exemplaryCommitment
        submittedOn = plan.submittedOn?.iso
        selfAssessment = plan.selfAssessment
        assessment = plan.assessment?.rawValue
        assessmentComment = plan.assessmentComment
        assessedOn = plan.assessedOn?.iso
    }
}

/// Members' yearly plans (kế hoạch học tập và làm theo Bác của cá nhân) and commitments. A member
/// reads and writes their own plan until the cell assesses it; the writers of the plan's unit
/// (its secretary, officers above, administrators) fill plans for members from paper and assess
/// them; leaders read. Anyone else gets 404.
enum PersonalPlanService {
    static let maxItems = 8
    static let itemLimit = 500
    static let commitmentLimit = 2000
    static let selfAssessmentLimit = 3000
    static let commentLimit = 1000

    // MARK: - Access

    static func isOwner(_ plan: PersonalPlan, _ access: Access) -> Bool {
        access.user.personID == plan.personID
    }

    /// The plan, for its owner or a reader of its unit; 404 otherwise.
    static func readable(_ id: Int?, access: Access) async throws -> PersonalPlan {
        guard let id, let plan = try await PersonalPlan.find(id, on: access.db) else { throw Abort(.notFound) }
        if isOwner(plan, access) { return plan }
        try await access.requireRead(unit: plan.unitID)
        return plan
    }

    /// The plan its owner may still correct (until assessed) or a writer of its unit may change;
    /// 404 outside the scope, 403 when read-only or already assessed.
    static func editable(_ id: Int?, access: Access) async throws -> PersonalPlan {
        guard let id, let plan = try await PersonalPlan.find(id, on: access.db) else { throw Abort(.notFound) }
        try await requireEdit(plan, access: access)
        return plan
    }

    static func requireEdit(_ plan: PersonalPlan, access: Access) async throws {
        if try await writesForMembers(plan, access) { return }
        guard isOwner(plan, access) else {
            try await access.requireWrite(unit: plan.unitID)
            return
        }
        if plan.assessment != nil { throw Abort(.forbidden, reason: assessedMessage) }
    }

    /// Whether the account writes the records of the plan's unit (and so may fill it from paper).
    static func writesForMembers(_ plan: PersonalPlan, _ access: Access) async throws -> Bool {
        guard access.user.role.writesUnitRecords else { return false }
        return try await access.canSee(unit: plan.unitID)
    }

    static let assessedMessage = "Kế hoạch đã được chi bộ đánh giá nên không sửa được nữa."

    // MARK: - Reading

    static func items(of plan: PersonalPlan, on db: any Database) async throws -> [String] {
        guard let id = plan.id else { return [] }
        return try await PersonalPlanItem.query(on: db).filter(\.$planID == id).sort(\.$position).all().map(\.content)
    }

    static func plan(person personID: Int, year: Int, on db: any Database) async throws -> PersonalPlan? {
        try await PersonalPlan.query(on: db).filter(\.$personID == personID).filter(\.$year == year).first()
    }

    /// The rule of "late", the same as `PersonalPlanService.onTimeSQL`: submitted after the
    /// binding due date. Without a due date nothing is late.
    static func isLate(submittedOn: LocalDate?, due: LocalDate?) -> Bool {
        guard let submittedOn, let due else { return false }
        return submittedOn > due
    }

    /// The year-end self-assessment and the cell's assessment open on 1 December of the plan's year.
    static func isYearEnd(_ year: Int, today: LocalDate = .today()) -> Bool {
        today >= LocalDate(year: year, month: 12, day: 1) ?? LocalDate.lastOf(year: year)
    }

    /// Years a plan may be written for: the last ten and the next one (planned in December).
    static func yearRange(today: LocalDate = .today()) -> ClosedRange<Int> {
        (today.year - 10)...(today.year + 1)
    }

    // MARK: - Writing

    /// A new plan for `person` and `year`, in the member's current unit. The owner writes their
    /// own; a writer of the member's unit writes anyone's there.
    static func create(person: Person, year: Int, _ input: PersonalPlanInput, access: Access) async throws -> PersonalPlan {
        let byOwner = access.user.personID == person.id
        guard let unitID = person.currentUnitID else {
            throw InvalidInput([ValidationFailure(field: "personId", message: "Đảng viên: hiện không sinh hoạt ở chi bộ nào.")])
        }
        if !byOwner { try await access.requireWrite(unit: unitID) }
        var problems = InvalidInput()
        if person.category != .partyMember {
            problems.add("personId", "Đảng viên: \(person.fullName) không phải là đảng viên; kế hoạch cá nhân chỉ dành cho đảng viên.")
        }
        if !yearRange().contains(year) {
            problems.add("year", "Năm: phải từ \(yearRange().lowerBound) đến \(yearRange().upperBound).")
        } else if try await plan(person: person.id!, year: year, on: access.db) != nil {
            problems.add("year", "Năm: \(person.fullName) đã có kế hoạch năm \(year).")
        }
        let plan = PersonalPlan()
        plan.personID = person.id!
        plan.unitID = unitID
        plan.year = year
        plan.status = .draft
        plan.commitment = ""
        plan.exemplaryCommitment = ""
        plan.selfAssessment = ""
        plan.assessmentComment = ""
        let values: Values
        do {
            values = try validated(input, for: plan, items: [], paper: !byOwner)
        } catch let more as InvalidInput {
            for failure in more.failures { problems.add(failure.field, failure.message) }
            throw problems
        }
        try problems.check()
        values.apply(to: plan)
        try await unique(year: year) {
            try await access.db.transaction { tx in
                try await plan.create(on: tx)
                try await writeItems(values.items, of: plan, on: tx)
                try await Audit.record(
                    on: tx, by: access.user, .create, .personalPlan, id: plan.id, unit: plan.unitID,
                    summary: "\(plan.status == .submitted ? "Lập và nộp" : "Lập") kế hoạch cá nhân năm \(year) của \(person.fullName)",
                    after: PersonalPlanSnapshot(plan, items: values.items))
            }
        }
        return plan
    }

    static func update(_ plan: PersonalPlan, with input: PersonalPlanInput, access: Access) async throws {
        try await requireEdit(plan, access: access)
        let oldItems = try await items(of: plan, on: access.db)
        let before = PersonalPlanSnapshot(plan, items: oldItems)
        let wasDraft = plan.status == .draft
        let paper = try await writesForMembers(plan, access) && !isOwner(plan, access)
        let values = try validated(input, for: plan, items: oldItems, paper: paper)
        values.apply(to: plan)
        let name = try await Person.find(plan.personID, on: access.db)?.fullName ?? ""
        let submitting = wasDraft && plan.status == .submitted
        try await access.db.transaction { tx in
            try await plan.update(on: tx)
            if values.items != oldItems { try await writeItems(values.items, of: plan, on: tx) }
            try await Audit.record(
                on: tx, by: access.user, submitting ? .submit : .update, .personalPlan, id: plan.id, unit: plan.unitID,
                summary: "\(submitting ? "Nộp" : "Sửa") kế hoạch cá nhân năm \(plan.year) của \(name)",
                before: before, after: PersonalPlanSnapshot(plan, items: values.items))
        }
    }

    /// Replaces the plan's items.
    static func writeItems(_ items: [String], of plan: PersonalPlan, on db: any Database) async throws {
        try await PersonalPlanItem.query(on: db).filter(\.$planID == plan.id!).delete()
        let rows = items.enumerated().map { index, content in
            let item = PersonalPlanItem()
            item.planID = plan.id!
            item.position = index + 1
            item.content = content
            return item
        }
        if !rows.isEmpty { try await rows.create(on: db) }
    }

    /// Two saves of the same person's year at once: the unique index keeps one.
    static func unique(year: Int, _ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let error as any DatabaseError where error.isConstraintFailure {
            throw InvalidInput([ValidationFailure(field: "year", message: "Năm: đảng viên đã có kế hoạch năm \(year).")])
        }
    }
}
