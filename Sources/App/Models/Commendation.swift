import Domain
import Fluent
import Foundation

/// A form of commendation (hình thức khen thưởng: giấy khen, bằng khen, biểu dương…), kept as
/// data so administrators add the forms a new rule brings.
final class CommendationForm: Model, @unchecked Sendable {
    static let schema = "commendation_forms"

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "name") var name: String
    /// Biểu dương (praise) counts under indicator V.2; the other forms under V.1.
    @Field(key: "is_praise") var isPraise: Bool
    @Field(key: "sort_order") var sortOrder: Int

    init() {}
}

/// Who issues a commendation (cấp khen: Ban Thường vụ Tỉnh ủy, Chủ tịch UBND tỉnh…), as data.
final class CommendationIssuer: Model, @unchecked Sendable {
    static let schema = "commendation_issuers"

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "name") var name: String
    @Field(key: "sort_order") var sortOrder: Int

    init() {}
}

/// One commendation (khen thưởng) recorded by a unit: a form given by an issuer to a collective,
/// a person or a group of authors, for a period, by a decision with its number and date.
final class Commendation: Model, @unchecked Sendable {
    static let schema = "commendations"

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    // references
    /// The unit that records the commendation (its scope).
    @Field(key: "unit_id") var unitID: Int
    @Field(key: "form_id") var formID: Int
    @Field(key: "issuer_id") var issuerID: Int
    @OptionalField(key: "recipient_unit_id") var recipientUnitID: Int?
    @OptionalField(key: "person_id") var personID: Int?
    /// The nomination (đề nghị khen thưởng) whose decision created it; nil when entered directly.
    @OptionalField(key: "nomination_id") var nominationID: Int?

    // data
    @Field(key: "recipient_kind") var recipientKind: CommendationRecipient
    /// The collective's, the person's or the authors' names as they stood when recorded.
    @Field(key: "recipient_name") var recipientName: String
    @Field(key: "from_year") var fromYear: Int
    @Field(key: "to_year") var toYear: Int
    /// The occasion (đợt): "Sơ kết 3 năm thực hiện Kết luận 01-KL/TW"; may be empty.
    @Field(key: "event") var event: String
    @Field(key: "event_folded") var eventFolded: String
    @Field(key: "reason") var reason: String
    /// As typed, validated with `DocumentNumber.parse`: 15-QĐ/ĐUK or 123/QĐ-UBND.
    @Field(key: "decision_number") var decisionNumber: String
    @Field(key: "decided_on") var decidedOn: LocalDate

    init() {}

    var period: String { CommendationPeriod(fromYear: fromYear, toYear: toYear)?.label ?? "\(fromYear)–\(toYear)" }
}
