import Domain
import Fluent
import Foundation

/// Anyone whose participation is recorded: members, cadres, civil servants, union members, citizens.
final class Person: Model, @unchecked Sendable {
    static let schema = "people"

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    // references
    /// The unit of the open membership, kept here so lists and scope need no join through history.
    @OptionalField(key: "current_unit_id") var currentUnitID: Int?

    // data
    @Field(key: "full_name") var fullName: String
    @Field(key: "name_folded") var nameFolded: String
    /// Vietnamese collation key (given name first), see `VietnameseText.sortKey`.
    @Field(key: "sort_key") var sortKey: String
    @Field(key: "category") var category: PersonCategory
    @OptionalField(key: "gender") var gender: Gender?
    @OptionalField(key: "party_joined_on") var partyJoinedOn: LocalDate?
    @OptionalField(key: "party_official_on") var partyOfficialOn: LocalDate?
    @Field(key: "email") var email: String

    // private: never on public pages, never in exports without the right
    @OptionalField(key: "birth_date") var birthDate: LocalDate?
    @OptionalField(key: "identity_number") var identityNumber: String?
    @Field(key: "phone") var phone: String
    @Field(key: "note") var note: String

    init() {}
}

/// Where a person belongs (sinh hoạt) for a period; a transfer ends one row and starts another.
final class Membership: Model, @unchecked Sendable {
    static let schema = "memberships"

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "person_id") var personID: Int
    @Field(key: "unit_id") var unitID: Int
    @Field(key: "valid_from") var validFrom: LocalDate
    @OptionalField(key: "valid_to") var validTo: LocalDate?
    @Field(key: "note") var note: String

    init() {}

    init(personID: Int, unitID: Int, validFrom: LocalDate, validTo: LocalDate? = nil, note: String = "") {
        self.personID = personID
        self.unitID = unitID
        self.validFrom = validFrom
        self.validTo = validTo
        self.note = note
    }
}

/// A post held in a unit for a period (bí thư, phó bí thư, cấp ủy viên, người đứng đầu).
final class Position: Model, @unchecked Sendable {
    static let schema = "positions"

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "person_id") var personID: Int
    @Field(key: "unit_id") var unitID: Int
    @Field(key: "title") var title: PositionTitle
    @Field(key: "valid_from") var validFrom: LocalDate
    @OptionalField(key: "valid_to") var validTo: LocalDate?

    init() {}
}
