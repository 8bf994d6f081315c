@testable import App
import Domain

/// Records on both sides of every boundary the indicators draw, as plain Swift arrays: the test
/// writes them to the database (`IndicatorWorld+Insert`) and counts them again by hand
/// (`IndicatorWorld+Count`), never through SQL.
///
///     TU ─┬─ A ─┬─ A1 (chi bộ cơ sở)
///         │     └─ A4 (đảng bộ cơ sở, founded 15/3/2024) ── A41 (chi bộ trực thuộc)
///         └─ B ─┬─ B1 (chi bộ cơ sở)
///               └─ B2 (chi bộ cơ sở, merged into A1 on 1/7/2025)
///
/// Around them: a member who moves from B1 to A1 on 1/4/2025, one who left before 2024, one who
/// joins in November 2025, a non-member marked present; plans early and late against due dates
/// set by TU and by A; cells that skip months and quarters; records on 31/12 and 1/1.
enum IndicatorWorld {
    struct UnitSpec {
        let code: String
        let kind: String
        let parent: String?
        var founded = "2020-01-01"
        var dissolved: String?
        var successor: String?
    }

    /// The fixture tree (TU, A, A1, B, B1 from 2020) and the units added here.
    static let units: [UnitSpec] = [
        .init(code: "TU", kind: "TINH", parent: nil),
        .init(code: "A", kind: "TRUC_THUOC", parent: "TU"),
        .init(code: "A1", kind: "CB_CO_SO", parent: "A"),
        .init(code: "B", kind: "TRUC_THUOC", parent: "TU"),
        .init(code: "B1", kind: "CB_CO_SO", parent: "B"),
        .init(code: "B2", kind: "CB_CO_SO", parent: "B", dissolved: "2025-07-01", successor: "A1"),
        .init(code: "A4", kind: "DB_CO_SO", parent: "A", founded: "2024-03-15"),
        .init(code: "A41", kind: "CB_TRUC_THUOC", parent: "A4", founded: "2024-03-15"),
    ]

    /// The tree on `day`, written out by hand: B2 hangs under its successor A1 once merged.
    static func parents(on day: LocalDate) -> [String: String] {
        var parent = ["A": "TU", "A1": "A", "B": "TU", "B1": "B", "B2": day >= LocalDate("2025-07-01")! ? "A1" : "B"]
        if day >= LocalDate("2024-03-15")! { parent["A4"] = "A"; parent["A41"] = "A4" }
        return parent
    }

    struct Member {
        let name: String
        var category: PersonCategory = .partyMember
        /// (unit, from, to exclusive)
        let memberships: [(String, String, String?)]
    }

    static let members: [Member] = [
        .init(name: "a1.một", memberships: [("A1", "2020-01-01", nil)]),
        .init(name: "a1.hai", memberships: [("A1", "2020-01-01", nil)]),
        .init(name: "b1.một", memberships: [("B1", "2020-01-01", nil)]),
        .init(name: "b1.hai", memberships: [("B1", "2020-01-01", nil)]),
        .init(name: "b2.một", memberships: [("B2", "2020-01-01", "2025-07-01"), ("A1", "2025-07-01", nil)]),
        .init(name: "a41.một", memberships: [("A41", "2024-03-15", nil)]),
        .init(name: "chuyển", memberships: [("B1", "2020-01-01", "2025-04-01"), ("A1", "2025-04-01", nil)]),
        .init(name: "đã đi", memberships: [("A1", "2020-01-01", "2024-01-01")]),
        .init(name: "mới vào", memberships: [("A1", "2025-11-01", nil)]),
        .init(name: "quần chúng", category: .citizen, memberships: [("A1", "2020-01-01", nil)]),
    ]

    static let documents: [(unit: String, issued: String)] = [
        ("TU", "2024-03-01"), ("A", "2024-12-31"), ("A", "2025-01-01"), ("B", "2024-06-01"),
        ("B2", "2025-03-10"), ("A1", "2023-12-31"), ("B1", "2026-01-01"),
    ]

    struct Plan {
        let unit: String
        var scope: PlanScope = .year
        let year: Int
        let status: PlanStatus
        var firstSubmitted: String?
        /// (status, finished on)
        var goals: [(GoalStatus, String?)] = []
    }

    static let plans: [Plan] = [
        .init(unit: "TU", year: 2024, status: .approved, firstSubmitted: "2024-01-20"),
        .init(unit: "A", year: 2024, status: .submitted, firstSubmitted: "2024-02-28",
              goals: [(.completed, "2024-11-30"), (.inProgress, nil), (.completed, "2025-01-15")]),
        .init(unit: "A1", year: 2024, status: .approved, firstSubmitted: "2024-03-05"),
        .init(unit: "B", year: 2024, status: .draft),
        .init(unit: "B1", year: 2024, status: .returned, firstSubmitted: "2024-02-10"),
        .init(unit: "B2", year: 2024, status: .submitted, firstSubmitted: "2024-02-01", goals: [(.notCompleted, "2024-12-01")]),
        .init(unit: "A", year: 2025, status: .submitted, firstSubmitted: "2025-01-15"),
        .init(unit: "A1", year: 2025, status: .submitted, firstSubmitted: "2025-02-10"),
        .init(unit: "A4", year: 2025, status: .approved, firstSubmitted: "2025-01-20", goals: [(.inProgress, nil)]),
        .init(unit: "B1", year: 2025, status: .submitted, firstSubmitted: "2025-03-01"),
        .init(unit: "B2", year: 2025, status: .submitted, firstSubmitted: "2025-01-10"),
        .init(unit: "A1", scope: .term, year: 2021, status: .approved, firstSubmitted: "2021-08-01",
              goals: [(.completed, "2025-03-01"), (.inProgress, nil)]),
        .init(unit: "B1", year: 2023, status: .approved, firstSubmitted: "2023-01-10", goals: [(.completed, "2023-12-01")]),
    ]

    static let dueDates: [(unit: String, kind: DueKind, year: Int, due: String)] = [
        ("TU", .unitPlanYear, 2024, "2024-02-28"), ("TU", .unitPlanYear, 2025, "2025-02-28"),
        ("A", .unitPlanYear, 2025, "2025-01-31"),
        ("TU", .personalPlan, 2024, "2024-03-31"), ("A1", .personalPlan, 2025, "2025-02-15"),
    ]

    /// (key, unit, issued, the key it replaces)
    static let conductCodes: [(key: String, unit: String, issued: String, replaces: String?)] = [
        ("a1", "A1", "2023-05-01", nil), ("b1", "B1", "2025-03-01", nil),
        ("a4", "A4", "2024-06-01", nil), ("a4-sửa", "A4", "2025-02-01", "a4"),
        ("b2", "B2", "2022-01-01", nil), ("tu", "TU", "2025-12-31", nil),
    ]
}
