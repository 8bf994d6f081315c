import Domain
import Vapor

/// A unit expected at a session.
struct StudySessionUnitDTO: Content, APISchema {
    let id: Int
    let code: String
    let name: String

    static let schemaName = "StudySessionUnit"
    static let schema = JSONSchema.object([
        ("id", .integer(minimum: 1)), ("code", .string()), ("name", .string()),
    ], required: ["id", "code", "name"])
}

/// A session's attendance figures over all its expected members.
struct AttendanceCountsDTO: Content, APISchema {
    let expected: Int
    let present: Int
    let excused: Int
    let unexcused: Int
    let notMarked: Int

    init(_ c: AttendanceCounts) {
        expected = c.expected
        present = c.present
        excused = c.excused
        unexcused = c.unexcused
        notMarked = c.notMarked
    }

    static let schemaName = "AttendanceCounts"
    static let schema = JSONSchema.object([
        ("expected", .integer(minimum: 0)), ("present", .integer(minimum: 0)), ("excused", .integer(minimum: 0)),
        ("unexcused", .integer(minimum: 0)), ("notMarked", .integer(minimum: 0)),
    ], required: ["expected", "present", "excused", "unexcused", "notMarked"])
}

/// A study session in /api/v1; `counts` only on GET /study-sessions/{id} and after a write.
struct StudySessionDTO: Content, APISchema {
    let id: Int
    let unitId: Int
    let unitCode: String
    let unitName: String
    let topicId: Int?
    let topicTitle: String?
    let title: String
    let heldOn: String
    let format: String
    let formatLabel: String
    let mode: String
    let modeLabel: String
    let nonMemberCount: Int
    let note: String
    let expectedUnits: [StudySessionUnitDTO]
    let counts: AttendanceCountsDTO?

    init(_ s: StudySession, unit: OrgUnit?, topic: Topic?, expectedUnits: [OrgUnit], counts: AttendanceCounts?) {
        id = s.id!
        unitId = s.unitID
        unitCode = unit?.code ?? ""
        unitName = unit?.name ?? ""
        topicId = s.topicID
        topicTitle = topic?.title
        title = s.title
        heldOn = s.heldOn.iso
        format = s.format.rawValue
        formatLabel = s.format.label
        mode = s.mode.rawValue
        modeLabel = s.mode.label
        nonMemberCount = s.nonMemberCount
        note = s.note
        self.expectedUnits = expectedUnits.map { StudySessionUnitDTO(id: $0.id!, code: $0.code, name: $0.name) }
        self.counts = counts.map(AttendanceCountsDTO.init)
    }

    static let schemaName = "StudySession"
    static let nestedSchemas: [any APISchema.Type] = [StudySessionUnitDTO.self, AttendanceCountsDTO.self]
    static let schema = JSONSchema.object([
        ("id", .integer(minimum: 1)),
        ("unitId", .integer(minimum: 1)),
        ("unitCode", .string()),
        ("unitName", .string()),
        ("topicId", .nullable(.integer(minimum: 1))),
        ("topicTitle", .nullable(.string())),
        ("title", .string()),
        ("heldOn", .date),
        ("format", .enumeration(StudyFormat.allCases.map(\.rawValue))),
        ("formatLabel", .string()),
        ("mode", .enumeration(StudyMode.allCases.map(\.rawValue))),
        ("modeLabel", .string()),
        ("nonMemberCount", .integer(minimum: 0)),
        ("note", .string()),
        ("expectedUnits", .array(.ref(StudySessionUnitDTO.schemaName))),
        ("counts", .nullable(.ref(AttendanceCountsDTO.schemaName))),
    ], required: ["id", "unitId", "unitCode", "unitName", "title", "heldOn", "format", "formatLabel", "mode", "modeLabel",
                  "nonMemberCount", "note", "expectedUnits"])
}

/// POST and PUT /study-sessions. `unit` is the organiser's code; `expectedUnits` the codes of the
/// units whose members are expected (each the organiser or below it).
struct StudySessionBody: Content, APISchema {
    var unit: String?
    var topicId: Int?
    var title: String?
    var heldOn: String?
    var format: String?
    var mode: String?
    var nonMemberCount: Int?
    var note: String?
    var expectedUnits: [String]?

    var input: StudySessionInput {
        StudySessionInput(unitCode: unit, topicID: topicId.map(String.init), title: title, heldOn: heldOn, format: format,
                          mode: mode, nonMemberCount: nonMemberCount.map(String.init), note: note,
                          expectedUnits: expectedUnits?.joined(separator: ","))
    }

    static let schemaName = "StudySessionInput"
    static let schema = JSONSchema.object([
        ("unit", .string()),
        ("topicId", .nullable(.integer(minimum: 1))),
        ("title", .string(maxLength: StudySessionService.titleLimit)),
        ("heldOn", .date),
        ("format", .enumeration(StudyFormat.allCases.map(\.rawValue))),
        ("mode", .enumeration(StudyMode.allCases.map(\.rawValue))),
        ("nonMemberCount", .nullable(.integer(minimum: 0))),
        ("note", .nullable(.string(maxLength: StudySessionService.noteLimit))),
        ("expectedUnits", .array(.string())),
    ], required: ["unit", "title", "heldOn", "format", "mode", "expectedUnits"])
}

/// One expected member's mark; `status` null while not marked.
struct AttendanceRowDTO: Content, APISchema {
    let personId: Int
    let name: String
    let unitId: Int
    let status: AttendanceStatus?

    /// `status` is written as null, not left out, so a client sees who is still to be marked.
    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(personId, forKey: .personId)
        try c.encode(name, forKey: .name)
        try c.encode(unitId, forKey: .unitId)
        try c.encode(status, forKey: .status)
    }

    static let schemaName = "AttendanceRow"
    static let schema = JSONSchema.object([
        ("personId", .integer(minimum: 1)), ("name", .string()), ("unitId", .integer(minimum: 1)),
        ("status", .nullable(.enumeration(AttendanceStatus.allCases.map(\.rawValue)))),
    ], required: ["personId", "name", "unitId"])
}

/// The expected members the account sees, and whether it may mark them.
struct AttendanceSheetDTO: Content, APISchema {
    let sessionId: Int
    let editable: Bool
    let rows: [AttendanceRowDTO]

    static let schemaName = "AttendanceSheet"
    static let nestedSchemas: [any APISchema.Type] = [AttendanceRowDTO.self]
    static let schema = JSONSchema.object([
        ("sessionId", .integer(minimum: 1)), ("editable", .boolean),
        ("rows", .array(.ref(AttendanceRowDTO.schemaName))),
    ], required: ["sessionId", "editable", "rows"])
}

/// One mark in PUT /study-sessions/{id}/attendance.
struct AttendanceMarkDTO: Content, APISchema {
    var personId: Int?
    var status: String?

    static let schemaName = "AttendanceMark"
    static let schema = JSONSchema.object([
        ("personId", .integer(minimum: 1)),
        ("status", .enumeration(AttendanceStatus.allCases.map(\.rawValue))),
    ], required: ["personId", "status"])
}

/// The body of PUT /study-sessions/{id}/attendance: a list of marks, saved all together.
struct AttendanceMarksBody: APISchema {
    static let schemaName = "AttendanceMarks"
    static let nestedSchemas: [any APISchema.Type] = [AttendanceMarkDTO.self]
    static let schema = JSONSchema.array(.ref(AttendanceMarkDTO.schemaName))
}
