import Domain
import Fluent
import Vapor

/// Everything the unit page and `GET /units/{id}` show of one unit, as plain values.
struct UnitDetail: Sendable {
    struct ParentPeriod: Sendable {
        let parent: UnitRef?
        let from: LocalDate
        let to: LocalDate?
    }

    struct Child: Sendable {
        let unit: UnitRef
        let kindName: String
        let since: LocalDate
    }

    struct Merged: Sendable {
        let unit: UnitRef
        let dissolvedOn: LocalDate?
    }

    struct Post: Sendable {
        let title: PositionTitle
        let personID: Int
        let personName: String
        let since: LocalDate
    }

    let ref: UnitRef
    let kindCode: String
    let kindName: String
    let attachment: UnitAttachment
    let foundedOn: LocalDate
    let dissolvedOn: LocalDate?
    let successor: UnitRef?
    let note: String
    /// Oldest first.
    let parentHistory: [ParentPeriod]
    /// Parent today (nil for a root, or once dissolved).
    let currentParent: UnitRef?
    let children: [Child]
    let merged: [Merged]
    let peopleCount: Int
    let posts: [Post]
    /// Units named on the page that the account may open.
    let linkable: Set<Int>

    func isExisting(on day: LocalDate) -> Bool {
        foundedOn <= day && (dissolvedOn.map { day < $0 } ?? true)
    }
}

extension UnitService {
    func detail(_ id: Int, today: LocalDate = .today()) async throws -> UnitDetail {
        try await access.requireRead(unit: id)
        guard let unit = try await OrgUnit.find(id, on: db) else { throw Abort(.notFound) }
        let kinds = try await kindsByCode()
        let links = try await UnitParentLink.query(on: db).filter(\.$unitID == id).sort(\.$validFrom).all()
        // Children today, and those already placed here from a later day.
        let childLinks = try await UnitParentLink.query(on: db).filter(\.$parentID == id)
            .group(.or) { $0.filter(\.$validTo == nil).filter(\.$validTo > today) }.all()
        let merged = try await OrgUnit.query(on: db).filter(\.$successorID == id).sort(\.$dissolvedOn).sort(\.$code).all()
        let peopleCount = try await Person.query(on: db).filter(\.$currentUnitID == id).count()
        let positions = try await Position.query(on: db).filter(\.$unitID == id).filter(\.$validTo == nil).sort(\.$validFrom).all()

        var referenced = Set(links.compactMap(\.parentID) + childLinks.map(\.unitID))
        if let successor = unit.successorID { referenced.insert(successor) }
        var units: [Int: OrgUnit] = [:]
        for chunk in Array(referenced).chunked(into: Self.idChunk) {
            for other in try await OrgUnit.query(on: db).filter(\.$id ~~ Array(chunk)).all() { units[other.id!] = other }
        }
        var people: [Int: Person] = [:]
        for chunk in Array(Set(positions.map(\.personID))).chunked(into: Self.idChunk) {
            for person in try await Person.query(on: db).filter(\.$id ~~ Array(chunk)).all() { people[person.id!] = person }
        }
        let linkable = try await visible(Array(referenced) + merged.compactMap(\.id))

        let children = childLinks.compactMap { link -> UnitDetail.Child? in
            guard let child = units[link.unitID], child.dissolvedOn.map({ $0 > today }) ?? true else { return nil }
            return .init(unit: UnitRef(child), kindName: kinds[child.kindCode]?.name ?? child.kindCode, since: link.validFrom)
        }.sorted { (VietnameseText.fold($0.unit.name), $0.unit.code) < (VietnameseText.fold($1.unit.name), $1.unit.code) }
        let current = links.first { $0.link.covers(today) }?.parentID.flatMap { units[$0] }
        let posts = positions.compactMap { position -> UnitDetail.Post? in
            guard let person = people[position.personID] else { return nil }
            return .init(title: position.title, personID: position.personID, personName: person.fullName, since: position.validFrom)
        }.sorted { (PositionTitle.allCases.firstIndex(of: $0.title) ?? 0, $0.since) < (PositionTitle.allCases.firstIndex(of: $1.title) ?? 0, $1.since) }

        return UnitDetail(
            ref: UnitRef(unit), kindCode: unit.kindCode, kindName: kinds[unit.kindCode]?.name ?? unit.kindCode,
            attachment: unit.attachment, foundedOn: unit.foundedOn, dissolvedOn: unit.dissolvedOn,
            successor: unit.successorID.flatMap { units[$0] }.map(UnitRef.init), note: unit.note,
            parentHistory: links.map { .init(parent: $0.parentID.flatMap { units[$0] }.map(UnitRef.init), from: $0.validFrom, to: $0.validTo) },
            currentParent: current.map(UnitRef.init), children: children,
            merged: merged.map { .init(unit: UnitRef($0), dissolvedOn: $0.dissolvedOn) },
            peopleCount: peopleCount, posts: posts, linkable: linkable)
    }

    /// What a restructure form shows before asking: how many units and people it would move.
    func holdings(of id: Int) async throws -> Holdings {
        try await Holdings.load(of: id, on: db)
    }
}
