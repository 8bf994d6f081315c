@testable import App
import Domain
import Fluent
import Foundation
import SQLKit
import Testing
import Vapor

/// The demo's plans: one a year for every plan-making unit alive (a few missing in 2025), a term
/// plan each, late and returned ones, goals of the grassroots committees — dated within the units'
/// lives, and the same on every build.
@Suite struct UnitPlanDemoTests {
    @Test func everyPlanMakingUnitHasItsPlansDatedWithinItsLife() async throws {
        try await withTestApp { app in
            // setup
            try await DemoLoader.loadIfEmpty(app: app)
            struct Row: Decodable { let unit_id: Int }
            let units = Dictionary(uniqueKeysWithValues: try await OrgUnit.query(on: app.db).all().map { ($0.id!, $0) })
            let plans = try await UnitPlan.query(on: app.db).all()
            let events = try await UnitPlanEvent.query(on: app.db).all()
            let goals = try await BreakthroughGoal.query(on: app.db).all()
            let notes = try await GoalProgressNote.query(on: app.db).all()

            // assert: one year plan per expected unit and year (Expected.planUnitsSQL), but the 2025 gaps
            for year in DemoUnitPlans.years {
                let expected = try await (app.db as! any SQLDatabase).raw(Expected.planUnitsSQL(year: year)).all(decoding: Row.self)
                let codes = Set(expected.map { units[$0.unit_id]!.code }).subtracting(year == 2025 ? DemoUnitPlans.missing2025 : [])
                let planned = Set(plans.filter { $0.scope == .year && $0.year == year }.map { units[$0.unitID]!.code })
                #expect(planned == codes, "\(year)")
                #expect((15...22).contains(planned.count), "\(year): \(planned.count)")
            }
            // Closures are kept out of #expect below: a closure inside its expansion was once called in
            // place of another one of this function (Swift 6.3), so each figure is computed first.
            let termPlans = plans.filter { $0.scope == .term }.count
            #expect(termPlans >= 15)
            #expect(try await DueDate.query(on: app.db).count() == 11)

            // assert: the review's facts
            let dues = try await UnitPlanService.dueDates(plans.compactMap(\.id), on: app.db)
            let late = plans.filter { PlanRules.timeliness(due: dues[$0.id!], firstSubmitted: $0.firstSubmittedOn, today: .today()).isLate }
            #expect(late.count >= 5 && late.count < plans.count / 4, "late: \(late.count)")
            let returns = events.filter { $0.action == .returnForRevision }
            let vague = returns.filter { $0.comment.contains("chung chung") || $0.comment.contains("chưa") }
            #expect(returns.count >= 5 && vague.count == returns.count)
            let waiting = Set(plans.filter { $0.year == 2025 && $0.scope == .year && $0.status == .submitted }.map { units[$0.unitID]!.code })
            #expect(waiting == DemoUnitPlans.waiting2025)
            let approved = plans.filter { $0.status == .approved }.count
            #expect(approved > plans.count * 3 / 4)

            // assert: dates within the units' lives and the demo's time, the history agreeing with the plan
            let byPlan = Dictionary(grouping: events, by: \.planID)
            for plan in plans {
                let unit = units[plan.unitID]!
                let history = (byPlan[plan.id!] ?? []).sorted { $0.at < $1.at }
                var status = PlanStatus.draft
                for event in history {
                    #expect(event.onDate >= unit.foundedOn && event.onDate <= DemoUnitPlans.horizon, "\(unit.code) \(plan.year)")
                    if let end = unit.dissolvedOn { #expect(event.onDate < end, "\(unit.code) \(plan.year)") }
                    status = try #require(event.action.next(from: status), "\(unit.code) \(plan.year)")
                }
                #expect(status == plan.status, "\(unit.code) \(plan.year)")
                #expect(plan.firstSubmittedOn == history.first?.onDate)
            }
            // assert: goals of grassroots committees only, outcomes once their deadline has passed
            let grassroots = Set(try await UnitKind.query(on: app.db).filter(\.$isGrassroots == true).all().map(\.code))
            let outsideGrassroots = goals.filter { !grassroots.contains(units[$0.unitID]!.kindCode) }.count
            let finishedWithoutResult = goals.filter { $0.status.isFinished && ($0.finalResult.isEmpty || $0.finishedOn == nil) }.count
            let statuses = Set(goals.map(\.status))
            #expect(goals.count >= 20 && outsideGrassroots == 0 && finishedWithoutResult == 0)
            #expect(statuses.contains(.completed) && statuses.contains(.notCompleted))
            let goalUnits = Dictionary(uniqueKeysWithValues: goals.map { ($0.id!, units[$0.unitID]!) })
            let misdated = notes.filter { $0.onDate > DemoUnitPlans.horizon || $0.onDate >= (goalUnits[$0.goalID]!.dissolvedOn ?? .today()) }
            #expect(notes.count >= goals.count && misdated.isEmpty)
        }
    }

    @Test func aRebuildWritesTheSamePlans() async throws {
        try await withTestApp { app in
            // setup
            try await DemoLoader.loadIfEmpty(app: app)
            let first = try await Self.snapshot(app)

            // act
            try await GoalProgressNote.query(on: app.db).delete()
            try await BreakthroughGoal.query(on: app.db).delete()
            try await UnitPlanEvent.query(on: app.db).delete()
            try await UnitPlan.query(on: app.db).delete()
            try await DueDate.query(on: app.db).delete()
            try await DemoUnitPlans.build(app.db)

            // assert
            #expect(try await Self.snapshot(app) == first)
            #expect(first.count > 150)
        }
    }

    static func snapshot(_ app: Application) async throws -> [String] {
        let plans = try await UnitPlan.query(on: app.db).all()
        let ids = Dictionary(uniqueKeysWithValues: plans.map { ($0.id!, "\($0.unitID) \($0.scope.rawValue) \($0.year)") })
        var lines = plans.map { "\(ids[$0.id!]!) \($0.status.rawValue) \($0.firstSubmittedOn?.iso ?? "-") \($0.documentNumber)" }
        lines += try await UnitPlanEvent.query(on: app.db).all().map { "\(ids[$0.planID]!) \($0.action.rawValue) \($0.onDate.iso) \($0.username)" }
        lines += try await BreakthroughGoal.query(on: app.db).all().map { "\(ids[$0.planID]!) \($0.title) \($0.status.rawValue)" }
        lines += try await DueDate.query(on: app.db).all().map { "\($0.kind.rawValue) \($0.year) \($0.dueOn.iso)" }
        return lines.sorted()
    }
}

