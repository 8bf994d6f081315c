import Domain
import Vapor

/// A conduct code in /api/v1; `documentNumber` exactly as entered.
struct ConductCodeDTO: Content, APISchema {
    let id: Int
    let unitId: Int
    let unitCode: String
    let unitName: String
    let scope: String
    let scopeLabel: String
    let title: String
    let documentNumber: String
    let issuedOn: String
    let replacesId: Int?
    let replacedById: Int?
    let inForce: Bool
    let summary: String

    init(_ c: ConductCode, unit: OrgUnit?, replacedBy: Int?) {
        id = c.id!
        unitId = c.unitID
        unitCode = unit?.code ?? ""
        unitName = unit?.name ?? ""
        scope = c.scope.rawValue
        scopeLabel = c.scope.label
        title = c.title
        documentNumber = c.documentNumber
        issuedOn = c.issuedOn.iso
        replacesId = c.replacesID
        replacedById = replacedBy
        inForce = replacedBy == nil
        summary = c.summary
    }

    static let schemaName = "ConductCode"
    static let schema = JSONSchema.object([
        ("id", .integer(minimum: 1)),
        ("unitId", .integer(minimum: 1)),
        ("unitCode", .string()),
        ("unitName", .string()),
        ("scope", .enumeration(ConductScope.allCases.map(\.rawValue))),
        ("scopeLabel", .string()),
        ("title", .string()),
        ("documentNumber", .string()),
        ("issuedOn", .date),
        ("replacesId", .nullable(.integer(minimum: 1))),
        ("replacedById", .nullable(.integer(minimum: 1))),
        ("inForce", .boolean),
        ("summary", .string()),
    ], required: ["id", "unitId", "unitCode", "unitName", "scope", "scopeLabel", "title", "documentNumber", "issuedOn",
                  "inForce", "summary"])
}

/// POST and PUT /conduct-codes. `unit` is the issuing unit's code; `replacesId` the earlier code
/// of the same unit that this revision replaces.
struct ConductCodeBody: Content, APISchema {
    var unit: String?
    var scope: String?
    var title: String?
    var documentNumber: String?
    var issuedOn: String?
    var replacesId: Int?
    var summary: String?

    var input: ConductCodeInput {
        ConductCodeInput(unitCode: unit, scope: scope, title: title, documentNumber: documentNumber, issuedOn: issuedOn,
                         replacesID: replacesId.map(String.init), summary: summary)
    }

    static let schemaName = "ConductCodeInput"
    static let schema = JSONSchema.object([
        ("unit", .string()),
        ("scope", .enumeration(ConductScope.allCases.map(\.rawValue))),
        ("title", .string(maxLength: ConductCodeService.titleLimit)),
        ("documentNumber", .string()),
        ("issuedOn", .date),
        ("replacesId", .nullable(.integer(minimum: 1))),
        ("summary", .nullable(.string(maxLength: ConductCodeService.summaryLimit))),
    ], required: ["unit", "scope", "title", "documentNumber", "issuedOn"])
}
