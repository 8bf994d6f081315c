import Domain
import Plot

/// The compliance grid: per cell, a mark per month for the regular meeting and per quarter for
/// the thematic rule. Each symbol carries its meaning in words for screen readers and on hover.
enum CellComplianceGrid {
    static func monthWords(_ mark: CellMeetingCompliance.MonthMark) -> (symbol: String, words: String) {
        switch mark {
        case .withContent: ("✓", "Đã sinh hoạt, có nội dung học tập và làm theo Bác")
        case .withoutContent: ("○", "Đã sinh hoạt, chưa đưa nội dung học tập và làm theo Bác")
        case .missing: ("✗", "Chưa có sinh hoạt thường kỳ")
        case .notExpected: ("", "Không tính (chưa đến tháng hoặc chi bộ chưa thành lập, đã giải thể)")
        }
    }

    static func quarterWords(_ mark: CellMeetingCompliance.QuarterMark) -> String {
        switch mark {
        case .met: "Đạt"
        case .notMet: "Chưa đạt"
        case .notExpected: ""
        }
    }

    static let romanQuarters = ["I", "II", "III", "IV"]

    static func legend() -> Markup {
        let items: [(String, String)] = [
            ("✓", monthWords(.withContent).words),
            ("○", monthWords(.withoutContent).words),
            ("✗", "Tháng phải sinh hoạt nhưng chưa có sinh hoạt thường kỳ"),
            ("(trống)", monthWords(.notExpected).words),
            ("Đạt", "Quý có ít nhất một lần sinh hoạt chuyên đề"),
            ("Chưa đạt", "Quý đã kết thúc mà chi bộ chưa sinh hoạt chuyên đề"),
        ]
        return H.el("section", ["class": "legend", "aria-labelledby": "legend-title"],
            H.el("h2", ["id": "legend-title"], .text("Chú giải")),
            H.el("p", ["class": "hint"], .text("Cột T1–T12: sinh hoạt thường kỳ tháng 1 đến tháng 12. Cột Quý I–IV: quy định "
                + "sinh hoạt chuyên đề ít nhất mỗi quý một lần. Tháng hiện tại được tính; quý chỉ tính khi đã kết thúc và "
                + "chi bộ tồn tại suốt quý.")),
            H.el("dl", ["class": "facts"], children: items.flatMap { symbol, words in
                [H.el("dt", [:], .text(symbol)), H.el("dd", [:], .text(words))]
            }))
    }

    /// Each cell's name opens its own row with its meetings below.
    static func render(_ rows: [CellComplianceRow], year: Int, empty: String) -> Markup {
        guard !rows.isEmpty else { return H.p(empty, class: "empty") }
        var headers: [Markup] = [H.el("th", ["scope": "col"], .text("Chi bộ"))]
        headers += (1...12).map { m in
            H.el("th", ["scope": "col"], H.el("abbr", ["title": "Tháng \(m)"], .text("T\(m)")))
        }
        headers += romanQuarters.map { H.el("th", ["scope": "col"], .text("Quý \($0)")) }
        headers += ["Thường kỳ", "Có nội dung", "Quý đạt"].map { H.el("th", ["scope": "col"], .text($0)) }
        let body = rows.map { row -> Markup in
            let c = row.compliance
            var cells: [Markup] = [H.el("th", ["scope": "row"],
                H.a(SiteURL.cellMeetings.with([("don-vi", row.unit.code), ("nam", String(year))]), row.unit.name))]
            cells += c.months.map { month in
                let (symbol, words) = monthWords(month.mark)
                let label = "Tháng \(month.month): \(words)"
                return H.el("td", ["class": "mark \(month.mark.rawValue)"],
                            symbol.isEmpty ? .empty
                                : H.el("span", ["role": "img", "aria-label": label, "title": label], .text(symbol)))
            }
            cells += c.quarters.map { quarter in
                let words = quarterWords(quarter.mark)
                return H.el("td", ["class": "mark \(quarter.mark.rawValue)"], .text(words))
            }
            cells += [
                H.el("td", [:], .text("\(c.monthsWithRegular)/\(c.monthsExpected)")),
                H.el("td", [:], .text("\(c.monthsWithContent)/\(c.monthsExpected)")),
                H.el("td", [:], .text("\(c.quartersWithThematic)/\(c.quartersExpected)")),
            ]
            return H.el("tr", ["data-unit": row.unit.code], children: cells)
        }
        return H.el("div", ["class": "table-wrap"],
            H.el("table", ["id": "cell-compliance"],
                H.el("caption", [:], .text("Sinh hoạt chi bộ năm \(year)")),
                H.el("thead", [:], H.el("tr", [:], children: headers)),
                H.el("tbody", [:], children: body)))
    }
}
