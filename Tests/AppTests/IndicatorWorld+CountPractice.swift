@testable import App
import Domain

/// II.4–II.6, III.1–III.4 and IV.1–IV.2 counted by hand.
extension IndicatorCount {
    func meetings() -> [IndicatorResult] {
        let S = subtree
        var expectedMonths = 0, heldMonths = 0, contentMonths = 0
        for cell in cells {
            for month in slices(step: 1) where alive(cell, month.clippedFirst, month.clippedLast) {
                expectedMonths += 1
                guard let row = W.regularMeetings.first(where: { $0.unit == cell && $0.year == month.first.year }),
                      row.months.contains(month.first.month), !row.skipped.contains(month.first.month) else { continue }
                heldMonths += 1
                if !row.withoutContent.contains(month.first.month) { contentMonths += 1 }
            }
        }
        let thematic = W.thematicMeetings.filter { S.contains($0.unit) && inPeriod($0.held) }
        var existing = 0, compliant = 0
        for cell in cells {
            let quarters = slices(step: 3).filter { alive(cell, $0.clippedFirst, $0.clippedLast) }
            guard !quarters.isEmpty else { continue }
            existing += 1
            let met = quarters.allSatisfy { q in
                W.thematicMeetings.contains { $0.unit == cell && (q.first...q.last).contains(d($0.held)) }
            }
            if met { compliant += 1 }
        }
        let opinions = thematic.map(\.opinions).reduce(0, +)
        return [
            IndicatorResult(IndicatorCode.monthlyContent.definition, .share(contentMonths, of: expectedMonths, "chi bộ-tháng"),
                            parts: [.share(heldMonths, of: expectedMonths, "chi bộ-tháng", label: "Có ghi sinh hoạt thường kỳ")]),
            IndicatorResult(IndicatorCode.thematicMeetings.definition, .count(thematic.count, "cuộc"),
                            parts: [.share(compliant, of: existing, "chi bộ", label: "Chi bộ sinh hoạt chuyên đề đủ các quý")]),
            IndicatorResult(IndicatorCode.thematicDiscussion.definition, .average(opinions, over: thematic.count, "ý kiến/cuộc"),
                            parts: [.count(opinions, "ý kiến", label: "Ý kiến phát biểu"),
                                    .count(thematic.count, "cuộc", label: "Cuộc sinh hoạt chuyên đề")]),
        ]
    }

    func practice() -> [IndicatorResult] {
        let S = subtree
        var expected = 0, submitted = 0, onTime = 0
        for year in period.years {
            for name in expectedMembers(LocalDate.firstOf(year: year), LocalDate.lastOf(year: year)) {
                expected += 1
                guard let plan = W.personalPlans.first(where: { $0.person == name && $0.year == year && $0.status == .submitted }) else { continue }
                submitted += 1
                let due = bindingDue(plan.unit, .personalPlan, year)
                if due == nil || d(plan.submitted!) <= due! { onTime += 1 }
            }
        }
        let assessed = W.personalPlans.filter { $0.assessment != nil && period.years.contains($0.year) && S.contains($0.unit) }
        let models = W.practiceModels.filter { period.years.contains($0.year) && S.contains($0.unit) }
        let exemplars = W.exemplars.filter { inPeriod($0.recognised) && S.contains($0.unit) }
        return [
            IndicatorResult(IndicatorCode.personalPlans.definition, .share(submitted, of: expected, "đảng viên"),
                            parts: [.share(onTime, of: submitted, "kế hoạch", label: "Nộp đúng hạn")]),
            IndicatorResult(IndicatorCode.personalPlansFulfilled.definition,
                            .share(assessed.filter { $0.assessment == .fulfilled }.count, of: assessed.count, "kế hoạch")),
            IndicatorResult(IndicatorCode.practiceModels.definition, .count(models.count, "mô hình"),
                            parts: [.count(Set(models.map(\.unit)).count, "tổ chức", label: "Tổ chức đảng đăng ký")]
                                + PracticeModelKind.allCases.map { k in .count(models.filter { $0.kind == k }.count, "mô hình", label: k.label) }),
            IndicatorResult(IndicatorCode.exemplars.definition, .count(exemplars.count, "điển hình"),
                            parts: ExemplarSubject.allCases.map { s in .count(exemplars.filter { $0.subject == s }.count, "điển hình", label: s.label) }),
        ]
    }

    func outreach() -> [IndicatorResult] {
        let S = subtree
        let activities = W.outreach.filter { inPeriod($0.held) && S.contains($0.unit) }
        let contests = W.contests.filter { period.years.contains($0.year) && S.contains($0.unit) }
        let entries = W.entries.filter { entry in
            S.contains(entry.unit) && W.contests.contains { $0.key == entry.contest && period.years.contains($0.year) }
        }
        return [
            IndicatorResult(IndicatorCode.outreach.definition, .count(activities.count, "hoạt động"),
                            parts: [.count(activities.map(\.participants).reduce(0, +), "lượt người", label: "Lượt người tham gia")]
                                + OutreachForm.allCases.map { f in .count(activities.filter { $0.form == f }.count, "hoạt động", label: f.label) }),
            IndicatorResult(IndicatorCode.contests.definition, .count(contests.count, "cuộc thi"),
                            parts: [.count(entries.count, "bài", label: "Bài dự thi"),
                                    .share(entries.filter(\.selected).count, of: entries.count, "bài", label: "Bài được chọn dự thi cấp trên")]),
        ]
    }
}
