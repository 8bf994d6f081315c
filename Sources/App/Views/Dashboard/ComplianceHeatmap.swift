import Domain
import Plot

/// The unit × month grid of II.4 (each cell its share in words and a band colour) and the units
/// lagging most; every unit opens its own dashboard.
enum ComplianceHeatmap {
    /// Colour bands of a share; the cell's text carries the value, the colour only groups.
    enum Band: String {
        case good, fair, low

        /// From 90%: the rule is met nearly everywhere; under 70%: nearly a third of the cell-months miss it.
        init(content: Int, expected: Int) {
            if content * 10 >= expected * 9 { self = .good } else if content * 10 >= expected * 7 { self = .fair } else { self = .low }
        }

        var words: String {
            switch self {
            case .good: "Từ 90% trở lên"
            case .fair: "Từ 70% đến dưới 90%"
            case .low: "Dưới 70%"
            }
        }
    }

    static func section(_ d: Dashboard) -> Markup {
        let grid = d.grid
        let header: [Markup] = [H.el("th", ["scope": "col"], .text("Đơn vị"))]
            + (1...12).map { m in H.el("th", ["scope": "col"], H.el("abbr", ["title": "Tháng \(m)"], .text("T\(m)"))) }
            + [H.el("th", ["scope": "col"], .text("Cả năm"))]
        let rows = grid.rows.map { row -> Markup in
            var cells: [Markup] = [H.el("th", ["scope": "row"],
                H.a(DashboardView.link(row.unit.code, year: grid.year), "\(row.unit.name) (\(row.unit.code))"))]
            cells += row.months.map { cell(label: "Tháng \($0.month)", expected: $0.expected, content: $0.content, figure: $0.figure) }
            let total = row.total
            cells.append(cell(label: "Cả năm", expected: total.denominator ?? 0, content: total.numerator, figure: total))
            return H.el("tr", ["data-unit": row.unit.code], children: cells)
        }
        return H.el("section", ["id": "compliance", "aria-labelledby": "compliance-title"],
            H.el("h2", ["id": "compliance-title"], .text("Chi bộ đưa nội dung học tập và làm theo Bác vào sinh hoạt hằng tháng")),
            legend(),
            H.el("div", ["class": "table-wrap"],
                H.el("table", ["id": "compliance-grid", "class": "heatmap"],
                    H.el("caption", [:], .text("Tỉ lệ chi bộ-tháng có nội dung học tập và làm theo Bác, năm \(grid.year)")),
                    H.el("thead", [:], H.el("tr", [:], children: header)),
                    H.el("tbody", [:], children: rows))))
    }

    /// "75%" in its band's colour, the counts on hover; "–" for a month nothing was expected.
    private static func cell(label: String, expected: Int, content: Int, figure: IndicatorFigure) -> Markup {
        guard expected > 0 else {
            return H.el("td", ["class": "band none", "title": "\(label): không tính"], .text(VietnameseFormat.notANumber))
        }
        let band = Band(content: content, expected: expected)
        return H.el("td", ["class": "band \(band.rawValue)", "title": "\(label): \(figure.text)"], .text(TrendChart.valueText(figure)))
    }

    private static func legend() -> Markup {
        let items: [(String, String)] = [Band.good, .fair, .low].map { ($0.words, $0.rawValue) }
        return H.el("div", ["class": "legend"],
            H.p("Mỗi ô: số chi bộ-tháng có sinh hoạt thường kỳ với nội dung học tập và làm theo Bác / số chi bộ-tháng phải "
                + "sinh hoạt trong tháng, của các chi bộ thuộc đơn vị. “–”: tháng chưa đến hoặc đơn vị chưa có chi bộ phải "
                + "sinh hoạt. Chọn tên đơn vị để xem tổng quan của đơn vị đó.", class: "hint"),
            H.el("ul", ["class": "bands"], children: items.map { words, band in
                H.el("li", [:], H.el("span", ["class": "band swatch \(band)", "aria-hidden": "true"]), .text(" " + words))
            }))
    }

    /// The units directly below with the lowest II.4 share of the year.
    static func lagging(_ d: Dashboard) -> Markup {
        guard d.grid.rows.contains(where: { $0.unit.id != d.grid.root }) else { return .empty }
        let rows = d.grid.lagging.enumerated().map { index, row in
            H.el("tr", ["data-unit": row.unit.code],
                 H.el("td", [:], .text(String(index + 1))),
                 H.el("th", ["scope": "row"], H.a(DashboardView.link(row.unit.code, year: d.grid.year), "\(row.unit.name) (\(row.unit.code))")),
                 H.el("td", [:], .text(row.total.text)))
        }
        return H.el("section", ["id": "lagging", "aria-labelledby": "lagging-title"],
            H.el("h2", ["id": "lagging-title"], .text("Đơn vị có tỉ lệ thấp nhất")),
            H.p("Các đơn vị trực thuộc có tỉ lệ chi bộ-tháng đưa nội dung học tập và làm theo Bác vào sinh hoạt thấp nhất "
                + "năm \(d.grid.year) (tối đa \(ComplianceGrid.laggingCount) đơn vị).", class: "hint"),
            rows.isEmpty ? H.p("Chưa có đơn vị trực thuộc nào phải sinh hoạt chi bộ trong năm.", class: "empty")
                : H.el("div", ["class": "table-wrap"],
                    H.el("table", ["id": "lagging-units"],
                        H.el("thead", [:], H.el("tr", [:], children: ["STT", "Đơn vị", "Chi bộ-tháng có nội dung"].map {
                            H.el("th", ["scope": "col"], .text($0))
                        })),
                        H.el("tbody", [:], children: rows))))
    }
}
