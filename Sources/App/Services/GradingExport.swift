import Domain
import Fluent
import Vapor

/// The grades of the account's subtree (of a unit's, when given), in the gradings import's
/// columns: a member by identity number (when recorded), name and birth date with the cell whose
/// sheet graded them, an organisation by its code, so the file imports back and changes nothing.
enum GradingExport {
    static func rows(unitCode: String, year: Int?, access: Access) async throws -> [[String]] {
        try GradingService.requireReader(access)
        let (root, unknown) = try await UnitLookup.filterRoot(unitCode, access: access)
        if unknown { return [] }
        var query = Evaluation.query(on: access.db).scoped(access.subtreeFilter("unit_id"))
        if let root { query = query.filter(.sql(embed: Access.inSubtree(of: root))) }
        if let year { query = query.filter(\.$year == year) }
        let evaluations = try await query.sort(\.$year).sort(\.$unitID).sort(\.$subject).sort(\.$id).all()
        var people: [Int: Person] = [:]
        for chunk in Array(Set(evaluations.compactMap(\.personID))).chunked(into: 500) {
            for person in try await Person.query(on: access.db).filter(\.$id ~~ Array(chunk)).all() { people[person.id!] = person }
        }
        var units: [Int: OrgUnit] = [:]
        for chunk in Array(Set(evaluations.map(\.unitID) + evaluations.compactMap(\.subjectUnitID))).chunked(into: 500) {
            for unit in try await OrgUnit.query(on: access.db).filter(\.$id ~~ Array(chunk)).all() { units[unit.id!] = unit }
        }
        return evaluations.map { e in
            let person = e.personID.flatMap { people[$0] }
            let code = e.subject == .member ? units[e.unitID]?.code : e.subjectUnitID.flatMap { units[$0]?.code }
            return GradingRows.exportRow(year: e.year, subject: e.subject, unitCode: code ?? "", person: person, level: e.level,
                                         score: e.score, allTasksDone: e.allTasksDone, note: e.note)
        }
    }
}
