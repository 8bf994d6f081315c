import Domain
import Fluent
import SQLKit

/// Personal plans of the demo province, 2021–2025: each cell's template of the year; a plan for
/// most members the pages expect (`Expected.planMembersSQL`), in the cell they belonged to when
/// they wrote it, about 6% missing and about 15% handed in after 15 March, the due date the
/// demo's Tỉnh ủy sets; 2021–2024 self-assessed and assessed by the cell (mostly fulfilled),
/// 2025 submitted and waiting for the assessment. The plain members of X-DL-01 (the demo member
/// account "dangvien" among them) always have their plan; nobody has one for 2026 yet.
enum DemoPersonalPlans {
    static let years = 2021...2025
    static let assessedYears = 2021...2024
    static let missingShare = 0.06
    static let lateShare = 0.15
    static let fulfilledShare = 0.92
    static let completeCell = "X-DL-01"

    /// The due date the demo's Tỉnh ủy sets for the year's personal plans.
    static func due(_ year: Int) -> LocalDate { LocalDate(year: year, month: 3, day: 15)! }

    private struct Plan {
        let person: Int
        let unit: Int
        let year: Int
        let submittedOn: LocalDate
        let items: [String]
        let commitment: String
        let exemplary: String
        let selfAssessment: String
        let assessment: PlanAssessment?
        let comment: String
        let assessedOn: LocalDate?
    }

    static func build(_ tx: any Database) async throws {
        var rng = DemoRandom(seed: 0x504C_414E_5350_4552)
        let sql = tx as! any SQLDatabase
        let cellKinds = try await UnitKind.query(on: tx).filter(\.$isCell == true).all().map(\.code)
        let cells = try await OrgUnit.query(on: tx).filter(\.$kindCode ~~ cellKinds).sort(\.$code).all()
        guard let province = try await OrgUnit.query(on: tx).filter(\.$code == DemoDocuments.topicsUnit).first() else { return }
        let topics = Dictionary(try await Topic.query(on: tx).filter(\.$unitID == province.id!).filter(\.$kind == .annual).all()
            .map { ($0.year, $0.title) }) { first, _ in first }
        let memberships = Dictionary(grouping: try await Membership.query(on: tx).sort(\.$validFrom).sort(\.$id).all(), by: \.personID)
        let holders = Set(try await Position.query(on: tx).all().map(\.personID))
        let completeCellID = cells.first { $0.code == completeCell }?.id

        // The templates: the year's topic first, then three of the usual items.
        var templates: [String: (items: [String], commitment: String)] = [:]
        for year in years {
            for cell in cells where cell.foundedOn <= LocalDate.lastOf(year: year)
                && (cell.dissolvedOn.map { $0 > LocalDate.firstOf(year: year) } ?? true) {
                var pool = DemoPersonalPlansTexts.items
                var items = [DemoPersonalPlansTexts.topicItem(year, topic: topics[year])]
                for _ in 0..<3 { items.append(pool.remove(at: rng.int(0...(pool.count - 1)))) }
                templates["\(cell.id!)/\(year)"] = (items, rng.pick(DemoPersonalPlansTexts.commitments))
            }
        }
        for chunk in templates.sorted(by: { $0.key < $1.key }).chunked(into: 150) {
            var insert = sql.insert(into: PersonalPlanTemplate.schema).columns("unit_id", "year", "items", "commitment")
            for (key, template) in chunk {
                let parts = key.split(separator: "/").compactMap { Int($0) }
                insert = insert.values(SQLBind(parts[0]), SQLBind(parts[1]), SQLBind(template.items.joined(separator: "\n")),
                                       SQLBind(template.commitment))
            }
            try await insert.run()
        }

        struct ExpectedRow: Decodable { let person_id: Int }
        var plans: [Plan] = []
        for year in years {
            let expected = try await sql.raw("""
                SELECT DISTINCT e.person_id AS person_id FROM (\(Expected.planMembersSQL(year: year))) e ORDER BY e.person_id
                """).all(decoding: ExpectedRow.self).map(\.person_id)
            for person in expected {
                let own = (memberships[person] ?? []).filter {
                    $0.validFrom <= LocalDate.lastOf(year: year) && ($0.validTo.map { $0 > LocalDate.firstOf(year: year) } ?? true)
                }
                let complete = !holders.contains(person) && (memberships[person] ?? []).allSatisfy { $0.unitID == completeCellID }
                guard let first = own.first, complete || !rng.chance(missingShare) else { continue }
                var day = rng.chance(lateShare) ? rng.day(due(year).adding(days: 1), LocalDate(year: year, month: 4, day: 30)!)
                                                 : rng.day(LocalDate(year: year, month: 1, day: 20)!, due(year))
                var membership = own.first { $0.validFrom <= day && ($0.validTo.map { day < $0 } ?? true) }
                if membership == nil {
                    // Joined or left the cell around the plan's season: written in their first week there.
                    membership = first
                    day = max(first.validFrom, LocalDate.firstOf(year: year)).adding(days: rng.int(2...7))
                    if let end = first.validTo { day = min(day, end.adding(days: -1)) }
                }
                let template = templates["\(membership!.unitID)/\(year)"]
                var items = template?.items ?? [DemoPersonalPlansTexts.topicItem(year, topic: topics[year])]
                if rng.chance(0.5) { items.append(rng.pick(DemoPersonalPlansTexts.items)) }
                let assessed = assessedYears.contains(year)
                let fulfilled = rng.chance(fulfilledShare)
                plans.append(Plan(
                    person: person, unit: membership!.unitID, year: year, submittedOn: day, items: items,
                    commitment: template?.commitment ?? rng.pick(DemoPersonalPlansTexts.commitments),
                    exemplary: holders.contains(person) ? DemoPersonalPlansTexts.exemplaryCommitment : "",
                    selfAssessment: assessed || rng.chance(0.6) ? rng.pick(DemoPersonalPlansTexts.selfAssessments) : "",
                    assessment: assessed ? (fulfilled ? .fulfilled : .notFulfilled) : nil,
                    comment: assessed ? rng.pick(fulfilled ? DemoPersonalPlansTexts.fulfilledComments : DemoPersonalPlansTexts.notFulfilledComments) : "",
                    assessedOn: assessed ? LocalDate(year: year, month: 12, day: rng.int(10...28))! : nil))
            }
        }
        try await write(plans, on: sql)
    }

    /// Plans then their items, through SQLKit in batches (thousands of Fluent models are slow to encode).
    private static func write(_ plans: [Plan], on sql: any SQLDatabase) async throws {
        let columns = ["person_id", "unit_id", "year", "status", "commitment", "exemplary_commitment", "submitted_on",
                       "self_assessment", "assessment", "assessment_comment", "assessed_on"]
        // 11 bound values a row: batches of 80 stay under SQLite's 999.
        for chunk in plans.chunked(into: 80) {
            var insert = sql.insert(into: PersonalPlan.schema).columns(columns)
            for p in chunk {
                insert = insert.values(
                    SQLBind(p.person), SQLBind(p.unit), SQLBind(p.year), SQLBind(PersonalPlanStatus.submitted.rawValue),
                    SQLBind(p.commitment), SQLBind(p.exemplary), SQLBind(p.submittedOn.iso), SQLBind(p.selfAssessment),
                    SQLBind(p.assessment?.rawValue), SQLBind(p.comment), SQLBind(p.assessedOn?.iso))
            }
            try await insert.run()
        }
        struct IDRow: Decodable { let id: Int; let person_id: Int; let year: Int }
        let ids = Dictionary(uniqueKeysWithValues: try await sql.select().column("id").column("person_id").column("year")
            .from(PersonalPlan.schema).all(decoding: IDRow.self).map { ("\($0.person_id)/\($0.year)", $0.id) })
        let items = plans.flatMap { p in
            p.items.enumerated().map { (plan: ids["\(p.person)/\(p.year)"]!, position: $0.offset + 1, content: $0.element) }
        }
        for chunk in items.chunked(into: 300) {
            var insert = sql.insert(into: PersonalPlanItem.schema).columns("plan_id", "position", "content")
            for item in chunk { insert = insert.values(SQLBind(item.plan), SQLBind(item.position), SQLBind(item.content)) }
            try await insert.run()
        }
    }
}
