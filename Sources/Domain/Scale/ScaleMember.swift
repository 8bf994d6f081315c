/// The facts of a generated member that later tables depend on (when they joined, so who is
/// expected in which year), drawn from the member's own stream: any step can recompute them
/// from the seed and the id without reading the database.
public struct ScaleMember: Sendable, Equatable {
    public let id: Int
    public let gender: Gender
    public let birth: LocalDate
    public let joined: LocalDate

    public init(seed: UInt64, id: Int) {
        var random = ScaleRandom(seed: seed, stream: 2, UInt64(id))
        self.id = id
        gender = random.chance(0.58) ? .male : .female
        // About one member in twelve was admitted during 2021–2025.
        if random.chance(0.08) {
            joined = random.day(LocalDate(year: 2021, month: 1, day: 10)!, LocalDate(year: 2025, month: 10, day: 31)!)
            birth = joined.adding(days: -random.int(19 * 365...35 * 365))
        } else {
            joined = random.day(LocalDate(year: 1975, month: 1, day: 1)!, LocalDate(year: 2020, month: 12, day: 31)!)
            birth = joined.adding(days: -random.int(19 * 365...40 * 365))
        }
    }

    /// The day the member's membership starts in a unit founded on `founded`.
    public func since(_ founded: LocalDate) -> LocalDate { max(joined, founded) }

    public func isMember(on day: LocalDate) -> Bool { joined <= day }
}

extension ScaleRandom {
    /// A day in `from...to`.
    public mutating func day(_ from: LocalDate, _ to: LocalDate) -> LocalDate {
        from.adding(days: int(0...max(0, from.days(until: to))))
    }
}

/// The members of one cell over time, computed once per cell: its own people while it exists
/// and, from the 2025 merger on, those of the cells merged into it — each from the day they joined.
public struct ScaleRoster: Sendable {
    public let cell: ScaleUnit
    private let own: [ScaleMember]
    private let absorbed: [ScaleMember]

    public init(_ tree: ScaleTree, _ cell: ScaleUnit, seed: UInt64) {
        self.cell = cell
        own = cell.personIDs.map { ScaleMember(seed: seed, id: $0) }
        absorbed = (tree.absorbed[cell.id] ?? []).flatMap { tree.unit($0).personIDs.map { ScaleMember(seed: seed, id: $0) } }
    }

    public func members(on day: LocalDate) -> [ScaleMember] {
        guard cell.founded <= day, cell.dissolved.map({ day < $0 }) ?? true else { return [] }
        let present = day >= ScaleProfile.restructuring ? own + absorbed : own
        return present.filter { $0.isMember(on: day) }
    }
}
