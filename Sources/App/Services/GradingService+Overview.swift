import Domain
import Fluent
import SQLKit
import Vapor

/// A unit's grading for a year: its own sheets, and how the units directly below stand.
struct GradingOverview: Sendable {
    struct Below: Sendable {
        let unit: OrgUnit
        /// The unit's members' sheet, if opened.
        let sheet: GradingSheet?
        let counts: [GradingLevel: Int]
        /// Whether the unit has members of its own that year (a committee may have none).
        let hasMembers: Bool
    }

    let unit: OrgUnit
    let year: Int
    let regime: GradingRegime?
    let subjects: [GradingSubject]
    let sheets: [GradingSubject: GradingSheet]
    let counts: [Int: [GradingLevel: Int]]
    let below: [Below]
}

/// A sheet in a list, with its unit and level counts.
struct GradingSheetLine: Sendable {
    let sheet: GradingSheet
    let unit: OrgUnit
    let counts: [GradingLevel: Int]
}

extension GradingService {
    static func overview(unit: OrgUnit, year: Int, access: Access) async throws -> GradingOverview {
        try requireReader(access)
        try await access.requireRead(unit: unit.id!)
        let db = access.db
        let sheets = try await GradingSheet.query(on: db).filter(\.$unitID == unit.id!).filter(\.$year == year).all()
        let childIDs = try await childIDs(unit: unit.id!, year: year, on: db)
        let children = childIDs.isEmpty ? [] : try await OrgUnit.query(on: db).filter(\.$id ~~ childIDs).sort(\.$code).all()
        let childSheets = childIDs.isEmpty ? [] : try await GradingSheet.query(on: db).filter(\.$unitID ~~ childIDs)
            .filter(\.$year == year).filter(\.$subject == .member).all()
        let counts = try await levelCounts(sheets.map { $0.id! } + childSheets.map { $0.id! }, on: db)
        let sheetByUnit = Dictionary(childSheets.map { ($0.unitID, $0) }, uniquingKeysWith: { a, _ in a })
        return GradingOverview(
            unit: unit, year: year, regime: try await regime(forYear: year, on: db),
            subjects: try await subjects(of: unit, year: year, on: db),
            sheets: Dictionary(sheets.map { ($0.subject, $0) }, uniquingKeysWith: { a, _ in a }),
            counts: counts,
            below: try await children.asyncMap { child in
                let sheet = sheetByUnit[child.id!]
                var hasMembers = sheet != nil
                if !hasMembers { hasMembers = try await !memberIDs(unit: child.id!, year: year, on: db).isEmpty }
                return .init(unit: child, sheet: sheet, counts: sheet.flatMap { counts[$0.id!] } ?? [:], hasMembers: hasMembers)
            })
    }

    /// Grades per level of each sheet, counted in SQL.
    static func levelCounts(_ sheetIDs: [Int], on db: any Database) async throws -> [Int: [GradingLevel: Int]] {
        guard !sheetIDs.isEmpty else { return [:] }
        struct Row: Decodable { let sheet_id: Int; let level: String; let n: Int }
        let ids = sheetIDs.map { "\(literal: $0)" as SQLQueryString }.joined(separator: ", ")
        let rows = try await (db as! any SQLDatabase).raw(
            "SELECT sheet_id, level, COUNT(*) AS n FROM evaluations WHERE sheet_id IN (\(ids)) GROUP BY sheet_id, level")
            .all(decoding: Row.self)
        var result: [Int: [GradingLevel: Int]] = [:]
        for row in rows { if let level = GradingLevel(rawValue: row.level) { result[row.sheet_id, default: [:]][level] = row.n } }
        return result
    }

    /// The sheets of the subtree (of `unitCode`, else the account's scope), newest year first.
    static func search(unitCode: String, year: Int?, offset: Int, limit: Int, access: Access)
        async throws -> (lines: [GradingSheetLine], total: Int, unknownUnit: Bool) {
        try requireReader(access)
        let (root, unknown) = try await UnitLookup.filterRoot(unitCode, access: access)
        if unknown { return ([], 0, true) }
        var query = GradingSheet.query(on: access.db).scoped(access.subtreeFilter("unit_id"))
        if let root { query = query.filter(.sql(embed: Access.inSubtree(of: root))) }
        if let year { query = query.filter(\.$year == year) }
        let total = try await query.count()
        let sheets = try await query.sort(\.$year, .descending).sort(\.$unitID).sort(\.$id).range(offset..<(offset + limit)).all()
        let units = sheets.isEmpty ? [] : try await OrgUnit.query(on: access.db).filter(\.$id ~~ Set(sheets.map(\.unitID))).all()
        let byID = Dictionary(uniqueKeysWithValues: units.map { ($0.id!, $0) })
        let counts = try await levelCounts(sheets.map { $0.id! }, on: access.db)
        return (sheets.compactMap { s in byID[s.unitID].map { GradingSheetLine(sheet: s, unit: $0, counts: counts[s.id!] ?? [:]) } },
                total, false)
    }

    /// The account's own grades (its person's) on submitted sheets, newest first; none for an
    /// account that is not a person's.
    static func mine(access: Access) async throws -> [(evaluation: Evaluation, unit: OrgUnit?)] {
        guard let personID = access.user.personID else { return [] }
        let submitted: SQLQueryString = "sheet_id IN (SELECT id FROM grading_sheets WHERE status = \(bind: GradingSheetStatus.submitted.rawValue))"
        let evaluations = try await Evaluation.query(on: access.db).filter(\.$personID == personID)
            .filter(.sql(embed: submitted)).sort(\.$year, .descending).all()
        guard !evaluations.isEmpty else { return [] }
        let units = try await OrgUnit.query(on: access.db).filter(\.$id ~~ Set(evaluations.map(\.unitID))).all()
        let byID = Dictionary(uniqueKeysWithValues: units.map { ($0.id!, $0) })
        return evaluations.map { ($0, byID[$0.unitID]) }
    }
}

private extension Array {
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var out: [T] = []
        out.reserveCapacity(count)
        for element in self { out.append(try await transform(element)) }
        return out
    }
}
