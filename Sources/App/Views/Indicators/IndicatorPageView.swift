import Domain
import Plot

/// What `/chi-tieu` shows: the filters as typed, their problems, and the report when they are fine.
struct IndicatorPageModel: Sendable {
    /// The filters as typed, by form field (don-vi, nam, tu, den).
    var values: [String: String] = [:]
    var errors = FormErrors()
    var report: IndicatorReport?

    /// The page's form fields, by the API's names the report's problems carry.
    static let fields = ["unit": "don-vi", "year": "nam", "from": "tu", "to": "den"]
}

/// `/chi-tieu`: the indicators of DESIGN.md §3 for a unit's subtree and a period, as the appendix
/// of a review report lists them: STT | Chỉ tiêu | Đơn vị tính | Kết quả | Ghi chú.
enum IndicatorPageView {
    static func render(_ m: IndicatorPageModel) -> Markup {
        H.group([
            H.h1("Chỉ tiêu thực hiện"),
            filters(m),
            Form.errorSummary(m.errors),
            m.report.map(report) ?? .empty,
        ])
    }

    private static func filters(_ m: IndicatorPageModel) -> Markup {
        let year = m.values["nam"] ?? m.report.map { String($0.period.to.year) }
        return H.el("form", ["method": "get", "action": SiteURL.indicators.path, "class": "filters", "role": "search"],
            Form.text("don-vi", "Mã đơn vị", value: m.values["don-vi"] ?? m.report?.unit.code, errors: m.errors,
                      hint: "Để trống: đơn vị của bạn."),
            Form.text("nam", "Năm", value: year, errors: m.errors, type: "number",
                      extra: [("min", "1945"), ("max", "9999"), ("inputmode", "numeric")]),
            Form.text("tu", "Từ ngày", value: m.values["tu"], errors: m.errors, type: "date",
                      hint: "Chọn từ ngày, đến ngày để xem một kỳ bất kỳ."),
            Form.text("den", "Đến ngày", value: m.values["den"], errors: m.errors, type: "date"),
            Form.submit("Xem"))
    }

    private static func report(_ r: IndicatorReport) -> Markup {
        var rows: [Markup] = []
        for group in IndicatorGroup.allCases {
            let results = r.results.filter { $0.definition.code.group == group }
            guard !results.isEmpty else { continue }
            rows.append(H.el("tr", ["class": "group"],
                             H.el("th", ["colspan": "5", "scope": "colgroup"], .text("\(group.rawValue). \(group.label)"))))
            rows += results.map(row)
        }
        return H.group([
            H.el("p", ["id": "indicator-scope"],
                 H.a(SiteURL.unit(r.unit.id).path, "\(r.unit.name) (\(r.unit.code))"),
                 .text(", \(r.period.text). Tính các tổ chức đảng thuộc đơn vị theo cây tổ chức ngày \(VietnameseFormat.date(r.period.to)); "
                       + "đơn vị đã giải thể tính vào đơn vị tiếp nhận.")),
            H.table(id: "indicators", headers: ["STT", "Chỉ tiêu", "Đơn vị tính", "Kết quả", "Ghi chú"], rows: rows),
            formulas(r.results.map(\.definition)),
        ])
    }

    private static func row(_ result: IndicatorResult) -> Markup {
        let d = result.definition
        let notes: Markup = result.parts.isEmpty ? .empty
            : H.el("ul", ["class": "parts"], children: result.parts.map { H.el("li", [:], .text($0.labelledText)) })
        return H.el("tr", ["id": "indicator-\(d.code.rawValue)"],
            H.el("td", [:], .text(d.code.rawValue)),
            H.el("td", [:], .text(d.label)),
            H.el("td", [:], .text(d.unit)),
            H.el("td", ["class": "result"], .text(result.value.text)),
            H.el("td", [:], notes))
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
