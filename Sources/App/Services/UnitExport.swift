import Domain
import Fluent
import Spreadsheets
import Vapor

/// The units of `/don-vi` as filtered (the tree of a day, or a search), every one of them, in
/// the import's columns: parents before children, the parent as the tree holds it today.
enum UnitExport {
    static func rows(query: String, day: LocalDate, service: UnitService) async throws -> [[String]] {
        let ids: [Int]
        if query.isEmpty {
            ids = try await service.tree(on: day).nodes.map(\.id)
        } else {
            ids = try await service.search(query, page: 1, perPage: 1_000_000).units.compactMap(\.id)
        }
        let db = service.db
        var units: [Int: OrgUnit] = [:]
        var parents: [Int: Int] = [:]
        for chunk in ids.chunked(into: 500) {
            for unit in try await OrgUnit.query(on: db).filter(\.$id ~~ Array(chunk)).all() { units[unit.id!] = unit }
            // The latest link is the parent the import compares with.
            var latest: [Int: UnitParentLink] = [:]
            for link in try await UnitParentLink.query(on: db).filter(\.$unitID ~~ Array(chunk)).all()
            where latest[link.unitID].map({ $0.validFrom < link.validFrom }) ?? true {
                latest[link.unitID] = link
            }
            for (id, link) in latest { parents[id] = link.parentID }
        }
        let parentIDs = Array(Set(parents.values).subtracting(units.keys))
        var codes = units.mapValues(\.code)
        for chunk in parentIDs.chunked(into: 500) {
            for unit in try await OrgUnit.query(on: db).filter(\.$id ~~ Array(chunk)).all() { codes[unit.id!] = unit.code }
        }
        let kinds = try await service.kindsByCode()
        return ids.compactMap { id in
            guard let unit = units[id] else { return nil }
            return [
                unit.code, unit.name, kinds[unit.kindCode]?.name ?? unit.kindCode,
                parents[id].flatMap { codes[$0] } ?? "", SheetExport.date(unit.foundedOn),
                SheetExport.date(unit.dissolvedOn), unit.attachment.label, unit.note,
            ]
        }
    }
}
