@testable import App
import Domain
import Fluent
import Foundation
import Testing
import Vapor

/// `/tong-quan`: every figure on the page equals a count made by hand from the test's own records
/// (`IndicatorWorld`, counted by `IndicatorCount`), on both databases.
@Suite struct DashboardTests {
    static let keyCodes: [IndicatorCode] = [.unitPlans, .studyParticipation, .monthlyContent, .thematicMeetings,
                                            .personalPlans, .reporting, .commendations]

    func login(_ app: Application) async throws -> TestClient {
        let tu = try await OrgUnit.query(on: app.db).filter(\.$code == "TU").first()!
        try await Fixtures.user(app, "lanhdao.tu", .leader, unit: tu)
        return try await TestClient.login(app, "lanhdao.tu")
    }

    @Test func theTilesShowTheHandCountOfTheKeyIndicators() async throws {
        try await withTestApp { app in
            // setup
            _ = try await IndicatorWorld.insert(app)
            var web = try await login(app)
            let today = LocalDate.today()

            for (root, year) in [("A", 2025), ("TU", 2024), ("B", 2025), ("A1", 2025)] {
                // act
                let response = try await web.get(DashboardView.link(root, year: year))
                let html = response.body.string

                // assert
                #expect(response.status == .ok)
                let expected = DashboardWorld.keyFigures(root, year, today: today)
                for code in Self.keyCodes {
                    let tile = DashboardWorld.fragment(html, "id=\"tile-\(code.rawValue)\"", closing: "</article>") ?? ""
                    let want = expected[code]!
                    #expect(tile.contains("<p class=\"figure\">\(want.text)</p>"), "\(root) \(year) \(code.rawValue): counted \(want.text)")
                    let link = SiteURL.indicators.with([("don-vi", root), ("nam", String(year))]) + "#indicator-\(code.rawValue)"
                    #expect(tile.contains("href=\"\(H.escapeAttribute(link))\""), "\(root) \(year) \(code.rawValue)")
                }
            }
        }
    }

    /// The hand count itself, checked on paper for A in 2025 (A, A1, A4, A41, and B2 merged into A1).
    @Test func theHandCountAgreesWithPaper() {
        let today = LocalDate("2026-11-21")!
        let a = DashboardWorld.keyFigures("A", 2025, today: today)
        // A1 12 months (February without the content), B2 January–June, A41 12 months without a meeting
        #expect(a[.monthlyContent]?.text == "16/30 chi bộ-tháng (53,3%)")
        // A1's two Giấy khen and B2's (merged into A1); not A41's Biểu dương nor A4's of 1/1/2026
        #expect(a[.commendations]?.text == "3 tập thể, cá nhân")
        let grid = DashboardWorld.grid("A", 2025, today: today)
        #expect(grid.map(\.unit) == ["A1", "A4"])
        #expect(grid[0].months.map(\.expected) == [2, 2, 2, 2, 2, 2, 1, 1, 1, 1, 1, 1])
        #expect(grid[0].months.map(\.content) == [2, 1, 2, 2, 2, 2, 1, 1, 1, 1, 1, 0])
        #expect(grid[1].total.text == "0/12 chi bộ-tháng (0%)")
        // A1 in 2025: its own months first, then B2 merged into it
        #expect(DashboardWorld.grid("A1", 2025, today: today).map(\.unit) == ["A1", "B2"])
    }

    @Test func theGridAndTheLaggingUnitsEqualTheHandCount() async throws {
        try await withTestApp { app in
            // setup
            _ = try await IndicatorWorld.insert(app)
            var web = try await login(app)
            let today = LocalDate.today()

            for (root, year) in [("A", 2025), ("TU", 2024), ("TU", 2025), ("A1", 2025), ("A4", 2024), ("B", 2024)] {
                // act
                let html = try await web.get(DashboardView.link(root, year: year)).body.string

                // assert: each row's months and year, its link to its own dashboard
                let rows = DashboardWorld.grid(root, year, today: today)
                let grid = DashboardWorld.fragment(html, "<table id=\"compliance-grid\"", closing: "</table>") ?? ""
                #expect(grid.components(separatedBy: "<tr data-unit=").count - 1 == rows.count, "\(root) \(year)")
                for row in rows {
                    let cells = DashboardWorld.gridCells(grid, unit: row.unit)
                    let want = row.months.enumerated().map { index, m in
                        m.expected == 0 ? ("Tháng \(index + 1): không tính", "–")
                            : ("Tháng \(index + 1): " + IndicatorFigure.share(m.content, of: m.expected, "chi bộ-tháng").text,
                               VietnameseFormat.percent(numerator: m.content, denominator: m.expected)!)
                    } + [row.total.denominator == 0 ? ("Cả năm: không tính", "–")
                         : ("Cả năm: " + row.total.text, VietnameseFormat.percent(numerator: row.total.numerator, denominator: row.total.denominator!)!)]
                    #expect(cells.map(\.title) == want.map(\.0), "\(root) \(year) \(row.unit)")
                    #expect(cells.map(\.text) == want.map(\.1), "\(root) \(year) \(row.unit)")
                    #expect(grid.contains("href=\"\(H.escapeAttribute(DashboardView.link(row.unit, year: year)))\""))
                }
                // the rows add up to the root's II.4 on the tile
                let sum = IndicatorFigure.share(rows.map(\.total.numerator).reduce(0, +), of: rows.map { $0.total.denominator ?? 0 }.reduce(0, +), "chi bộ-tháng")
                #expect(sum.text == DashboardWorld.keyFigures(root, year, today: today)[.monthlyContent]?.text, "\(root) \(year)")

                // assert: the lagging units, lowest share first, at most five, never the root's own row
                let lagging = rows.filter { $0.unit != root && $0.total.denominator! > 0 }
                    .sorted { ($0.total.rate!, $0.unit) < ($1.total.rate!, $1.unit) }.prefix(5)
                let table = DashboardWorld.fragment(html, "<table id=\"lagging-units\"", closing: "</table>") ?? ""
                let shown = table.components(separatedBy: "<tr data-unit=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
                #expect(shown == lagging.map(\.unit), "\(root) \(year)")
                for row in lagging {
                    #expect(table.contains(row.total.text) && table.contains(H.escapeAttribute(DashboardView.link(row.unit, year: year))))
                }
            }
        }
    }

    @Test func monthsStillAheadAreNotCounted() async throws {
        try await withTestApp { app in
            // setup
            _ = try await IndicatorWorld.insert(app)
            var web = try await login(app)
            let today = LocalDate.today()

            // act: this year, by default
            let html = try await web.get(SiteURL.dashboard.with([("don-vi", "B1")])).body.string

            // assert: B1 has no meeting this year; months up to this one are 0%, the rest "–"
            let cells = DashboardWorld.gridCells(html, unit: "B1")
            #expect(cells.count == 13)
            #expect(cells.prefix(12).map(\.text) == (1...12).map { $0 <= today.month ? "0%" : "–" })
            #expect(html.contains("năm \(today.year)"))
        }
    }

    @Test func theTrendChartsAreWellFormedSVGWithTheHandCount() async throws {
        try await withTestApp { app in
            // setup
            _ = try await IndicatorWorld.insert(app)
            var web = try await login(app)
            let today = LocalDate.today()

            for root in ["TU", "A", "B"] {
                // act
                let html = try await web.get(DashboardView.link(root, year: 2025)).body.string
                let charts = DashboardWorld.svgs(html).compactMap(ChartReader.read)

                // assert: one chart per key share, each parsing as XML, with its title, description and
                // values; every year counted over the tree of 31/12/2025
                let shares = DashboardService.keyCodes.filter { $0 != .commendations }
                #expect(DashboardWorld.svgs(html).count == shares.count && charts.count == shares.count)
                let years = 2021...2025
                let counted = years.map { DashboardWorld.keyFigures(root, $0, today: today, treeDay: LocalDate("2025-12-31")!) }
                for (code, chart) in zip(shares, charts) {
                    let values = counted.map { VietnameseFormat.percent(numerator: $0[code]!.numerator, denominator: $0[code]!.denominator!) ?? "–" }
                    #expect(chart.title.hasPrefix("\(code.rawValue). "))
                    #expect(chart.values == values, "\(root) \(code.rawValue)")
                    #expect(chart.years == years.map(String.init))
                    #expect(chart.bars == counted.filter { $0[code]!.denominator! > 0 }.count)
                    #expect(chart.rootAttributes["viewBox"] == "0 0 320 200" && chart.rootAttributes["role"] == "img")
                    #expect(chart.rootAttributes["aria-label"]?.contains(chart.desc) == true)
                    #expect(values.allSatisfy { chart.desc.contains($0) })
                }
                // the numbers in full, for screen readers
                let data = DashboardWorld.fragment(html, "<table id=\"trend-data\"", closing: "</table>") ?? ""
                #expect(counted.allSatisfy { $0[.monthlyContent].map { data.contains($0.text) } == true })
            }
        }
    }

    /// A's trend counts B2 (merged into A1 in 2025) in the years before: the tree of the chosen year.
    @Test func theTrendTakesTheTreeOfTheChosenYear() async throws {
        try await withTestApp { app in
            // setup
            _ = try await IndicatorWorld.insert(app)
            var web = try await login(app)

            // act
            let html = try await web.get(DashboardView.link("A", year: 2025)).body.string
            let chart = DashboardWorld.svgs(html).compactMap(ChartReader.read).first { $0.title.hasPrefix("II.4. ") }

            // assert: 2024 is A1 (10 of 12 with the content), A41 (10 of 10) and B2 (10 of 12): 30/34
            #expect(chart?.values.dropLast().last == "88,2%")
        }
    }
}
