@testable import App
import Domain
import Fluent
import Foundation
import Testing
import Vapor

/// The deadline page, the API, the unit page's section and the secretary's home, on the world of
/// `DeadlineTestSupport` (2025 is a past year by the machine's clock, so every open item of it is
/// overdue whatever the day the tests run).
@Suite struct DeadlinePageTests {
    typealias S = DeadlineTestSupport

    private func accounts(_ app: Application, _ world: S.World) async throws {
        try await Fixtures.user(app, "canbo.a", .officer, unit: world.tree.a)
        try await Fixtures.user(app, "bithu.a1", .cellSecretary, unit: world.tree.a1)
        let member = try await Person.query(on: app.db).filter(\.$fullName == "Lê Văn Chưa").first()!
        try await Fixtures.user(app, "dangvien.a1", .member, person: member)
    }

    @Test func anOfficerSeesTheSubtreesDeadlinesAndNothingOfOtherUnits() async throws {
        try await withTestApp { app in
            // setup
            let world = try await S.world(app)
            try await accounts(app, world)
            var officer = try await TestClient.login(app, "canbo.a")
            let today = LocalDate.today()
            let expected = try await DeadlineQueries.counts(root: world.tree.a.id, year: 2025, today: today, on: app.db)
            // act
            let page = try await officer.get(SiteURL.deadlines.with([("nam", "2025")]))
            let other = try await officer.get(SiteURL.deadlines.with([("don-vi", "B1"), ("nam", "2025")]))
            // assert: A's subtree, grouped, with links to where each thing is done
            let html = page.body.string
            #expect(page.status == .ok)
            #expect(html.contains("Đảng ủy Khối A và các tổ chức đảng trực thuộc, năm 2025"))
            #expect(html.contains("<h2>Quá hạn</h2>"))
            #expect(html.contains(VietnameseFormat.count(expected.overdue, unit: "việc")))
            #expect(html.contains("Sinh hoạt chi bộ thường kỳ tháng 3/2025"))
            #expect(html.contains("href=\"\(SiteURL.cellMeetingNew.with([("don-vi", "A1")]))\""))
            #expect(html.contains("href=\"\(H.escapeAttribute(SiteURL.personalPlans.with([("don-vi", "A1"), ("nam", "2025")])))\""))
            #expect(html.contains("Chi bộ A2"))
            for outside in ["Đảng bộ B", "Chi bộ B1", "Tỉnh ủy Thử Nghiệm"] { #expect(!html.contains(outside), "\(outside)") }
            #expect(other.status == .ok && other.body.string.contains("Không tìm thấy tổ chức đảng có mã “B1”"))
            #expect(!other.body.string.contains("Chi bộ B1"))
        }
    }

    @Test func theAPIAnswersForReadableUnitsOnly() async throws {
        try await withTestApp { app in
            // setup
            let world = try await S.world(app)
            try await accounts(app, world)
            let officer = try await Fixtures.token(app, for: try await User.query(on: app.db).filter(\.$username == "canbo.a").first()!)
            let member = try await Fixtures.token(app, for: try await User.query(on: app.db).filter(\.$username == "dangvien.a1").first()!)
            let counts = try await DeadlineQueries.counts(root: world.tree.a1.id, year: 2025, today: .today(), on: app.db)
            // act
            let ofA1 = try await officer.get("/units/\(world.tree.a1.id!)/deadlines?year=2025&perPage=2")
            let ofB1 = try await officer.get("/units/\(world.tree.b1.id!)/deadlines?year=2025")
            let byMember = try await member.get("/units/\(world.tree.a1.id!)/deadlines?year=2025")
            // assert
            #expect(ofA1.status == .ok)
            let json = try JSONSerialization.jsonObject(with: Data(ofA1.body.string.utf8)) as? [String: Any] ?? [:]
            let items = json["items"] as? [[String: Any]] ?? []
            #expect(json["unitCode"] as? String == "A1" && json["year"] as? Int == 2025)
            #expect(json["overdue"] as? Int == counts.overdue && json["total"] as? Int == counts.total)
            // A1 in 2025: its plan, its members' plans, and the regular meetings of March to December
            #expect(counts == DeadlineCounts(overdue: 12, dueSoon: 0, noDueDate: 0))
            #expect(items.count == 2 && items.allSatisfy { $0["unitCode"] as? String == "A1" && $0["group"] as? String == "overdue" })
            #expect(items.first?["kind"] as? String == DeadlineKind.unitPlanYear.rawValue)
            #expect(ofB1.status == .notFound)
            #expect(byMember.status == .notFound)
        }
    }

    @Test func theUnitPageCountsAndTheSecretarysHomeListsTheCellsItems() async throws {
        try await withTestApp { app in
            // setup
            let world = try await S.world(app)
            try await accounts(app, world)
            var officer = try await TestClient.login(app, "canbo.a")
            var secretary = try await TestClient.login(app, "bithu.a1")
            var member = try await TestClient.login(app, "dangvien.a1")
            let year = LocalDate.today().year
            let ofA = try await DeadlineQueries.counts(root: world.tree.a.id, year: year, today: .today(), on: app.db)
            let ofA1 = try await DeadlineQueries.items(root: world.tree.a1.id, year: year, today: .today(), offset: 0, limit: 10, on: app.db)
            // act
            let unitPage = try await officer.get(SiteURL.unit(world.tree.a.id).path)
            let home = try await secretary.get(SiteURL.home.path)
            let memberPage = try await member.get(SiteURL.deadlines.path)
            // assert: this year's counts on the unit page; the cell's own items on the secretary's home
            #expect(unitPage.body.string.contains("<h2>Hạn cần làm</h2>"))
            #expect(unitPage.body.string.contains(VietnameseFormat.count(ofA.overdue, unit: "việc")))
            #expect(unitPage.body.string.contains("href=\"\(SiteURL.deadlines.with([("don-vi", "A")]))\""))
            #expect(home.body.string.contains("Hạn cần làm của chi bộ"))
            #expect(!ofA1.isEmpty, "a cell has this year's months to record")
            for item in ofA1 { #expect(home.body.string.contains(item.what), "\(item.what)") }
            #expect(memberPage.status == .forbidden)
        }
    }
}
