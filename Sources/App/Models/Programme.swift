import Domain
import Fluent
import Foundation

/// The Party document being implemented (Chỉ thị 05-CT/TW, Kết luận 01-KL/TW, …).
final class Programme: Model, @unchecked Sendable {
    static let schema = "programmes"

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "document_number") var documentNumber: String
    @Field(key: "title") var title: String
    @Field(key: "issued_on") var issuedOn: LocalDate
    @Field(key: "starts_on") var startsOn: LocalDate
    @OptionalField(key: "ends_on") var endsOn: LocalDate?
    @Field(key: "summary") var summary: String

    init() {}
}

/// What is studied: a whole-term topic, or an annual topic under it, set by a provincial committee.
final class Topic: Model, @unchecked Sendable {
    static let schema = "topics"

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "programme_id") var programmeID: Int
    @Field(key: "unit_id") var unitID: Int
    @OptionalField(key: "parent_topic_id") var parentTopicID: Int?
    @Field(key: "kind") var kind: TopicKind
    /// The year of an annual topic; the first year of a whole-term topic.
    @Field(key: "year") var year: Int
    /// The last year a whole-term topic covers (equal to `year` for an annual one).
    @Field(key: "end_year") var endYear: Int
    @Field(key: "title") var title: String
    @Field(key: "title_folded") var titleFolded: String
    @Field(key: "description") var description: String

    init() {}
}

/// A document a unit issues to implement a programme (34-KH/ĐUK, 123/QĐ-UBND).
final class GuidanceDocument: Model, @unchecked Sendable {
    static let schema = "guidance_documents"

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Field(key: "unit_id") var unitID: Int
    @OptionalField(key: "programme_id") var programmeID: Int?
    /// As entered (NFC), validated by `DocumentNumber.parse`.
    @Field(key: "number") var number: String
    @Field(key: "number_style") var numberStyle: DocumentNumber.Style
    @Field(key: "kind") var kind: GuidanceKind
    @Field(key: "title") var title: String
    @Field(key: "title_folded") var titleFolded: String
    @Field(key: "issued_on") var issuedOn: LocalDate

    init() {}
}
