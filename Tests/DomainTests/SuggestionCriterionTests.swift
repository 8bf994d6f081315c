import Testing
@testable import Domain

@Suite struct SuggestionCriterionTests {
    private let fiveYears = SuggestionCriterion(subject: .member, level: .excellent, years: 5)!

    @Test func theWindowEndsInTheYearAsked() {
        // act & assert
        #expect(fiveYears.window(endingIn: 2025) == 2021...2025)
        #expect(SuggestionCriterion(subject: .organisation, level: .excellent, years: 1)!.window(endingIn: 2024) == 2024...2024)
    }

    @Test func aRunOfTheLevelInEveryYearQualifies() {
        // setup
        let history: [Int: GradingLevel] = [2020: .good, 2021: .excellent, 2022: .excellent, 2023: .excellent, 2024: .excellent, 2025: .excellent]

        // act & assert
        #expect(fiveYears.qualifies(history, in: 2025))
        #expect(!fiveYears.qualifies(history, in: 2024))
    }

    @Test func aMissingYearBreaksTheRun() {
        // setup
        let history: [Int: GradingLevel] = [2021: .excellent, 2022: .excellent, 2024: .excellent, 2025: .excellent]

        // act & assert
        #expect(!fiveYears.qualifies(history, in: 2025))
        #expect(SuggestionCriterion(subject: .member, level: .excellent, years: 2)!.qualifies(history, in: 2025))
    }

    @Test func anotherLevelInOneYearBreaksTheRun() {
        // setup
        var history: [Int: GradingLevel] = [:]
        for year in 2021...2025 { history[year] = .excellent }
        history[2023] = .good

        // act & assert
        #expect(!fiveYears.qualifies(history, in: 2025))
        #expect(SuggestionCriterion(subject: .member, level: .good, years: 1)!.qualifies(history, in: 2023))
    }

    @Test func yearsOutsideOneToTenAreRefusedAndTheDescriptionNamesThePeriod() {
        // act & assert
        #expect(SuggestionCriterion(subject: .member, level: .excellent, years: 0) == nil)
        #expect(SuggestionCriterion(subject: .member, level: .excellent, years: 11) == nil)
        #expect(fiveYears.describe(year: 2025) == "Đảng viên xếp loại HTXSNV 5 năm liên tục (2021–2025)")
        #expect(SuggestionCriterion(subject: .organisation, level: .excellent, years: 1)!.describe(year: 2025)
            == "Tổ chức đảng xếp loại HTXSNV năm 2025")
    }
}
