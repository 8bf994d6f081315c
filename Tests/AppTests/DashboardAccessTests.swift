@testable import App
import Domain
import Fluent
import Foundation
import Testing
import Vapor

/// Who opens which unit's dashboard, what a mistyped year gets, and the demo province's dashboards.
@Suite struct DashboardAccessTests {
    @Test func eachAccountOpensItsOwnSubtreeOnly() async throws {
        try await withTestApp { app in
            // setup
            let tree = try await Fixtures.tree(app)
            let person = try await Fixtures.person(app, "Nguyễn Văn Đảng Viên", in: tree.a1)
            try await Fixtures.user(app, "quantri", .admin)
            try await Fixtures.user(app, "canbo.a", .officer, unit: tree.a)
            try await Fixtures.user(app, "bithu.a1", .cellSecretary, unit: tree.a1)
            try await Fixtures.user(app, "dangvien", .member, person: person)
            var officer = try await TestClient.login(app, "canbo.a")
            var secretary = try await TestClient.login(app, "bithu.a1")
            var admin = try await TestClient.login(app, "quantri")
            var member = try await TestClient.login(app, "dangvien")

            // act
            let own = try await officer.get(SiteURL.dashboard.path)
            let below = try await officer.get(SiteURL.dashboard.with([("don-vi", "A1")]))
            let outside = try await officer.get(SiteURL.dashboard.with([("don-vi", "B")]))
            let unknown = try await officer.get(SiteURL.dashboard.with([("don-vi", "KHONG-CO")]))
            let above = try await secretary.get(SiteURL.dashboard.with([("don-vi", "A")]))
            let cell = try await secretary.get(SiteURL.dashboard.path)
            let everything = try await admin.get(SiteURL.dashboard.path)
            let mine = try await member.get(SiteURL.dashboard.path)

            // assert: the default is the account's scope root (an administrator's: the top of the tree)
            #expect(own.status == .ok && own.body.string.contains("Đảng ủy Khối A (A)"))
            #expect(own.body.string.contains("<tr data-unit=\"A1\">"))
            #expect(below.status == .ok && below.body.string.contains("Chi bộ A1 (A1)"))
            #expect(cell.status == .ok && cell.body.string.contains("Chi bộ A1 (A1)"))
            #expect(everything.status == .ok && everything.body.string.contains("Tỉnh ủy Thử Nghiệm (TU)"))
            #expect(everything.body.string.contains("<tr data-unit=\"B\">"))
            #expect(outside.status == .notFound && !outside.body.string.contains("Đảng bộ B"))
            #expect(unknown.status == .notFound && above.status == .notFound)
            #expect(mine.status == .forbidden)
            #expect(!own.body.string.contains("data-unit=\"B"))
        }
    }

    @Test func unitNamesRenderInert() async throws {
        try await withTestApp { app in
            // setup
            let tree = try await Fixtures.tree(app)
            _ = try await Fixtures.unit(app, "A9", "\"><script>alert(1)</script>", kind: "CB_CO_SO", parent: tree.a,
                                    founded: LocalDate("2020-01-01")!)
            try await TreeIndex.rebuild(on: app.db)
            try await Fixtures.user(app, "canbo.a", .officer, unit: tree.a)
            var web = try await TestClient.login(app, "canbo.a")

            // act
            let html = try await web.get(DashboardView.link("A", year: 2024)).body.string

            // assert: the name is in the grid, as text
            #expect(html.contains("<tr data-unit=\"A9\">"))
            #expect(!html.contains("<script>alert(1)") && html.contains("&lt;script&gt;alert(1)"))
        }
    }

    @Test func aMistypedOrFutureYearIsNamed() async throws {
        try await withTestApp { app in
            // setup
            let tree = try await Fixtures.tree(app)
            try await Fixtures.user(app, "canbo.a", .officer, unit: tree.a)
            var web = try await TestClient.login(app, "canbo.a")
            let next = LocalDate.today().year + 1

            // act
            let typo = try await web.get(SiteURL.dashboard.with([("nam", "20x4")]))
            let future = try await web.get(SiteURL.dashboard.with([("nam", String(next))]))

            // assert: the form comes back with what was typed and the problem beside the field
            #expect(typo.status == .unprocessableEntity && typo.body.string.contains("Năm phải là số từ 1945 đến 9999."))
            #expect(typo.body.string.contains("value=\"20x4\""))
            #expect(future.status == .unprocessableEntity && future.body.string.contains("Năm không được sau năm hiện tại"))
            #expect(!future.body.string.contains("id=\"compliance-grid\""))
        }
    }

    /// The demo province and one of its grassroots committees render, and their grids add up to
    /// the II.4 of their tiles.
    @Test func theDemoDashboards() async throws {
        try await withTestApp { app in
            // setup
            try await DemoLoader.loadIfEmpty(app: app)
            var province = try await TestClient.login(app, "tinhuy", password: DemoLoader.password)
            var commune = try await TestClient.login(app, "canbo.dl", password: DemoLoader.password)

            // act
            let pages = [
                try await province.get(SiteURL.dashboard.path),
                try await province.get(DashboardView.link("TU", year: 2024)),
                try await commune.get(SiteURL.dashboard.path),
                try await commune.get(DashboardView.link("X-DL", year: 2024)),
                try await commune.get(DashboardView.link("X-DL-01", year: 2023)),
            ]

            // assert
            for page in pages {
                #expect(page.status == .ok)
                #expect(DashboardWorld.svgs(page.body.string).count == 6)
                #expect(DashboardWorld.svgs(page.body.string).allSatisfy { ChartReader.read($0) != nil })
            }
            let tu = pages[1].body.string, xdl = pages[3].body.string
            #expect(tu.contains("Tỉnh ủy Lạc Hồng (TU)") && tu.contains("id=\"lagging-units\""))
            for code in ["X-DL-01", "X-DL-02", "X-DL-03", "X-DL-04"] {
                #expect(xdl.contains("<tr data-unit=\"\(code)\">"))
            }
            let user = try await User.query(on: app.db).filter(\.$username == "tinhuy").first()!
            let access = Access(user: CurrentUser(user), db: app.db)
            for code in ["TU", "X-DL"] {
                let dashboard = try await DashboardService.load(unit: code, year: "2024", access: access, shown: { $0 })
                let rows = dashboard.grid.rows
                let monthly = dashboard.glance.first { $0.definition.code == .monthlyContent }!.value
                #expect(rows.map(\.total.numerator).reduce(0, +) == monthly.numerator, "\(code)")
                #expect(rows.map { $0.total.denominator ?? 0 }.reduce(0, +) == monthly.denominator, "\(code)")
                #expect(monthly.numerator > 0)
            }
        }
    }
}
