@testable import App
import Domain

/// III.1–III.5, IV.1–IV.2 and V.1–V.2 counted from the rows.
extension DemoCount {
    /// (expected, submitted, on time) personal plans: each member of the subtree in a year once,
    /// bound by the due date of their plan's own cell.
    func personalPlanCounts() -> (expected: Int, submitted: Int, onTime: Int) {
        let submittedPlans = rows.personalPlans.filter { $0.status == PersonalPlanStatus.submitted.rawValue }
        var byPersonYear: [String: DemoRows.PersonalPlan] = [:]
        for plan in submittedPlans { byPersonYear["\(plan.person_id) \(plan.year)"] = plan }
        var expected = 0, submitted = 0, onTime = 0
        for year in period.years {
            for person in members(LocalDate.firstOf(year: year), LocalDate.lastOf(year: year)) {
                expected += 1
                guard let plan = byPersonYear["\(person) \(year)"] else { continue }
                submitted += 1
                if let due = bindingDue(plan.unit_id, .personalPlan, year) {
                    if let on = plan.submitted_on, on <= due { onTime += 1 }
                } else {
                    onTime += 1
                }
            }
        }
        return (expected, submitted, onTime)
    }

    func practice() -> [IndicatorResult] {
        let plans = personalPlanCounts()
        let assessed = rows.personalPlans.filter { $0.assessment != nil && inYears($0.year) && subtree.contains($0.unit_id) }
        let fulfilled = assessed.filter { $0.assessment == PlanAssessment.fulfilled.rawValue }
        let models = rows.models.filter { inYears($0.year) && subtree.contains($0.unit_id) }
        let exemplars = rows.exemplars.filter { inPeriod($0.recognised_on) && subtree.contains($0.unit_id) }
        return [
            IndicatorResult(IndicatorCode.personalPlans.definition, .share(plans.submitted, of: plans.expected, "đảng viên"),
                            parts: [.share(plans.onTime, of: plans.submitted, "kế hoạch", label: "Nộp đúng hạn")]),
            IndicatorResult(IndicatorCode.personalPlansFulfilled.definition, .share(fulfilled.count, of: assessed.count, "kế hoạch")),
            IndicatorResult(IndicatorCode.practiceModels.definition, .count(models.count, "mô hình"),
                            parts: [.count(Set(models.map(\.unit_id)).count, "tổ chức", label: "Tổ chức đảng đăng ký")]
                                + PracticeModelKind.allCases.map { k in
                                    .count(models.filter { $0.kind == k.rawValue }.count, "mô hình", label: k.label)
                                }),
            IndicatorResult(IndicatorCode.exemplars.definition, .count(exemplars.count, "điển hình"),
                            parts: ExemplarSubject.allCases.map { s in
                                .count(exemplars.filter { $0.subject == s.rawValue }.count, "điển hình", label: s.label)
                            }),
            gradings(),
        ]
    }

    /// III.5: grades on submitted sheets of the period's years; members of units in the subtree,
    /// and units below the root graded by it or by units under it.
    func gradings() -> IndicatorResult {
        let submitted = Set(rows.sheets.filter { $0.status == GradingSheetStatus.submitted.rawValue }.map(\.id))
        let graded = rows.evaluations.filter { submitted.contains($0.sheet_id) && inYears($0.year) }
        let members = graded.filter { $0.subject == GradingSubject.member.rawValue && subtree.contains($0.unit_id) }
        let units = graded.filter { e in
            e.subject == GradingSubject.organisation.rawValue
                && e.subject_unit_id.map { $0 != root && subtree.contains($0) } == true
        }
        let levels = GradingLevel.allCases
        return IndicatorResult(
            IndicatorCode.gradings.definition, .count(members.count, "đảng viên"),
            parts: levels.map { l in .count(members.filter { $0.level == l.rawValue }.count, "đảng viên", label: "Đảng viên \(l.abbreviation)") }
                + [.count(units.count, "tổ chức", label: "Tổ chức đảng được xếp loại")]
                + levels.map { l in .count(units.filter { $0.level == l.rawValue }.count, "tổ chức", label: "Tổ chức đảng \(l.abbreviation)") })
    }

    func outreachAndCommendations() -> [IndicatorResult] {
        let activities = rows.outreach.filter { inPeriod($0.held_on) && subtree.contains($0.unit_id) }
        let yearContests = rows.contests.filter { inYears($0.year) }
        let contests = yearContests.filter { subtree.contains($0.unit_id) }
        let contestIDs = Set(yearContests.map(\.id))
        let entries = rows.entries.filter { contestIDs.contains($0.contest_id) && subtree.contains($0.unit_id) }
        return [
            IndicatorResult(IndicatorCode.outreach.definition, .count(activities.count, "hoạt động"),
                            parts: [.count(activities.map(\.participants).reduce(0, +), "lượt người", label: "Lượt người tham gia")]
                                + OutreachForm.allCases.map { f in
                                    .count(activities.filter { $0.form == f.rawValue }.count, "hoạt động", label: f.label)
                                }),
            IndicatorResult(IndicatorCode.contests.definition, .count(contests.count, "cuộc thi"),
                            parts: [.count(entries.count, "bài", label: "Bài dự thi"),
                                    .share(entries.filter(\.selected_for_higher_level).count, of: entries.count, "bài",
                                           label: "Bài được chọn dự thi cấp trên")]),
            register(.commendations, praise: false),
            register(.praise, praise: true),
        ]
    }

    /// V.1 (`praise` false: every form but biểu dương, also counted by form) and V.2.
    func register(_ code: IndicatorCode, praise: Bool) -> IndicatorResult {
        let forms = Dictionary(uniqueKeysWithValues: rows.forms.map { ($0.id, $0) })
        let issuers = Dictionary(uniqueKeysWithValues: rows.issuers.map { ($0.id, $0) })
        let counted = rows.commendations.filter {
            forms[$0.form_id]!.is_praise == praise && inPeriod($0.decided_on) && subtree.contains($0.unit_id)
        }
        let noun = code.definition.noun
        func kinds(_ k: [CommendationRecipient]) -> Int { counted.filter { k.map(\.rawValue).contains($0.recipient_kind) }.count }
        var parts: [IndicatorFigure] = [
            .count(kinds([.unit, .collective]), "tập thể", label: "Tập thể"),
            .count(kinds([.person]), "cá nhân", label: "Cá nhân"),
            .count(kinds([.authors]), "nhóm tác giả", label: "Nhóm tác giả"),
        ]
        func ordered(_ ids: Set<Int>, _ key: (Int) -> (Int, String)) -> [Int] { ids.sorted { key($0) < key($1) } }
        if !praise {
            for id in ordered(Set(counted.map(\.form_id)), { (forms[$0]!.sort_order, forms[$0]!.name) }) {
                parts.append(.count(counted.filter { $0.form_id == id }.count, noun, label: "Hình thức: \(forms[id]!.name)"))
            }
        }
        for id in ordered(Set(counted.map(\.issuer_id)), { (issuers[$0]!.sort_order, issuers[$0]!.name) }) {
            parts.append(.count(counted.filter { $0.issuer_id == id }.count, noun, label: "Cấp khen: \(issuers[id]!.name)"))
        }
        return IndicatorResult(code.definition, .count(counted.count, noun), parts: parts)
    }
}
