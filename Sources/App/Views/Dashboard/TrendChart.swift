import Domain
import Foundation
import Plot

/// The key shares year by year, one small bar chart per indicator, drawn as SVG by the server:
/// a viewBox so it scales to a phone, its title, description and label for screen readers, value
/// labels written the Vietnamese way, fills given as attributes so they print. The same figures
/// stand in a table under the charts.
enum TrendChart {
    /// The drawing's coordinate space: the plot runs from `left` to `right`, 100% at `top`, 0% at `base`.
    static let width = 320.0, height = 200.0
    static let left = 44.0, right = 312.0, top = 28.0, base = 164.0
    static let barFill = "#9b1c1c", inkFill = "#1d1d1f", ruleStroke = "#8c8c8c"

    static func section(_ series: [Dashboard.Series]) -> Markup {
        guard let first = series.first, let from = first.points.first?.year, let to = first.points.last?.year else { return .empty }
        return H.el("section", ["id": "trend", "aria-labelledby": "trend-title"],
            H.el("h2", ["id": "trend-title"], .text("Xu hướng từ năm \(from) đến năm \(to)")),
            H.el("div", ["class": "charts"], children: series.map(figure)),
            table(series))
    }

    static func chartID(_ code: IndicatorCode) -> String {
        "chart-" + code.rawValue.replacingOccurrences(of: ".", with: "-")
    }

    /// "95,3%", or "–" for a year with nothing expected.
    static func valueText(_ figure: IndicatorFigure) -> String {
        VietnameseFormat.percent(numerator: figure.numerator, denominator: figure.denominator ?? 0) ?? VietnameseFormat.notANumber
    }

    private static func figure(_ s: Dashboard.Series) -> Markup {
        let id = chartID(s.code)
        let title = "\(s.code.rawValue). \(s.label)"
        let desc = "Tỉ lệ theo năm: " + s.points.map { "năm \($0.year): \(valueText($0.figure))" }.joined(separator: "; ") + "."
        return H.el("figure", ["class": "chart", "id": id],
            H.el("svg", ["xmlns": "http://www.w3.org/2000/svg", "viewBox": "0 0 \(n(width)) \(n(height))", "role": "img",
                         "aria-label": "\(title). \(desc)", "class": "trend"],
                 children: [
                    H.el("title", [:], .text(title)),
                    H.el("desc", [:], .text(desc)),
                 ] + rules() + bars(s.points)),
            H.el("figcaption", [:], .text(title)))
    }

    /// Rules at 0%, 50% and 100%, labelled on the left.
    private static func rules() -> [Markup] {
        [0.0, 50.0, 100.0].flatMap { percent -> [Markup] in
            let y = base - (base - top) * percent / 100
            return [
                H.el("line", ["x1": n(left), "y1": n(y), "x2": n(right), "y2": n(y), "stroke": ruleStroke,
                              "stroke-width": percent == 0 ? "1.5" : "0.5"]),
                H.el("text", ["x": n(left - 6), "y": n(y + 4), "text-anchor": "end", "font-size": "11", "fill": inkFill],
                     .text("\(Int(percent))%")),
            ]
        }
    }

    /// A bar per year with its value above and the year below.
    private static func bars(_ points: [Dashboard.Point]) -> [Markup] {
        let slot = (right - left) / Double(max(points.count, 1))
        let barWidth = slot * 0.6
        return points.enumerated().flatMap { index, point -> [Markup] in
            let center = left + slot * (Double(index) + 0.5)
            let barHeight = (base - top) * min(point.figure.rate ?? 0, 1)
            var marks: [Markup] = []
            if point.figure.rate != nil {
                marks.append(H.el("rect", ["x": n(center - barWidth / 2), "y": n(base - barHeight), "width": n(barWidth),
                                           "height": n(barHeight), "fill": barFill, "class": "bar"]))
            }
            marks.append(H.el("text", ["x": n(center), "y": n(max(base - barHeight - 6, top - 10)), "text-anchor": "middle",
                                       "font-size": "13", "font-weight": "600", "fill": inkFill, "class": "value"],
                              .text(valueText(point.figure))))
            marks.append(H.el("text", ["x": n(center), "y": n(base + 20), "text-anchor": "middle", "font-size": "12",
                                       "fill": inkFill, "class": "year"], .text(String(point.year))))
            return marks
        }
    }

    /// The charts' figures in full ("16/18 chi bộ-tháng (88,9%)"), for screen readers and for reading exactly.
    private static func table(_ series: [Dashboard.Series]) -> Markup {
        let years = series.first?.points.map(\.year) ?? []
        let rows = series.map { s in
            H.el("tr", [:], children: [H.el("th", ["scope": "row"], .text("\(s.code.rawValue). \(s.label)"))]
                 + s.points.map { H.el("td", [:], .text($0.figure.text)) })
        }
        return H.el("details", ["class": "chart-data"],
            H.el("summary", [:], .text("Số liệu của các biểu đồ")),
            H.el("div", ["class": "table-wrap"],
                H.el("table", ["id": "trend-data"],
                    H.el("thead", [:], H.el("tr", [:], children: [H.el("th", ["scope": "col"], .text("Chỉ tiêu"))]
                        + years.map { H.el("th", ["scope": "col"], .text("Năm \($0)")) })),
                    H.el("tbody", [:], children: rows))))
    }

    /// A coordinate with at most one decimal, always with a point ("12.5"), whatever the locale.
    static func n(_ x: Double) -> String {
        let tenths = (x * 10).rounded()
        return tenths.truncatingRemainder(dividingBy: 10) == 0 ? String(Int(tenths / 10)) : String(tenths / 10)
    }
}
