import Domain
import Fluent
import Foundation

/// A nomination for commendation (đề nghị khen thưởng): a unit proposes collectives and
/// individuals; it climbs the tree level by level until one records the decision.
final class Nomination: Model, @unchecked Sendable {
    static let schema = "nominations"

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    // references
    /// The proposing unit (its scope).
    @Field(key: "unit_id") var unitID: Int
    /// Where it sits now: the proposing unit while a draft or returned, else the level examining it.
    @Field(key: "current_unit_id") var currentUnitID: Int
    /// Set by the decision: who issues the commendations.
    @OptionalField(key: "issuer_id") var issuerID: Int?
    /// The suggestion rule it came from, if any.
    @OptionalField(key: "rule_id") var ruleID: Int?

    // data
    /// "Đề nghị khen thưởng điển hình tiên tiến năm 2025".
    @Field(key: "title") var title: String
    @Field(key: "title_folded") var titleFolded: String
    @Field(key: "from_year") var fromYear: Int
    @Field(key: "to_year") var toYear: Int
    /// The occasion it is for; copied to the commendations.
    @Field(key: "event") var event: String
    @Field(key: "status") var status: NominationStatus
    @OptionalField(key: "submitted_on") var submittedOn: LocalDate?
    @Field(key: "decision_number") var decisionNumber: String
    @OptionalField(key: "decided_on") var decidedOn: LocalDate?

    init() {}
}

/// One collective or individual proposed in a nomination.
final class NominationCandidate: Model, @unchecked Sendable {
    static let schema = "nomination_candidates"

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "nomination_id") var nominationID: Int
    @Field(key: "recipient_kind") var recipientKind: CommendationRecipient
    @OptionalField(key: "recipient_unit_id") var recipientUnitID: Int?
    @OptionalField(key: "person_id") var personID: Int?
    @Field(key: "recipient_name") var recipientName: String
    /// Tóm tắt thành tích: why they are proposed; becomes the commendation's reason.
    @Field(key: "achievements") var achievements: String
    /// The form proposed; the decision may change it.
    @Field(key: "form_id") var formID: Int
    /// Set by the decision: accepted or not.
    @OptionalField(key: "accepted") var accepted: Bool?
    @OptionalField(key: "commendation_id") var commendationID: Int?

    init() {}
}

/// A supporting paper listed with a nomination (tờ trình, biên bản, tóm tắt thành tích).
final class NominationPaper: Model, @unchecked Sendable {
    static let schema = "nomination_papers"

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "nomination_id") var nominationID: Int
    @Field(key: "kind") var kind: NominationPaperKind
    /// Its number and title as written: "Tờ trình số 12-TTr/CB ngày 5/12/2025".
    @Field(key: "description") var description: String

    init() {}
}

/// One step of a nomination's way: from which unit to which, when, by whom, and why.
final class NominationEvent: Model, @unchecked Sendable {
    static let schema = "nomination_events"

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "nomination_id") var nominationID: Int
    @Field(key: "action") var action: NominationAction
    @Field(key: "from_unit_id") var fromUnitID: Int
    @Field(key: "to_unit_id") var toUnitID: Int
    @Field(key: "on_date") var onDate: LocalDate
    @Field(key: "at") var at: Date
    @OptionalField(key: "user_id") var userID: Int?
    @Field(key: "username") var username: String
    @Field(key: "comment") var comment: String

    init() {}
}

/// A rule suggesting candidates for commendation from the grading history, as data
/// (`SuggestionCriterion`): "Đảng viên HTXSNV 5 năm liên tục → Giấy khen của Ban Thường vụ…".
final class SuggestionRule: Model, @unchecked Sendable {
    static let schema = "suggestion_rules"

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "name") var name: String
    @Field(key: "subject") var subject: GradingSubject
    @Field(key: "level") var level: GradingLevel
    @Field(key: "years") var years: Int
    /// The form and issuer the pattern points to (Hướng dẫn 06-HD/TW).
    @Field(key: "form_id") var formID: Int
    @Field(key: "issuer_id") var issuerID: Int
    @Field(key: "active") var active: Bool
    @Field(key: "sort_order") var sortOrder: Int

    init() {}

    var criterion: SuggestionCriterion? { SuggestionCriterion(subject: subject, level: level, years: years) }
}
