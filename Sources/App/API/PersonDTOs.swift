import Domain
import Vapor

private let categorySchema = JSONSchema.enumeration(PersonCategory.allCases.map(\.rawValue))
private let genderSchema = JSONSchema.enumeration(Gender.allCases.map(\.rawValue))
private let titleSchema = JSONSchema.enumeration(PositionTitle.allCases.map(\.rawValue))

/// A row of the people list. Private facts (birth date, identity number, phone) are left to
/// the single-person answer.
struct PersonSummaryDTO: Content, APISchema {
    let id: Int
    let fullName: String
    let category: PersonCategory
    let categoryLabel: String
    let currentUnitId: Int?
    let currentUnitName: String?
    let partyJoinedOn: LocalDate?

    init(_ r: PersonService.Row) {
        id = r.id
        fullName = r.fullName
        category = r.category
        categoryLabel = r.category.label
        currentUnitId = r.unitID
        currentUnitName = r.unitName
        partyJoinedOn = r.partyJoinedOn
    }

    static let schemaName = "PersonSummary"
    static let schema = JSONSchema.object([
        ("id", .integer(minimum: 1)), ("fullName", .string()), ("category", categorySchema),
        ("categoryLabel", .string()), ("currentUnitId", .nullable(.integer(minimum: 1))),
        ("currentUnitName", .nullable(.string())), ("partyJoinedOn", .nullable(.date)),
    ], required: ["id", "fullName", "category", "categoryLabel"])
}

struct MembershipDTO: Content, APISchema {
    let id: Int
    let unitId: Int
    let unitName: String
    let from: LocalDate
    /// The transfer date: the first day in the next unit (exclusive end); absent while open.
    let to: LocalDate?
    let note: String

    init(_ m: PersonService.MembershipRow) {
        id = m.id
        unitId = m.unitID
        unitName = m.unitName
        from = m.from
        to = m.to
        note = m.note
    }

    static let schemaName = "Membership"
    static let schema = JSONSchema.object([
        ("id", .integer(minimum: 1)), ("unitId", .integer(minimum: 1)), ("unitName", .string()),
        ("from", .date), ("to", .nullable(.date)), ("note", .string()),
    ], required: ["id", "unitId", "unitName", "from", "note"])
}

struct PositionDTO: Content, APISchema {
    let id: Int
    let personId: Int
    let title: PositionTitle
    let titleLabel: String
    let unitId: Int
    let unitName: String
    let from: LocalDate
    /// First day the post is no longer held; absent while held.
    let to: LocalDate?

    init(_ p: PersonService.PositionRow) {
        id = p.id
        personId = p.personID
        title = p.title
        titleLabel = p.title.label
        unitId = p.unitID
        unitName = p.unitName
        from = p.from
        to = p.to
    }

    static let schemaName = "Position"
    static let schema = JSONSchema.object([
        ("id", .integer(minimum: 1)), ("personId", .integer(minimum: 1)), ("title", titleSchema),
        ("titleLabel", .string()), ("unitId", .integer(minimum: 1)), ("unitName", .string()),
        ("from", .date), ("to", .nullable(.date)),
    ], required: ["id", "personId", "title", "titleLabel", "unitId", "unitName", "from"])
}

/// One person with their membership history and positions.
struct PersonDTO: Content, APISchema {
    let id: Int
    let fullName: String
    let category: PersonCategory
    let categoryLabel: String
    let gender: Gender?
    let birthDate: LocalDate?
    let identityNumber: String?
    let phone: String
    let email: String
    let partyJoinedOn: LocalDate?
    let partyOfficialOn: LocalDate?
    let note: String
    let currentUnitId: Int?
    let currentUnitName: String?
    let memberships: [MembershipDTO]
    let positions: [PositionDTO]

    init(_ d: PersonService.Detail) {
        let p = d.person
        id = p.id ?? 0
        fullName = p.fullName
        category = p.category
        categoryLabel = p.category.label
        gender = p.gender
        birthDate = p.birthDate
        identityNumber = p.identityNumber
        phone = p.phone
        email = p.email
        partyJoinedOn = p.partyJoinedOn
        partyOfficialOn = p.partyOfficialOn
        note = p.note
        currentUnitId = d.currentUnit?.id
        currentUnitName = d.currentUnit?.name
        memberships = d.memberships.map(MembershipDTO.init)
        positions = d.positions.map(PositionDTO.init)
    }

    static let schemaName = "Person"
    static let schema = JSONSchema.object([
        ("id", .integer(minimum: 1)), ("fullName", .string()), ("category", categorySchema),
        ("categoryLabel", .string()), ("gender", .nullable(genderSchema)), ("birthDate", .nullable(.date)),
        ("identityNumber", .nullable(.string(pattern: "^([0-9]{9}|[0-9]{12})$"))), ("phone", .string()),
        ("email", .string()), ("partyJoinedOn", .nullable(.date)), ("partyOfficialOn", .nullable(.date)),
        ("note", .string()), ("currentUnitId", .nullable(.integer(minimum: 1))),
        ("currentUnitName", .nullable(.string())),
        ("memberships", .array(.ref(MembershipDTO.schemaName))), ("positions", .array(.ref(PositionDTO.schemaName))),
    ], required: ["id", "fullName", "category", "categoryLabel", "phone", "email", "note", "memberships", "positions"])
}

/// The facts a client sends about a person. Every member is optional in Swift so a missing one
/// answers 422 naming the field, not a bare decoding error.
private let personFactProperties: [(String, JSONSchema)] = [
    ("fullName", .string(maxLength: 120)), ("category", categorySchema), ("gender", .nullable(genderSchema)),
    ("birthDate", .nullable(.date)), ("identityNumber", .nullable(.string(pattern: "^([0-9]{9}|[0-9]{12})$"))),
    ("phone", .nullable(.string(maxLength: 15))), ("email", .nullable(.string(maxLength: 254))),
    ("partyJoinedOn", .nullable(.date)), ("partyOfficialOn", .nullable(.date)),
    ("note", .nullable(.string(maxLength: 2000))),
]

/// `PUT /people/{id}`: replaces the person's facts (absent optional facts are cleared). The unit
/// is not among them: a move is a transfer.
struct PersonUpdateDTO: Content, APISchema {
    var fullName: String?
    var category: String?
    var gender: String?
    var birthDate: String?
    var identityNumber: String?
    var phone: String?
    var email: String?
    var partyJoinedOn: String?
    var partyOfficialOn: String?
    var note: String?

    var input: PersonService.PersonInput {
        .init(fullName: fullName, category: category, gender: gender, birthDate: birthDate,
              identityNumber: identityNumber, phone: phone, email: email, partyJoinedOn: partyJoinedOn,
              partyOfficialOn: partyOfficialOn, note: note)
    }

    static let schemaName = "PersonUpdate"
    static let schema = JSONSchema.object(personFactProperties, required: ["fullName", "category"])
}

/// `POST /people`: the facts, the unit and the day membership there starts.
struct PersonCreateDTO: Content, APISchema {
    var fullName: String?
    var category: String?
    var gender: String?
    var birthDate: String?
    var identityNumber: String?
    var phone: String?
    var email: String?
    var partyJoinedOn: String?
    var partyOfficialOn: String?
    var note: String?
    var unitId: Int?
    var membershipFrom: String?

    var input: PersonService.PersonInput {
        .init(fullName: fullName, category: category, gender: gender, birthDate: birthDate,
              identityNumber: identityNumber, phone: phone, email: email, partyJoinedOn: partyJoinedOn,
              partyOfficialOn: partyOfficialOn, note: note)
    }

    static let schemaName = "PersonCreate"
    static let schema = JSONSchema.object(
        personFactProperties + [("unitId", .integer(minimum: 1)), ("membershipFrom", .date)],
        required: ["fullName", "category", "unitId", "membershipFrom"])
}

/// `POST /people/{id}/transfer`.
struct TransferDTO: Content, APISchema {
    var unitId: Int?
    var effectiveOn: String?
    var note: String?

    static let schemaName = "Transfer"
    static let schema = JSONSchema.object([
        ("unitId", .integer(minimum: 1)), ("effectiveOn", .date), ("note", .nullable(.string(maxLength: 500))),
    ], required: ["unitId", "effectiveOn"])
}

/// `POST /people/{id}/positions`.
struct PositionWriteDTO: Content, APISchema {
    var title: String?
    var unitId: Int?
    var from: String?
    var to: String?

    static let schemaName = "PositionWrite"
    static let schema = JSONSchema.object([
        ("title", titleSchema), ("unitId", .integer(minimum: 1)), ("from", .date), ("to", .nullable(.date)),
    ], required: ["title", "unitId", "from"])
}

/// `POST /positions/{id}/end`.
struct PositionEndDTO: Content, APISchema {
    var on: String?

    static let schemaName = "PositionEnd"
    static let schema = JSONSchema.object([("on", .date)], required: ["on"])
}
