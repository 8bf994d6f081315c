import Domain
import Fluent
import SQLKit

/// One open deadline of a unit: something expected of it (Expected) that is not on record yet.
struct DeadlineItem: Sendable, Equatable {
    let kind: DeadlineKind
    let unitID: Int
    let unitCode: String
    let unitName: String
    let year: Int
    /// Meeting records: the first day of the meeting's month.
    let month: LocalDate?
    /// The binding due date (DueDates for plans, `Deadlines.meetingRecordDue` for meetings).
    let due: LocalDate?
    /// Plans: the unit's plan when one exists but is not submitted (draft, or returned).
    let planID: Int?
    let planStatus: PlanStatus?
    /// Term plans: the programme the plan is for.
    let programmeID: Int?
    let programmeNumber: String?
    /// Personal plans: expected members of the unit without a submitted plan.
    let missingMembers: Int?
    let status: DeadlineStatus
    let group: DeadlineGroup
}

/// How many open deadlines fall in each group.
struct DeadlineCounts: Sendable, Equatable {
    var overdue = 0
    var dueSoon = 0
    var noDueDate = 0

    var total: Int { overdue + dueSoon + noDueDate }
}

/// The open deadlines of a unit and the units below it for one year (issue 3 §9), computed in SQL
/// from the records: year plans (and the term plan in a programme's first year) not submitted,
/// members' personal plans not submitted, cell-months without a regular meeting on record.
/// Only overdue items, items due within `Deadlines.dueSoonDays`, and plans without a due date
/// are listed.
enum DeadlineQueries {
    /// `root` nil: every unit (administrators).
    static func counts(root: Int?, year: Int, today: LocalDate, on db: any Database) async throws -> DeadlineCounts {
        struct Row: Decodable { let grp: Int; let n: Int }
        let sql: SQLQueryString = "SELECT o.grp AS grp, COUNT(*) AS n FROM (\(openSQL(root: root, year: year, today: today))) o GROUP BY o.grp"
        var counts = DeadlineCounts()
        for row in try await (db as! any SQLDatabase).raw(sql).all(decoding: Row.self) {
            switch DeadlineGroup(rawValue: row.grp) {
            case .overdue: counts.overdue = row.n
            case .dueSoon: counts.dueSoon = row.n
            case .noDueDate: counts.noDueDate = row.n
            case nil: break
            }
        }
        return counts
    }

    /// One page of the open deadlines: overdue first (the longest overdue first), then those due
    /// soon (the nearest first), then plans without a due date.
    static func items(
        root: Int?, year: Int, today: LocalDate, offset: Int, limit: Int, on db: any Database
    ) async throws -> [DeadlineItem] {
        let sql: SQLQueryString = """
            SELECT o.* FROM (\(openSQL(root: root, year: year, today: today))) o \
            ORDER BY o.grp, o.due_on, o.unit_id, o.ord, o.month LIMIT \(bind: limit) OFFSET \(bind: offset)
            """
        return try await (db as! any SQLDatabase).raw(sql).all(decoding: Row.self).compactMap { $0.item(year: year, today: today) }
    }

    private struct Row: Decodable {
        let kind: String
        let unit_id: Int
        let unit_code: String
        let unit_name: String
        let month: String?
        let due_on: String?
        let plan_id: Int?
        let plan_status: String?
        let programme_id: Int?
        let programme_number: String?
        let missing: Int?

        func item(year: Int, today: LocalDate) -> DeadlineItem? {
            guard let kind = DeadlineKind(rawValue: kind) else { return nil }
            let due = due_on.flatMap(LocalDate.init)
            let status = Deadlines.status(due: due, completedOn: nil, today: today)
            guard let group = Deadlines.group(status) else { return nil }
            return DeadlineItem(
                kind: kind, unitID: unit_id, unitCode: unit_code, unitName: unit_name, year: year,
                month: month.flatMap { LocalDate($0 + "-01") }, due: due, planID: plan_id,
                planStatus: plan_status.flatMap(PlanStatus.init), programmeID: programme_id,
                programmeNumber: programme_number, missingMembers: missing, status: status, group: group)
        }
    }

    /// The listed open items with their group (`grp`, a `DeadlineGroup` raw value) and an order
    /// of kinds (`ord`). Every branch yields the same typed columns (PostgreSQL resolves the types
    /// of a chain of UNIONs pair by pair, so bare NULLs are cast).
    private static func openSQL(root: Int?, year: Int, today: LocalDate) -> SQLQueryString {
        var branches = [yearPlansSQL(root: root, year: year), termPlansSQL(root: root, year: year),
                        personalPlansSQL(root: root, year: year, today: today)]
        if let meetings = meetingsSQL(root: root, year: year, today: today) { branches.append(meetings) }
        let undated = DeadlineKind.allCases.filter(\.listedWithoutDueDate).map { SQLQueryString("\(bind: $0.rawValue)") }
        return """
            SELECT i.kind AS kind, i.ord AS ord, i.unit_id AS unit_id, u.code AS unit_code, u.name AS unit_name, \
            i.month AS month, i.due_on AS due_on, i.plan_id AS plan_id, i.plan_status AS plan_status, \
            i.programme_id AS programme_id, i.programme_number AS programme_number, i.missing AS missing, \
            CASE WHEN i.due_on IS NULL THEN \(literal: DeadlineGroup.noDueDate.rawValue) \
            WHEN i.due_on < \(bind: today.iso) THEN \(literal: DeadlineGroup.overdue.rawValue) \
            ELSE \(literal: DeadlineGroup.dueSoon.rawValue) END AS grp \
            FROM (\(branches.joined(separator: " UNION ALL "))) i JOIN org_units u ON u.id = i.unit_id \
            WHERE (i.due_on IS NULL AND i.kind IN (\(undated.joined(separator: ", ")))) \
            OR i.due_on <= \(bind: Deadlines.lastDueSoon(today: today).iso)
            """
    }

    /// Restricts `unit_id` (the only such column of the enclosing FROM) to the root's subtree.
    private static func inRoot(_ root: Int?) -> SQLQueryString {
        root.map { Access.inSubtree(of: $0, column: "unit_id") } ?? "1 = 1"
    }

    private static let noText: SQLQueryString = "CAST(NULL AS TEXT)"
    private static let noInt: SQLQueryString = "CAST(NULL AS INTEGER)"

    private static var submitted: SQLQueryString {
        "(\(bind: PlanStatus.submitted.rawValue), \(bind: PlanStatus.approved.rawValue))"
    }

    /// The unit's not-submitted plan of `scope` (a returned one before a draft), as `column`.
    private static func openPlan(_ column: String, scope: PlanScope, match: SQLQueryString) -> SQLQueryString {
        """
        (SELECT p.\(unsafeRaw: column) FROM unit_plans p WHERE p.unit_id = e.unit_id AND p.scope = \(bind: scope.rawValue) AND \(match) \
        ORDER BY CASE WHEN p.status = \(bind: PlanStatus.returned.rawValue) THEN 0 ELSE 1 END, p.id DESC LIMIT 1)
        """
    }

    /// (a) Year plans of the expected plan units not submitted.
    private static func yearPlansSQL(root: Int?, year: Int) -> SQLQueryString {
        let match: SQLQueryString = "p.year = \(bind: year)"
        return """
            SELECT \(bind: DeadlineKind.unitPlanYear.rawValue) AS kind, 1 AS ord, e.unit_id AS unit_id, \(noText) AS month, \
            \(DueDates.dueSQL(.unitPlanYear, unitSQL: "e.unit_id", yearSQL: "\(bind: year)")) AS due_on, \
            \(openPlan("id", scope: .year, match: match)) AS plan_id, \(openPlan("status", scope: .year, match: match)) AS plan_status, \
            \(noInt) AS programme_id, \(noText) AS programme_number, \(noInt) AS missing \
            FROM (\(Expected.planUnitsSQL(year: year))) e WHERE \(inRoot(root)) AND NOT EXISTS (SELECT 1 FROM unit_plans p \
            WHERE p.unit_id = e.unit_id AND p.scope = \(bind: PlanScope.year.rawValue) AND \(match) AND p.status IN \(submitted))
            """
    }

    /// (a) Whole-term plans, in the first year of a programme that starts in `year`.
    private static func termPlansSQL(root: Int?, year: Int) -> SQLQueryString {
        let match: SQLQueryString = "p.programme_id = pg.id"
        return """
            SELECT \(bind: DeadlineKind.unitPlanTerm.rawValue) AS kind, 2 AS ord, e.unit_id AS unit_id, \(noText) AS month, \
            \(DueDates.dueSQL(.unitPlanTerm, unitSQL: "e.unit_id", yearSQL: "\(bind: year)")) AS due_on, \
            \(openPlan("id", scope: .term, match: match)) AS plan_id, \(openPlan("status", scope: .term, match: match)) AS plan_status, \
            pg.id AS programme_id, pg.document_number AS programme_number, \(noInt) AS missing \
            FROM (\(Expected.planUnitsSQL(year: year))) e JOIN programmes pg \
            ON pg.starts_on >= \(bind: LocalDate.firstOf(year: year).iso) AND pg.starts_on <= \(bind: LocalDate.lastOf(year: year).iso) \
            WHERE \(inRoot(root)) AND NOT EXISTS (SELECT 1 FROM unit_plans p \
            WHERE p.unit_id = e.unit_id AND p.scope = \(bind: PlanScope.term.rawValue) AND \(match) AND p.status IN \(submitted))
            """
    }

    /// (b) Per unit, its expected members without a submitted personal plan. In the current year
    /// only members who are there today: a member who moved on is expected where they are now.
    private static func personalPlansSQL(root: Int?, year: Int, today: LocalDate) -> SQLQueryString {
        let current: SQLQueryString = year == today.year
            ? """
              AND EXISTS (SELECT 1 FROM memberships cm WHERE cm.person_id = em.person_id AND cm.unit_id = em.unit_id \
              AND cm.valid_from <= \(bind: today.iso) AND (cm.valid_to IS NULL OR cm.valid_to > \(bind: today.iso)))
              """
            : ""
        return """
            SELECT \(bind: DeadlineKind.personalPlans.rawValue) AS kind, 3 AS ord, g.unit_id AS unit_id, \(noText) AS month, \
            \(DueDates.dueSQL(.personalPlan, unitSQL: "g.unit_id", yearSQL: "\(bind: year)")) AS due_on, \
            \(noInt) AS plan_id, \(noText) AS plan_status, \(noInt) AS programme_id, \(noText) AS programme_number, g.missing AS missing \
            FROM (SELECT em.unit_id AS unit_id, COUNT(*) AS missing FROM (\(Expected.planMembersSQL(year: year))) em \
            WHERE \(inRoot(root)) AND NOT EXISTS (SELECT 1 FROM personal_plans pp WHERE pp.person_id = em.person_id \
            AND pp.year = \(bind: year) AND pp.status = \(bind: PersonalPlanStatus.submitted.rawValue)) \(current) \
            GROUP BY em.unit_id) g
            """
    }

    /// (c) Cell-months of `year` up to the current month without a regular meeting on record,
    /// each due on `Deadlines.meetingRecordDue`; nil when the year has not begun.
    private static func meetingsSQL(root: Int?, year: Int, today: LocalDate) -> SQLQueryString? {
        let first = LocalDate.firstOf(year: year)
        let last = min(LocalDate.lastOf(year: year), today.firstOfMonth.adding(months: 1).adding(days: -1))
        guard first <= last else { return nil }
        var dues: [SQLQueryString] = []
        var month = first
        while month <= last {
            dues.append("(\(bind: CellMeeting.monthKey(month)), \(bind: Deadlines.meetingRecordDue(month: month).iso))")
            month = month.adding(months: 1)
        }
        return """
            SELECT \(bind: DeadlineKind.meetingRecord.rawValue) AS kind, 4 AS ord, cm.unit_id AS unit_id, cm.month AS month, \
            md.column2 AS due_on, \(noInt) AS plan_id, \(noText) AS plan_status, \(noInt) AS programme_id, \
            \(noText) AS programme_number, \(noInt) AS missing \
            FROM (\(Expected.cellMonthsSQL(first...last))) cm JOIN (VALUES \(dues.joined(separator: ", "))) AS md \
            ON md.column1 = cm.month WHERE \(inRoot(root)) AND NOT EXISTS (SELECT 1 FROM cell_meetings m \
            WHERE m.unit_id = cm.unit_id AND m.regular_month = cm.month)
            """
    }
}
