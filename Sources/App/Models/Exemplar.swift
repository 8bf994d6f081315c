import Domain
import Fluent
import Foundation

/// Whether an exemplar is a collective (a unit) or one person.
enum ExemplarSubject: String, Codable, CaseIterable, Sendable {
    case collective = "tap_the"
    case individual = "ca_nhan"

    var label: String {
        switch self {
        case .collective: "Tập thể"
        case .individual: "Cá nhân"
        }
    }
}

/// An exemplary collective or individual (điển hình tiên tiến) recorded by a unit, with their story.
final class Exemplar: Model, @unchecked Sendable {
    static let schema = "exemplars"

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    /// The unit that recognises and records the exemplar.
    @Field(key: "unit_id") var unitID: Int
    @Field(key: "year") var year: Int
    @Field(key: "subject") var subject: ExemplarSubject
    @OptionalField(key: "subject_unit_id") var subjectUnitID: Int?
    @OptionalField(key: "person_id") var personID: Int?
    /// The collective's or the person's name as it stood when recorded, so the page reads the
    /// same after a rename or a merge.
    @Field(key: "name") var name: String
    @Field(key: "story") var story: String
    @Field(key: "recognised_on") var recognisedOn: LocalDate
    @Field(key: "recognised_by") var recognisedBy: String

    init() {}
}
