import Domain
import Fluent
import Foundation

/// Writes one demo plan with the history its outcome calls for: the plan first (its id names its
/// events), the events in batches at the end.
struct DemoPlanWriter {
    let tx: any Database
    private var events: [UnitPlanEvent] = []

    init(tx: any Database) {
        self.tx = tx
    }

    func plan(_ unit: OrgUnit, _ programme: Programme, _ scope: PlanScope, _ year: Int, theme: String, rng: inout DemoRandom) -> UnitPlan {
        let p = UnitPlan()
        p.unitID = unit.id!
        p.programmeID = programme.id!
        p.scope = scope
        p.year = year
        p.theme = theme
        p.content = DemoPlanTexts.content(unit: unit.name, scope: scope, year: year, theme: theme, rng: &rng)
        p.documentNumber = "\(rng.int(2...48))-KH/\(DemoPlanTexts.issuer(unit))"
        return p
    }

    /// Dates the plan's steps inside `window` (the days on which a punctual unit submits) and
    /// around `due`, saves the plan and queues its events.
    mutating func review(
        _ p: UnitPlan, _ unit: OrgUnit, outcome: DemoUnitPlans.Outcome, window: (LocalDate, LocalDate), due: LocalDate?,
        rng: inout DemoRandom
    ) async throws {
        let cap = min(DemoUnitPlans.horizon, unit.dissolvedOn?.adding(days: -1) ?? DemoUnitPlans.horizon, LocalDate.today())
        var first = rng.day(window.0, window.1)
        if outcome == .late, let due { first = rng.day(max(window.0, due.adding(days: 3)), due.adding(days: 50)) }
        first = min(first, cap)
        let own = DemoUnitPlans.account(unit.code)
        func reviewer(_ day: LocalDate) -> String {
            unit.code == "TU" ? "quantri" : DemoUnitPlans.account(DemoUnitPlans.parent(unit.code, on: day) ?? "TU")
        }
        var steps: [(PlanAction, LocalDate, String, String)] = [(.submit, first, own, "")]
        switch outcome {
        case .onTime, .late:
            steps.append((.approve, first.adding(days: rng.int(3...15)), reviewer(first), rng.chance(0.5) ? "Đồng ý." : ""))
        case .returned:
            let back = first.adding(days: rng.int(4...10))
            let again = back.adding(days: rng.int(5...15))
            steps += [
                (.returnForRevision, back, reviewer(back), rng.pick(DemoPlanTexts.vague(p.scope))),
                (.submit, again, own, "Đã bổ sung việc làm cụ thể, phân công người chịu trách nhiệm và thời gian thực hiện."),
                (.approve, again.adding(days: rng.int(3...10)), reviewer(again), "Đồng ý với kế hoạch đã sửa."),
            ]
        case .revising:
            let back = first.adding(days: rng.int(4...10))
            steps.append((.returnForRevision, back, reviewer(back), rng.pick(DemoPlanTexts.vague(p.scope))))
        case .waiting:
            break
        }
        p.status = .draft
        for (index, (action, day, user, comment)) in steps.enumerated() where day <= cap {
            p.status = action.next(from: p.status)!
            if action == .submit {
                if p.firstSubmittedOn == nil { p.firstSubmittedOn = day }
                p.submittedOn = day
            }
            if action == .approve { p.approvedOn = day }
            let e = UnitPlanEvent()
            e.action = action
            e.onDate = day
            e.at = Self.instant(day, hour: 8 + index)
            e.userID = nil
            e.username = user
            e.comment = comment
            events.append(e)
        }
        try await p.create(on: tx)
        for e in events where e.$planID.value == nil { e.planID = p.id! }
    }

    mutating func flush() async throws {
        for chunk in stride(from: 0, to: events.count, by: 100) {
            try await Array(events[chunk..<min(events.count, chunk + 100)]).create(on: tx)
        }
        events = []
    }

    /// The moment of a step: `hour` o'clock in Vietnam on `day`.
    static func instant(_ day: LocalDate, hour: Int) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .vietnam
        return calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day, hour: hour))!
    }
}
