/// The numbers of one data scale (DESIGN.md §7): the tree, the people, and how many records of
/// each kind a unit holds a year. `province` is the scale the benchmarks run on; `demo` is the
/// same generator small, so growth between the two can be measured.
public struct ScaleProfile: Sendable, Equatable {
    public let name: String
    /// Đảng bộ trực thuộc the Tỉnh ủy.
    public let branches: Int
    /// TCCS (đảng bộ cơ sở and chi bộ cơ sở).
    public let grassroots: Int
    /// Of the TCCS, those that are chi bộ cơ sở (a cell themselves).
    public let cellGrassroots: Int
    /// Every chi bộ: the chi bộ cơ sở and the chi bộ trực thuộc of the đảng bộ cơ sở.
    public let cells: Int
    public let people: Int
    /// TCCS a branch holds, and chi bộ a đảng bộ cơ sở holds.
    public let grassrootsPerBranch: ClosedRange<Int>
    public let cellsPerGrassroots: ClosedRange<Int>
    /// The 2025 restructuring: branches dissolved on `restructuring` (their TCCS move under a
    /// successor), and cells merged into a neighbour the same day.
    public let dissolvedBranches: Int
    public let mergedCells: Int
    public let commendationsPerYear: Int
    public let outreachPerYear: Int

    public let years: ClosedRange<Int> = 2021...2025
    public let cellSize: ClosedRange<Int> = 5...60
    public let studySessionsPerGrassrootsYear = 2
    public static let origin = LocalDate(year: 2016, month: 1, day: 1)!
    public static let restructuring = LocalDate(year: 2025, month: 7, day: 1)!

    public static let province = ScaleProfile(
        name: "province", branches: 120, grassroots: 1_000, cellGrassroots: 300, cells: 12_000, people: 250_000,
        grassrootsPerBranch: 2...30, cellsPerGrassroots: 2...60, dissolvedBranches: 12, mergedCells: 60,
        commendationsPerYear: 12_000, outreachPerYear: 20_000)

    public static let demo = ScaleProfile(
        name: "demo", branches: 4, grassroots: 8, cellGrassroots: 3, cells: 28, people: 600,
        grassrootsPerBranch: 1...4, cellsPerGrassroots: 2...8, dissolvedBranches: 1, mergedCells: 1,
        commendationsPerYear: 30, outreachPerYear: 48)

    public static func named(_ name: String) -> ScaleProfile? {
        [province, demo].first { $0.name == name }
    }

    /// Units in the tree: the Tỉnh ủy, branches, TCCS and the chi bộ trực thuộc.
    public var units: Int { 1 + branches + grassroots + cells - cellGrassroots }
}
