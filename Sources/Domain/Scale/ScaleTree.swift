/// One unit of a generated province. Ids are the order of `ScaleTree.units` from 1 (the generator
/// writes into an empty database and gives every row its id).
public struct ScaleUnit: Sendable {
    public enum Level: Sendable { case root, branch, grassroots, cell }

    public let id: Int
    public let level: Level
    public let code: String
    public let name: String
    public let kind: String
    public let attachment: UnitAttachment
    public let founded: LocalDate
    public internal(set) var dissolved: LocalDate?
    public internal(set) var successorID: Int?
    public internal(set) var links: [ParentLink] = []
    /// The TCCS the unit belongs to (itself for a TCCS); nil above.
    public let grassrootsID: Int?
    /// Cells: the people recorded in it, ids `firstPerson ..< firstPerson + people`.
    public internal(set) var people = 0
    public internal(set) var firstPerson = 0

    public var isCell: Bool { kind == "CB_CO_SO" || kind == "CB_TRUC_THUOC" }
    /// A unit that writes yearly plans (not a chi bộ trực thuộc).
    public var makesPlans: Bool { kind != "CB_TRUC_THUOC" }
    public var personIDs: Range<Int> { firstPerson..<(firstPerson + people) }

    public func exists(in year: Int) -> Bool {
        founded <= LocalDate.lastOf(year: year) && (dissolved.map { $0 > LocalDate.firstOf(year: year) } ?? true)
    }

    /// The first day of `month` (1–12) of `year` falls before the unit's end and the month's last day after its founding.
    public func exists(year: Int, month: Int) -> Bool {
        let first = LocalDate(year: year, month: month, day: 1)!
        return founded <= first.adding(months: 1).adding(days: -1) && (dissolved.map { $0 > first } ?? true)
    }
}

/// The tree of a generated province, pure and fixed by the seed: skewed sizes at every level,
/// and the 2025 restructuring (branches dissolved into successors, cells merged).
public struct ScaleTree: Sendable {
    public let profile: ScaleProfile
    public private(set) var units: [ScaleUnit] = []
    /// Cell id → the cells merged into it in 2025.
    public private(set) var absorbed: [Int: [Int]] = [:]

    public init(profile: ScaleProfile, seed: UInt64) {
        self.profile = profile
        var random = ScaleRandom(seed: seed, stream: 1)
        let perBranch = ScaleDistribution.sizes(total: profile.grassroots, parts: profile.branches,
                                                bounds: profile.grassrootsPerBranch, skew: 1.6, random: &random)
        let committees = profile.grassroots - profile.cellGrassroots
        let perCommittee = ScaleDistribution.sizes(total: profile.cells - profile.cellGrassroots, parts: committees,
                                                   bounds: profile.cellsPerGrassroots, skew: 1.8, random: &random)
        let people = ScaleDistribution.sizes(total: profile.people, parts: profile.cells, bounds: profile.cellSize,
                                             skew: 2.0, random: &random)
        build(perBranch: perBranch, perCommittee: perCommittee, people: people, random: &random)
        restructure()
    }

    public func unit(_ id: Int) -> ScaleUnit { units[id - 1] }

    public var cells: [ScaleUnit] { units.filter(\.isCell) }
    public var grassroots: [ScaleUnit] { units.filter { $0.level == .grassroots } }

    /// The cells of a TCCS (itself, for a chi bộ cơ sở).
    public func cells(of grassroots: ScaleUnit) -> [ScaleUnit] {
        units[(grassroots.id - 1)...].prefix { $0.grassrootsID == grassroots.id }.filter(\.isCell)
    }

    /// The cells a unit was made with (before the 2025 restructuring), and their people's ids.
    public func originalCells(under unit: ScaleUnit) -> [ScaleUnit] {
        switch unit.level {
        case .root: units.filter(\.isCell)
        case .branch: units[unit.id...].prefix { $0.level != .branch }.filter(\.isCell)
        case .grassroots: cells(of: unit)
        case .cell: [unit]
        }
    }

    public func personRange(under unit: ScaleUnit) -> Range<Int> {
        let cells = originalCells(under: unit)
        guard let first = cells.first, let last = cells.last else { return 0..<0 }
        return first.firstPerson..<(last.firstPerson + last.people)
    }

    /// The units of each branch in tree order (the root alone first): the generator's transactions.
    public var groups: [ArraySlice<ScaleUnit>] {
        let starts = units.filter { $0.level == .branch }.map(\.id) + [units.count + 1]
        return [units[0..<1]] + zip(starts, starts.dropFirst()).map { units[($0 - 1)..<($1 - 1)] }
    }

    private mutating func add(_ level: ScaleUnit.Level, _ code: String, _ name: String, _ kind: String,
                              _ attachment: UnitAttachment, parent: Int?, grassroots: Int? = nil) -> Int {
        let id = units.count + 1
        var unit = ScaleUnit(id: id, level: level, code: code, name: name, kind: kind, attachment: attachment,
                             founded: ScaleProfile.origin, grassrootsID: level == .grassroots ? id : grassroots)
        unit.links = [ParentLink(unitID: id, parentID: parent, from: ScaleProfile.origin, to: nil)]
        units.append(unit)
        return id
    }

    private mutating func build(perBranch: [Int], perCommittee: [Int], people: [Int], random: inout ScaleRandom) {
        let root = add(.root, "TU", "Tỉnh ủy \(ScaleNames.province)", "TINH", .other, parent: nil)
        var grassrootsIndex = 0, committeeIndex = 0, cellIndex = 0, nextPerson = 1
        func placeCell(_ id: Int) {
            units[id - 1].people = people[cellIndex]
            units[id - 1].firstPerson = nextPerson
            nextPerson += people[cellIndex]
            cellIndex += 1
        }
        for (b, count) in perBranch.enumerated() {
            let branchKind = b < profile.dissolvedBranches ? ScaleNames.BranchKind.district : ScaleNames.BranchKind.of(b)
            let branchCode = branchKind.prefix + ScaleNames.pad(b + 1, 3)
            let branch = add(.branch, branchCode, branchKind.name(ScaleNames.place(b)), "TRUC_THUOC", branchKind.attachment, parent: root)
            for g in 0..<count {
                // Chi bộ cơ sở spread evenly among the TCCS.
                let isCell = (grassrootsIndex + 1) * profile.cellGrassroots / profile.grassroots
                    != grassrootsIndex * profile.cellGrassroots / profile.grassroots
                grassrootsIndex += 1
                let code = branchCode + "-" + ScaleNames.pad(g + 1, 3)
                let place = ScaleNames.place(grassrootsIndex * 7 + g)
                if isCell {
                    let agency = ScaleNames.agency(grassrootsIndex)
                    let id = add(.grassroots, code, "Chi bộ \(agency)", "CB_CO_SO", .agency, parent: branch)
                    placeCell(id)
                    continue
                }
                let commune = random.chance(0.6)
                let id = add(.grassroots, code, commune ? "Đảng ủy xã \(place)" : "Đảng bộ \(ScaleNames.agency(grassrootsIndex))",
                             "DB_CO_SO", commune ? .commune : .agency, parent: branch)
                for c in 0..<perCommittee[committeeIndex] {
                    let name = commune ? "Chi bộ thôn \(ScaleNames.place(cellIndex * 3 + c))" : "Chi bộ \(ScaleNames.office(c))"
                    let cell = add(.cell, code + "-" + ScaleNames.pad(c + 1, 2), name, "CB_TRUC_THUOC",
                                   commune ? .commune : .agency, parent: id, grassroots: id)
                    placeCell(cell)
                }
                committeeIndex += 1
            }
        }
    }

    /// On 2025-07-01 the first branches (the district committees) end: each is succeeded by a
    /// surviving branch, under which its TCCS now stand. Some cells merge into the cell before them.
    private mutating func restructure() {
        let day = ScaleProfile.restructuring
        let branches = units.filter { $0.level == .branch }
        let survivors = branches.dropFirst(profile.dissolvedBranches)
        for (i, branch) in branches.prefix(profile.dissolvedBranches).enumerated() {
            let successor = survivors[survivors.startIndex + i % survivors.count]
            end(branch.id, on: day, successor: successor.id)
            for child in units where child.links.last?.parentID == branch.id {
                move(child.id, under: successor.id, on: day)
            }
        }
        // Merged cells: the second cell of every n-th đảng bộ cơ sở with at least three cells.
        let candidates = grassroots.filter { $0.kind == "DB_CO_SO" && cells(of: $0).count >= 3 }
        let step = max(1, candidates.count / max(1, profile.mergedCells))
        for committee in stride(from: 0, to: candidates.count, by: step).prefix(profile.mergedCells).map({ candidates[$0] }) {
            let own = cells(of: committee)
            end(own[1].id, on: day, successor: own[0].id)
            absorbed[own[0].id, default: []].append(own[1].id)
        }
    }

    private mutating func end(_ id: Int, on day: LocalDate, successor: Int?) {
        units[id - 1].dissolved = day
        units[id - 1].successorID = successor
        let last = units[id - 1].links.removeLast()
        units[id - 1].links.append(ParentLink(unitID: id, parentID: last.parentID, from: last.from, to: day))
    }

    private mutating func move(_ id: Int, under parent: Int, on day: LocalDate) {
        let last = units[id - 1].links.removeLast()
        units[id - 1].links += [ParentLink(unitID: id, parentID: last.parentID, from: last.from, to: day),
                                ParentLink(unitID: id, parentID: parent, from: day, to: nil)]
    }
}
