import Domain
import Testing

/// The drafter writes the table's figures into the prose, the Vietnamese way, and seeds part II
/// from the findings; changed rows of a saved appendix are found one by one.
@Suite struct ReviewDrafterTests {
    static func result(_ code: IndicatorCode, _ n: Int, of d: Int? = nil, parts: [IndicatorFigure] = []) -> IndicatorResult {
        IndicatorResult(code.definition, code.definition.figure(n, of: d), parts: parts)
    }

    static func table(period: IndicatorPeriod) -> RollupTable {
        let total = IndicatorCode.allCases.map { code -> IndicatorResult in
            switch code {
            case .studySessions: result(code, 4)
            case .studyParticipation: result(code, 122, of: 128, parts: [.count(35, "lượt", label: "Lượt quần chúng tham gia")])
            case .unitPlans: result(code, 42, of: 45, parts: [.share(40, of: 42, "kế hoạch", label: "Nộp đúng hạn")])
            case .commendations: result(code, 33, parts: [.count(15, "tập thể", label: "Tập thể"), .count(18, "cá nhân", label: "Cá nhân"),
                                                          .count(0, "nhóm tác giả", label: "Nhóm tác giả")])
            case .outreach: result(code, 12, parts: [.count(160_000, "lượt người", label: "Lượt người tham gia")])
            case .reporting: result(code, 90, of: 100)
            default: result(code, 0, of: code.definition.measure == .count ? nil : 0)
            }
        }
        return RollupTable(unitCode: "TU", unitName: "Tỉnh ủy Lạc Hồng", period: period, years: [], total: total, branches: [])
    }

    @Test func figuresAreWrittenIntoTheProse() throws {
        // setup
        let period = try IndicatorPeriod(from: LocalDate("2021-05-18")!, to: LocalDate("2024-05-18")!)
        let drafter = ReviewDrafter(table: Self.table(period: period), findings: .none, programme: "Kết luận số 01-KL/TW")

        // act
        let parts = drafter.parts()

        // assert
        #expect(parts.map(\.title) == ReviewPart.titles)
        let results = parts[0].text
        #expect(results.contains("Trong giai đoạn 18/5/2021 – 18/5/2024, các cấp ủy, tổ chức đảng trong Tỉnh ủy Lạc Hồng"))
        #expect(results.contains("đã tổ chức 4 hội nghị học tập chuyên đề, tỉ lệ cán bộ, đảng viên tham gia đạt 95,3% (122/128 đảng viên)"))
        #expect(results.contains("42/45 lượt tổ chức đảng xây dựng kế hoạch thực hiện năm, đạt 93,3%"))
        #expect(results.contains("khen thưởng 15 tập thể và 18 cá nhân có thành tích"))
        #expect(results.contains("160.000 lượt người tham gia"))
        #expect(results.contains("biểu dương 0 tập thể, cá nhân."))
        let paragraphs = ReviewPart.paragraphs(results)
        #expect(paragraphs.filter(ReviewPart.isSubheading) == [
            "1. Công tác lãnh đạo, chỉ đạo", "2. Học tập chuyên đề", "3. Xây dựng kế hoạch và làm theo", "4. Nêu gương",
            "5. Tuyên truyền", "6. Biểu dương, khen thưởng",
        ])
        #expect(parts[1].text.contains("Mức đầy đủ của báo cáo, sổ sách mới đạt 90% (90/100 báo cáo"))
        #expect(ReviewDrafter.periodText(.year(2024, today: LocalDate("2025-01-10")!)) == "năm 2024")
    }

    @Test func limitationsNameTheFirstFiveUnits() throws {
        // setup
        let names = ["Chi bộ 1", "Chi bộ 2", "Chi bộ 3", "Chi bộ 4", "Chi bộ 5", "Chi bộ 6", "Chi bộ 7"]
        let findings = ReviewFindings(
            missingPlans: .init(count: 2, units: 1, names: ["Đảng ủy xã A"]), latePlans: .none,
            lowContentCells: .init(count: 8, names: names), thematicGapCells: .none)
        let drafter = ReviewDrafter(table: Self.table(period: .year(2024, today: LocalDate("2025-01-10")!)), findings: findings,
                                    programme: "Kết luận số 01-KL/TW")

        // act
        let text = drafter.parts()[1].text

        // assert
        #expect(text.contains("- Còn 2 lượt tổ chức đảng chưa xây dựng kế hoạch thực hiện năm (gồm: Đảng ủy xã A)."))
        #expect(text.contains("- 8 chi bộ đưa nội dung học tập và làm theo Bác vào sinh hoạt thường kỳ dưới 80% số tháng "
                              + "(thấp nhất: Chi bộ 1, Chi bộ 2, Chi bộ 3, Chi bộ 4, Chi bộ 5 và 3 đơn vị khác)."))
        #expect(!text.contains("nộp chậm") && !text.contains("Chi bộ 6"))
    }

    @Test func changesListExactlyTheRowsThatDiffer() {
        // setup
        let saved = FigureTable(columns: ["2023", "2024", "Tổng"], rows: [
            FigureRow(key: "I", stt: "I", label: "Lãnh đạo", unit: "", values: [nil, nil, nil], note: "", isHeading: true),
            FigureRow(key: "I.1", stt: "1", label: "Văn bản (I.1)", unit: "văn bản", values: [1, 1, 2], note: "", isHeading: false),
            FigureRow(key: "II.2", stt: "2", label: "Tỉ lệ tham gia (II.2)", unit: "%", values: [90, 95.3, 95.3], note: "", isHeading: false),
        ])
        var current = saved
        current.rows[2].values = [90, 96, 96]

        // act
        let changes = FigureChange.between(saved: saved, current: current)

        // assert
        #expect(changes.map(\.text) == ["Tỉ lệ tham gia (II.2): 95,3 → 96"])
        #expect(FigureChange.between(saved: saved, current: saved).isEmpty)
    }

    @Test func kindsStartWithTheirUsualPeriod() {
        let start = LocalDate("2021-05-18")!, today = LocalDate("2026-11-21")!
        #expect(ReviewKind.threeYear.defaultPeriod(programmeStart: start, today: today)
                == (try? IndicatorPeriod(from: start, to: LocalDate("2024-05-18")!)))
        #expect(ReviewKind.tenYear.defaultPeriod(programmeStart: start, today: today).to == today)
        #expect(ReviewKind.annual.defaultPeriod(programmeStart: start, today: today).from == LocalDate("2026-01-01")!)
        #expect(ReviewDrafter.summary(kind: .annual, programmeTitle: "Kết luận số 01-KL/TW", period: .year(2024, today: today))
                == "Kết quả thực hiện Kết luận số 01-KL/TW năm 2024")
    }
}
