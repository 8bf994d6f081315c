@testable import App
import Domain

/// I.1–I.4 and II.1–II.3 counted from the rows.
extension DemoCount {
    /// Every indicator, by code.
    func all() -> [IndicatorCode: IndicatorResult] {
        let results = leadership() + study() + meetings() + practice() + outreachAndCommendations() + [reporting()]
        return Dictionary(uniqueKeysWithValues: results.map { ($0.definition.code, $0) })
    }

    /// (expected, submitted, on time) year plans of the plan-making units, summed over the years.
    func unitPlanCounts() -> (expected: Int, submitted: Int, onTime: Int) {
        var expected = 0, submitted = 0, onTime = 0
        for year in period.years {
            let first = LocalDate.firstOf(year: year), last = LocalDate.lastOf(year: year)
            for unit in subtreeUnits where planMaking(unit) && alive(unit, first, last) {
                expected += 1
                let plans = rows.plans.filter {
                    $0.unit_id == unit.id && $0.scope == PlanScope.year.rawValue && $0.year == year
                        && PlanStatus(rawValue: $0.status)!.isSubmitted
                }
                guard !plans.isEmpty else { continue }
                submitted += 1
                let firstOn = plans.compactMap(\.first_submitted_on).min()
                if let due = bindingDue(unit.id, .unitPlanYear, year) {
                    if let firstOn, firstOn <= due { onTime += 1 }
                } else {
                    onTime += 1
                }
            }
        }
        return (expected, submitted, onTime)
    }

    func leadership() -> [IndicatorResult] {
        let documents = rows.documents.filter { subtree.contains($0.unit_id) && inPeriod($0.issued_on) }.count
        let plans = unitPlanCounts()

        // I.3: a plan of the year, or a whole-term plan whose programme runs in that year.
        let programmes = Dictionary(uniqueKeysWithValues: rows.programmes.map { ($0.id, $0) })
        func runs(_ plan: DemoRows.Plan, _ first: LocalDate, _ last: LocalDate) -> Bool {
            let p = programmes[plan.programme_id]!
            return p.starts_on <= last.iso && (p.ends_on.map { $0 >= first.iso } ?? true)
        }
        let goalPlans = Set(rows.goals.map(\.plan_id))
        var withGoals = 0
        for year in period.years {
            let first = LocalDate.firstOf(year: year), last = LocalDate.lastOf(year: year)
            for unit in subtreeUnits where planMaking(unit) && alive(unit, first, last) {
                let has = rows.plans.contains { plan in
                    plan.unit_id == unit.id && goalPlans.contains(plan.id)
                        && ((plan.scope == PlanScope.year.rawValue && plan.year == year)
                            || (plan.scope == PlanScope.term.rawValue && runs(plan, first, last)))
                }
                if has { withGoals += 1 }
            }
        }
        let firstDay = LocalDate.firstOf(year: period.years.lowerBound), lastDay = LocalDate.lastOf(year: period.years.upperBound)
        let periodPlans = Set(rows.plans.filter { plan in
            (plan.scope == PlanScope.year.rawValue && inYears(plan.year))
                || (plan.scope == PlanScope.term.rawValue && runs(plan, firstDay, lastDay))
        }.map(\.id))
        let goals = rows.goals.filter { subtree.contains($0.unit_id) && periodPlans.contains($0.plan_id) }
        let completed = goals.filter { $0.status == GoalStatus.completed.rawValue && $0.finished_on.map(inPeriod) == true }

        // I.4: in force on the last day, for the plan-making units alive that day.
        let last = period.to.iso
        var codeUnits = 0, inForce = 0
        for unit in subtreeUnits where planMaking(unit) && alive(unit, period.to, period.to) {
            codeUnits += 1
            let issued = rows.codes.filter { $0.unit_id == unit.id && $0.issued_on <= last }
            if issued.contains(where: { code in !rows.codes.contains { $0.replaces_id == code.id && $0.issued_on <= last } }) {
                inForce += 1
            }
        }
        return [
            IndicatorResult(IndicatorCode.guidanceDocuments.definition, .count(documents, "văn bản")),
            IndicatorResult(IndicatorCode.unitPlans.definition, .share(plans.submitted, of: plans.expected, "tổ chức"),
                            parts: [.share(plans.onTime, of: plans.submitted, "kế hoạch", label: "Nộp đúng hạn")]),
            IndicatorResult(IndicatorCode.breakthroughGoals.definition, .share(withGoals, of: plans.expected, "tổ chức"),
                            parts: [.share(completed.count, of: goals.count, "nội dung", label: "Nội dung đột phá hoàn thành")]),
            IndicatorResult(IndicatorCode.conductCodes.definition, .share(inForce, of: codeUnits, "tổ chức")),
        ]
    }

    func study() -> [IndicatorResult] {
        let held = rows.sessions.filter { subtree.contains($0.unit_id) && inPeriod($0.held_on) }
        let formats = StudyFormat.allCases.map { f in
            IndicatorFigure.count(held.filter { $0.format == f.rawValue }.count, "hội nghị", label: f.label)
        }
        let modes = StudyMode.allCases.map { m in
            IndicatorFigure.count(held.filter { $0.mode == m.rawValue }.count, "hội nghị", label: m.label)
        }

        // II.2: any session with a topic held in the period counts, whoever organised it.
        let studied = rows.sessions.filter { $0.topic_id != nil && inPeriod($0.held_on) }
        let studiedIDs = Set(studied.map(\.id))
        let attended = Set(rows.attendances.filter {
            $0.status == AttendanceStatus.present.rawValue && studiedIDs.contains($0.session_id)
        }.map(\.person_id))
        let members = self.members(period.from, period.to)
        let nonMembers = held.filter { $0.topic_id != nil }.map(\.non_member_count).reduce(0, +)

        // II.3: a TCCS studied when it, or a unit under it on the tree day, held a session with a topic.
        let tccs = subtreeUnits.filter { kind($0).is_grassroots && alive($0, period.from, period.to) }
        let active = tccs.filter { t in
            let below = under(t.id)
            return studied.contains { below.contains($0.unit_id) }
        }
        return [
            IndicatorResult(IndicatorCode.studySessions.definition, .count(held.count, "hội nghị"), parts: formats + modes),
            IndicatorResult(IndicatorCode.studyParticipation.definition,
                            .share(members.intersection(attended).count, of: members.count, "đảng viên"),
                            parts: [.count(nonMembers, "lượt", label: "Lượt quần chúng tham gia")]),
            IndicatorResult(IndicatorCode.grassrootsStudy.definition, .share(active.count, of: tccs.count, "tổ chức cơ sở đảng")),
        ]
    }
}
