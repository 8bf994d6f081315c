/// One version of a unit's place in the tree: from `from` (inclusive) to `to` (exclusive, nil = still).
/// A move ends one link and starts another; links are never rewritten (DESIGN.md §2).
public struct ParentLink: Hashable, Sendable {
    public let unitID: Int
    public let parentID: Int?
    public let from: LocalDate
    public let to: LocalDate?

    public init(unitID: Int, parentID: Int?, from: LocalDate, to: LocalDate?) {
        self.unitID = unitID
        self.parentID = parentID
        self.from = from
        self.to = to
    }

    public func covers(_ day: LocalDate) -> Bool {
        from <= day && (to.map { day < $0 } ?? true)
    }
}

/// The facts of a unit that decide where it stands on a given day.
public struct UnitLifespan: Hashable, Sendable {
    public let id: Int
    public let foundedOn: LocalDate
    /// First day on which the unit no longer exists.
    public let dissolvedOn: LocalDate?
    public let successorID: Int?

    public init(id: Int, foundedOn: LocalDate, dissolvedOn: LocalDate?, successorID: Int?) {
        self.id = id
        self.foundedOn = foundedOn
        self.dissolvedOn = dissolvedOn
        self.successorID = successorID
    }

    public func exists(on day: LocalDate) -> Bool {
        foundedOn <= day && (dissolvedOn.map { day < $0 } ?? true)
    }
}
