import Domain
import Vapor

/// One figure of an indicator in /api/v1: the headline's fields, or a sub-figure's.
struct IndicatorFigureDTO: Content {
    let label: String
    let measure: String
    /// The count, the rate in percent, or the mean; null when there is no whole.
    let value: Double?
    let numerator: Int
    let denominator: Int?
    /// numerator / denominator of a share (0…1); null otherwise.
    let rate: Double?
    /// As the page writes it: "42/45 tổ chức (93,3%)".
    let text: String

    init(_ f: IndicatorFigure) {
        label = f.label
        measure = f.measure.rawValue
        value = f.value
        numerator = f.numerator
        denominator = f.denominator
        rate = f.rate
        text = f.text
    }

    static let properties: [(String, JSONSchema)] = [
        ("measure", .enumeration(IndicatorMeasure.allCases.map(\.rawValue))),
        ("value", .nullable(.number)),
        ("numerator", .integer(minimum: 0)),
        ("denominator", .nullable(.integer(minimum: 0))),
        ("rate", .nullable(.number)),
        ("text", .string()),
    ]
    static let required = ["measure", "numerator", "text"]
}

/// One indicator for the chosen unit and period.
struct IndicatorDTO: Content {
    let code: String
    let label: String
    /// Đơn vị tính.
    let unit: String
    let measure: String
    let value: Double?
    let numerator: Int
    let denominator: Int?
    let rate: Double?
    let text: String
    let parts: [IndicatorFigureDTO]

    init(_ r: IndicatorResult) {
        let figure = IndicatorFigureDTO(r.value)
        code = r.definition.code.rawValue
        label = r.definition.label
        unit = r.definition.unit
        measure = figure.measure
        value = figure.value
        numerator = figure.numerator
        denominator = figure.denominator
        rate = figure.rate
        text = figure.text
        parts = r.parts.map(IndicatorFigureDTO.init)
    }
}

/// GET /indicators: the unit, the period and every indicator.
struct IndicatorReportDTO: Content, APISchema {
    let unitId: Int
    let unitCode: String
    let unitName: String
    let from: String
    let to: String
    let indicators: [IndicatorDTO]

    init(_ report: IndicatorReport) {
        unitId = report.unit.id
        unitCode = report.unit.code
        unitName = report.unit.name
        from = report.period.from.iso
        to = report.period.to.iso
        indicators = report.results.map(IndicatorDTO.init)
    }

    static let schemaName = "IndicatorReport"
    static let schema = JSONSchema.object([
        ("unitId", .integer(minimum: 1)),
        ("unitCode", .string()),
        ("unitName", .string()),
        ("from", .date),
        ("to", .date),
        ("indicators", .array(.object(
            [("code", .enumeration(IndicatorCode.allCases.map(\.rawValue))), ("label", .string()), ("unit", .string())]
                + IndicatorFigureDTO.properties
                + [("parts", .array(.object([("label", .string())] + IndicatorFigureDTO.properties,
                                            required: ["label"] + IndicatorFigureDTO.required)))],
            required: ["code", "label", "unit", "parts"] + IndicatorFigureDTO.required))),
    ], required: ["unitId", "unitCode", "unitName", "from", "to", "indicators"])
}

/// GET /indicators/rollup: the appendix (a column per year and the total) and the breakdown by
/// the units directly below, as the page, the workbook and the review report carry them.
struct RollupDTO: Content, APISchema {
    struct Unit: Content {
        let code: String
        let name: String
    }

    struct Period: Content {
        let from: String
        let to: String
        /// "từ 18/5/2021 đến 18/5/2024", "năm 2024".
        let text: String
    }

    struct Table: Content {
        let columns: [String]
        let rows: [FigureRow]
    }

    let unit: Unit
    let period: Period
    let appendix: Table
    let breakdown: Table

    init(table: RollupTable) {
        unit = Unit(code: table.unitCode, name: table.unitName)
        period = Period(from: table.period.from.iso, to: table.period.to.iso, text: table.period.text)
        let appendix = table.appendix(), breakdown = table.breakdown()
        self.appendix = Table(columns: appendix.columns, rows: appendix.rows)
        self.breakdown = Table(columns: breakdown.columns, rows: breakdown.rows)
    }

    static let schemaName = "IndicatorRollup"
    static let tableSchema = JSONSchema.object([
        ("columns", .array(.string())),
        ("rows", .array(.object([
            ("key", .string()), ("stt", .string()), ("label", .string()), ("unit", .string()),
            ("values", .array(.nullable(.number))), ("note", .string()), ("isHeading", .boolean),
        ], required: ["key", "stt", "label", "unit", "values", "note", "isHeading"]))),
    ], required: ["columns", "rows"])
    static let schema = JSONSchema.object([
        ("unit", .object([("code", .string()), ("name", .string())], required: ["code", "name"])),
        ("period", .object([("from", .date), ("to", .date), ("text", .string())], required: ["from", "to", "text"])),
        ("appendix", tableSchema),
        ("breakdown", tableSchema),
    ], required: ["unit", "period", "appendix", "breakdown"])
}
