import Domain
import Vapor

/// Grades per level of a sheet.
struct GradingCountsDTO: Content, APISchema {
    let htxsnv, httnv, htnv, khtnv: Int

    init(_ c: [GradingLevel: Int]) {
        htxsnv = c[.excellent] ?? 0
        httnv = c[.good] ?? 0
        htnv = c[.fulfilled] ?? 0
        khtnv = c[.unfulfilled] ?? 0
    }

    static let schemaName = "GradingCounts"
    static let schema = JSONSchema.object(GradingLevel.allCases.map { ($0.rawValue, .integer(minimum: 0)) },
                                          required: GradingLevel.allCases.map(\.rawValue))
}

/// A grading sheet in a list.
struct GradingSheetDTO: Content, APISchema {
    let id: Int
    let unitId: Int
    let unitCode: String
    let unitName: String
    let year: Int
    let subject: String
    let status: String
    let statusLabel: String
    let regimeId: Int
    let outstanding: Bool
    let submittedOn: String?
    let counts: GradingCountsDTO

    init(_ line: GradingSheetLine) {
        let s = line.sheet
        id = s.id!
        unitId = s.unitID
        unitCode = line.unit.code
        unitName = line.unit.name
        year = s.year
        subject = s.subject.rawValue
        status = s.status.rawValue
        statusLabel = s.status.label
        regimeId = s.regimeID
        outstanding = s.outstanding
        submittedOn = s.submittedOn?.iso
        counts = GradingCountsDTO(line.counts)
    }

    static let schemaName = "GradingSheet"
    static let nestedSchemas: [any APISchema.Type] = [GradingCountsDTO.self]
    static let schema = JSONSchema.object([
        ("id", .integer(minimum: 1)), ("unitId", .integer(minimum: 1)), ("unitCode", .string()), ("unitName", .string()),
        ("year", .integer()), ("subject", .enumeration(GradingSubject.allCases.map(\.rawValue))),
        ("status", .enumeration(GradingSheetStatus.allCases.map(\.rawValue))), ("statusLabel", .string()),
        ("regimeId", .integer(minimum: 1)), ("outstanding", .boolean), ("submittedOn", .nullable(.date)),
        ("counts", .ref(GradingCountsDTO.schemaName)),
    ], required: ["id", "unitId", "unitCode", "unitName", "year", "subject", "status", "statusLabel", "regimeId", "outstanding", "counts"])
}

/// One row of a sheet: who, the personal plan's assessment (members), and the grade if any.
struct GradingRowDTO: Content, APISchema {
    let personId: Int?
    let unitId: Int?
    let name: String
    let planAssessment: String?
    let level: String?
    let score: Double?
    let allTasksDone: Bool?
    let note: String

    init(_ row: GradingRow, member: Bool) {
        personId = member ? row.key : nil
        unitId = member ? nil : row.key
        name = row.name
        planAssessment = row.planAssessment
        level = row.evaluation?.level.rawValue
        score = row.evaluation?.score
        allTasksDone = row.evaluation?.allTasksDone
        note = row.evaluation?.note ?? ""
    }

    static let schemaName = "GradingRow"
    static let schema = JSONSchema.object([
        ("personId", .nullable(.integer(minimum: 1))), ("unitId", .nullable(.integer(minimum: 1))), ("name", .string()),
        ("planAssessment", .nullable(.string())), ("level", .nullable(.enumeration(GradingLevel.allCases.map(\.rawValue)))),
        ("score", .nullable(.number)), ("allTasksDone", .nullable(.boolean)), ("note", .string()),
    ], required: ["name", "note"])
}

/// The cap check of a sheet (HTXSNV at most `percent`% of HTTNV).
struct GradingCapDTO: Content, APISchema {
    let percent: Int
    let allowed: Int
    let excellent: Int
    let good: Int
    let broken: Bool
    let warning: String?

    init(_ c: GradingCap) {
        percent = c.percent
        allowed = c.allowed
        excellent = c.excellent
        good = c.good
        broken = c.isBroken
        warning = c.warning
    }

    static let schemaName = "GradingCap"
    static let schema = JSONSchema.object([
        ("percent", .integer(minimum: 1)), ("allowed", .integer(minimum: 0)), ("excellent", .integer(minimum: 0)),
        ("good", .integer(minimum: 0)), ("broken", .boolean), ("warning", .nullable(.string())),
    ], required: ["percent", "allowed", "excellent", "good", "broken"])
}

/// GET /grading-sheets/{id}: the sheet, its regime's kind, every row and the cap check.
struct GradingSheetDetailDTO: Content, APISchema {
    let sheet: GradingSheetDTO
    let regimeName: String
    let scored: Bool
    let rows: [GradingRowDTO]
    let ungraded: Int
    let cap: GradingCapDTO?

    init(_ d: GradingSheetDetail) {
        sheet = GradingSheetDTO(GradingSheetLine(sheet: d.sheet, unit: d.unit, counts: d.counts))
        regimeName = d.regime.name
        scored = d.rules.isScored
        rows = d.rows.map { GradingRowDTO($0, member: d.sheet.subject == .member) }
        ungraded = d.ungraded.count
        cap = d.cap.map(GradingCapDTO.init)
    }

    static let schemaName = "GradingSheetDetail"
    static let nestedSchemas: [any APISchema.Type] = [GradingSheetDTO.self, GradingRowDTO.self, GradingCapDTO.self]
    static let schema = JSONSchema.object([
        ("sheet", .ref(GradingSheetDTO.schemaName)), ("regimeName", .string()), ("scored", .boolean),
        ("rows", .array(.ref(GradingRowDTO.schemaName))), ("ungraded", .integer(minimum: 0)),
        ("cap", .nullable(.ref(GradingCapDTO.schemaName))),
    ], required: ["sheet", "regimeName", "scored", "rows", "ungraded"])
}

/// A grading regime and the years that use it.
struct GradingRegimeDTO: Content, APISchema {
    let id: Int
    let name: String
    let isScored: Bool
    let excellentFrom: Double?
    let goodFrom: Double?
    let fulfilledFrom: Double?
    let capPercent: Int?
    let outstandingCapPercent: Int?
    let years: [Int]

    init(_ r: GradingRegime, years: [Int]) {
        id = r.id!
        name = r.name
        isScored = r.isScored
        excellentFrom = r.excellentFrom
        goodFrom = r.goodFrom
        fulfilledFrom = r.fulfilledFrom
        capPercent = r.capPercent
        outstandingCapPercent = r.outstandingCapPercent
        self.years = years
    }

    static let schemaName = "GradingRegime"
    static let schema = JSONSchema.object([
        ("id", .integer(minimum: 1)), ("name", .string()), ("isScored", .boolean),
        ("excellentFrom", .nullable(.number)), ("goodFrom", .nullable(.number)), ("fulfilledFrom", .nullable(.number)),
        ("capPercent", .nullable(.integer(minimum: 1, maximum: 100))), ("outstandingCapPercent", .nullable(.integer(minimum: 1, maximum: 100))),
        ("years", .array(.integer())),
    ], required: ["id", "name", "isScored", "years"])
}
