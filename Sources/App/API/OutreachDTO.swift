import Domain
import Vapor

/// An outreach activity in /api/v1; `participants` in lượt người.
struct OutreachDTO: Content, APISchema {
    let id: Int
    let unitId: Int
    let unitCode: String
    let unitName: String
    let heldOn: String
    let form: String
    let formLabel: String
    let title: String
    let participants: Int
    let note: String

    init(_ a: OutreachActivity, unit: OrgUnit?) {
        id = a.id!
        unitId = a.unitID
        unitCode = unit?.code ?? ""
        unitName = unit?.name ?? ""
        heldOn = a.heldOn.iso
        form = a.form.rawValue
        formLabel = a.form.label
        title = a.title
        participants = a.participants
        note = a.note
    }

    static let schemaName = "OutreachActivity"
    static let schema = JSONSchema.object([
        ("id", .integer(minimum: 1)),
        ("unitId", .integer(minimum: 1)),
        ("unitCode", .string()),
        ("unitName", .string()),
        ("heldOn", .date),
        ("form", .enumeration(OutreachForm.allCases.map(\.rawValue))),
        ("formLabel", .string()),
        ("title", .string()),
        ("participants", .integer(minimum: 0, maximum: OutreachService.participantsLimit)),
        ("note", .string()),
    ], required: ["id", "unitId", "unitCode", "unitName", "heldOn", "form", "formLabel", "title", "participants", "note"])
}

/// POST and PUT /outreach. `unit` is the organising unit's code.
struct OutreachBody: Content, APISchema {
    var unit: String?
    var heldOn: String?
    var form: String?
    var title: String?
    var participants: Int?
    var note: String?

    var input: OutreachInput {
        OutreachInput(unitCode: unit, heldOn: heldOn, form: form, title: title, participants: participants.map(String.init), note: note)
    }

    static let schemaName = "OutreachActivityInput"
    static let schema = JSONSchema.object([
        ("unit", .string()),
        ("heldOn", .date),
        ("form", .enumeration(OutreachForm.allCases.map(\.rawValue))),
        ("title", .string(maxLength: OutreachService.titleLimit)),
        ("participants", .integer(minimum: 0, maximum: OutreachService.participantsLimit)),
        ("note", .nullable(.string(maxLength: OutreachService.noteLimit))),
    ], required: ["unit", "heldOn", "form", "title", "participants"])
}

/// GET /outreach/totals: the whole filtered set, not one page.
struct OutreachTotalsDTO: Content, APISchema {
    let activities: Int
    let participants: Int

    static let schemaName = "OutreachTotals"
    static let schema = JSONSchema.object([
        ("activities", .integer(minimum: 0)),
        ("participants", .integer(minimum: 0)),
    ], required: ["activities", "participants"])
}
