import Domain
import SQLKit

/// C.1: how complete and timely the records are, as DHIS2's reporting rates (formula:
/// `IndicatorCatalog`). One statement joins the one-row counts that I.2, III.1 and II.4 read.
extension Indicators {
    static func reporting(_ r: IndicatorRollup, _ sql: any SQLDatabase) async throws -> IndicatorResult {
        let row = try await Row.of("""
            SELECT u.expected AS unit_expected, u.submitted AS unit_submitted, u.on_time AS unit_on_time, \
            p.expected AS member_expected, p.submitted AS member_submitted, p.on_time AS member_on_time, \
            m.expected AS month_expected, m.held AS month_held \
            FROM (\(unitPlansSQL(r))) u CROSS JOIN (\(personalPlansSQL(r))) p CROSS JOIN (\(monthlyContentSQL(r))) m
            """, on: sql)
        let definition = IndicatorCode.reporting.definition
        let unitPlans = (try row.int("unit_expected"), try row.int("unit_submitted"), try row.int("unit_on_time"))
        let memberPlans = (try row.int("member_expected"), try row.int("member_submitted"), try row.int("member_on_time"))
        let months = (try row.int("month_expected"), try row.int("month_held"))
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
