import Testing
@testable import Domain

/// The tree on a day, from lifespans and versioned parent links (DESIGN.md §2).
///
///     1 TU ── 2 A ── 4 A1
///          └─ 3 B ── 5 B1
///     A1 moves under B on 2023-01-01; B1 merges into B on 2024-01-01;
///     6 C is founded under TU on 2026-01-01.
@Suite struct OrgTreeTests {
    let d2020 = LocalDate(year: 2020, month: 1, day: 1)!
    let d2023 = LocalDate(year: 2023, month: 1, day: 1)!
    let d2024 = LocalDate(year: 2024, month: 1, day: 1)!
    let d2026 = LocalDate(year: 2026, month: 1, day: 1)!

    var units: [UnitLifespan] {
        [
            UnitLifespan(id: 1, foundedOn: d2020, dissolvedOn: nil, successorID: nil),
            UnitLifespan(id: 2, foundedOn: d2020, dissolvedOn: nil, successorID: nil),
            UnitLifespan(id: 3, foundedOn: d2020, dissolvedOn: nil, successorID: nil),
            UnitLifespan(id: 4, foundedOn: d2020, dissolvedOn: nil, successorID: nil),
            UnitLifespan(id: 5, foundedOn: d2020, dissolvedOn: d2024, successorID: 3),
            UnitLifespan(id: 6, foundedOn: d2026, dissolvedOn: nil, successorID: nil),
        ]
    }

    var links: [ParentLink] {
        [
            ParentLink(unitID: 1, parentID: nil, from: d2020, to: nil),
            ParentLink(unitID: 2, parentID: 1, from: d2020, to: nil),
            ParentLink(unitID: 3, parentID: 1, from: d2020, to: nil),
            ParentLink(unitID: 4, parentID: 2, from: d2020, to: d2023),
            ParentLink(unitID: 4, parentID: 3, from: d2023, to: nil),
            ParentLink(unitID: 5, parentID: 3, from: d2020, to: d2024),
            ParentLink(unitID: 6, parentID: 1, from: d2026, to: nil),
        ]
    }

    func tree(_ day: LocalDate, future: Bool = false) -> OrgTree {
        OrgTree(day: day, units: units, links: links, includingFuture: future)
    }

    @Test func unitHangsUnderItsParentOfTheDay() {
        // setup
        let before = tree(LocalDate(year: 2022, month: 12, day: 31)!)
        let after = tree(d2023)
        // assert
        #expect(before.parentOf[4] == 2)
        #expect(after.parentOf[4] == 3)
        #expect(before.children(of: 2) == [4])
        #expect(after.children(of: 2).isEmpty)
        #expect(Set(after.children(of: 3)) == [4, 5])
        #expect(after.roots == [1])
        #expect(after.ancestors(of: 4) == [3, 1])
        #expect(before.isInSubtree(4, of: 2) && !after.isInSubtree(4, of: 2))
    }

    @Test func dissolvedUnitHangsUnderItsSuccessor() {
        // setup: on 2025 B1 no longer exists; its records count through B
        let later = tree(LocalDate(year: 2025, month: 6, day: 1)!)
        // assert
        #expect(later.unitIDs.contains(5))
        #expect(later.parentOf[5] == 3)
        #expect(later.isInSubtree(5, of: 3))
        #expect(!later.isInSubtree(5, of: 2))
    }

    @Test func dissolvedUnitWithoutSuccessorKeepsItsLastParent() {
        // setup
        let lifespans = [
            UnitLifespan(id: 1, foundedOn: d2020, dissolvedOn: nil, successorID: nil),
            UnitLifespan(id: 2, foundedOn: d2020, dissolvedOn: d2023, successorID: nil),
        ]
        let tree = OrgTree(day: d2024, units: lifespans, links: [
            ParentLink(unitID: 1, parentID: nil, from: d2020, to: nil),
            ParentLink(unitID: 2, parentID: 1, from: d2020, to: d2023),
        ])
        // assert
        #expect(tree.parentOf[2] == 1)
    }

    @Test func futureUnitsOnlyWithIncludingFuture() {
        // setup
        let today = LocalDate(year: 2025, month: 6, day: 1)!
        // act
        let plain = tree(today)
        let withFuture = tree(today, future: true)
        // assert
        #expect(!plain.unitIDs.contains(6))
        #expect(withFuture.unitIDs.contains(6))
        #expect(withFuture.parentOf[6] == 1)
        #expect(tree(d2026).parentOf[6] == 1)
    }

    @Test func closureHasEveryPairWithItsDepth() {
        // setup
        let rows = Set(tree(d2023).closure())
        // assert: 5 units, each with itself; A1 under B under TU; B1 under B
        #expect(rows.count == 5 + 4 + 2)
        #expect(rows.contains(ClosureRow(ancestorID: 4, descendantID: 4, depth: 0)))
        #expect(rows.contains(ClosureRow(ancestorID: 3, descendantID: 4, depth: 1)))
        #expect(rows.contains(ClosureRow(ancestorID: 1, descendantID: 4, depth: 2)))
        #expect(rows.contains(ClosureRow(ancestorID: 1, descendantID: 5, depth: 2)))
        #expect(!rows.contains { $0.ancestorID == 2 && $0.descendantID == 4 })
        #expect(!rows.contains { $0.descendantID == 6 })
    }

    @Test func moveUnderOwnDescendantIsACycle() {
        // setup: on 2023 B has A1 below it
        let day = LocalDate(year: 2023, month: 6, day: 1)!
        let b = units[2], a1 = units[3]
        let current = ParentLink(unitID: 3, parentID: 1, from: d2020, to: nil)
        // act
        let intoChild = TreeChange.checkMove(unit: b, currentLink: current, newParent: a1, day: day, treeOnDay: tree(day))
        let intoSelf = TreeChange.checkMove(unit: b, currentLink: current, newParent: b, day: day, treeOnDay: tree(day))
        let intoSibling = TreeChange.checkMove(unit: b, currentLink: current, newParent: units[1], day: day, treeOnDay: tree(day))
        // assert
        #expect(intoChild == .cycle)
        #expect(intoSelf == .cycle)
        #expect(intoSibling == nil)
        #expect(TreeChangeError.cycle.field == "target")
        #expect(TreeChangeError.cycle.message.contains("cấp dưới"))
    }

    @Test func mergeIntoOwnDescendantIsACycle() {
        // setup
        let day = LocalDate(year: 2023, month: 6, day: 1)!
        // act / assert
        #expect(TreeChange.checkMerge(unit: units[2], successor: units[3], day: day, treeOnDay: tree(day)) == .cycle)
        #expect(TreeChange.checkMerge(unit: units[2], successor: units[2], day: day, treeOnDay: tree(day)) == .sameUnit)
        #expect(TreeChange.checkMerge(unit: units[3], successor: units[1], day: day, treeOnDay: tree(day)) == nil)
    }

    @Test func moveRulesOnDates() {
        // setup
        let a1 = units[3]
        let current = ParentLink(unitID: 4, parentID: 3, from: d2023, to: nil)
        let t = tree(d2024)
        // assert
        #expect(TreeChange.checkMove(unit: a1, currentLink: current, newParent: units[1], day: d2023, treeOnDay: t) == .notAfterCurrentLink)
        #expect(TreeChange.checkMove(unit: a1, currentLink: current, newParent: units[2], day: d2024, treeOnDay: t) == .sameParent)
        #expect(TreeChange.checkMove(unit: a1, currentLink: current, newParent: units[4], day: d2024, treeOnDay: t) == .targetNotExisting)
        #expect(TreeChange.checkMove(unit: units[4], currentLink: nil, newParent: units[1], day: d2024, treeOnDay: t) == .unitDissolved)
        #expect(TreeChange.checkDissolve(unit: a1, day: d2020) == .beforeFounding)
        #expect(TreeChangeError.beforeFounding.field == "effectiveOn")
    }
}
