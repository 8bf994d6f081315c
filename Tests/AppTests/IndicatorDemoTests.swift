@testable import App
import Domain
import Fluent
import Testing
import Vapor

@Suite struct IndicatorDemoTests {
    /// The demo province has records of every kind in 2024: every indicator of TU shows something,
    /// and no share passes 100%.
    @Test func everyIndicatorOfTheDemoProvinceIn2024IsFilledAndWithinBounds() async throws {
        try await withTestApp { app in
            // setup
            try await DemoLoader.loadIfEmpty(app: app)
            let tu = try await OrgUnit.query(on: app.db).filter(\.$code == "TU").first()!
            let period = IndicatorPeriod.year(2024, today: LocalDate("2026-01-01")!)

            // act
            let results = try await Indicators.compute(IndicatorRollup(root: tu.id!, period: period), on: app.db)

            // assert
            #expect(results.map(\.definition.code) == IndicatorCode.allCases)
            for result in results {
                let value = result.value
                #expect(value.numerator > 0, "\(result.definition.code.rawValue): \(value.text)")
                if value.measure == .share, let d = value.denominator {
                    #expect(value.numerator <= d, "\(result.definition.code.rawValue): \(value.text)")
                }
                for part in result.parts where part.measure == .share {
                    #expect(part.numerator <= part.denominator ?? 0, "\(result.definition.code.rawValue) \(part.label): \(part.text)")
                }
            }
        }
    }
}
