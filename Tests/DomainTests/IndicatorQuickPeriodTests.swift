import Testing
@testable import Domain

/// The one-tap periods of `/chi-tieu`: recent years and the programme's stages reached so far.
@Suite struct IndicatorQuickPeriodTests {
    let start = LocalDate("2021-05-18")!

    func labels(_ periods: [IndicatorQuickPeriod]) -> [String] { periods.map(\.label) }

    @Test func aStageAppearsOnTheDayItEnds() {
        // act
        let before = IndicatorQuickPeriod.stages(start: start, end: nil, today: LocalDate("2024-05-17")!)
        let on = IndicatorQuickPeriod.stages(start: start, end: nil, today: LocalDate("2024-05-18")!)
        // assert
        #expect(labels(before) == ["Từ 18/5/2021 đến nay"])
        #expect(labels(on) == ["Sơ kết 3 năm (18/5/2021–18/5/2024)", "Từ 18/5/2021 đến nay"])
        #expect(on[0].query.map(\.0) == ["tu", "den"] && on[0].query.map(\.1) == ["2021-05-18", "2024-05-18"])
        #expect(on[1].period.to == LocalDate("2024-05-18")!)
    }

    @Test func anEndedProgrammeStopsAtItsEnd() {
        // act
        let ended = IndicatorQuickPeriod.stages(start: start, end: LocalDate("2027-01-01")!, today: LocalDate("2040-01-01")!)
        let notYet = IndicatorQuickPeriod.stages(start: start, end: nil, today: LocalDate("2021-05-17")!)
        // assert: the five-year stage ends before the programme, the ten-year one after it
        #expect(labels(ended) == ["Sơ kết 3 năm (18/5/2021–18/5/2024)", "Tổng kết 5 năm (18/5/2021–18/5/2026)",
                                  "Toàn kỳ (18/5/2021–1/1/2027)"])
        #expect(notYet.isEmpty)
    }

    @Test func recentYearsEndWithThisYearToToday() {
        // act
        let years = IndicatorQuickPeriod.recentYears(today: LocalDate("2026-11-22")!)
        // assert
        #expect(years.map(\.year) == [2022, 2023, 2024, 2025, 2026])
        #expect(years.last?.period.to == LocalDate("2026-11-22")! && years.last?.query.map(\.1) == ["2026"])
    }
}
