import Domain
import Fluent
import SQLKit
import Vapor

/// The register's filters, as the list page and GET /documents take them.
struct DocumentFilter: Sendable {
    /// Words of the title or of the number, with or without diacritics.
    var q = ""
    /// A unit code: documents of that unit and of the units below it.
    var unitCode = ""
    /// Year of issue.
    var year: Int?
    var kind: GuidanceKind?
    var programmeID: Int?
}

/// One page of the register, with the units and programmes its rows name.
struct DocumentSearchResult {
    let documents: [GuidanceDocument]
    let total: Int
    let units: [Int: OrgUnit]
    let programmes: [Int: Programme]
    /// The unit code of the filter named no unit the account may read.
    let unknownUnit: Bool
}

extension DocumentService {
    /// The documents the account reads (its subtree and the levels above it: a cell reads the
    /// guidance of its superiors), filtered, newest issue date first.
    static func search(_ filter: DocumentFilter, offset: Int, limit: Int, access: Access) async throws -> DocumentSearchResult {
        let db = access.db
        let scope = try await access.subtreeOrAboveFilter("unit_id")
        var root: Int?
        let code = VietnameseText.normalize(filter.unitCode)
        if !code.isEmpty {
            guard let unit = try await OrgUnit.query(on: db).filter(\.$code == code).first(),
                  try await access.canSeeFromAbove(unit: unit.id!)
            else {
                return DocumentSearchResult(documents: [], total: 0, units: [:], programmes: [:], unknownUnit: true)
            }
            root = unit.id
        }

        func query() -> QueryBuilder<GuidanceDocument> {
            let query = GuidanceDocument.query(on: db).scoped(scope)
            if let root {
                query.filter(.sql(embed: Access.inSubtree(of: root)))
            }
            let q = VietnameseText.normalize(filter.q)
            if !q.isEmpty {
                // Titles are matched on their folded column. Numbers hold only A–Z, Đ, digits, "-"
                // and "/" (DocumentNumber), so replacing Đ by D makes them ASCII upper case: the
                // folded query in upper case then matches "34-kh/duk" to 34-KH/ĐUK on both databases.
                let pattern = VietnameseText.likePattern(forQuery: q)
                query.filter(.sql(embed: """
                    (\(ident: "title_folded") LIKE \(bind: pattern) ESCAPE '\\' \
                    OR REPLACE(\(ident: "number"), \(bind: "Đ"), 'D') LIKE \(bind: pattern.uppercased()) ESCAPE '\\')
                    """))
            }
            if let year = filter.year, let first = LocalDate(year: year, month: 1, day: 1) {
                query.filter(\.$issuedOn >= first).filter(\.$issuedOn <= LocalDate.lastOf(year: year))
            }
            if let kind = filter.kind { query.filter(\.$kind == kind) }
            if let programmeID = filter.programmeID { query.filter(\.$programmeID == programmeID) }
            return query
        }

        let total = try await query().count()
        let documents = try await query()
            .sort(\.$issuedOn, .descending).sort(\.$id, .descending)
            .range(offset..<(offset + limit))
            .all()
        let unitIDs = Array(Set(documents.map(\.unitID)))
        let units = unitIDs.isEmpty ? [] : try await OrgUnit.query(on: db).filter(\.$id ~~ unitIDs).all()
        let programmeIDs = Array(Set(documents.compactMap(\.programmeID)))
        let programmes = programmeIDs.isEmpty ? [] : try await Programme.query(on: db).filter(\.$id ~~ programmeIDs).all()
        return DocumentSearchResult(
            documents: documents, total: total,
            units: Dictionary(uniqueKeysWithValues: units.map { ($0.id!, $0) }),
            programmes: Dictionary(uniqueKeysWithValues: programmes.map { ($0.id!, $0) }),
            unknownUnit: false)
    }
}
