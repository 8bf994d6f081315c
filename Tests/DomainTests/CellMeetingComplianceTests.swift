import Testing
@testable import Domain

@Suite struct CellMeetingComplianceTests {
    private func d(_ iso: String) -> LocalDate { LocalDate(iso)! }

    private func regular(_ iso: String, content: Bool = true) -> CellMeetingFact {
        CellMeetingFact(kind: .regular, heldOn: d(iso), includedContent: content)
    }

    private func thematic(_ iso: String) -> CellMeetingFact {
        CellMeetingFact(kind: .thematic, heldOn: d(iso), includedContent: false)
    }

    @Test func cellFoundedMidYearIsExpectedFromTheFirstMonthItExistedOnDayOne() {
        // setup: founded 15/4/2024; today is after the year
        let meetings = [regular("2024-04-20"), regular("2024-05-10", content: false), thematic("2024-06-05"),
                        regular("2024-07-08"), thematic("2024-11-02")]
        // act
        let c = CellMeetingCompliance(foundedOn: d("2024-04-15"), dissolvedOn: nil, year: 2024, today: d("2025-03-01"), meetings: meetings)
        // assert
        #expect(c.months.map(\.expected) == [false, false, false, false, true, true, true, true, true, true, true, true])
        #expect(c.months[3].mark == .withContent, "a meeting in a month not expected is still shown")
        #expect(c.months[4].mark == .withoutContent)
        #expect(c.months[5].mark == .missing)
        #expect(c.months[6].mark == .withContent)
        #expect(c.months[0].mark == .notExpected)
        #expect(c.monthsExpected == 8)
        #expect(c.monthsWithRegular == 2, "April's meeting is outside the expected months")
        #expect(c.monthsWithContent == 1)
        // Q2 began before the founding: not expected, but the meeting held there still shows Đạt.
        #expect(c.quarters.map(\.expected) == [false, false, true, true])
        #expect(c.quarters.map(\.mark) == [.notExpected, .met, .notMet, .met])
        #expect(c.quartersExpected == 2)
        #expect(c.quartersWithThematic == 1)
    }

    @Test func cellDissolvedMidQuarter() {
        // setup: dissolved 15/8/2025 (first day it no longer exists)
        let meetings = [regular("2025-01-10"), thematic("2025-02-10"), thematic("2025-05-10"), regular("2025-08-05")]
        // act
        let c = CellMeetingCompliance(foundedOn: d("2020-01-01"), dissolvedOn: d("2025-08-15"), year: 2025, today: d("2026-01-10"), meetings: meetings)
        // assert: August existed on its 1st day, September did not
        #expect(c.months.map(\.expected) == [true, true, true, true, true, true, true, true, false, false, false, false])
        #expect(c.monthsExpected == 8)
        #expect(c.monthsWithRegular == 2)
        #expect(c.months[7].mark == .withContent)
        #expect(c.months[8].mark == .notExpected)
        // Q3 is not lived through: neither expected nor failed.
        #expect(c.quarters.map(\.expected) == [true, true, false, false])
        #expect(c.quarters.map(\.mark) == [.met, .met, .notExpected, .notExpected])
        #expect(c.quartersExpected == 2 && c.quartersWithThematic == 2)
    }

    @Test func currentMonthIsExpectedFutureMonthsAndTheRunningQuarterAreNot() {
        // setup: today is 10/5/2025
        let meetings = [regular("2025-01-06"), regular("2025-03-06", content: false), thematic("2025-04-22")]
        // act
        let c = CellMeetingCompliance(foundedOn: d("2019-06-01"), dissolvedOn: nil, year: 2025, today: d("2025-05-10"), meetings: meetings)
        // assert
        #expect(c.months.map(\.expected) == [true, true, true, true, true, false, false, false, false, false, false, false])
        #expect(c.months.map(\.mark) == [.withContent, .missing, .withoutContent, .missing, .missing,
                                         .notExpected, .notExpected, .notExpected, .notExpected, .notExpected, .notExpected, .notExpected])
        #expect(c.monthsExpected == 5 && c.monthsWithRegular == 2 && c.monthsWithContent == 1)
        // Q1 ended without a thematic meeting; Q2 runs and already has one; Q3, Q4 are in the future.
        #expect(c.quarters.map(\.expected) == [true, false, false, false])
        #expect(c.quarters.map(\.mark) == [.notMet, .met, .notExpected, .notExpected])
        #expect(c.quartersExpected == 1 && c.quartersWithThematic == 0)
    }

    @Test func aQuarterEndsOnItsLastDayAndOtherYearsAreIgnored() {
        // setup: today is the last day of Q1, then the day after
        let meetings = [thematic("2024-12-20"), regular("2024-12-01"), regular("2025-02-03")]
        // act
        let onLastDay = CellMeetingCompliance(foundedOn: d("2020-01-01"), dissolvedOn: nil, year: 2025, today: d("2025-03-31"), meetings: meetings)
        let dayAfter = CellMeetingCompliance(foundedOn: d("2020-01-01"), dissolvedOn: nil, year: 2025, today: d("2025-04-01"), meetings: meetings)
        // assert
        #expect(onLastDay.quarters[0].expected == false)
        #expect(dayAfter.quarters[0].expected == true && dayAfter.quarters[0].mark == .notMet)
        #expect(dayAfter.months[11].hasRegular == false, "December 2024 is not December 2025")
        #expect(dayAfter.monthsExpected == 4 && dayAfter.monthsWithRegular == 1)
    }
}
