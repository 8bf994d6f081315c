@testable import App
import Domain
import Fluent
import SQLKit
import Testing
import Vapor

/// Rollups take the tree as it stood on the period's last day (DESIGN.md §2).
@Suite struct IndicatorHistoryTests {
    /// TU → (A → A1), (B → B1, B2); B2 merges into A1 on 1/7/2025 and wrote a document on 5/5/2024
    /// and one on 10/3/2025.
    func world(_ app: Application) async throws -> [String: Int] {
        let tree = try await Fixtures.tree(app)
        let b2 = try await Fixtures.unit(app, "B2", "Chi bộ B2", kind: "CB_CO_SO", parent: tree.b, founded: LocalDate("2020-01-01")!)
        b2.dissolvedOn = LocalDate("2025-07-01")!
        b2.successorID = tree.a1.id
        try await b2.update(on: app.db)
        let link = try await UnitParentLink.query(on: app.db).filter(\.$unitID == b2.id!).first()!
        link.validTo = b2.dissolvedOn
        try await link.update(on: app.db)
        try await TreeIndex.rebuild(on: app.db)
        for (number, issued) in [("1-KH/B2", "2024-05-05"), ("2-KH/B2", "2025-03-10")] {
            let doc = GuidanceDocument()
            doc.unitID = b2.id!
            doc.number = number
            doc.numberStyle = .party
            doc.kind = .plan
            doc.title = "Kế hoạch của chi bộ B2"
            doc.titleFolded = VietnameseText.fold(doc.title)
            doc.issuedOn = LocalDate(issued)!
            try await doc.create(on: app.db)
        }
        return ["TU": tree.root.id!, "A": tree.a.id!, "A1": tree.a1.id!, "B": tree.b.id!, "B2": b2.id!]
    }

    func documents(_ app: Application, _ root: Int, _ from: String, _ to: String) async throws -> Int {
        let period = try IndicatorPeriod(from: LocalDate(from)!, to: LocalDate(to)!)
        let result = try await Indicators.compute(.guidanceDocuments, IndicatorRollup(root: root, period: period), on: app.db as! any SQLDatabase)[0]
        return result.value.numerator
    }

    @Test func aMergedUnitsRecordsCountUnderItsSuccessorAfterTheMergerAndUnderItsOldParentBefore() async throws {
        try await withTestApp { app in
            // setup
            let ids = try await world(app)

            // act & assert: the period ends after the merger: B2 stands under A1, so under A
            #expect(try await documents(app, ids["A"]!, "2025-01-01", "2025-12-31") == 1)
            #expect(try await documents(app, ids["A1"]!, "2025-01-01", "2025-12-31") == 1)
            #expect(try await documents(app, ids["B"]!, "2025-01-01", "2025-12-31") == 0)
            #expect(try await documents(app, ids["TU"]!, "2025-01-01", "2025-12-31") == 1)
            // the period ends before it: B2 still stands under B
            #expect(try await documents(app, ids["B"]!, "2025-01-01", "2025-06-30") == 1)
            #expect(try await documents(app, ids["A"]!, "2025-01-01", "2025-06-30") == 0)
            #expect(try await documents(app, ids["B"]!, "2024-01-01", "2024-12-31") == 1)
            #expect(try await documents(app, ids["A"]!, "2024-01-01", "2024-12-31") == 0)
            // a stage across the merger takes the tree of its last day, for both documents
            #expect(try await documents(app, ids["A"]!, "2024-01-01", "2025-07-01") == 2)
            #expect(try await documents(app, ids["B"]!, "2024-01-01", "2025-06-30") == 2)
        }
    }

    @Test func theHistoryTableHoldsEveryDaysTree() async throws {
        try await withTestApp { app in
            // setup
            let ids = try await world(app)
            struct Row: Decodable, Hashable { let descendant_id: Int }
            let sql = app.db as! any SQLDatabase
            func under(_ code: String, _ day: String) async throws -> Set<Int> {
                Set(try await sql.raw(TreeIndex.descendantsSQL(of: ids[code]!, on: LocalDate(day)!)).all(decoding: Row.self).map(\.descendant_id))
            }

            // act
            let bBefore = try await under("B", "2025-06-30"), bAfter = try await under("B", "2025-07-01")
            let a1After = try await under("A1", "2025-07-01"), tuEarly = try await under("TU", "2019-12-31")

            // assert
            #expect(bBefore.contains(ids["B2"]!) && !bAfter.contains(ids["B2"]!))
            #expect(a1After == [ids["A1"]!, ids["B2"]!])
            #expect(tuEarly.isEmpty)
        }
    }
}
