import Domain
import Fluent
import SQLKit
import Vapor

/// Plans against the members expected to write one (`Expected.planMembersSQL`), for a set of
/// people: a member counts once however many cells of the set they moved between.
struct PersonalPlanCounts: Sendable, Decodable, Equatable {
    let expected: Int
    let submitted: Int
    /// Submitted by the binding due date (all submitted ones where no due date is set).
    let onTime: Int
    let assessed: Int
    let fulfilled: Int

    var missing: Int { expected - submitted }

    enum CodingKeys: String, CodingKey {
        case expected, submitted, assessed, fulfilled
        case onTime = "on_time"
    }

    static let zero = PersonalPlanCounts(expected: 0, submitted: 0, onTime: 0, assessed: 0, fulfilled: 0)
}

/// One cell of a subtree with its counts for the year.
struct PersonalPlanCellRow: Sendable {
    let unitID: Int
    let code: String
    let name: String
    let counts: PersonalPlanCounts
}

/// An expected member of a cell, with their plan of the year if they have one.
struct PersonalPlanMemberLine: Sendable {
    let personID: Int
    let fullName: String
    /// The member is no longer in this cell today (moved during or after the year).
    let movedAway: Bool
    let planID: Int?
    /// The plan was made in another cell (the member moved in after writing it).
    let planElsewhere: Bool
    let status: PersonalPlanStatus?
    let submittedOn: LocalDate?
    let late: Bool
    let assessment: PlanAssessment?
}

/// The secretary's overview of a year: a cell's members, or a subtree's cells.
struct PersonalPlanOverview: Sendable {
    let year: Int
    /// The chosen unit; nil: everything an administrator reads.
    let root: OrgUnit?
    let rootIsCell: Bool
    let totals: PersonalPlanCounts
    let cells: [PersonalPlanCellRow]
    /// Cells in the subtree that existed during the year, over all pages.
    let cellTotal: Int
    let members: [PersonalPlanMemberLine]
    /// The binding due date of the chosen cell's plans.
    let due: LocalDate?
    let hasTemplate: Bool
    let unknownUnit: Bool
}

extension PersonalPlanService {
    /// Overviews are for the accounts that see units; members read their own plan only.
    static func requireLister(_ access: Access) throws {
        guard access.user.role.seesUnits else { throw Abort(.forbidden, reason: Access.readOnlyMessage) }
    }

    /// The unit a code names in the account's subtree; an empty code is the account's scope.
    static func root(_ code: String, access: Access) async throws -> (unit: OrgUnit?, unknown: Bool) {
        let (id, unknown) = try await UnitLookup.filterRoot(code, access: access)
        if unknown { return (nil, true) }
        guard let id = id ?? access.scopeRoot else { return (nil, false) }
        return (try await OrgUnit.find(id, on: access.db), false)
    }

    static func overview(unitCode: String, year: Int, offset: Int, limit: Int, access: Access) async throws -> PersonalPlanOverview {
        try requireLister(access)
        let db = access.db
        let (root, unknown) = try await root(unitCode, access: access)
        var isCell = false
        if let root { isCell = try await CellMeetingService.isCell(root, on: db) }
        if unknown {
            return PersonalPlanOverview(year: year, root: nil, rootIsCell: false, totals: .zero, cells: [], cellTotal: 0,
                                        members: [], due: nil, hasTemplate: false, unknownUnit: true)
        }
        let cells = cellsSQL(year: year, root: root?.id, access: access)
        let sql = db as! any SQLDatabase
        let totals = try await sql.raw("""
            SELECT \(countsSQL) FROM (\(Expected.planMembersSQL(year: year))) e \
            LEFT JOIN (\(plansSQL(year: year))) pl ON pl.plan_person_id = e.person_id \
            WHERE e.unit_id IN (\(cells))
            """).first(decoding: PersonalPlanCounts.self) ?? .zero
        if let root, isCell {
            let template = try await PersonalPlanTemplate.query(on: db).filter(\.$unitID == root.id!).filter(\.$year == year).first()
            return PersonalPlanOverview(
                year: year, root: root, rootIsCell: true, totals: totals, cells: [], cellTotal: 1,
                members: try await memberLines(cell: root.id!, year: year, on: db),
                due: try await DueDates.due(.personalPlan, unit: root.id!, year: year, on: db),
                hasTemplate: template != nil, unknownUnit: false)
        }
        struct Total: Decodable { let n: Int }
        let cellTotal = try await sql.raw("SELECT COUNT(*) AS n FROM (\(cells)) c").first(decoding: Total.self)?.n ?? 0
        return PersonalPlanOverview(
            year: year, root: root, rootIsCell: false, totals: totals,
            cells: try await cellRows(cells, year: year, offset: offset, limit: limit, on: sql), cellTotal: cellTotal,
            members: [], due: nil, hasTemplate: false, unknownUnit: false)
    }

    /// `SELECT id` of the cells under `root` (nil: all the account reads) that existed during `year`.
    static func cellsSQL(year: Int, root: Int?, access: Access) -> SQLQueryString {
        var sql: SQLQueryString = """
            SELECT cu.id FROM org_units cu WHERE cu.kind_code IN (SELECT code FROM unit_kinds WHERE is_cell) \
            AND \(Expected.aliveSQL("cu", LocalDate.firstOf(year: year), LocalDate.lastOf(year: year)))
            """
        if let root { sql = sql + " AND " + Access.inSubtree(of: root, column: "id") }
        if let scope = access.subtreeFilter("id") { sql = sql + " AND " + scope }
        return sql
    }

    /// The plans of `year`, one per person, with the due date that binds each (`pl`).
    static func plansSQL(year: Int) -> SQLQueryString {
        """
        SELECT pp.id AS plan_id, pp.person_id AS plan_person_id, pp.unit_id AS plan_unit_id, pp.status AS status, \
        pp.submitted_on AS submitted_on, pp.assessment AS assessment, \
        \(DueDates.dueSQL(.personalPlan, unitSQL: "pp.unit_id", yearSQL: "pp.year")) AS due_on \
        FROM personal_plans pp WHERE pp.year = \(bind: year)
        """
    }

    /// On time: submitted no later than the binding due date; the SQL spelling of `isLate`.
    static let onTimeSQL: SQLQueryString = "(pl.due_on IS NULL OR pl.submitted_on <= pl.due_on)"

    /// The counts over expected members `e` joined to their plans `pl`.
    static var countsSQL: SQLQueryString {
        let submitted = PersonalPlanStatus.submitted.rawValue
        return """
            COUNT(DISTINCT e.person_id) AS expected, \
            COUNT(DISTINCT CASE WHEN pl.status = \(bind: submitted) THEN e.person_id END) AS submitted, \
            COUNT(DISTINCT CASE WHEN pl.status = \(bind: submitted) AND \(onTimeSQL) THEN e.person_id END) AS on_time, \
            COUNT(DISTINCT CASE WHEN pl.assessment IS NOT NULL THEN e.person_id END) AS assessed, \
            COUNT(DISTINCT CASE WHEN pl.assessment = \(bind: PlanAssessment.fulfilled.rawValue) THEN e.person_id END) AS fulfilled
            """
    }

    private static func cellRows(_ cells: SQLQueryString, year: Int, offset: Int, limit: Int, on sql: any SQLDatabase) async throws -> [PersonalPlanCellRow] {
        struct Row: Decodable {
            let unit_id: Int, code: String, name: String
            let expected: Int, submitted: Int, on_time: Int, assessed: Int, fulfilled: Int
        }
        let rows = try await sql.raw("""
            SELECT u.id AS unit_id, u.code AS code, u.name AS name, \(countsSQL) FROM org_units u \
            LEFT JOIN (\(Expected.planMembersSQL(year: year))) e ON e.unit_id = u.id \
            LEFT JOIN (\(plansSQL(year: year))) pl ON pl.plan_person_id = e.person_id \
            WHERE u.id IN (\(cells)) GROUP BY u.id, u.code, u.name ORDER BY u.name, u.id \
            LIMIT \(literal: limit) OFFSET \(literal: offset)
            """).all(decoding: Row.self)
        return rows.map {
            PersonalPlanCellRow(unitID: $0.unit_id, code: $0.code, name: $0.name, counts: PersonalPlanCounts(
                expected: $0.expected, submitted: $0.submitted, onTime: $0.on_time, assessed: $0.assessed, fulfilled: $0.fulfilled))
        }
    }

    /// Every member expected in `cell` during `year`, by name (sort key).
    static func memberLines(cell: Int, year: Int, on db: any Database) async throws -> [PersonalPlanMemberLine] {
        struct Row: Decodable {
            let person_id: Int, full_name: String, current_unit_id: Int?
            let plan_id: Int?, plan_unit_id: Int?, status: String?, submitted_on: String?, assessment: String?, due_on: String?
        }
        let rows = try await (db as! any SQLDatabase).raw("""
            SELECT p.id AS person_id, p.full_name AS full_name, p.current_unit_id AS current_unit_id, pl.plan_id AS plan_id, \
            pl.plan_unit_id AS plan_unit_id, pl.status AS status, pl.submitted_on AS submitted_on, pl.assessment AS assessment, pl.due_on AS due_on \
            FROM (SELECT DISTINCT e.person_id AS person_id FROM (\(Expected.planMembersSQL(year: year))) e \
            WHERE e.unit_id = \(bind: cell)) x JOIN people p ON p.id = x.person_id \
            LEFT JOIN (\(plansSQL(year: year))) pl ON pl.plan_person_id = p.id \
            ORDER BY p.sort_key, p.id
            """).all(decoding: Row.self)
        return rows.map { row in
            let submitted = row.submitted_on.flatMap(LocalDate.init)
            return PersonalPlanMemberLine(
                personID: row.person_id, fullName: row.full_name, movedAway: row.current_unit_id != cell,
                planID: row.plan_id, planElsewhere: row.plan_unit_id.map { $0 != cell } ?? false,
                status: row.status.flatMap(PersonalPlanStatus.init(rawValue:)), submittedOn: submitted,
                late: isLate(submittedOn: submitted, due: row.due_on.flatMap(LocalDate.init)),
                assessment: row.assessment.flatMap(PlanAssessment.init(rawValue:)))
        }
    }
}

