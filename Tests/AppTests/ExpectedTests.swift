@testable import App
import Domain
import Fluent
import SQLKit
import Testing
import Vapor

/// The "expected" definitions against counts made by hand from the test's own units and memberships.
@Suite struct ExpectedTests {
    struct UnitRow: Decodable, Hashable { let unit_id: Int }
    struct MemberRow: Decodable, Hashable { let person_id: Int; let unit_id: Int }
    struct CellMonthRow: Decodable, Hashable { let unit_id: Int; let month: String }

    @Test func plansMembersAndCellMonthsCountOnlyTheTimeEachExisted() async throws {
        try await withTestApp { app in
            // setup: TU→(A→A1),(B→B1) from 2020; A2 (a cell trực thuộc under A) from 2024-03-15;
            // B1 dissolved on 2024-07-01; a member moving from A1 to B1 on 2024-05-01 and out of the
            // Party records at 2024-02-01 (valid_to); a non-member in A1.
            let tree = try await Fixtures.tree(app)
            let a2 = try await Fixtures.unit(app, "A2", "Chi bộ A2", kind: "CB_TRUC_THUOC", parent: tree.a, founded: LocalDate("2024-03-15")!)
            tree.b1.dissolvedOn = LocalDate("2024-07-01")!
            try await tree.b1.update(on: app.db)
            let stayer = try await Fixtures.person(app, "Nguyễn Văn Ở", in: tree.a1)
            let mover = try await Fixtures.person(app, "Trần Thị Chuyển", in: tree.a1)
            let moved = try await Membership.query(on: app.db).filter(\.$personID == mover.id!).first()!
            moved.validTo = LocalDate("2024-05-01")!
            try await moved.update(on: app.db)
            try await Membership(personID: mover.id!, unitID: tree.b1.id!, validFrom: LocalDate("2024-05-01")!).create(on: app.db)
            let leaver = try await Fixtures.person(app, "Lê Văn Rời", in: tree.b1)
            let left = try await Membership.query(on: app.db).filter(\.$personID == leaver.id!).first()!
            left.validTo = LocalDate("2024-01-01")!
            try await left.update(on: app.db)
            let citizen = try await Fixtures.person(app, "Phạm Thị Quần Chúng", in: tree.a1)
            citizen.category = .citizen
            try await citizen.update(on: app.db)
            let sql = app.db as! any SQLDatabase

            // act
            let units2024 = Set(try await sql.raw(Expected.planUnitsSQL(year: 2024)).all(decoding: UnitRow.self).map(\.unit_id))
            let units2025 = Set(try await sql.raw(Expected.planUnitsSQL(year: 2025)).all(decoding: UnitRow.self).map(\.unit_id))
            let members2024 = Set(try await sql.raw(Expected.planMembersSQL(year: 2024)).all(decoding: MemberRow.self))
            let range = LocalDate("2024-02-10")!...LocalDate("2024-08-31")!
            let cellMonths = Set(try await sql.raw(Expected.cellMonthsSQL(range)).all(decoding: CellMonthRow.self))

            // assert: A2 is a cell trực thuộc (no plan of its own); B1 existed in 2024, not in 2025
            let all = [tree.root, tree.a, tree.a1, tree.b, tree.b1].map { $0.id! }
            #expect(units2024 == Set(all))
            #expect(units2025 == Set(all).subtracting([tree.b1.id!]))
            // the leaver's membership ended on 1/1/2024 (exclusive): not expected in 2024
            #expect(members2024 == [
                MemberRow(person_id: stayer.id!, unit_id: tree.a1.id!),
                MemberRow(person_id: mover.id!, unit_id: tree.a1.id!),
                MemberRow(person_id: mover.id!, unit_id: tree.b1.id!),
            ])
            // A1: Feb–Aug; B1: Feb–Jun (dissolved on 1 July); A2: from March (founded 15/3)
            var expected: Set<CellMonthRow> = []
            for m in 2...8 { expected.insert(CellMonthRow(unit_id: tree.a1.id!, month: String(format: "2024-%02d", m))) }
            for m in 2...6 { expected.insert(CellMonthRow(unit_id: tree.b1.id!, month: String(format: "2024-%02d", m))) }
            for m in 3...8 { expected.insert(CellMonthRow(unit_id: a2.id!, month: String(format: "2024-%02d", m))) }
            #expect(cellMonths == expected)
        }
    }
}
