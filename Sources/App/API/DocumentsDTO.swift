import Domain
import Vapor

/// A guidance document in /api/v1; `number` exactly as entered.
struct DocumentDTO: Content, APISchema {
    let id: Int
    let unitId: Int
    let unitCode: String
    let unitName: String
    let programmeId: Int?
    let programmeNumber: String?
    let number: String
    let numberStyle: String
    let kind: String
    let kindLabel: String
    let title: String
    let issuedOn: String

    init(_ d: GuidanceDocument, unit: OrgUnit?, programme: Programme?) {
        id = d.id!
        unitId = d.unitID
        unitCode = unit?.code ?? ""
        unitName = unit?.name ?? ""
        programmeId = d.programmeID
        programmeNumber = programme?.documentNumber
        number = d.number
        numberStyle = d.numberStyle.rawValue
        kind = d.kind.rawValue
        kindLabel = d.kind.label
        title = d.title
        issuedOn = d.issuedOn.iso
    }

    static let schemaName = "GuidanceDocument"
    static let schema = JSONSchema.object([
        ("id", .integer(minimum: 1)),
        ("unitId", .integer(minimum: 1)),
        ("unitCode", .string()),
        ("unitName", .string()),
        ("programmeId", .nullable(.integer(minimum: 1))),
        ("programmeNumber", .nullable(.string())),
        ("number", .string()),
        ("numberStyle", .enumeration([DocumentNumber.Style.party.rawValue, DocumentNumber.Style.state.rawValue])),
        ("kind", .enumeration(GuidanceKind.allCases.map(\.rawValue))),
        ("kindLabel", .string()),
        ("title", .string()),
        ("issuedOn", .date),
    ], required: ["id", "unitId", "unitCode", "unitName", "number", "numberStyle", "kind", "kindLabel", "title", "issuedOn"])
}

/// POST and PUT /documents. `unit` is the issuing unit's code; `number` is validated
/// (34-KH/ĐUK or 123/QĐ-UBND, without "Số") and kept as sent.
struct DocumentBody: Content, APISchema {
    var unit: String?
    var number: String?
    var kind: String?
    var title: String?
    var issuedOn: String?
    var programmeId: Int?

    var input: DocumentInput {
        DocumentInput(unitCode: unit, number: number, kind: kind, title: title, issuedOn: issuedOn,
                      programmeID: programmeId.map(String.init))
    }

    static let schemaName = "GuidanceDocumentInput"
    static let schema = JSONSchema.object([
        ("unit", .string()),
        ("number", .string()),
        ("kind", .enumeration(GuidanceKind.allCases.map(\.rawValue))),
        ("title", .string(maxLength: DocumentService.titleLimit)),
        ("issuedOn", .date),
        ("programmeId", .nullable(.integer(minimum: 1))),
    ], required: ["unit", "number", "kind", "title", "issuedOn"])
}
