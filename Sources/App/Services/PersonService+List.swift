import Domain
import Fluent
import SQLKit
import Vapor

extension PersonService {
    /// What a list of people is narrowed by; every part is optional.
    struct Filter: Sendable, Equatable {
        /// Free text matched against the folded name, so "nguyen van a" finds "Nguyễn Văn A".
        var query = ""
        /// Root of a subtree: people whose current unit lies anywhere under it.
        var unitID: Int?
        var category: PersonCategory?
        /// People holding an open position with this title.
        var title: PositionTitle?
    }

    struct Row: Sendable {
        let id: Int
        let fullName: String
        let category: PersonCategory
        let unitID: Int?
        let unitName: String?
        let partyJoinedOn: LocalDate?
    }

    struct ListPage: Sendable {
        let rows: [Row]
        let total: Int
    }

    /// One page of the people in scope matching `filter`, in Vietnamese name order.
    /// Members have no list: they see only their own record.
    func list(_ filter: Filter, page: Int, perPage: Int, today: LocalDate = .today()) async throws -> ListPage {
        guard user.role.seesUnits else { throw Abort(.forbidden, reason: Access.readOnlyMessage) }
        if let unitID = filter.unitID { try await access.requireRead(unit: unitID) }
        let total = try await matching(filter, today: today).count()
        let people = try await matching(filter, today: today).sort(\.$sortKey).sort(\.$id)
            .offset((max(1, page) - 1) * perPage).limit(perPage).all()
        let units = try await unitsByID(Set(people.compactMap(\.currentUnitID)))
        let rows = people.map { p in
            Row(id: p.id!, fullName: p.fullName, category: p.category, unitID: p.currentUnitID,
                unitName: p.currentUnitID.flatMap { units[$0]?.name }, partyJoinedOn: p.partyJoinedOn)
        }
        return ListPage(rows: rows, total: total)
    }

    /// The people in scope matching `filter`, unsorted: the list pages it, the export takes all.
    func matching(_ filter: Filter, today: LocalDate = .today()) -> QueryBuilder<Person> {
        var query = Person.query(on: db).scoped(access.subtreeFilter("current_unit_id"))
        let text = VietnameseText.normalize(filter.query)
        if !text.isEmpty {
            // name_folded is folded in Swift on every write: SQLite's LIKE folds only ASCII.
            query = query.filter(.sql(embed:
                "\(ident: "name_folded") LIKE \(bind: VietnameseText.likePattern(forQuery: text)) ESCAPE '\\'"))
        }
        if let unitID = filter.unitID {
            query = query.filter(.sql(embed:
                Access.inSubtree(of: unitID, column: "current_unit_id")))
        }
        if let category = filter.category {
            query = query.filter(\.$category == category)
        }
        if let title = filter.title {
            // Dates are ISO text, so text comparison is date order on both databases.
            query = query.filter(.sql(embed: """
                \(ident: "id") IN (SELECT person_id FROM positions WHERE title = \(bind: title.rawValue) \
                AND (valid_to IS NULL OR valid_to > \(bind: today.iso)))
                """))
        }
        return query
    }
}
