@testable import App
import Domain

/// I.1–I.4 and II.1–II.3 counted by hand.
extension IndicatorCount {
    func leadership() -> [IndicatorResult] {
        let S = subtree
        let documents = W.documents.filter { S.contains($0.unit) && inPeriod($0.issued) }.count

        var expected = 0, submitted = 0, onTime = 0, withGoals = 0
        for year in period.years {
            let first = LocalDate.firstOf(year: year), last = LocalDate.lastOf(year: year)
            for unit in W.units.map(\.code) where S.contains(unit) && planMaking(unit) && alive(unit, first, last) {
                expected += 1
                if let plan = W.plans.first(where: { $0.unit == unit && $0.scope == .year && $0.year == year && $0.status.isSubmitted }) {
                    submitted += 1
                    let due = bindingDue(unit, .unitPlanYear, year)
                    if due == nil || d(plan.firstSubmitted!) <= due! { onTime += 1 }
                }
                // the term plan is under Kết luận 01 (from 18/5/2021, no end): it runs in every year from 2021
                if W.plans.contains(where: { $0.unit == unit && !$0.goals.isEmpty
                    && (($0.scope == .year && $0.year == year) || ($0.scope == .term && year >= 2021)) }) {
                    withGoals += 1
                }
            }
        }
        let goalPlans = W.plans.filter { plan in
            S.contains(plan.unit) && ((plan.scope == .year && period.years.contains(plan.year))
                                      || (plan.scope == .term && period.years.upperBound >= 2021))
        }
        let goals = goalPlans.flatMap(\.goals)
        let completed = goals.filter { $0.0 == .completed && $0.1.map(inPeriod) == true }.count

        var codeUnits = 0, inForce = 0
        for unit in W.units.map(\.code) where S.contains(unit) && planMaking(unit) && alive(unit, period.to, period.to) {
            codeUnits += 1
            let issued = W.conductCodes.filter { $0.unit == unit && d($0.issued) <= period.to }
            if issued.contains(where: { c in !W.conductCodes.contains { $0.replaces == c.key && d($0.issued) <= period.to } }) {
                inForce += 1
            }
        }
        return [
            IndicatorResult(IndicatorCode.guidanceDocuments.definition, .count(documents, "văn bản")),
            IndicatorResult(IndicatorCode.unitPlans.definition, .share(submitted, of: expected, "tổ chức"),
                            parts: [.share(onTime, of: submitted, "kế hoạch", label: "Nộp đúng hạn")]),
            IndicatorResult(IndicatorCode.breakthroughGoals.definition, .share(withGoals, of: expected, "tổ chức"),
                            parts: [.share(completed, of: goals.count, "nội dung", label: "Nội dung đột phá hoàn thành")]),
            IndicatorResult(IndicatorCode.conductCodes.definition, .share(inForce, of: codeUnits, "tổ chức")),
        ]
    }

    func study() -> [IndicatorResult] {
        let S = subtree
        let held = W.sessions.filter { S.contains($0.unit) && inPeriod($0.held) }
        let formats = StudyFormat.allCases.map { f in IndicatorFigure.count(held.filter { $0.format == f }.count, "hội nghị", label: f.label) }
        let modes = StudyMode.allCases.map { m in IndicatorFigure.count(held.filter { $0.mode == m }.count, "hội nghị", label: m.label) }

        let studied = W.sessions.filter { $0.withTopic && inPeriod($0.held) }
        let members = expectedMembers(period.from, period.to)
        let present = members.filter { name in studied.contains { $0.attendance.contains { $0.0 == name && $0.1 == .present } } }
        let nonMembers = held.filter(\.withTopic).map(\.nonMembers).reduce(0, +)

        let tccs = W.units.map(\.code).filter { S.contains($0) && kind($0).isGrassroots && alive($0, period.from, period.to) }
        let active = tccs.filter { t in studied.contains { under(t, on: treeDay ?? period.to).contains($0.unit) } }
        return [
            IndicatorResult(IndicatorCode.studySessions.definition, .count(held.count, "hội nghị"), parts: formats + modes),
            IndicatorResult(IndicatorCode.studyParticipation.definition, .share(present.count, of: members.count, "đảng viên"),
                            parts: [.count(nonMembers, "lượt", label: "Lượt quần chúng tham gia")]),
            IndicatorResult(IndicatorCode.grassrootsStudy.definition, .share(active.count, of: tccs.count, "tổ chức cơ sở đảng")),
        ]
    }
}
