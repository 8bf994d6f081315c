@testable import App
import Domain
import Fluent
import Foundation
import Testing
import Vapor

/// The dashboard's cache (`DashboardCache`): a change made through the application shows at
/// once, a scope never reads another's cached units, and the cache keeps to its bound.
@Suite struct DashboardCacheTests {
    /// II.4's tile of `unit` for 2024 as (cell-months with the content, cell-months expected).
    static func monthlyContent(_ web: inout TestClient, _ unit: String) async throws -> (Int, Int)? {
        let html = try await web.get(DashboardView.link(unit, year: 2024)).body.string
        let tile = DashboardWorld.fragment(html, "id=\"tile-II.4\"", closing: "</article>") ?? ""
        let regex = try NSRegularExpression(pattern: #"<p class="figure">(\d+)/(\d+) "#)
        guard let match = regex.firstMatch(in: tile, range: NSRange(tile.startIndex..., in: tile)) else { return nil }
        return (Int(tile[Range(match.range(at: 1), in: tile)!])!, Int(tile[Range(match.range(at: 2), in: tile)!])!)
    }

    @Test func aChangeThroughAFormOrAnImportShowsAtOnce() async throws {
        try await withTestApp { app in
            // setup: A with its cells A1 and A2 through 2024, no meeting yet
            let (tree, _) = try await ImportCellMeetingTests.world(app)
            var web = try await TestClient.login(app, "canbo.a")
            let empty = try await Self.monthlyContent(&web, "A")

            // act: a meeting written straight to the table, without an audit entry (what the
            // application never does), then one through the form
            try await CellMeetingTestSupport.meeting(app, unit: tree.a1, .regular, "2024-02-05")
            let unaudited = try await Self.monthlyContent(&web, "A")
            let form = try await web.post(SiteURL.cellMeetingNew.path, CellMeetingTestSupport.form(unit: "A1", heldOn: "2024-05-05"))
            let afterForm = try await Self.monthlyContent(&web, "A")

            // assert: 24 cell-months expected; the cached figure is served until the data version
            // moves, and the form's audit entry moves it: both meetings count at once
            #expect(empty?.0 == 0 && empty?.1 == 24)
            #expect(unaudited?.0 == 0, "the cached figure is what the page shows")
            #expect(form.status == .seeOther)
            #expect(afterForm?.0 == 2 && afterForm?.1 == 24)

            // act: an import of three meetings (A1 in March with the content, A2 in April without,
            // a thematic one of A1)
            let preview = try await web.upload(SiteURL.cellMeetingImport.path, filename: "sinh-hoat.xlsx",
                                               data: try ImportCellMeetingTests.workbook())
            let confirm = try #require(ImportTestSupport.confirmPath(in: preview.body.string))
            let done = try await web.post(confirm, [:])
            let afterImport = try await Self.monthlyContent(&web, "A")

            // assert: one more cell-month with the content
            #expect(done.status == .seeOther)
            #expect(afterImport?.0 == 3 && afterImport?.1 == 24)
            #expect(try await app.dashboardCache.count >= 1)
        }
    }

    @Test func twoScopesNeverSeeEachOthersCachedUnits() async throws {
        try await withTestApp { app in
            // setup: officers of A and of B, each with the own dashboards cached
            let tree = try await Fixtures.tree(app)
            try await Fixtures.user(app, "canbo.a", .officer, unit: tree.a)
            try await Fixtures.user(app, "canbo.b", .officer, unit: tree.b)
            var a = try await TestClient.login(app, "canbo.a")
            var b = try await TestClient.login(app, "canbo.b")
            for (client, units) in [(a, ["A", "A1"]), (b, ["B", "B1"])] {
                var client = client
                for unit in units { #expect(try await client.get(DashboardView.link(unit, year: 2024)).status == .ok) }
            }

            // act: each asks for the other's units, cached now
            let aReadsB = try await a.get(DashboardView.link("B", year: 2024))
            let aReadsB1 = try await a.get(DashboardView.link("B1", year: 2024))
            let bReadsA = try await b.get(DashboardView.link("A", year: 2024))
            let bReadsA1 = try await b.get(DashboardView.link("A1", year: 2024))
            let bOwn = try await b.get(DashboardView.link("B", year: 2024))

            // assert: 404 stays 404 and tells nothing of the unit; the own one is still served
            for response in [aReadsB, aReadsB1, bReadsA, bReadsA1] {
                #expect(response.status == .notFound)
                #expect(!response.body.string.contains("data-unit="))
            }
            #expect(!aReadsB.body.string.contains("Đảng bộ B (B)") && !bReadsA.body.string.contains("Đảng ủy Khối A (A)"))
            #expect(bOwn.status == .ok && bOwn.body.string.contains("Đảng bộ B (B)"))
            #expect(!bOwn.body.string.contains("data-unit=\"A"))
        }
    }

    @Test func theKeptPageFragmentCarriesNothingOfTheAccountThatMadeIt() async throws {
        try await withTestApp { app in
            // setup: two officers of A; the first one's request computes and keeps A's dashboard
            let (tree, _) = try await ImportCellMeetingTests.world(app)
            try await Fixtures.user(app, "canbo.a2", .officer, unit: tree.a)
            var first = try await TestClient.login(app, "canbo.a")
            var second = try await TestClient.login(app, "canbo.a2")
            let made = try await first.get(DashboardView.link("A", year: 2024)).body.string

            // act: a meeting written without an audit entry (the kept figures stay), then the
            // second officer asks for the same dashboard
            try await CellMeetingTestSupport.meeting(app, unit: tree.a1, .regular, "2024-02-05")
            let served = try await second.get(DashboardView.link("A", year: 2024)).body.string

            // assert: the figures' part is the kept one, byte for byte; the page around it is the
            // second officer's own (name, sign-out token)
            let part = { (html: String) in DashboardWorld.fragment(html, "<p id=\"dashboard-scope\">", closing: "</main>") }
            #expect(part(made) != nil && part(made) == part(served))
            #expect(try await Self.monthlyContent(&second, "A")?.0 == 0, "served from the cache")
            #expect(served.contains("canbo.a2 · ") && !served.contains("canbo.a · "))
            #expect(made.contains("canbo.a · "))
            let token = { (html: String) in html.range(of: #"name="_csrf" value="[^"]+""#, options: .regularExpression).map { String(html[$0]) } }
            #expect(token(served) != nil && token(served) != token(made))
            #expect(await app.dashboardCache.count == 1)
        }
    }

    /// A dashboard of nothing, for the cache's own tests.
    static func dashboard(_ unit: Int) -> Dashboard {
        let period = IndicatorPeriod.year(2024, today: LocalDate("2026-11-21")!)
        return Dashboard(unit: UnitRef(id: unit, code: "U\(unit)", name: "Đơn vị \(unit)"), period: period, glance: [], trend: [],
                         grid: ComplianceGrid(year: 2024, root: unit, rows: []))
    }

    static func key(_ unit: Int) -> DashboardCache<Dashboard>.Key {
        .init(unit: unit, from: LocalDate("2024-01-01")!, to: LocalDate("2024-12-31")!, today: LocalDate("2026-11-21")!)
    }

    /// Counts the computations the cache asks for.
    actor Computations {
        var count = 0
        func add() { count += 1 }
    }

    @Test func theCacheKeepsToItsBoundAndDropsTheLeastRecentlyUsed() async throws {
        // setup
        let cache = DashboardCache<Dashboard>(capacity: 3)
        let computed = Computations()
        func get(_ unit: Int, version: Int = 1, settled: Bool = true) async throws -> Dashboard {
            try await cache.dashboard(Self.key(unit), version: version, keep: { settled }, compute: {
                await computed.add()
                return Self.dashboard(unit)
            })
        }

        // act: five units, unit 1 used again before 4 and 5 come
        for unit in [1, 2, 3, 1, 4, 5] { _ = try await get(unit) }
        let afterFill = await computed.count
        let countAfterFill = await cache.count
        _ = try await get(1)
        _ = try await get(5)
        let afterHits = await computed.count
        _ = try await get(2)
        let afterEvicted = await computed.count

        // assert: never more than three kept; 1 (used recently) and 5 are served without
        // computing, 2 and 3 (used longest ago) were dropped
        #expect(afterFill == 5 && countAfterFill == 3)
        #expect(afterHits == 5)
        #expect(afterEvicted == 6)
        #expect(await cache.count == 3)
    }

    @Test func aNewVersionOrAnUnsettledOneComputesAgain() async throws {
        // setup
        let cache = DashboardCache<Dashboard>(capacity: 8)
        let computed = Computations()
        func get(_ unit: Int, version: Int, settled: Bool = true) async throws -> Dashboard {
            try await cache.dashboard(Self.key(unit), version: version, keep: { settled }, compute: {
                await computed.add()
                return Self.dashboard(unit)
            })
        }

        // act
        _ = try await get(1, version: 7)
        _ = try await get(2, version: 7)
        _ = try await get(1, version: 7)
        let sameVersion = await computed.count
        _ = try await get(1, version: 8)
        let keptAfterNewVersion = await cache.count
        _ = try await get(3, version: 9, settled: false)
        _ = try await get(3, version: 9, settled: false)
        let unsettled = await computed.count

        // assert: the same version is served; a new one computes and drops the entries of older
        // versions; an unsettled version is never kept
        #expect(sameVersion == 2)
        #expect(keptAfterNewVersion == 1)
        #expect(unsettled == 5)
        #expect(await cache.count == 1)
    }

    /// SIGTERM: the HTTP server stops before the databases, so no request reaches a closed one.
    @Test func theServerStopsBeforeTheDatabases() async throws {
        try await withTestApp { app in
            // setup: the server listening
            try await app.server.start(address: .hostname("127.0.0.1", port: 0))
            #expect(app.http.server.shared.localAddress != nil)

            // act: the shutdown step that runs before the application's storage closes
            await StopServerFirst().shutdownAsync(app)

            // assert: no longer listening; the databases still answer
            #expect(app.http.server.shared.localAddress == nil)
            #expect(try await DataVersion.current(on: app.db) >= 0)
        }
    }
}
