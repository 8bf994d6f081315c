@testable import App
import Domain
import Fluent
import Foundation
import Testing
import Vapor

/// Who reads the indicators of which unit and period, on the page and in the API.
@Suite struct IndicatorAccessTests {
    func accounts(_ app: Application) async throws -> Fixtures.Tree {
        let tree = try await Fixtures.tree(app)
        let person = try await Fixtures.person(app, "Nguyễn Văn Đảng Viên", in: tree.a1)
        try await Fixtures.user(app, "quantri", .admin)
        try await Fixtures.user(app, "canbo.a", .officer, unit: tree.a)
        try await Fixtures.user(app, "lanhdao.a", .leader, unit: tree.a)
        try await Fixtures.user(app, "bithu.a1", .cellSecretary, unit: tree.a1)
        try await Fixtures.user(app, "dangvien", .member, person: person)
        return tree
    }

    func api(_ app: Application, _ username: String) async throws -> APIClient {
        try await Fixtures.token(app, for: try await User.query(on: app.db).filter(\.$username == username).first()!)
    }

    @Test func eachAccountReadsItsOwnSubtreeOnly() async throws {
        try await withTestApp { app in
            // setup
            _ = try await accounts(app)
            var leader = try await TestClient.login(app, "lanhdao.a")
            var secretary = try await TestClient.login(app, "bithu.a1")
            var admin = try await TestClient.login(app, "quantri")
            var member = try await TestClient.login(app, "dangvien")

            // act
            let own = try await leader.get(SiteURL.indicators.path)
            let below = try await leader.get(SiteURL.indicators.with([("don-vi", "A1")]))
            let outside = try await leader.get(SiteURL.indicators.with([("don-vi", "B")]))
            let above = try await secretary.get(SiteURL.indicators.with([("don-vi", "A")]))
            let cell = try await secretary.get(SiteURL.indicators.path)
            let everything = try await admin.get(SiteURL.indicators.path)
            let mine = try await member.get(SiteURL.indicators.path)
            let memberAPI = try await api(app, "dangvien").get("/indicators")
            let outsideAPI = try await api(app, "canbo.a").get("/indicators?unit=B")

            // assert: the default is the account's scope root (an administrator's: the top of the tree)
            #expect(own.status == .ok && own.body.string.contains("Đảng ủy Khối A (A)"))
            #expect(below.status == .ok && below.body.string.contains("Chi bộ A1 (A1)"))
            #expect(cell.status == .ok && cell.body.string.contains("Chi bộ A1 (A1)"))
            #expect(everything.status == .ok && everything.body.string.contains("Tỉnh ủy Thử Nghiệm (TU)"))
            #expect(outside.status == .notFound && !outside.body.string.contains("Đảng bộ B"))
            #expect(above.status == .notFound)
            #expect(outsideAPI.status == .notFound)
            #expect(mine.status == .forbidden && memberAPI.status == .forbidden)
        }
    }

    @Test func anyPeriodByItsDatesAndItsMistakesNamed() async throws {
        try await withTestApp { app in
            // setup
            _ = try await accounts(app)
            var web = try await TestClient.login(app, "canbo.a")
            let client = try await api(app, "canbo.a")

            // act
            let stage = try await web.get(SiteURL.indicators.with([("tu", "18/5/2021"), ("den", "2024-05-18")]))
            let reversed = try await web.get(SiteURL.indicators.with([("tu", "2024-05-18"), ("den", "2024-01-01")]))
            let halfTyped = try await web.get(SiteURL.indicators.with([("tu", "2024-05-18")]))
            let badYear = try await web.get(SiteURL.indicators.with([("nam", "hai nghìn")]))
            let apiStage = try await client.get("/indicators?from=2021-05-18&to=2024-05-18")
            let apiReversed = try await client.get("/indicators?from=2024-05-18&to=2024-01-01")

            // assert
            #expect(stage.status == .ok && stage.body.string.contains("từ 18/5/2021 đến 18/5/2024"))
            #expect(reversed.status == .unprocessableEntity && reversed.body.string.contains("Ngày bắt đầu kỳ phải trước"))
            #expect(halfTyped.status == .unprocessableEntity && halfTyped.body.string.contains("Chưa nhập ngày kết thúc kỳ."))
            #expect(badYear.status == .unprocessableEntity && badYear.body.string.contains("Năm phải là số"))
            let body = try JSONDecoder().decode(IndicatorReportDTO.self, from: Data(apiStage.body.string.utf8))
            #expect(body.from == "2021-05-18" && body.to == "2024-05-18" && body.unitCode == "A")
            #expect(apiReversed.status == .unprocessableEntity && apiReversed.body.string.contains("\"field\":\"to\""))
        }
    }

    @Test func theAnswerMatchesItsDocumentedSchemaAndThePagesLinkHere() async throws {
        try await withTestApp { app in
            // setup
            _ = try await IndicatorWorld.insert(app)
            let a = try await OrgUnit.query(on: app.db).filter(\.$code == "A").first()!
            try await Fixtures.user(app, "canbo.a", .officer, unit: a)
            var web = try await TestClient.login(app, "canbo.a")
            let document = try await ScopeWorld.openAPIDocument(app)
            let route = app.routes.all.first { "/" + $0.path.map(\.description).joined(separator: "/") == APIRoutes.prefix + "/indicators" }!

            // act
            let response = try await api(app, "canbo.a").get("/indicators?year=2025")
            let unitPage = try await web.get(SiteURL.unit(a.id).path)

            // assert
            let value = try JSONDecoder().decode(AnyJSON.self, from: Data(response.body.string.utf8))
            let problems = SchemaValidator(document: document).problems(value, against: try ScopeWorld.responseSchema(document, route: route))
            #expect(problems.isEmpty, Comment(rawValue: problems.joined(separator: "\n")))
            #expect(unitPage.body.string.contains("href=\"\(SiteURL.indicators.with([("don-vi", "A")]))\""))
            #expect(unitPage.body.string.contains("href=\"\(SiteURL.indicators.path)\""))
        }
    }
}
