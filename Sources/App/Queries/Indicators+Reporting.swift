import Domain
import SQLKit

/// C.1: how complete and timely the records are, as DHIS2's reporting rates (formula:
/// `IndicatorCatalog`): the expected and received counts that I.2, III.1 and II.4 read, so it
/// is made from their results for the same rollup, with no statement of its own.
extension Indicators {
    static func reporting(_ r: IndicatorRollup, _ sql: any SQLDatabase) async throws -> [IndicatorResult] {
        let u = try await unitPlans(r, sql), p = try await personalPlans(r, sql), m = try await monthlyContent(r, sql)
        return r.columns.indices.map { reporting(unitPlans: u[$0], personalPlans: p[$0], monthlyContent: m[$0]) }
    }

    /// Indicators made from other indicators' results of the same rollup.
    static let derived: Set<IndicatorCode> = [.reporting]

    /// What a derived indicator is made from.
    static func sources(of code: IndicatorCode) -> [IndicatorCode] {
        code == .reporting ? [.unitPlans, .personalPlans, .monthlyContent] : []
    }

    /// Adds to one rollup's `results` every derived indicator whose sources are there.
    static func addDerived(to results: inout [IndicatorCode: IndicatorResult]) {
        if let u = results[.unitPlans], let p = results[.personalPlans], let m = results[.monthlyContent] {
            results[.reporting] = reporting(unitPlans: u, personalPlans: p, monthlyContent: m)
        }
    }

    /// I.2: submitted of expected, on time of submitted; III.1 the same; II.4: held of expected (its first part).
    static func reporting(unitPlans u: IndicatorResult, personalPlans p: IndicatorResult,
                          monthlyContent m: IndicatorResult) -> IndicatorResult {
        let definition = IndicatorCode.reporting.definition
        let unitPlans = (u.value.denominator ?? 0, u.value.numerator, u.parts[0].numerator)
        let memberPlans = (p.value.denominator ?? 0, p.value.numerator, p.parts[0].numerator)
        let months = (m.value.denominator ?? 0, m.parts[0].numerator)
        let expected = unitPlans.0 + memberPlans.0 + months.0, received = unitPlans.1 + memberPlans.1 + months.1
        return IndicatorResult(definition, definition.figure(received, of: expected), parts: [
            .share(unitPlans.1, of: unitPlans.0, "kế hoạch", label: "Kế hoạch năm của tổ chức đảng đã nhận"),
            .share(unitPlans.2, of: unitPlans.1, "kế hoạch", label: "Kế hoạch năm nộp đúng hạn"),
            .share(memberPlans.1, of: memberPlans.0, "kế hoạch", label: "Kế hoạch cá nhân đã nhận"),
            .share(memberPlans.2, of: memberPlans.1, "kế hoạch", label: "Kế hoạch cá nhân nộp đúng hạn"),
            .share(months.1, of: months.0, "chi bộ-tháng", label: "Chi bộ-tháng đã ghi sinh hoạt thường kỳ"),
        ])
    }
}
