import Domain
import Fluent
import Foundation

/// A review report (sơ kết, tổng kết, báo cáo năm) of a unit's subtree over a period. Its parts are
/// the officer's text; its figures are those it was written with, kept until the officer refreshes
/// them, so a printed report never changes under its reader.
final class Review: Model, @unchecked Sendable {
    static let schema = "reviews"

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    @OptionalField(key: "created_by") var createdBy: Int?
    @OptionalField(key: "updated_by") var updatedBy: Int?

    // references
    @Field(key: "programme_id") var programmeID: Int
    @Field(key: "unit_id") var unitID: Int

    // data
    @Field(key: "kind") var kind: ReviewKind
    @Field(key: "period_from") var periodFrom: LocalDate
    @Field(key: "period_to") var periodTo: LocalDate
    /// Header (Hướng dẫn 36-HD/VPTW): "ĐẢNG BỘ TỈNH …", "BAN THƯỜNG VỤ …", "Số 12-BC/TU" as typed.
    @Field(key: "superior_body") var superiorBody: String
    @Field(key: "issuing_body") var issuingBody: String
    @Field(key: "number") var number: String
    @Field(key: "place") var place: String
    @Field(key: "issued_on") var issuedOn: LocalDate
    @Field(key: "summary") var summary: String
    @Field(key: "signature_on_behalf") var signatureOnBehalf: String
    @Field(key: "signature_title") var signatureTitle: String
    @Field(key: "signature_name") var signatureName: String
    /// "Nơi nhận:" lines, one per line.
    @Field(key: "recipients") var recipients: String
    /// Parts I–IV: paragraphs separated by blank lines.
    @Field(key: "part1") var part1: String
    @Field(key: "part2") var part2: String
    @Field(key: "part3") var part3: String
    @Field(key: "part4") var part4: String
    /// The saved figures: `FigureTable` JSON of the appendix and of the breakdown by units below.
    @Field(key: "appendix_json") var appendixJSON: String
    @Field(key: "breakdown_json") var breakdownJSON: String
    @Field(key: "figures_at") var figuresAt: Date

    init() {}

    var period: IndicatorPeriod { (try? IndicatorPeriod(from: periodFrom, to: periodTo)) ?? .year(periodTo.year, today: periodTo) }

    var parts: [ReviewPart] {
        zip(ReviewPart.titles, [part1, part2, part3, part4]).map { ReviewPart(title: $0, text: $1) }
    }

    var appendix: FigureTable { Self.decode(appendixJSON) }
    var breakdown: FigureTable { Self.decode(breakdownJSON) }

    func setFigures(appendix: FigureTable, breakdown: FigureTable, at date: Date = Date()) {
        appendixJSON = Self.encode(appendix)
        breakdownJSON = Self.encode(breakdown)
        figuresAt = date
    }

    static func encode(_ table: FigureTable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: (try? encoder.encode(table)) ?? Data("{}".utf8), as: UTF8.self)
    }

    static func decode(_ json: String) -> FigureTable {
        (try? JSONDecoder().decode(FigureTable.self, from: Data(json.utf8))) ?? FigureTable(columns: [], rows: [])
    }
}
