import Domain
import Plot

/// `/chi-tieu`: the indicators of DESIGN.md §3 for a unit's subtree and a period, laid out as a
/// review report's appendix (a column per year, the total), the completeness of the records
/// (C.1, as DHIS2's reporting rates) and the breakdown by the units directly below.
enum IndicatorPageView {
    static func render(_ m: IndicatorPageModel) -> Markup {
        H.group([
            H.h1("Chỉ tiêu thực hiện"),
            filters(m),
            quickPeriods(m),
            Form.errorSummary(m.errors),
            m.rollup.map(rollup) ?? .empty,
        ])
    }

    private static func filters(_ m: IndicatorPageModel) -> Markup {
        let year = m.values["nam"] ?? m.rollup.map { String($0.table.period.to.year) }
        return H.el("form", ["method": "get", "action": SiteURL.indicators.path, "class": "filters", "role": "search"],
            Form.text("don-vi", "Mã đơn vị", value: m.values["don-vi"] ?? m.rollup?.unit.code, errors: m.errors,
                      hint: "Để trống: đơn vị của bạn."),
            Form.text("nam", "Năm", value: year, errors: m.errors, type: "number",
                      extra: [("min", "1945"), ("max", "9999"), ("inputmode", "numeric")]),
            Form.text("tu", "Từ ngày", value: m.values["tu"], errors: m.errors, type: "date",
                      hint: "Chọn từ ngày, đến ngày để xem một kỳ bất kỳ."),
            Form.text("den", "Đến ngày", value: m.values["den"], errors: m.errors, type: "date"),
            Form.submit("Xem"))
    }

    /// One tap to a recent year or a stage of the programme in force, for the same unit.
    private static func quickPeriods(_ m: IndicatorPageModel) -> Markup {
        let unit = m.rollup?.unit.code ?? m.values["don-vi"]
        func links(_ periods: [IndicatorQuickPeriod]) -> [Markup] {
            periods.map { H.el("li", [:], H.a(IndicatorPageModel.link(unit: unit, $0), $0.label)) }
        }
        var lists: [Markup] = [H.el("p", [:], .text("Theo năm:")), H.el("ul", [:], children: links(m.years))]
        if let programme = m.programme, !m.stages.isEmpty {
            lists += [H.el("p", [:], .text("Theo giai đoạn thực hiện \(programme):")), H.el("ul", [:], children: links(m.stages))]
        }
        return H.el("nav", ["class": "quick-periods actions", "aria-label": "Chọn nhanh kỳ báo cáo"], children: lists)
    }

    private static func rollup(_ r: IndicatorRollupModel) -> Markup {
        H.group([
            H.el("p", ["id": "indicator-scope"],
                 H.a(SiteURL.unit(r.unit.id).path, "\(r.unit.name) (\(r.unit.code))"),
                 .text(", \(r.table.period.text). Tính các tổ chức đảng thuộc đơn vị theo cây tổ chức ngày "
                       + "\(VietnameseFormat.date(r.table.period.to)) (cả các cột năm); đơn vị đã giải thể tính vào đơn vị tiếp nhận.")),
            H.el("p", ["class": "actions"], H.a(r.workbook, "Tải phụ lục số liệu (Excel)")),
            H.h2("Phụ lục số liệu"),
            IndicatorRollupTables.appendix(r.appendix),
            H.h2("Mức đầy đủ, kịp thời của báo cáo (C.1)"),
            H.p("Như báo cáo tỉ lệ của DHIS2: số báo cáo phải có, đã nhận và nộp đúng hạn, của đơn vị và từng tổ chức đảng trực thuộc.",
                class: "hint"),
            IndicatorRollupTables.reporting(r),
            H.h2("Theo các tổ chức đảng trực thuộc"),
            IndicatorRollupTables.breakdown(r),
            formulas(r.table.total.map(\.definition)),
        ])
    }

    private static func formulas(_ definitions: [IndicatorDefinition]) -> Markup {
        H.el("details", ["class": "formulas"],
            H.el("summary", [:], .text("Cách tính các chỉ tiêu")),
            H.el("dl", ["class": "facts"], children: definitions.flatMap { d in [
                H.el("dt", [:], .text("\(d.code.rawValue). \(d.label)")),
                H.el("dd", [:], H.p(d.formula), H.p("Số liệu từ: " + d.sources.map(\.label).joined(separator: "; ") + ".", class: "hint")),
            ] }))
    }
}
