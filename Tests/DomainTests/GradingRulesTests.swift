import Domain
import Testing

@Suite struct GradingRulesTests {
    let bands = GradingBands(excellentFrom: 90, goodFrom: 70, fulfilledFrom: 50)!

    @Test func bandEdges() {
        #expect(bands.level(score: 90, allTasksDone: true) == .excellent)
        #expect(bands.level(score: 100, allTasksDone: true) == .excellent)
        #expect(bands.level(score: 89.9, allTasksDone: true) == .good)
        #expect(bands.level(score: 70, allTasksDone: true) == .good)
        #expect(bands.level(score: 69.9, allTasksDone: true) == .fulfilled)
        #expect(bands.level(score: 50, allTasksDone: false) == .fulfilled)
        #expect(bands.level(score: 49.9, allTasksDone: true) == .unfulfilled)
        #expect(bands.level(score: 0, allTasksDone: true) == .unfulfilled)
    }

    @Test func excellentNeedsEveryTaskDone() {
        #expect(bands.level(score: 95, allTasksDone: false) == .good)
        #expect(bands.level(score: 100, allTasksDone: false) == .good)
    }

    @Test func bandsMustRise() {
        #expect(GradingBands(excellentFrom: 70, goodFrom: 90, fulfilledFrom: 50) == nil)
        #expect(GradingBands(excellentFrom: 90, goodFrom: 70, fulfilledFrom: 70) == nil)
        #expect(GradingBands(excellentFrom: 101, goodFrom: 70, fulfilledFrom: 50) == nil)
        #expect(GradingBands(excellentFrom: 90, goodFrom: 70, fulfilledFrom: -1) == nil)
    }

    @Test func capIsFloorOfGoodTimesPercent() {
        let rules = GradingRules(bands: bands, capPercent: 20, outstandingCapPercent: 25)
        // 10 HTTNV × 20% = 2; 14 × 20% = 2,8 → 2; 14 × 25% = 3,5 → 3
        #expect(rules.cap(excellent: 2, good: 10, outstanding: false)?.allowed == 2)
        #expect(rules.cap(excellent: 2, good: 10, outstanding: false)?.isBroken == false)
        #expect(rules.cap(excellent: 3, good: 10, outstanding: false)?.isBroken == true)
        #expect(rules.cap(excellent: 3, good: 14, outstanding: false)?.allowed == 2)
        #expect(rules.cap(excellent: 3, good: 14, outstanding: true)?.allowed == 3)
        #expect(rules.cap(excellent: 3, good: 14, outstanding: true)?.isBroken == false)
        #expect(rules.cap(excellent: 1, good: 4, outstanding: false)?.allowed == 0)
        #expect(rules.cap(excellent: 3, good: 10, outstanding: false)?.warning
                == "Có 3 HTXSNV, vượt giới hạn 20% của 10 HTTNV (tối đa 2).")
        #expect(rules.cap(excellent: 2, good: 10, outstanding: false)?.warning == nil)
    }

    @Test func outstandingFallsBackToTheBaseCap() {
        let rules = GradingRules(bands: nil, capPercent: 20, outstandingCapPercent: nil)
        #expect(rules.cap(excellent: 0, good: 10, outstanding: true)?.percent == 20)
        #expect(GradingRules(bands: nil, capPercent: nil, outstandingCapPercent: nil).cap(excellent: 5, good: 0, outstanding: false) == nil)
    }

    @Test func scoresParseTheVietnameseWay() {
        #expect(GradingScore.parse("87,5") == 87.5)
        #expect(GradingScore.parse(" 90 ") == 90)
        #expect(GradingScore.parse("87.5") == 87.5)
        #expect(GradingScore.parse("87,55") == nil)
        #expect(GradingScore.parse("101") == nil)
        #expect(GradingScore.parse("-1") == nil)
        #expect(GradingScore.parse("") == nil)
        #expect(GradingScore.parse("chín mươi") == nil)
        #expect(GradingScore.format(87.5) == "87,5")
        #expect(GradingScore.format(90) == "90")
    }
}
