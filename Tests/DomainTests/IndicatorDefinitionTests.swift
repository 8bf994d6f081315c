import Testing
@testable import Domain

@Suite struct IndicatorDefinitionTests {
    @Test func everyCodeIsDefinedOnceInReportOrder() {
        // act
        let all = IndicatorDefinition.all
        // assert
        #expect(all.map(\.code) == IndicatorCode.allCases)
        #expect(IndicatorCatalog.definitions.count == IndicatorCode.allCases.count)
        #expect(all.map(\.code.rawValue) == [
            "I.1", "I.2", "I.3", "I.4", "II.1", "II.2", "II.3", "II.4", "II.5", "II.6",
            "III.1", "III.2", "III.3", "III.4", "III.5", "IV.1", "IV.2", "V.1", "V.2", "C.1",
        ])
        for d in all {
            #expect(!d.label.isEmpty && !d.unit.isEmpty && !d.noun.isEmpty, "\(d.code)")
            #expect(d.formula.hasSuffix("."), "\(d.code)")
            #expect(!d.sources.isEmpty, "\(d.code)")
            #expect(d.code.rawValue.hasPrefix(d.code.group.rawValue + "."), "\(d.code)")
        }
    }

    @Test func sharesAreWrittenWithTheirRate() {
        #expect(IndicatorFigure.share(42, of: 45, "tổ chức").text == "42/45 tổ chức (93,3%)")
        #expect(IndicatorFigure.share(1_907, of: 2_000, "đảng viên").text == "1.907/2.000 đảng viên (95,4%)")
        #expect(IndicatorFigure.share(3, of: 3, "chi bộ").text == "3/3 chi bộ (100%)")
        #expect(IndicatorFigure.share(0, of: 0, "tổ chức").text == "0/0 tổ chức")
        #expect(IndicatorFigure.share(0, of: 0, "tổ chức").rate == nil)
        #expect(IndicatorFigure.share(1, of: 4, "tổ chức").rate == 0.25)
        #expect(IndicatorFigure.share(1, of: 4, "tổ chức").value == 25)
    }

    @Test func countsAndAveragesAreWrittenTheVietnameseWay() {
        #expect(IndicatorFigure.count(160_000, "lượt người").text == "160.000 lượt người")
        #expect(IndicatorFigure.count(7, "hội nghị", label: "Trực tiếp").labelledText == "Trực tiếp: 7 hội nghị")
        #expect(IndicatorFigure.count(7, "hội nghị").denominator == nil)
        #expect(IndicatorFigure.average(25, over: 6, "ý kiến/cuộc").text == "4,2 ý kiến/cuộc")
        #expect(IndicatorFigure.average(0, over: 0, "ý kiến/cuộc").text == "– ý kiến/cuộc")
        #expect(IndicatorFigure.average(0, over: 0, "ý kiến/cuộc").value == nil)
    }

    @Test func aDefinitionMakesItsHeadlineFigure() {
        // act
        let plans = IndicatorCode.unitPlans.definition.figure(40, of: 42)
        let documents = IndicatorCode.guidanceDocuments.definition.figure(12)
        // assert
        #expect(plans.text == "40/42 tổ chức (95,2%)")
        #expect(documents.text == "12 văn bản")
    }

    @Test func periods() throws {
        let today = LocalDate("2026-11-21")!
        #expect(IndicatorPeriod.year(2024, today: today).text == "năm 2024")
        #expect(IndicatorPeriod.year(2026, today: today).to == today)
        #expect(IndicatorPeriod.year(2026, today: today).text == "năm 2026 (đến 21/11/2026)")
        let stage = try IndicatorPeriod(from: LocalDate("2021-05-18")!, to: LocalDate("2024-05-18")!)
        #expect(stage.text == "từ 18/5/2021 đến 18/5/2024")
        #expect(stage.years == 2021...2024)
        #expect(throws: IndicatorPeriod.Problem.reversed) {
            try IndicatorPeriod(from: LocalDate("2024-05-18")!, to: LocalDate("2024-05-17")!)
        }
        #expect(throws: IndicatorPeriod.Problem.tooLong) {
            try IndicatorPeriod(from: LocalDate("2000-01-01")!, to: LocalDate("2025-01-01")!)
        }
    }
}
