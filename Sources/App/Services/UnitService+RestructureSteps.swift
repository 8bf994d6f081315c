import Domain
import Fluent
import Vapor

/// What hangs on a unit now: the open links of its living child units, the open memberships
/// of its people and its open positions. A merge or dissolution moves or ends each of them.
struct Holdings: Sendable {
    let childLinks: [UnitParentLink]
    let memberships: [Membership]
    let positions: [Position]

    var childIDs: [Int] { childLinks.map(\.unitID) }
    var personIDs: [Int] { memberships.map(\.personID) }
    var positionIDs: [Int] { positions.compactMap(\.id) }

    static func load(of unitID: Int, on db: any Database) async throws -> Holdings {
        let links = try await UnitParentLink.query(on: db).filter(\.$parentID == unitID).filter(\.$validTo == nil).all()
        var living: Set<Int> = []
        for chunk in links.map(\.unitID).chunked(into: UnitService.idChunk) {
            let ids = try await OrgUnit.query(on: db).filter(\.$id ~~ Array(chunk)).filter(\.$dissolvedOn == nil).all(\.$id)
            living.formUnion(ids)
        }
        let memberships = try await Membership.query(on: db).filter(\.$unitID == unitID).filter(\.$validTo == nil).all()
        let positions = try await Position.query(on: db).filter(\.$unitID == unitID).filter(\.$validTo == nil).all()
        return Holdings(childLinks: links.filter { living.contains($0.unitID) }, memberships: memberships, positions: positions)
    }

    /// The latest day on which something now held started.
    var latestStart: LocalDate? {
        (childLinks.map(\.validFrom) + memberships.map(\.validFrom) + positions.map(\.validFrom)).max()
    }
}

extension UnitService {
    /// Keeps `IN (…)` lists well under every database's parameter limit.
    static let idChunk = 500

    static func failure(_ problem: TreeChangeError, targetField: String) -> InvalidInput {
        InvalidInput([.init(field: problem.field == "target" ? targetField : problem.field, message: problem.message)])
    }

    /// The unit's current (open) link: the latest one, which a change ends.
    static func openLink(of unitID: Int, on db: any Database) async throws -> UnitParentLink? {
        try await UnitParentLink.query(on: db).filter(\.$unitID == unitID).filter(\.$validTo == nil)
            .sort(\.$validFrom, .descending).first()
    }

    /// A target already dissolved, even later than the effective day, cannot take anything in:
    /// what it takes would stay under a unit that no longer exists.
    static func requireLasting(_ target: OrgUnit, role: TargetRole) throws {
        if let end = target.dissolvedOn {
            throw InvalidInput([.init(field: role.idField, message: "\(target.name) (\(target.code)) đã giải thể hoặc sáp nhập từ ngày \(VietnameseFormat.date(end)), không thể tiếp nhận đơn vị.")])
        }
    }

    /// A change ends rows on its effective day, so each must have started before it.
    static func requireAfterOpenRecords(_ day: LocalDate, open: UnitParentLink?, held: Holdings) throws {
        if let open, day <= open.validFrom {
            throw failure(.notAfterCurrentLink, targetField: "effectiveOn")
        }
        if let latest = held.latestStart, day <= latest {
            throw InvalidInput([.init(field: "effectiveOn", message: "Ngày có hiệu lực phải sau ngày bắt đầu của các đơn vị trực thuộc, sinh hoạt và chức vụ hiện có tại đơn vị (gần nhất: \(VietnameseFormat.date(latest))).")])
        }
    }

    static func endLink(_ link: UnitParentLink?, on day: LocalDate, _ tx: any Database) async throws {
        guard let link else { return }
        link.validTo = day
        try await link.save(on: tx)
    }

    /// Ends each child's open link on `day` and starts one under `parentID`, with a move entry each.
    static func moveChildren(_ links: [UnitParentLink], to parentID: Int?, on day: LocalDate, by actor: CurrentUser,
                             reason: String, _ tx: any Database) async throws {
        guard !links.isEmpty else { return }
        var units: [Int: OrgUnit] = [:]
        for chunk in links.map(\.unitID).chunked(into: idChunk) {
            for unit in try await OrgUnit.query(on: tx).filter(\.$id ~~ Array(chunk)).all() { units[unit.id!] = unit }
        }
        for link in links {
            guard let child = units[link.unitID] else { continue }
            let before = UnitAuditSnapshot(child, parentID: link.parentID, parentSince: link.validFrom).with(effectiveOn: day)
            try await endLink(link, on: day, tx)
            try await UnitParentLink(unitID: link.unitID, parentID: parentID, validFrom: day).create(on: tx)
            try await Audit.record(on: tx, by: actor, .move, .unit, id: link.unitID, unit: link.unitID,
                                   summary: "Chuyển \(child.name) (\(child.code)) do \(reason), từ ngày \(VietnameseFormat.date(day))",
                                   before: before, after: UnitAuditSnapshot(child, parentID: parentID, parentSince: day).with(effectiveOn: day))
        }
    }

    /// Transfers (chuyển sinh hoạt) every open membership of `unit` to `successor` from `day`:
    /// the old row ends, a new one starts, and `Person.currentUnitID` follows.
    static func transferMembers(_ memberships: [Membership], from unit: OrgUnit, to successor: OrgUnit, on day: LocalDate,
                                by actor: CurrentUser, _ tx: any Database) async throws {
        guard !memberships.isEmpty else { return }
        let successorID = successor.id!
        let note = "Sáp nhập \(unit.name) vào \(successor.name)"
        for chunk in memberships.chunked(into: idChunk) {
            try await Membership.query(on: tx).filter(\.$id ~~ chunk.compactMap(\.id)).set(\.$validTo, to: day).update()
            try await Person.query(on: tx).filter(\.$id ~~ chunk.map(\.personID)).set(\.$currentUnitID, to: successorID).update()
            let started = chunk.map { Membership(personID: $0.personID, unitID: successorID, validFrom: day, note: note) }
            try await started.create(on: tx)
        }
        for membership in memberships {
            try await Audit.record(
                on: tx, by: actor, .transfer, .person, id: membership.personID, unit: successorID,
                summary: "Chuyển sinh hoạt từ \(unit.name) sang \(successor.name) do sáp nhập, từ ngày \(VietnameseFormat.date(day))",
                before: MembershipAuditSnapshot(personID: membership.personID, unitID: membership.unitID,
                                                validFrom: membership.validFrom.iso, validTo: nil),
                after: MembershipAuditSnapshot(personID: membership.personID, unitID: successorID, validFrom: day.iso, validTo: nil))
        }
    }

    /// The posts of a unit that ends end with it.
    static func endPositions(_ positions: [Position], on day: LocalDate, _ tx: any Database) async throws {
        for chunk in positions.compactMap(\.id).chunked(into: idChunk) {
            try await Position.query(on: tx).filter(\.$id ~~ Array(chunk)).set(\.$validTo, to: day).update()
        }
    }
}
