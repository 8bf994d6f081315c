import Domain
import Fluent
import Foundation

/// A grading regime (Quy định 124-QĐ/TW, 366-QĐ/TW…), kept as data: whether it scores on
/// 100 points and with which bands, and its cap on HTXSNV.
final class GradingRegime: Model, @unchecked Sendable {
    static let schema = "grading_regimes"

    @ID(custom: .id, generatedBy: .database) var id: Int?
    /// "Quy định 366-QĐ/TW (30/8/2025)".
    @Field(key: "name") var name: String
    @Field(key: "is_scored") var isScored: Bool
    /// Lower bounds of the bands (scored regimes only).
    @OptionalField(key: "excellent_from") var excellentFrom: Double?
    @OptionalField(key: "good_from") var goodFrom: Double?
    @OptionalField(key: "fulfilled_from") var fulfilledFrom: Double?
    @OptionalField(key: "cap_percent") var capPercent: Int?
    @OptionalField(key: "outstanding_cap_percent") var outstandingCapPercent: Int?

    init() {}

    /// The regime's rules as Domain values.
    var rules: GradingRules {
        var bands: GradingBands?
        if isScored, let e = excellentFrom, let g = goodFrom, let f = fulfilledFrom {
            bands = GradingBands(excellentFrom: e, goodFrom: g, fulfilledFrom: f)
        }
        return GradingRules(bands: bands, capPercent: capPercent, outstandingCapPercent: outstandingCapPercent)
    }
}

/// The regime that applies to one year's grading. A year without a row cannot be graded yet.
final class GradingYear: Model, @unchecked Sendable {
    static let schema = "grading_years"

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "year") var year: Int
    @Field(key: "regime_id") var regimeID: Int

    init() {}
}

/// One unit's grading sheet for a year (bảng xếp loại): a cell grading its members, or a
/// committee grading the organisations directly below it. Unique per (unit, year, subject).
final class GradingSheet: Model, @unchecked Sendable {
    static let schema = "grading_sheets"

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    // references
    /// The unit that grades (its scope).
    @Field(key: "unit_id") var unitID: Int
    /// The regime the sheet is graded under: the year's regime when the sheet was opened.
    @Field(key: "regime_id") var regimeID: Int

    // data
    @Field(key: "year") var year: Int
    @Field(key: "subject") var subject: GradingSubject
    @Field(key: "status") var status: GradingSheetStatus
    /// Marked outstanding: the regime's higher cap applies (25% under 366-QĐ/TW).
    @Field(key: "outstanding") var outstanding: Bool
    @OptionalField(key: "submitted_on") var submittedOn: LocalDate?

    init() {}
}

/// One grade on a sheet: a member or an organisation, its level, and under a scored regime the
/// score and whether every task was done.
final class Evaluation: Model, @unchecked Sendable {
    static let schema = "evaluations"

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    // references
    @Field(key: "sheet_id") var sheetID: Int
    /// The sheet's unit, kept here so scope and rollups need no join.
    @Field(key: "unit_id") var unitID: Int
    @OptionalField(key: "person_id") var personID: Int?
    @OptionalField(key: "subject_unit_id") var subjectUnitID: Int?

    // data
    @Field(key: "year") var year: Int
    @Field(key: "subject") var subject: GradingSubject
    @Field(key: "level") var level: GradingLevel
    @OptionalField(key: "score") var score: Double?
    @OptionalField(key: "all_tasks_done") var allTasksDone: Bool?
    @Field(key: "note") var note: String

    init() {}
}
