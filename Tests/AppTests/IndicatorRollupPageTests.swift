@testable import App
import Domain
import Fluent
import Foundation
import Testing
import Vapor

/// `/chi-tieu` and `/api/v1/indicators/rollup` over a period of several years: the year columns,
/// the breakdown with its drill-down, the reporting rates (C.1) and the quick periods.
@Suite struct IndicatorRollupPageTests {
    static let period = IndicatorRollupTests.period

    /// An attribute value as the page writes it.
    func attr(_ s: String) -> String { H.escapeAttribute(s) }

    @Test func thePageShowsTheYearsTheUnitsBelowAndTheirReportingRates() async throws {
        try await withTestApp { app in
            // setup
            _ = try await IndicatorWorld.insert(app)
            let tu = try await OrgUnit.query(on: app.db).filter(\.$code == "TU").first()!
            try await Fixtures.user(app, "canbo.tu", .officer, unit: tu)
            var web = try await TestClient.login(app, "canbo.tu")
            let dates = [("tu", Self.period.from.iso), ("den", Self.period.to.iso)]
            let count = RollupCount(root: "TU", period: Self.period, today: LocalDate.today())

            // act
            let page = try await web.get(SiteURL.indicators.with([("don-vi", "TU")] + dates))

            // assert: a column per year, then the total
            #expect(page.status == .ok)
            let html = page.body.string
            #expect(html.contains("<th scope=\"col\">2024 (từ 1/3)</th><th scope=\"col\">2025 (đến 30/9)</th><th scope=\"col\">Tổng</th>"))
            for code: IndicatorCode in [.commendations, .praise, .reporting, .monthlyContent] {
                let cells = count.appendixValues[code.rawValue]!.map { "<td class=\"num\">\(FigureRow.text($0))</td>" }.joined()
                #expect(html.contains(cells), "\(code.rawValue): \(cells)")
            }
            // the units below, each a link to the same page for it and the same period
            #expect(count.children == ["A", "B"])
            for child in count.children {
                let link = attr(SiteURL.indicators.with([("don-vi", child)] + dates))
                #expect(html.contains("<tr data-unit=\"\(child)\"><td>"), "breakdown \(child)")
                // C.1 as DHIS2's reporting rate: expected, received, the rate, then each kind's own rate
                let c1 = count.branch(child)[.reporting]!.value
                let rate = VietnameseFormat.percent(numerator: c1.numerator, denominator: c1.denominator!)!
                let unitName = try await OrgUnit.query(on: app.db).filter(\.$code == child).first()!.name
                #expect(html.contains("<tr data-unit=\"\(child)\"><th scope=\"row\"><a href=\"\(link)\">\(unitName)</a></th>"
                                      + "<td class=\"num\">\(c1.denominator!)</td><td class=\"num\">\(c1.numerator)</td>"
                                      + "<td class=\"num\">\(rate)</td>"), "reporting \(child)")
            }
            // quick periods: the stages of Kết luận 01-KL/TW (18/5/2021) and the recent years
            let stage = attr(SiteURL.indicators.with([("don-vi", "TU"), ("tu", "2021-05-18"), ("den", "2024-05-18")]))
            #expect(html.contains("<a href=\"\(stage)\">Sơ kết 3 năm (18/5/2021–18/5/2024)</a>"))
            let year = LocalDate.today().year - 1
            #expect(html.contains("<a href=\"\(attr(SiteURL.indicators.with([("don-vi", "TU"), ("nam", String(year))])))\">Năm \(year)</a>"))
        }
    }

    @Test func theAPIGivesTheSameRollupWithItsDocumentedSchema() async throws {
        try await withTestApp { app in
            // setup
            _ = try await IndicatorWorld.insert(app)
            let a = try await OrgUnit.query(on: app.db).filter(\.$code == "A").first()!
            let person = try await Person.query(on: app.db).filter(\.$fullName == "a1.một").first()!
            let officer = try await Fixtures.token(app, for: try await Fixtures.user(app, "canbo.a", .officer, unit: a))
            let member = try await Fixtures.token(app, for: try await Fixtures.user(app, "dangvien", .member, person: person))
            let document = try await ScopeWorld.openAPIDocument(app)
            let route = app.routes.all.first {
                "/" + $0.path.map(\.description).joined(separator: "/") == APIRoutes.prefix + "/indicators/rollup"
            }!
            let query = "from=\(Self.period.from.iso)&to=\(Self.period.to.iso)"

            // act
            let response = try await officer.get("/indicators/rollup?unit=A&\(query)")
            let outside = try await officer.get("/indicators/rollup?unit=B&\(query)")
            let reversed = try await officer.get("/indicators/rollup?unit=A&from=2025-01-01&to=2024-01-01")
            let mine = try await member.get("/indicators/rollup?\(query)")

            // assert
            #expect(response.status == .ok)
            let value = try JSONDecoder().decode(AnyJSON.self, from: Data(response.body.string.utf8))
            let problems = SchemaValidator(document: document).problems(value, against: try ScopeWorld.responseSchema(document, route: route))
            #expect(problems.isEmpty, Comment(rawValue: problems.joined(separator: "\n")))
            let dto = try JSONDecoder().decode(RollupDTO.self, from: Data(response.body.string.utf8))
            let count = RollupCount(root: "A", period: Self.period, today: LocalDate.today())
            #expect(dto.unit.code == "A" && dto.unit.name == a.name)
            #expect(dto.period.from == "2024-03-01" && dto.period.to == "2025-09-30" && dto.period.text == "từ 1/3/2024 đến 30/9/2025")
            #expect(dto.appendix.columns == ["2024 (từ 1/3)", "2025 (đến 30/9)", "Tổng"])
            for (key, values) in count.appendixValues {
                #expect(dto.appendix.rows.first { $0.key == key }?.values == values, "\(key)")
            }
            #expect(dto.breakdown.rows.map(\.key) == count.children)
            #expect(outside.status == .notFound && mine.status == .forbidden)
            #expect(reversed.status == .unprocessableEntity && reversed.body.string.contains("\"field\":\"to\""))
        }
    }
}
