import Testing
@testable import Domain

/// The tree of every day as intervals (DESIGN.md §2).
///
///     1 TU ── 2 A ── 4 A1
///          └─ 3 B ── 5 B1 ── 6 B11
///     A1 moves under B on 2023-01-01; B1 merges into A on 2025-07-01 (its child B11 goes with
///     it); 7 C is founded under TU on 2024-03-15.
@Suite struct ClosureHistoryTests {
    func day(_ iso: String) -> LocalDate { LocalDate(iso)! }

    var units: [UnitLifespan] {
        [
            UnitLifespan(id: 1, foundedOn: day("2020-01-01"), dissolvedOn: nil, successorID: nil),
            UnitLifespan(id: 2, foundedOn: day("2020-01-01"), dissolvedOn: nil, successorID: nil),
            UnitLifespan(id: 3, foundedOn: day("2020-01-01"), dissolvedOn: nil, successorID: nil),
            UnitLifespan(id: 4, foundedOn: day("2020-01-01"), dissolvedOn: nil, successorID: nil),
            UnitLifespan(id: 5, foundedOn: day("2020-01-01"), dissolvedOn: day("2025-07-01"), successorID: 2),
            UnitLifespan(id: 6, foundedOn: day("2020-01-01"), dissolvedOn: nil, successorID: nil),
            UnitLifespan(id: 7, foundedOn: day("2024-03-15"), dissolvedOn: nil, successorID: nil),
        ]
    }

    var links: [ParentLink] {
        [
            ParentLink(unitID: 1, parentID: nil, from: day("2020-01-01"), to: nil),
            ParentLink(unitID: 2, parentID: 1, from: day("2020-01-01"), to: nil),
            ParentLink(unitID: 3, parentID: 1, from: day("2020-01-01"), to: nil),
            ParentLink(unitID: 4, parentID: 2, from: day("2020-01-01"), to: day("2023-01-01")),
            ParentLink(unitID: 4, parentID: 3, from: day("2023-01-01"), to: nil),
            ParentLink(unitID: 5, parentID: 3, from: day("2020-01-01"), to: day("2025-07-01")),
            ParentLink(unitID: 6, parentID: 5, from: day("2020-01-01"), to: nil),
            ParentLink(unitID: 7, parentID: 1, from: day("2024-03-15"), to: nil),
        ]
    }

    /// The pairs the intervals give for `day`.
    func pairs(_ intervals: [ClosureInterval], on day: LocalDate) -> Set<ClosureRow> {
        Set(intervals.filter { $0.covers(day) }.map { ClosureRow(ancestorID: $0.ancestorID, descendantID: $0.descendantID, depth: $0.depth) })
    }

    @Test func everyDayGivesThatDaysClosure() {
        // act
        let intervals = ClosureHistory.intervals(units: units, links: links)
        // assert: on each change day, the day before it, and days between, the intervals equal OrgTree's closure
        var days: [LocalDate] = [day("2019-12-31"), day("2026-06-30")]
        for change in ClosureHistory.changeDays(units: units, links: links) {
            days += [change.adding(days: -1), change, change.adding(days: 17)]
        }
        for d in days {
            let expected = Set(OrgTree(day: d, units: units, links: links).closure())
            #expect(pairs(intervals, on: d) == expected, "on \(d.iso)")
        }
    }

    @Test func consecutiveIdenticalPairsAreOneInterval() {
        // act
        let intervals = ClosureHistory.intervals(units: units, links: links)
        // assert: TU over A stays one open interval through every other change
        let tuOverA = intervals.filter { $0.ancestorID == 1 && $0.descendantID == 2 }
        #expect(tuOverA == [ClosureInterval(ancestorID: 1, descendantID: 2, depth: 1, from: day("2020-01-01"), to: nil)])
        // no two intervals of the same pair touch
        let grouped = Dictionary(grouping: intervals) { ClosureRow(ancestorID: $0.ancestorID, descendantID: $0.descendantID, depth: $0.depth) }
        for (_, list) in grouped {
            let sorted = list.sorted { $0.from < $1.from }
            for (a, b) in zip(sorted, sorted.dropFirst()) { #expect(a.to != b.from) }
        }
    }

    @Test func aMoveEndsOnePairAndStartsAnother() {
        // act
        let intervals = ClosureHistory.intervals(units: units, links: links)
        // assert: A1 was under A until 2023-01-01 (exclusive), under B from then on
        #expect(intervals.contains(ClosureInterval(ancestorID: 2, descendantID: 4, depth: 1, from: day("2020-01-01"), to: day("2023-01-01"))))
        #expect(intervals.contains(ClosureInterval(ancestorID: 3, descendantID: 4, depth: 1, from: day("2023-01-01"), to: nil)))
        #expect(intervals.contains(ClosureInterval(ancestorID: 1, descendantID: 4, depth: 2, from: day("2020-01-01"), to: nil)))
    }

    @Test func aMergedUnitAndItsChildrenCountUnderTheSuccessorAfterwards() {
        // act
        let intervals = ClosureHistory.intervals(units: units, links: links)
        // assert: B1 and B11 hang under B before the merger, under A (B1's successor) after it
        let before = pairs(intervals, on: day("2025-06-30")), after = pairs(intervals, on: day("2025-12-31"))
        #expect(before.contains(ClosureRow(ancestorID: 3, descendantID: 6, depth: 2)))
        #expect(!before.contains { $0.ancestorID == 2 && $0.descendantID == 6 })
        #expect(after.contains(ClosureRow(ancestorID: 2, descendantID: 5, depth: 1)))
        #expect(after.contains(ClosureRow(ancestorID: 2, descendantID: 6, depth: 2)))
        #expect(!after.contains { $0.ancestorID == 3 && ($0.descendantID == 5 || $0.descendantID == 6) })
    }

    @Test func aUnitIsInNoPairBeforeItsFounding() {
        // act
        let intervals = ClosureHistory.intervals(units: units, links: links)
        // assert
        let c = intervals.filter { $0.descendantID == 7 }
        #expect(Set(c) == [
            ClosureInterval(ancestorID: 7, descendantID: 7, depth: 0, from: day("2024-03-15"), to: nil),
            ClosureInterval(ancestorID: 1, descendantID: 7, depth: 1, from: day("2024-03-15"), to: nil),
        ])
    }

    @Test func noUnitsNoIntervals() {
        #expect(ClosureHistory.intervals(units: [], links: []).isEmpty)
    }
}
