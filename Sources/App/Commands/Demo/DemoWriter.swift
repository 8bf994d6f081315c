import Domain
import Fluent
import SQLKit
import Vapor

/// Writes a `DemoDataset` inside the caller's transaction: a few batched INSERTs per table, ids
/// read back by the natural keys (unit code, identity number) rather than trusting the order in
/// which a multi-row INSERT returns them, which neither SQLite nor PostgreSQL promises.
enum DemoWriter {
    struct Counts {
        var units = 0
        var people = 0
        var memberships = 0
        var positions = 0
        var documents = 0
    }

    static func write(_ data: DemoDataset, on tx: any Database) async throws -> Counts {
        let unitIDs = try await writeUnits(data, on: tx)
        let personIDs = try await writePeople(data, unitIDs: unitIDs, on: tx)
        let documents = try await writeDocuments(data, unitIDs: unitIDs, on: tx)
        // The record builders read the tree through unit_closure, so it is built before them.
        try await TreeIndex.rebuild(on: tx)
        for records in DemoRecords.all {
            try await records(tx)
        }
        for account in data.accounts {
            // An administrator made before the demo keeps their account (and its password).
            if try await User.query(on: tx).filter(\.$username == account.username).first() != nil { continue }
            _ = try await Accounts.create(AccountInput(
                username: account.username, displayName: account.displayName, role: account.role.rawValue,
                unitCode: account.unit, personID: account.person.map { personIDs[$0] }, password: DemoLoader.password),
                by: nil, on: tx)
        }
        let counts = Counts(units: data.units.count, people: data.people.count, memberships: data.memberships.count,
                            positions: data.positions.count, documents: documents)
        try await Audit.record(
            on: tx, by: nil, .create, .unit, id: nil, unit: unitIDs["TU"],
            summary: "Nạp dữ liệu mẫu (tỉnh giả định Lạc Hồng): \(counts.units) tổ chức đảng, \(counts.people) người, "
                + "\(counts.documents) văn bản chỉ đạo")
        return counts
    }

    /// Units, their successors and parent links; returns the id of each code.
    private static func writeUnits(_ data: DemoDataset, on tx: any Database) async throws -> [String: Int] {
        try await insert(data.units.map { entry in
            let unit = OrgUnit()
            unit.kindCode = entry.kind
            unit.successorID = nil
            unit.code = entry.code
            unit.name = entry.name
            unit.nameFolded = VietnameseText.fold(entry.name)
            unit.attachment = entry.attachment
            unit.foundedOn = entry.founded
            unit.dissolvedOn = entry.dissolved
            unit.note = entry.note
            return unit
        }, on: tx)
        struct Row: Decodable { let id: Int; let code: String }
        let rows = try await (tx as! any SQLDatabase).select().column("id").column("code").from(OrgUnit.schema)
            .all(decoding: Row.self)
        let ids = Dictionary(uniqueKeysWithValues: rows.map { ($0.code, $0.id) })
        for entry in data.units {
            guard let successor = entry.successor else { continue }
            try await OrgUnit.query(on: tx).filter(\.$id == ids[entry.code]!).set(\.$successorID, to: ids[successor]!).update()
        }
        try await insert(data.links.map { link in
            UnitParentLink(unitID: ids[link.unit]!, parentID: link.parent.map { ids[$0]! }, validFrom: link.from, validTo: link.to)
        }, on: tx)
        return ids
    }

    /// People, memberships and positions; returns the id of each person, by their place in `data.people`.
    private static func writePeople(_ data: DemoDataset, unitIDs: [String: Int], on tx: any Database) async throws -> [Int] {
        var currentUnit: [Int: String] = [:]
        for membership in data.memberships where membership.to == nil { currentUnit[membership.person] = membership.unit }
        try await insert(data.people.enumerated().map { index, entry in
            let person = Person()
            person.currentUnitID = currentUnit[index].map { unitIDs[$0]! }
            person.fullName = entry.fullName
            person.nameFolded = VietnameseText.fold(entry.fullName)
            person.sortKey = VietnameseText.sortKey(fullName: entry.fullName)
            person.category = entry.category
            person.gender = entry.gender
            person.partyJoinedOn = entry.joined
            person.partyOfficialOn = entry.official
            person.email = entry.email
            person.birthDate = entry.birth
            person.identityNumber = entry.identity
            person.phone = entry.phone
            person.note = ""
            return person
        }, on: tx)
        struct Row: Decodable { let id: Int; let identity_number: String }
        let rows = try await (tx as! any SQLDatabase).select().column("id").column("identity_number").from(Person.schema)
            .where("identity_number", .isNot, SQLLiteral.null).all(decoding: Row.self)
        let byIdentity = Dictionary(uniqueKeysWithValues: rows.map { ($0.identity_number, $0.id) })
        let ids = data.people.map { byIdentity[$0.identity]! }
        try await insert(data.memberships.map {
            Membership(personID: ids[$0.person], unitID: unitIDs[$0.unit]!, validFrom: $0.from, validTo: $0.to, note: $0.note)
        }, on: tx)
        try await insert(data.positions.map { entry in
            let position = Position()
            position.personID = ids[entry.person]
            position.unitID = unitIDs[entry.unit]!
            position.title = entry.title
            position.validFrom = entry.from
            position.validTo = entry.to
            return position
        }, on: tx)
        return ids
    }

    /// The Tỉnh ủy's topics under 01-KL/TW and the guidance documents; returns how many documents.
    private static func writeDocuments(_ data: DemoDataset, unitIDs: [String: Int], on tx: any Database) async throws -> Int {
        guard let programme = try await Programme.query(on: tx)
            .filter(\.$documentNumber == DemoDocuments.programmeNumber).first(), let programmeID = programme.id
        else {
            throw Abort(.internalServerError, reason: "Thiếu chương trình \(DemoDocuments.programmeNumber) (migration SeedProgrammes).")
        }
        func topic(_ entry: DemoDataset.TopicEntry, parent: Int?) -> Topic {
            let topic = Topic()
            topic.programmeID = programmeID
            topic.unitID = unitIDs[DemoDocuments.topicsUnit]!
            topic.parentTopicID = parent
            topic.kind = entry.kind
            topic.year = entry.year
            topic.endYear = entry.endYear
            topic.title = entry.title
            topic.titleFolded = VietnameseText.fold(entry.title)
            topic.description = entry.description
            return topic
        }
        let whole = topic(data.topics[0], parent: nil)
        try await whole.create(on: tx)
        try await insert(data.topics.dropFirst().map { topic($0, parent: whole.id) }, on: tx)
        try await insert(try data.guidance.map { entry in
            guard case .success(let number) = DocumentNumber.parse(entry.number) else {
                throw Abort(.internalServerError, reason: "Số văn bản mẫu không hợp lệ: \(entry.number)")
            }
            let document = GuidanceDocument()
            document.unitID = unitIDs[entry.unit]!
            document.programmeID = programmeID
            document.number = number.raw
            document.numberStyle = number.style
            document.kind = entry.kind
            document.title = entry.title
            document.titleFolded = VietnameseText.fold(entry.title)
            document.issuedOn = entry.issued
            return document
        }, on: tx)
        return data.guidance.count
    }

    /// Batched INSERTs of at most 900 bound values each: under the 999 of older SQLite builds, as
    /// `TreeIndex.rebuild` keeps, and far under PostgreSQL's 65535.
    private static func insert<M: Model>(_ models: [M], on db: any Database) async throws {
        for chunk in models.chunked(into: max(1, 900 / M.keys.count)) {
            try await Array(chunk).create(on: db)
        }
    }
}
