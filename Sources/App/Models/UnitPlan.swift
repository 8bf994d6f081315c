import Domain
import Fluent
import Foundation

/// A unit's plan under a programme for one year or the whole term (kế hoạch thực hiện), with its
/// review by the level above. Unique per (unit, programme, scope, year).
final class UnitPlan: Model, @unchecked Sendable {
    static let schema = "unit_plans"

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    // references
    @Field(key: "unit_id") var unitID: Int
    @Field(key: "programme_id") var programmeID: Int

    // data
    @Field(key: "scope") var scope: PlanScope
    /// The plan's year; for a whole-term plan, the programme's first year.
    @Field(key: "year") var year: Int
    /// Chủ đề năm (the year's theme); for a term plan, its title.
    @Field(key: "theme") var theme: String
    /// The plan's content: tasks, measures, who does what.
    @Field(key: "content") var content: String
    /// Số, ký hiệu of the plan document when it was issued (e.g. 12-KH/ĐU), as entered.
    @Field(key: "document_number") var documentNumber: String
    @Field(key: "status") var status: PlanStatus
    /// The first day the plan was submitted: what "late" is measured by.
    @OptionalField(key: "first_submitted_on") var firstSubmittedOn: LocalDate?
    /// The latest submission (after a return, the resubmission).
    @OptionalField(key: "submitted_on") var submittedOn: LocalDate?
    @OptionalField(key: "approved_on") var approvedOn: LocalDate?

    init() {}
}

/// One step of a plan's review, with its date and comment ("trả lại vì còn chung chung").
final class UnitPlanEvent: Model, @unchecked Sendable {
    static let schema = "unit_plan_events"

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "plan_id") var planID: Int
    @Field(key: "action") var action: PlanAction
    @Field(key: "on_date") var onDate: LocalDate
    @Field(key: "at") var at: Date
    @OptionalField(key: "user_id") var userID: Int?
    @Field(key: "username") var username: String
    @Field(key: "comment") var comment: String

    init() {}
}

/// A breakthrough goal (nội dung đột phá) registered in a unit plan.
final class BreakthroughGoal: Model, @unchecked Sendable {
    static let schema = "breakthrough_goals"

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    // references
    @Field(key: "plan_id") var planID: Int
    /// The plan's unit, kept here so scope and rollups need no join.
    @Field(key: "unit_id") var unitID: Int

    // data
    @Field(key: "title") var title: String
    @Field(key: "expected_result") var expectedResult: String
    @Field(key: "deadline") var deadline: LocalDate
    @Field(key: "status") var status: GoalStatus
    /// When the status became completed or not completed.
    @OptionalField(key: "finished_on") var finishedOn: LocalDate?
    @Field(key: "final_result") var finalResult: String

    init() {}
}

/// A dated progress note on a breakthrough goal.
final class GoalProgressNote: Model, @unchecked Sendable {
    static let schema = "goal_progress_notes"

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "goal_id") var goalID: Int
    @Field(key: "on_date") var onDate: LocalDate
    @Field(key: "note") var note: String
    @Field(key: "username") var username: String

    init() {}
}

/// A due date a unit sets for what the units (or members) below it must submit. The date that
/// binds a record is the one set by the nearest unit above it (`DueDates`).
final class DueDate: Model, @unchecked Sendable {
    static let schema = "due_dates"

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Field(key: "unit_id") var unitID: Int
    @Field(key: "kind") var kind: DueKind
    @Field(key: "year") var year: Int
    @Field(key: "due_on") var dueOn: LocalDate
    @Field(key: "note") var note: String

    init() {}
}
