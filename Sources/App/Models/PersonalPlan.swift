import Domain
import Fluent
import Foundation

/// A member's plan for one year (kế hoạch học tập và làm theo Bác của cá nhân) with their
/// commitments, their year-end self-assessment and the cell's assessment. One per person and year.
final class PersonalPlan: Model, @unchecked Sendable {
    static let schema = "personal_plans"

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    // references
    @Field(key: "person_id") var personID: Int
    /// The cell the member belonged to when the plan was started: the record's unit (DESIGN.md §2).
    @Field(key: "unit_id") var unitID: Int

    // data
    @Field(key: "year") var year: Int
    @Field(key: "status") var status: PersonalPlanStatus
    /// Cam kết tu dưỡng, rèn luyện, phấn đấu.
    @Field(key: "commitment") var commitment: String
    /// Cam kết nêu gương (for cadres and leaders; may be empty).
    @Field(key: "exemplary_commitment") var exemplaryCommitment: String
    @OptionalField(key: "submitted_on") var submittedOn: LocalDate?
    @Field(key: "self_assessment") var selfAssessment: String
    @OptionalField(key: "assessment") var assessment: PlanAssessment?
    @Field(key: "assessment_comment") var assessmentComment: String
    @OptionalField(key: "assessed_on") var assessedOn: LocalDate?

    init() {}
}

/// One item of a personal plan: what the member will study or do (tied to the year's topic or
/// their own duties).
final class PersonalPlanItem: Model, @unchecked Sendable {
    static let schema = "personal_plan_items"

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "plan_id") var planID: Int
    @Field(key: "position") var position: Int
    @Field(key: "content") var content: String

    init() {}
}

/// The template a cell agrees for its members' plans of a year: items one per line and the
/// commitment text, copied into a plan when a member starts from it.
final class PersonalPlanTemplate: Model, @unchecked Sendable {
    static let schema = "personal_plan_templates"

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    @Field(key: "unit_id") var unitID: Int
    @Field(key: "year") var year: Int
    @Field(key: "items") var items: String
    @Field(key: "commitment") var commitment: String

    init() {}
}
