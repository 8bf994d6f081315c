import Domain
import Fluent
import Foundation

/// A node of the Party organisation tree (tổ chức đảng). Never deleted: it is dissolved, merged or moved.
final class OrgUnit: Model, @unchecked Sendable {
    static let schema = "org_units"

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    // references
    @Field(key: "kind_code") var kindCode: String
    @OptionalField(key: "successor_id") var successorID: Int?

    // data
    @Field(key: "code") var code: String
    @Field(key: "name") var name: String
    /// `name` without diacritics, lower case, for search (SQLite's LIKE folds only ASCII).
    @Field(key: "name_folded") var nameFolded: String
    @Field(key: "attachment") var attachment: UnitAttachment
    @Field(key: "founded_on") var foundedOn: LocalDate
    /// First day on which the unit no longer exists.
    @OptionalField(key: "dissolved_on") var dissolvedOn: LocalDate?
    @Field(key: "note") var note: String

    init() {}

    var lifespan: UnitLifespan {
        UnitLifespan(id: id!, foundedOn: foundedOn, dissolvedOn: dissolvedOn, successorID: successorID)
    }
}

/// One version of a unit's parent (DESIGN.md §2). A move ends a link and starts a new one.
final class UnitParentLink: Model, @unchecked Sendable {
    static let schema = "unit_parent_links"

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "unit_id") var unitID: Int
    @OptionalField(key: "parent_id") var parentID: Int?
    @Field(key: "valid_from") var validFrom: LocalDate
    @OptionalField(key: "valid_to") var validTo: LocalDate?

    init() {}

    init(unitID: Int, parentID: Int?, validFrom: LocalDate, validTo: LocalDate? = nil) {
        self.unitID = unitID
        self.parentID = parentID
        self.validFrom = validFrom
        self.validTo = validTo
    }

    var link: ParentLink { ParentLink(unitID: unitID, parentID: parentID, from: validFrom, to: validTo) }
}

/// A configurable kind of unit (loại tổ chức đảng).
final class UnitKind: Model, @unchecked Sendable {
    static let schema = "unit_kinds"

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "code") var code: String
    @Field(key: "name") var name: String
    @Field(key: "rank") var rank: Int
    @Field(key: "is_grassroots") var isGrassroots: Bool
    @Field(key: "is_cell") var isCell: Bool

    init() {}
}
