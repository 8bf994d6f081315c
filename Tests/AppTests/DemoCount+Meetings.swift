@testable import App
import Domain

/// II.4–II.6 and C.1 counted from the rows.
extension DemoCount {
    var cells: [DemoRows.Unit] { subtreeUnits.filter { kind($0).is_cell } }

    /// (expected, held, with content) cell-months: each month of the period a cell existed in on
    /// at least one day, matched with the regular meeting recorded for that month.
    func cellMonthCounts() -> (expected: Int, held: Int, content: Int) {
        var held: Set<String> = [], content: Set<String> = []
        for m in rows.meetings where m.kind == CellMeetingKind.regular.rawValue {
            guard let month = m.regular_month else { continue }
            held.insert("\(m.unit_id) \(month)")
            if m.included_programme_content { content.insert("\(m.unit_id) \(month)") }
        }
        var expected = 0, heldMonths = 0, contentMonths = 0
        for month in slices(step: 1) {
            let key = String(month.first.iso.prefix(7))
            for cell in cells where alive(cell, month.clippedFirst, month.clippedLast) {
                expected += 1
                if held.contains("\(cell.id) \(key)") { heldMonths += 1 }
                if content.contains("\(cell.id) \(key)") { contentMonths += 1 }
            }
        }
        return (expected, heldMonths, contentMonths)
    }

    func meetings() -> [IndicatorResult] {
        let months = cellMonthCounts()
        let allThematic = rows.meetings.filter { $0.kind == CellMeetingKind.thematic.rawValue }
        let thematic = allThematic.filter { subtree.contains($0.unit_id) && inPeriod($0.held_on) }

        // A cell meets the rule when each quarter it existed in has a thematic meeting in that calendar quarter.
        var existing = 0, compliant = 0
        for cell in cells {
            let quarters = slices(step: 3).filter { alive(cell, $0.clippedFirst, $0.clippedLast) }
            guard !quarters.isEmpty else { continue }
            existing += 1
            let met = quarters.allSatisfy { q in
                allThematic.contains { $0.unit_id == cell.id && $0.held_on >= q.first.iso && $0.held_on <= q.last.iso }
            }
            if met { compliant += 1 }
        }
        let opinions = thematic.map(\.opinions_raised).reduce(0, +)
        return [
            IndicatorResult(IndicatorCode.monthlyContent.definition, .share(months.content, of: months.expected, "chi bộ-tháng"),
                            parts: [.share(months.held, of: months.expected, "chi bộ-tháng", label: "Có ghi sinh hoạt thường kỳ")]),
            IndicatorResult(IndicatorCode.thematicMeetings.definition, .count(thematic.count, "cuộc"),
                            parts: [.share(compliant, of: existing, "chi bộ", label: "Chi bộ sinh hoạt chuyên đề đủ các quý")]),
            IndicatorResult(IndicatorCode.thematicDiscussion.definition, .average(opinions, over: thematic.count, "ý kiến/cuộc"),
                            parts: [.count(opinions, "ý kiến", label: "Ý kiến phát biểu"),
                                    .count(thematic.count, "cuộc", label: "Cuộc sinh hoạt chuyên đề")]),
        ]
    }

    /// C.1: the three kinds of expected records together, each with its own rate.
    func reporting() -> IndicatorResult {
        let plans = unitPlanCounts(), personal = personalPlanCounts(), months = cellMonthCounts()
        return IndicatorResult(
            IndicatorCode.reporting.definition,
            .share(plans.submitted + personal.submitted + months.held, of: plans.expected + personal.expected + months.expected,
                   "báo cáo"),
            parts: [
                .share(plans.submitted, of: plans.expected, "kế hoạch", label: "Kế hoạch năm của tổ chức đảng đã nhận"),
                .share(plans.onTime, of: plans.submitted, "kế hoạch", label: "Kế hoạch năm nộp đúng hạn"),
                .share(personal.submitted, of: personal.expected, "kế hoạch", label: "Kế hoạch cá nhân đã nhận"),
                .share(personal.onTime, of: personal.submitted, "kế hoạch", label: "Kế hoạch cá nhân nộp đúng hạn"),
                .share(months.held, of: months.expected, "chi bộ-tháng", label: "Chi bộ-tháng đã ghi sinh hoạt thường kỳ"),
            ])
    }
}
