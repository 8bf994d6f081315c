import Domain
import Fluent
import SQLKit
import Vapor

/// One member or organisation a rule suggests, placed in a unit of the subtree.
struct SuggestedCandidate: Sendable, Decodable {
    /// The member (rules on members) or nil.
    let personID: Int?
    /// The organisation itself (rules on organisations), or the unit whose sheet graded the member
    /// in the ending year.
    let unitID: Int
    let name: String
    let unitCode: String
    let unitName: String
    /// A nomination from this rule for the same ending year already lists the candidate.
    var nominationID: Int? = nil
    /// The nomination may be opened by the account (its proposing unit is in the subtree).
    var nominationVisible = false

    enum CodingKeys: String, CodingKey {
        case personID = "person_id", unitID = "unit_id", name, unitCode = "unit_code", unitName = "unit_name"
    }
}

/// One active rule with who qualifies under it, one page of them.
struct RuleSuggestions: Sendable {
    let rule: SuggestionRule
    let criterion: SuggestionCriterion
    let formName: String
    let issuerName: String
    let total: Int
    let candidates: [SuggestedCandidate]
}

/// The suggestions for one unit's subtree and one ending year.
struct SuggestionReport: Sendable {
    /// The unit chosen (nil: an administrator looking at every unit).
    let root: OrgUnit?
    let year: Int
    let rules: [RuleSuggestions]
    /// The unit code typed named no unit the account may read.
    let unknownUnit: Bool
}

/// A choice of suggested candidates to turn into one draft nomination.
struct SuggestionChoice: Sendable {
    /// The proposing unit's code.
    var unitCode: String?
    var year: Int?
    var ruleID: Int?
    /// Members' ids (rules on members) or units' ids (rules on organisations).
    var ids: [Int]
}

/// Suggested candidates for commendation (DESIGN.md §4): who the grading history qualifies under
/// each active rule. Only submitted sheets count; a year without a grade breaks the run.
enum SuggestionService {
    static func requireReader(_ access: Access) throws {
        guard access.user.role.seesUnits else { throw Abort(.forbidden, reason: Access.readOnlyMessage) }
    }

    /// A unit typed by code (empty: the account's scope root).
    static func report(unitCode: String, year: Int, offset: Int, limit: Int, access: Access) async throws -> SuggestionReport {
        try requireReader(access)
        let code = VietnameseText.normalize(unitCode)
        var rootID = access.scopeRoot
        if !code.isEmpty {
            let (found, unknown) = try await UnitLookup.filterRoot(code, access: access)
            if unknown { return SuggestionReport(root: nil, year: year, rules: [], unknownUnit: true) }
            rootID = found
        }
        guard rootID != nil || access.isAdmin else { throw Abort(.forbidden, reason: Access.readOnlyMessage) }
        var root: OrgUnit?
        if let rootID { root = try await OrgUnit.find(rootID, on: access.db) }
        var rules: [RuleSuggestions] = []
        for rule in try await activeRules(on: access.db) {
            guard let criterion = rule.criterion else { continue }
            rules.append(try await suggestions(rule, criterion, root: rootID, year: year, offset: offset, limit: limit, access: access))
        }
        return SuggestionReport(root: root, year: year, rules: rules, unknownUnit: false)
    }

    static func activeRules(on db: any Database) async throws -> [SuggestionRule] {
        try await SuggestionRule.query(on: db).filter(\.$active == true).sort(\.$sortOrder).sort(\.$id).all()
    }

    /// Every candidate of one rule (no paging), for turning a choice into a nomination.
    static func candidates(
        _ rule: SuggestionRule, root: Int, year: Int, access: Access
    ) async throws -> [SuggestedCandidate] {
        guard let criterion = rule.criterion else { return [] }
        return try await query(criterion, root: root, year: year, access: access, page: nil)
    }

    private static func suggestions(
        _ rule: SuggestionRule, _ criterion: SuggestionCriterion, root: Int?, year: Int, offset: Int, limit: Int, access: Access
    ) async throws -> RuleSuggestions {
        let db = access.db
        var page = try await query(criterion, root: root, year: year, access: access, page: (offset, limit))
        let total = try await count(criterion, root: root, year: year, access: access)
        try await markProposed(&page, ruleID: rule.id!, subject: criterion.subject, year: year, access: access)
        return RuleSuggestions(
            rule: rule, criterion: criterion,
            formName: try await CommendationForm.find(rule.formID, on: db)?.name ?? "",
            issuerName: try await CommendationIssuer.find(rule.issuerID, on: db)?.name ?? "",
            total: total, candidates: page)
    }

    /// Who had `level` in every year of the window on a submitted sheet: one GROUP BY … HAVING
    /// COUNT(DISTINCT year) over the window, the same SQL on SQLite and PostgreSQL.
    private static func qualifying(_ c: SuggestionCriterion, year: Int) -> SQLQueryString {
        let window = c.window(endingIn: year)
        let key: SQLQueryString = c.subject == .member ? "e.person_id" : "e.subject_unit_id"
        let place: SQLQueryString = c.subject == .member
            ? "MIN(CASE WHEN e.year = \(bind: year) THEN e.unit_id END)" : "e.subject_unit_id"
        return """
            SELECT \(key) AS who, \(place) AS place FROM evaluations e JOIN grading_sheets s ON s.id = e.sheet_id \
            WHERE e.subject = \(bind: c.subject.rawValue) AND e.level = \(bind: c.level.rawValue) \
            AND s.status = \(bind: GradingSheetStatus.submitted.rawValue) AND \(key) IS NOT NULL \
            AND e.year >= \(bind: window.lowerBound) AND e.year <= \(bind: window.upperBound) \
            GROUP BY \(key) HAVING COUNT(DISTINCT e.year) = \(bind: c.years)
            """
    }

    /// Members placed by their ending-year unit in the subtree of `root`; organisations strictly
    /// below `root` (a unit does not propose itself). Always within the account's subtree.
    private static func whereClause(_ c: SuggestionCriterion, root: Int?, access: Access) -> SQLQueryString {
        var parts: [SQLQueryString] = ["1 = 1"]
        if let root {
            parts.append(Access.inSubtree(of: root, column: "place"))
            if c.subject == .organisation { parts.append("place <> \(bind: root)") }
        }
        if let scope = access.subtreeFilter("place") { parts.append(scope) }
        return parts.joined(separator: " AND ")
    }

    private static func query(
        _ c: SuggestionCriterion, root: Int?, year: Int, access: Access, page: (offset: Int, limit: Int)?
    ) async throws -> [SuggestedCandidate] {
        let sql = access.db as! any SQLDatabase
        let person: SQLQueryString = c.subject == .member
            ? "p.id AS person_id, p.full_name AS name, u.id AS unit_id, u.code AS unit_code, u.name AS unit_name FROM q "
                + "JOIN people p ON p.id = q.who JOIN org_units u ON u.id = q.place"
            : "NULL AS person_id, u.name AS name, u.id AS unit_id, u.code AS unit_code, u.name AS unit_name FROM q "
                + "JOIN org_units u ON u.id = q.place"
        let order: SQLQueryString = c.subject == .member ? "u.code, p.sort_key, p.id" : "u.code, u.id"
        var text: SQLQueryString = "WITH q AS (\(qualifying(c, year: year))) SELECT \(person) WHERE \(whereClause(c, root: root, access: access)) ORDER BY \(order)"
        if let page { text = "\(text) LIMIT \(bind: page.limit) OFFSET \(bind: page.offset)" }
        return try await sql.raw(text).all(decoding: SuggestedCandidate.self)
    }

    private static func count(_ c: SuggestionCriterion, root: Int?, year: Int, access: Access) async throws -> Int {
        struct Row: Decodable { let n: Int }
        let sql = access.db as! any SQLDatabase
        let text: SQLQueryString = "WITH q AS (\(qualifying(c, year: year))) SELECT COUNT(*) AS n FROM q JOIN org_units u ON u.id = q.place WHERE \(whereClause(c, root: root, access: access))"
        return try await sql.raw(text).first(decoding: Row.self)?.n ?? 0
    }

    /// Marks the candidates a nomination from this rule for this ending year already lists.
    static func markProposed(
        _ candidates: inout [SuggestedCandidate], ruleID: Int, subject: GradingSubject, year: Int, access: Access
    ) async throws {
        guard !candidates.isEmpty else { return }
        let ids = candidates.map { subject == .member ? $0.personID! : $0.unitID }
        let nominations = try await Nomination.query(on: access.db).filter(\.$ruleID == ruleID).filter(\.$toYear == year).all()
        guard !nominations.isEmpty else { return }
        let byID = Dictionary(uniqueKeysWithValues: nominations.map { ($0.id!, $0) })
        var rows = NominationCandidate.query(on: access.db).filter(\.$nominationID ~~ Array(byID.keys))
        rows = subject == .member ? rows.filter(\.$personID ~~ ids) : rows.filter(\.$recipientUnitID ~~ ids)
        var proposed: [Int: Int] = [:]
        for row in try await rows.sort(\.$nominationID).all() {
            guard let who = subject == .member ? row.personID : row.recipientUnitID else { continue }
            proposed[who] = proposed[who] ?? row.nominationID
        }
        var visible: [Int: Bool] = [:]
        for i in candidates.indices {
            guard let nominationID = proposed[subject == .member ? candidates[i].personID! : candidates[i].unitID],
                  let unit = byID[nominationID]?.unitID else { continue }
            candidates[i].nominationID = nominationID
            if visible[unit] == nil { visible[unit] = try await access.canSee(unit: unit) }
            candidates[i].nominationVisible = visible[unit]!
        }
    }
}
