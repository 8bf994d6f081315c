import Domain
import Vapor

/// A cell meeting in /api/v1.
struct CellMeetingDTO: Content, APISchema {
    let id: Int
    let unitId: Int
    let unitCode: String
    let unitName: String
    let kind: String
    let kindLabel: String
    let heldOn: String
    let durationMinutes: Int
    let present: Int
    let absentExcused: Int
    let absentUnexcused: Int
    let includedProgrammeContent: Bool
    let contentNote: String
    let topicId: Int?
    let topicTitle: String?
    let opinionsRaised: Int
    let summary: String

    init(_ m: CellMeeting, unit: OrgUnit?, topic: Topic?) {
        id = m.id!
        unitId = m.unitID
        unitCode = unit?.code ?? ""
        unitName = unit?.name ?? ""
        kind = m.kind.rawValue
        kindLabel = m.kind.label
        heldOn = m.heldOn.iso
        durationMinutes = m.durationMinutes
        present = m.present
        absentExcused = m.absentExcused
        absentUnexcused = m.absentUnexcused
        includedProgrammeContent = m.includedProgrammeContent
        contentNote = m.contentNote
        topicId = m.topicID
        topicTitle = topic?.title
        opinionsRaised = m.opinionsRaised
        summary = m.summary
    }

    static let schemaName = "CellMeeting"
    static let schema = JSONSchema.object([
        ("id", .integer(minimum: 1)),
        ("unitId", .integer(minimum: 1)),
        ("unitCode", .string()),
        ("unitName", .string()),
        ("kind", .enumeration(CellMeetingKind.allCases.map(\.rawValue))),
        ("kindLabel", .string()),
        ("heldOn", .date),
        ("durationMinutes", .integer(minimum: CellMeetingService.durationRange.lowerBound, maximum: CellMeetingService.durationRange.upperBound)),
        ("present", .integer(minimum: 0)),
        ("absentExcused", .integer(minimum: 0)),
        ("absentUnexcused", .integer(minimum: 0)),
        ("includedProgrammeContent", .boolean),
        ("contentNote", .string()),
        ("topicId", .nullable(.integer(minimum: 1))),
        ("topicTitle", .nullable(.string())),
        ("opinionsRaised", .integer(minimum: 0)),
        ("summary", .string()),
    ], required: ["id", "unitId", "unitCode", "unitName", "kind", "kindLabel", "heldOn", "durationMinutes", "present",
                  "absentExcused", "absentUnexcused", "includedProgrammeContent", "contentNote", "opinionsRaised", "summary"])
}

/// POST and PUT /cell-meetings. `unit` is the cell's code. Optional in Swift so a missing field
/// gets a 422 naming it.
struct CellMeetingBody: Content, APISchema {
    var unit: String?
    var kind: String?
    var heldOn: String?
    var durationMinutes: Int?
    var present: Int?
    var absentExcused: Int?
    var absentUnexcused: Int?
    var includedProgrammeContent: Bool?
    var contentNote: String?
    var topicId: Int?
    var opinionsRaised: Int?
    var summary: String?

    var input: CellMeetingInput {
        CellMeetingInput(
            unitCode: unit, kind: kind, heldOn: heldOn, durationMinutes: durationMinutes.map(String.init),
            present: present.map(String.init), absentExcused: absentExcused.map(String.init),
            absentUnexcused: absentUnexcused.map(String.init), includedProgrammeContent: includedProgrammeContent ?? false,
            contentNote: contentNote, topicID: topicId.map(String.init), opinionsRaised: opinionsRaised.map(String.init),
            summary: summary)
    }

    static let schemaName = "CellMeetingInput"
    static let schema = JSONSchema.object([
        ("unit", .string()),
        ("kind", .enumeration(CellMeetingKind.allCases.map(\.rawValue))),
        ("heldOn", .date),
        ("durationMinutes", .integer(minimum: CellMeetingService.durationRange.lowerBound, maximum: CellMeetingService.durationRange.upperBound)),
        ("present", .integer(minimum: 0, maximum: CellMeetingService.countLimit)),
        ("absentExcused", .integer(minimum: 0, maximum: CellMeetingService.countLimit)),
        ("absentUnexcused", .integer(minimum: 0, maximum: CellMeetingService.countLimit)),
        ("includedProgrammeContent", .boolean),
        ("contentNote", .string(maxLength: CellMeetingService.noteLimit)),
        ("topicId", .nullable(.integer(minimum: 1))),
        ("opinionsRaised", .nullable(.integer(minimum: 0, maximum: CellMeetingService.countLimit))),
        ("summary", .string(maxLength: CellMeetingService.summaryLimit)),
    ], required: ["unit", "kind", "heldOn", "durationMinutes", "present", "absentExcused", "absentUnexcused"])
}

/// One cell's year against the meeting rules (GET /cell-meetings/compliance).
struct CellComplianceDTO: Content, APISchema {
    struct MonthDTO: Content {
        let month: Int
        let expected: Bool
        let regularHeld: Bool
        let includedContent: Bool
        /// with_content, without_content, missing, not_expected
        let mark: String
    }

    struct QuarterDTO: Content {
        let quarter: Int
        let expected: Bool
        let thematicMeetings: Int
        /// met, not_met, not_expected
        let mark: String
    }

    let unitId: Int
    let unitCode: String
    let unitName: String
    let year: Int
    let months: [MonthDTO]
    let quarters: [QuarterDTO]
    let monthsExpected: Int
    let monthsWithRegular: Int
    let monthsWithContent: Int
    let quartersExpected: Int
    let quartersWithThematic: Int

    static let monthMarks = ["with_content", "without_content", "missing", "not_expected"]
    static let quarterMarks = ["met", "not_met", "not_expected"]

    init(_ row: CellComplianceRow) {
        let c = row.compliance
        unitId = row.unit.id!
        unitCode = row.unit.code
        unitName = row.unit.name
        year = c.year
        months = c.months.map { m in
            let mark = switch m.mark {
            case .withContent: "with_content"
            case .withoutContent: "without_content"
            case .missing: "missing"
            case .notExpected: "not_expected"
            }
            return MonthDTO(month: m.month, expected: m.expected, regularHeld: m.hasRegular, includedContent: m.includedContent, mark: mark)
        }
        quarters = c.quarters.map { q in
            let mark = switch q.mark {
            case .met: "met"
            case .notMet: "not_met"
            case .notExpected: "not_expected"
            }
            return QuarterDTO(quarter: q.quarter, expected: q.expected, thematicMeetings: q.thematicCount, mark: mark)
        }
        monthsExpected = c.monthsExpected
        monthsWithRegular = c.monthsWithRegular
        monthsWithContent = c.monthsWithContent
        quartersExpected = c.quartersExpected
        quartersWithThematic = c.quartersWithThematic
    }

    static let schemaName = "CellMeetingCompliance"
    static let schema = JSONSchema.object([
        ("unitId", .integer(minimum: 1)),
        ("unitCode", .string()),
        ("unitName", .string()),
        ("year", .integer()),
        ("months", .array(.object([
            ("month", .integer(minimum: 1, maximum: 12)),
            ("expected", .boolean),
            ("regularHeld", .boolean),
            ("includedContent", .boolean),
            ("mark", .enumeration(monthMarks)),
        ], required: ["month", "expected", "regularHeld", "includedContent", "mark"]))),
        ("quarters", .array(.object([
            ("quarter", .integer(minimum: 1, maximum: 4)),
            ("expected", .boolean),
            ("thematicMeetings", .integer(minimum: 0)),
            ("mark", .enumeration(quarterMarks)),
        ], required: ["quarter", "expected", "thematicMeetings", "mark"]))),
        ("monthsExpected", .integer(minimum: 0, maximum: 12)),
        ("monthsWithRegular", .integer(minimum: 0, maximum: 12)),
        ("monthsWithContent", .integer(minimum: 0, maximum: 12)),
        ("quartersExpected", .integer(minimum: 0, maximum: 4)),
        ("quartersWithThematic", .integer(minimum: 0, maximum: 4)),
    ], required: ["unitId", "unitCode", "unitName", "year", "months", "quarters", "monthsExpected", "monthsWithRegular",
                  "monthsWithContent", "quartersExpected", "quartersWithThematic"])
}
