@testable import App
import Testing
import Vapor
import VaporTesting

@Suite struct RecordsHubTests {
    /// The hub lists only kinds whose pages exist: every card leads to a page that answers.
    @Test func everyCardLeadsToAWorkingPage() async throws {
        try await withTestApp { app in
            // setup
            let tree = try await Fixtures.tree(app)
            try await Fixtures.user(app, "canbo", .officer, unit: tree.a)
            var web = try await TestClient.login(app, "canbo")

            // act
            let hub = try await web.get(SiteURL.records.path)

            // assert
            #expect(hub.status == .ok)
            #expect(RecordsHubView.kinds.count >= 4)
            for kind in RecordsHubView.kinds {
                #expect(hub.body.string.contains("href=\"\(kind.url.path)\""))
                let page = try await web.get(kind.url.path)
                #expect(page.status == .ok, "\(kind.url.path) answered \(page.status)")
            }
        }
    }

    /// A leader reads: cards of forms only writers may use are not shown to them.
    @Test func leadersSeeNoWritersOnlyCard() async throws {
        try await withTestApp { app in
            // setup
            let tree = try await Fixtures.tree(app)
            try await Fixtures.user(app, "lanhdao", .leader, unit: tree.a)
            var web = try await TestClient.login(app, "lanhdao")
            let writersOnly = RecordsHubView.kinds.filter(\.forWriters)

            // act
            let hub = try await web.get(SiteURL.records.path)

            // assert
            #expect(hub.status == .ok)
            #expect(!writersOnly.isEmpty)
            for kind in writersOnly {
                #expect(!hub.body.string.contains("href=\"\(kind.url.path)\""))
                #expect(try await web.get(kind.url.path).status == .forbidden)
            }
            for kind in RecordsHubView.kinds where !kind.forWriters {
                #expect(hub.body.string.contains("href=\"\(kind.url.path)\""))
            }
        }
    }

    @Test func membersHaveNoHub() async throws {
        try await withTestApp { app in
            // setup
            let tree = try await Fixtures.tree(app)
            let person = try await Fixtures.person(app, "Nguyễn Văn Một", in: tree.a1)
            try await Fixtures.user(app, "dangvien", .member, person: person)
            var web = try await TestClient.login(app, "dangvien")

            // act
            let hub = try await web.get(SiteURL.records.path)

            // assert
            #expect(hub.status == .forbidden)
        }
    }
}

@Suite struct PageNumberTests {
    /// A page number far past the end (once it overflowed an offset and stopped the server) shows
    /// an empty last page on every list.
    @Test func hugePageNumbersAreHarmlessOnEveryList() async throws {
        try await withTestApp { app in
            // setup
            _ = try await Fixtures.tree(app)
            try await Fixtures.user(app, "quantri", .admin)
            var web = try await TestClient.login(app, "quantri")
            let huge = "487148592231345152"
            let lists = RecordsHubView.kinds.map(\.url.path) + [
                SiteURL.people.path, SiteURL.documents.path, SiteURL.audit.path, SiteURL.users.path,
            ]

            // act & assert
            for list in lists {
                let trang = try await web.get(list + "?trang=" + huge)
                let page = try await web.get(list + "?page=" + huge)
                #expect(trang.status == .ok, "\(list)?trang= answered \(trang.status)")
                #expect(page.status == .ok, "\(list)?page= answered \(page.status)")
            }
            #expect(try await web.get(SiteURL.units.path + "?q=a&trang=" + huge).status == .ok)
            #expect(PageNumber.from(huge) == PageNumber.maximum)
            #expect(PageNumber.from("-3") == 1)
        }
    }
}
