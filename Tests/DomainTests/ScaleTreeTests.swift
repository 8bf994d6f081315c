import Testing
@testable import Domain

@Suite struct ScaleTreeTests {
    @Test func theProvinceTreeHasTheProfilesNumbers() {
        // act
        let tree = ScaleTree(profile: .province, seed: 1)

        // assert
        let profile = ScaleProfile.province
        #expect(tree.units.count == profile.units)
        #expect(tree.units.filter { $0.level == .branch }.count == 120)
        #expect(tree.grassroots.count == 1_000)
        #expect(tree.cells.count == 12_000)
        #expect(tree.cells.reduce(0) { $0 + $1.people } == 250_000)
        #expect(tree.cells.allSatisfy { profile.cellSize.contains($0.people) })
        // People ids are 1…N, each in exactly one cell.
        let cells = tree.cells
        var next = 1
        for cell in cells {
            #expect(cell.firstPerson == next)
            next += cell.people
        }
        #expect(Set(tree.units.map(\.code)).count == tree.units.count)
    }

    @Test func cellSizesAreSkewed() {
        // act
        let sizes = ScaleTree(profile: .province, seed: 1).cells.map(\.people).sorted()

        // assert: a long tail of large cells, most of them small
        #expect(sizes.first! <= 6 && sizes.last! >= 55)
        #expect(sizes[sizes.count / 2] < 250_000 / 12_000)
    }

    @Test func theRestructuringDissolvesBranchesIntoSuccessorsAndMergesCells() {
        // act
        let tree = ScaleTree(profile: .province, seed: 1)

        // assert
        let day = ScaleProfile.restructuring
        let dissolved = tree.units.filter { $0.level == .branch && $0.dissolved == day }
        #expect(dissolved.count == 12)
        for branch in dissolved {
            let successor = tree.unit(branch.successorID!)
            #expect(successor.level == .branch && successor.dissolved == nil)
            #expect(branch.links.last!.to == day)
            // Its TCCS stand under the successor from that day.
            let moved = tree.grassroots.filter { $0.links.first!.parentID == branch.id }
            #expect(!moved.isEmpty)
            #expect(moved.allSatisfy { $0.links.count == 2 && $0.links[1].parentID == successor.id && $0.links[1].from == day })
        }
        let merged = tree.cells.filter { $0.dissolved == day }
        #expect(merged.count == 60)
        #expect(merged.allSatisfy { tree.absorbed[$0.successorID!]!.contains($0.id) })
    }

    @Test func theSameSeedGivesTheSameTreeAndAnotherSeedAnother() {
        // act
        let a = ScaleTree(profile: .demo, seed: 7), b = ScaleTree(profile: .demo, seed: 7), c = ScaleTree(profile: .demo, seed: 8)

        // assert
        #expect(a.cells.map(\.people) == b.cells.map(\.people))
        #expect(a.units.map(\.name) == b.units.map(\.name))
        #expect(a.cells.map(\.people) != c.cells.map(\.people))
        #expect(ScaleMember(seed: 7, id: 5) == ScaleMember(seed: 7, id: 5))
        #expect(ScaleMember(seed: 7, id: 5) != ScaleMember(seed: 8, id: 5))
    }

    @Test func sizesAddUpWithinTheirBounds() {
        // setup
        var random = ScaleRandom(seed: 3)

        // act
        let sizes = ScaleDistribution.sizes(total: 1_000, parts: 40, bounds: 5...60, skew: 2, random: &random)

        // assert
        #expect(sizes.reduce(0, +) == 1_000)
        #expect(sizes.allSatisfy { (5...60).contains($0) })
    }

    @Test func aRosterCountsMembersFromTheirJoiningAndTheMergedCellsPeopleFromTheMerger() {
        // setup
        let tree = ScaleTree(profile: .demo, seed: 1)
        let merged = tree.cells.first { $0.dissolved != nil }!
        let successor = tree.unit(merged.successorID!)
        let roster = ScaleRoster(tree, successor, seed: 1)
        let before = LocalDate(year: 2025, month: 6, day: 30)!, after = LocalDate(year: 2025, month: 7, day: 1)!

        // act
        let ids = { (day: LocalDate) in Set(roster.members(on: day).map(\.id)) }

        // assert
        let joinedBy = { (range: Range<Int>, day: LocalDate) in Set(range.filter { ScaleMember(seed: 1, id: $0).joined <= day }) }
        #expect(ids(before) == joinedBy(successor.personIDs, before))
        #expect(ids(after) == joinedBy(successor.personIDs, after).union(joinedBy(merged.personIDs, after)))
        #expect(ScaleRoster(tree, merged, seed: 1).members(on: after).isEmpty)
    }
}
