@testable import App
import Domain
import Fluent
import Foundation
import Testing
import Vapor

/// Issue 3's "Done when": every indicator, for a province, a bloc and a cell, in 2024 and 2025,
/// equals a count made by hand from the test's own records (`IndicatorCount`), on both databases.
@Suite struct IndicatorTests {
    static let cases: [(root: String, year: Int)] = [
        ("TU", 2024), ("TU", 2025), ("A", 2024), ("A", 2025), ("A1", 2024), ("A1", 2025), ("B", 2025),
    ]

    @Test func theAPIGivesTheIndependentCountOfEveryIndicator() async throws {
        try await withTestApp { app in
            // setup
            _ = try await IndicatorWorld.insert(app)
            let tu = try await OrgUnit.query(on: app.db).filter(\.$code == "TU").first()!
            let api = try await Fixtures.token(app, for: try await Fixtures.user(app, "canbo.tu", .officer, unit: tu))
            let today = LocalDate.today()

            for (root, year) in Self.cases {
                // act
                let response = try await api.get("/indicators?unit=\(root)&year=\(year)")
                let report = try JSONDecoder().decode(IndicatorReportDTO.self, from: Data(response.body.string.utf8))

                // assert
                #expect(response.status == .ok)
                #expect(report.unitCode == root && report.from == "\(year)-01-01" && report.to == "\(year)-12-31")
                let expected = IndicatorCount(root: root, period: .year(year, today: today), today: today).all()
                #expect(report.indicators.map(\.code) == IndicatorCode.allCases.map(\.rawValue))
                for dto in report.indicators {
                    // III.5 reads gradings, which this world has none of: GradingIndicatorTests counts it in its own world.
                    guard let want = expected[IndicatorCode(rawValue: dto.code)!] else { continue }
                    let context = Comment(rawValue: "\(root) \(year) \(dto.code)")
                    #expect(dto.numerator == want.value.numerator && dto.denominator == want.value.denominator,
                            "\(context): \(dto.text), counted \(want.value.text)")
                    #expect(dto.text == want.value.text, context)
                    #expect(dto.parts.map(\.label) == want.parts.map(\.label), context)
                    for (got, part) in zip(dto.parts, want.parts) {
                        #expect(got.numerator == part.numerator && got.denominator == part.denominator,
                                "\(context) \(part.label): \(got.text), counted \(part.text)")
                    }
                }
            }
        }
    }

    /// A few figures worked out on paper, so the hand count itself is checked.
    @Test func theHandCountAgreesWithPaper() {
        let today = LocalDate("2026-11-21")!
        let tu2024 = IndicatorCount(root: "TU", period: .year(2024, today: today), today: today).all()
        let a2025 = IndicatorCount(root: "A", period: .year(2025, today: today), today: today).all()
        let a1in2025 = IndicatorCount(root: "A1", period: .year(2025, today: today), today: today).all()
        // TU 2024: TU, A, A1, B, B1, B2, A4 make plans; TU, A, A1, B2 submitted; A1 after TU's 28/2
        #expect(tu2024[.guidanceDocuments]?.value.text == "3 văn bản")
        #expect(tu2024[.unitPlans]?.value.text == "4/7 tổ chức (57,1%)")
        #expect(tu2024[.unitPlans]?.parts.first?.text == "3/4 kế hoạch (75%)")
        // seven members in 2024 (not the one who left on 1/1, not the non-member); four present with a topic
        #expect(tu2024[.studyParticipation]?.value.text == "4/7 đảng viên (57,1%)")
        #expect(tu2024[.studyParticipation]?.parts.first?.text == "55 lượt")
        // A in 2025 holds B2 (merged into A1): A, A1, A4, B2; A1 after A's own 31/1
        #expect(a2025[.unitPlans]?.value.text == "4/4 tổ chức (100%)")
        #expect(a2025[.unitPlans]?.parts.first?.text == "3/4 kế hoạch (75%)")
        // A1 with B2 in 2025: 12 + 6 cell-months; 11 + 6 held; February of A1 without the content
        #expect(a1in2025[.monthlyContent]?.value.text == "16/18 chi bộ-tháng (88,9%)")
        #expect(a1in2025[.monthlyContent]?.parts.first?.text == "17/18 chi bộ-tháng (94,4%)")
    }

    @Test func thePageShowsTheSameFigures() async throws {
        try await withTestApp { app in
            // setup
            _ = try await IndicatorWorld.insert(app)
            let a = try await OrgUnit.query(on: app.db).filter(\.$code == "A").first()!
            try await Fixtures.user(app, "lanhdao.a", .leader, unit: a)
            var web = try await TestClient.login(app, "lanhdao.a")
            let today = LocalDate.today()

            for (root, year) in [("A", 2025), ("A1", 2024)] {
                // act
                let page = try await web.get(SiteURL.indicators.with([("don-vi", root), ("nam", String(year))]))

                // assert: one year column and the total, equal for a single year; the note gives the total's counts
                #expect(page.status == .ok)
                let html = page.body.string
                for (code, want) in IndicatorCount(root: root, period: .year(year, today: today), today: today).all() {
                    let value = FigureRow.text(RollupCount.cell(want.value))
                    #expect(html.contains("<tr id=\"indicator-\(code.rawValue)\">"))
                    #expect(html.contains("<td class=\"num\">\(value)</td><td class=\"num\">\(value)</td><td>\(Self.note(want.value))</td>"),
                            "\(root) \(year) \(code.rawValue) \(value)")
                    for part in want.parts {
                        let cell = FigureRow.text(RollupCount.cell(part))
                        #expect(html.contains("<td>\(part.label)</td><td>\(part.measure == .share ? "%" : part.noun)</td>"
                                              + "<td class=\"num\">\(cell)</td><td class=\"num\">\(cell)</td>"),
                                "\(root) \(year) \(part.labelledText)")
                    }
                }
            }
        }
    }

    /// The appendix's Ghi chú of a headline: the counts behind a share or a mean.
    static func note(_ f: IndicatorFigure) -> String {
        switch f.measure {
        case .count: ""
        case .share: "\(VietnameseFormat.number(f.numerator))/\(VietnameseFormat.number(f.denominator!)) \(f.noun)"
        case .average: "\(VietnameseFormat.number(f.numerator)) / \(VietnameseFormat.number(f.denominator!))"
        }
    }
}
