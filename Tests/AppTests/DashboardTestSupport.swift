@testable import App
import Domain
import Fluent
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Vapor

/// The dashboard's figures counted again by hand from `IndicatorWorld`'s arrays, and small readers
/// of the page's HTML and SVG.
enum DashboardWorld {
    typealias W = IndicatorWorld

    /// The key figure of each key indicator for `root` and `year`, by hand (`IndicatorCount`, over
    /// the tree of `treeDay`, by default the year's last counted day). II.5 shows its share of
    /// cells meeting every quarter; every other indicator its headline.
    static func keyFigures(_ root: String, _ year: Int, today: LocalDate, treeDay: LocalDate? = nil) -> [IndicatorCode: IndicatorFigure] {
        let all = IndicatorCount(root: root, period: .year(year, today: today), today: today, treeDay: treeDay).all()
        var figures: [IndicatorCode: IndicatorFigure] = [:]
        for code in DashboardService.keyCodes {
            figures[code] = code == .thematicMeetings ? all[code]!.parts[0] : all[code]!.value
        }
        return figures
    }

    /// One grid row counted by hand: (expected, with content) for months 1–12.
    struct GridRow: Equatable {
        let unit: String
        let months: [(expected: Int, content: Int)]

        static func == (a: GridRow, b: GridRow) -> Bool {
            a.unit == b.unit && a.months.map(\.expected) == b.months.map(\.expected) && a.months.map(\.content) == b.months.map(\.content)
        }

        var total: IndicatorFigure {
            .share(months.map(\.content).reduce(0, +), of: months.map(\.expected).reduce(0, +), "chi bộ-tháng")
        }
    }

    /// The grid of `root` for `year` by hand, over the tree of the year's last counted day: the
    /// root's own cell-months first when it is a cell, then each unit directly below with its subtree.
    static func grid(_ root: String, _ year: Int, today: LocalDate) -> [GridRow] {
        let count = IndicatorCount(root: root, period: .year(year, today: today), today: today)
        let day = count.period.to
        let children = W.parents(on: day).filter { $0.value == root }.keys.sorted()
        var rows: [(String, Set<String>)] = children.map { ($0, count.under($0, on: day)) }
        if children.isEmpty || count.kind(root).isCell { rows.insert((root, count.kind(root).isCell ? [root] : []), at: 0) }
        return rows.map { unit, subtree in
            let cells = subtree.filter { count.kind($0).isCell }
            return GridRow(unit: unit, months: (1...12).map { m in
                let first = LocalDate(year: year, month: m, day: 1)!
                guard first <= day else { return (0, 0) }
                let last = min(first.adding(months: 1).adding(days: -1), day)
                let alive = cells.filter { count.alive($0, first, last) }
                let content = alive.filter { cell in
                    W.regularMeetings.contains { $0.unit == cell && $0.year == year && $0.months.contains(m)
                        && !$0.skipped.contains(m) && !$0.withoutContent.contains(m) }
                }
                return (alive.count, content.count)
            })
        }
    }

    /// The inner HTML of the element whose opening tag carries `marker` (up to `closing`).
    static func fragment(_ html: String, _ marker: String, closing: String) -> String? {
        guard let start = html.range(of: marker),
              let end = html.range(of: closing, range: start.upperBound..<html.endIndex) else { return nil }
        return String(html[start.lowerBound..<end.upperBound])
    }

    /// The grid row of `unit`: each cell's (title, text).
    static func gridCells(_ html: String, unit: String) -> [(title: String, text: String)] {
        guard let row = fragment(html, "<tr data-unit=\"\(unit)\">", closing: "</tr>") else { return [] }
        let regex = try! NSRegularExpression(pattern: #"<td class="band [a-z]+" title="([^"]*)">([^<]*)</td>"#)
        return regex.matches(in: row, range: NSRange(row.startIndex..., in: row)).map { match in
            (String(row[Range(match.range(at: 1), in: row)!]), String(row[Range(match.range(at: 2), in: row)!]))
        }
    }

    /// Every `<svg>…</svg>` of the page.
    static func svgs(_ html: String) -> [String] {
        var found: [String] = []
        var rest = html[...]
        while let start = rest.range(of: "<svg"), let end = rest.range(of: "</svg>", range: start.upperBound..<rest.endIndex) {
            found.append(String(rest[start.lowerBound..<end.upperBound]))
            rest = rest[end.upperBound...]
        }
        return found
    }
}

/// What a chart says, read back with an XML parser (which also proves the SVG well formed).
final class ChartReader: NSObject, XMLParserDelegate {
    var rootAttributes: [String: String] = [:]
    var title = "", desc = ""
    var values: [String] = [], years: [String] = []
    var bars = 0
    private var current: String?
    private var text = ""

    /// nil when the SVG is not well-formed XML.
    static func read(_ svg: String) -> ChartReader? {
        let reader = ChartReader()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = reader
        return parser.parse() ? reader : nil
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        if name == "svg" { rootAttributes = attributes }
        if name == "rect" && attributes["class"] == "bar" { bars += 1 }
        current = name == "text" ? attributes["class"] : name
        text = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch (name, current) {
        case ("title", _): title = text
        case ("desc", _): desc = text
        case ("text", "value"): values.append(text)
        case ("text", "year"): years.append(text)
        default: break
        }
        current = nil
    }
}
