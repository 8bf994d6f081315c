import Domain
import Fluent
import Foundation
import SQLKit
import Vapor

extension PersonService {
    /// A person to write among many, already checked by `rules` against `Known`.
    enum BulkChange: Sendable {
        /// A new person in the unit, member from the day the batch is written for.
        case create(PersonFields, unitID: Int, unitName: String)
        /// A person's own facts changed; `before` is the record as it stands. Boxed: a file's
        /// changes are mostly new people, kept small.
        indirect case update(before: PersonSnapshot, PersonFields)

        var isCreate: Bool {
            if case .create = self { return true }
            return false
        }
    }

    /// The change (by index) the database refused; nothing of the batch is kept once the
    /// caller's transaction rolls back. Without an index when retrying row by row did not
    /// find it again.
    struct BulkWriteFailure: Error {
        let index: Int?
        let error: any Error
    }

    /// How many changes share a savepoint: a refusal is looked for row by row only there.
    static let bulkChunk = 2_000

    /// Writes `changes` in the caller's transaction, as `create` and `update` would one by one
    /// (the person, the first membership from `since`, an audit entry each), in multi-row
    /// INSERTs through `BatchInsert`. New people get their ids before they are written, so
    /// their memberships and audit entries go in the same statements' batches.
    func write(_ changes: [BulkChange], membershipFrom since: LocalDate) async throws {
        guard writes else { throw Abort(.forbidden, reason: Access.readOnlyMessage) }
        let sql = db as! any SQLDatabase
        // The new people's ids in order, taken by the creates in turn.
        let ids = try await Self.reserveIDs(changes.count(where: \.isCreate), on: sql)
        var used = 0
        let batch = BulkBatch(user: user, since: since, now: Date())
        for start in stride(from: 0, to: changes.count, by: Self.bulkChunk) {
            let chunk = start..<min(start + Self.bulkChunk, changes.count)
            let chunkIDs = ids[used...]
            used += changes[chunk].count(where: \.isCreate)
            try await sql.raw("SAVEPOINT bulk_people").run()
            do {
                try await batch.write(changes[chunk], ids: chunkIDs, on: sql)
                try await sql.raw("RELEASE SAVEPOINT bulk_people").run()
            } catch {
                try await sql.raw("ROLLBACK TO SAVEPOINT bulk_people").run()
                var rest = chunkIDs
                for index in chunk {
                    do { try await batch.write(changes[index...index], ids: rest, on: sql) } catch {
                        throw BulkWriteFailure(index: index, error: error)
                    }
                    if changes[index].isCreate { rest = rest.dropFirst() }
                }
                throw BulkWriteFailure(index: nil, error: error)
            }
        }
    }

    /// `count` ids for new people: taken from PostgreSQL's sequence (other writers keep theirs),
    /// after the highest id on SQLite (one writer at a time, the transaction holds it).
    private static func reserveIDs(_ count: Int, on sql: any SQLDatabase) async throws -> [Int] {
        guard count > 0 else { return [] }
        struct Row: Decodable { let id: Int }
        if sql.dialect.name == "postgresql" {
            return try await sql.raw("""
                SELECT nextval(pg_get_serial_sequence(\(literal: Person.schema), 'id')) AS id FROM generate_series(1, \(bind: count))
                """).all(decoding: Row.self).map(\.id).sorted()
        }
        let highest = try await sql.raw("SELECT COALESCE(MAX(id), 0) AS id FROM \(ident: Person.schema)").first(decoding: Row.self)?.id ?? 0
        return Array(highest + 1 ... highest + count)
    }
}

/// One batch's statements: people, memberships and audit entries as multi-row INSERTs, updates
/// one statement each.
private struct BulkBatch {
    let user: CurrentUser
    let since: LocalDate
    let now: Date

    static let personColumns = [
        "id", "created_at", "updated_at", "current_unit_id", "full_name", "name_folded", "sort_key", "category", "gender",
        "party_joined_on", "party_official_on", "email", "birth_date", "identity_number", "phone", "note",
    ]
    static let membershipColumns = ["person_id", "unit_id", "valid_from", "valid_to", "note"]
    static let auditColumns = [
        "at", "user_id", "username", "action", "entity_type", "entity_id", "unit_id", "summary", "before_json", "after_json",
    ]

    /// Writes `changes`; the new people among them take `ids` in order.
    func write(_ changes: ArraySlice<PersonService.BulkChange>, ids: ArraySlice<Int>, on sql: any SQLDatabase) async throws {
        var ids = ids.makeIterator()
        var people = BatchInsert(into: Person.schema, columns: Self.personColumns)
        var memberships = BatchInsert(into: Membership.schema, columns: Self.membershipColumns)
        var audit = BatchInsert(into: AuditEntry.schema, columns: Self.auditColumns)
        func json(_ snapshot: PersonSnapshot) throws -> String { try Audit.json(snapshot) }
        for change in changes {
            switch change {
            case .create(let f, let unitID, let unitName):
                guard let id = ids.next() else { throw Abort(.internalServerError) }
                people.append([
                    id, now, now, unitID, f.fullName, f.nameFolded, f.sortKey, f.category.rawValue, f.gender?.rawValue,
                    f.partyJoinedOn?.iso, f.partyOfficialOn?.iso, f.email, f.birthDate?.iso, f.identityNumber, f.phone, f.note,
                ])
                memberships.append([id, unitID, since.iso, String?.none, ""])
                audit.append(entry(.create, id: id, unit: unitID, summary: "Thêm \(f.fullName) vào \(unitName) từ \(VietnameseFormat.date(since))",
                                   before: nil, after: try json(PersonSnapshot(f, id: id, currentUnitID: unitID))))
            case .update(let before, let f):
                guard let id = before.id else { throw Abort(.internalServerError) }
                try await sql.update(Person.schema)
                    .set("full_name", to: f.fullName).set("name_folded", to: f.nameFolded).set("sort_key", to: f.sortKey)
                    .set("category", to: f.category.rawValue).set("gender", to: f.gender?.rawValue)
                    .set("party_joined_on", to: f.partyJoinedOn?.iso).set("party_official_on", to: f.partyOfficialOn?.iso)
                    .set("email", to: f.email).set("birth_date", to: f.birthDate?.iso).set("identity_number", to: f.identityNumber)
                    .set("phone", to: f.phone).set("note", to: f.note).set("updated_at", to: now)
                    .where("id", .equal, id).run()
                audit.append(entry(.update, id: id, unit: before.currentUnitID, summary: "Cập nhật thông tin \(f.fullName)",
                                   before: try json(before), after: try json(PersonSnapshot(f, id: id, currentUnitID: before.currentUnitID))))
            }
        }
        try await people.flush(on: sql)
        try await memberships.flush(on: sql)
        try await audit.flush(on: sql)
    }

    /// An audit entry's values, as `Audit.record` writes them.
    private func entry(_ action: Audit.Action, id: Int, unit: Int?, summary: String, before: String?, after: String) -> [any Encodable & Sendable] {
        [now, user.id, user.username, action.rawValue, Audit.Entity.person.rawValue, id, unit, summary, before, after]
    }
}
