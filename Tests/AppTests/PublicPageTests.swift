@testable import App
import Domain
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// The public page of exemplars and its Atom feed: no login, published stories only, filters,
/// a feed a standard XML parser accepts, nothing private and nothing unpublished.
@Suite struct PublicPageTests {
    static let atom = "http://www.w3.org/2005/Atom"

    @Test func theFeedIsValidAtomAndFollowsTheFilters() async throws {
        try await withTestApp { app in
            // setup
            let tree = try await Fixtures.tree(app)
            try await TreeIndex.rebuild(on: app.db)
            let day = { (d: Int) in Date(timeIntervalSince1970: 1_700_000_000 + Double(d) * 86_400) }
            try await PublicStoryTestSupport.story(app, unit: tree.a1, year: 2024, title: "Gương A1 2024", published: true, publishedAt: day(1))
            try await PublicStoryTestSupport.story(app, unit: tree.a, year: 2023, title: "Gương A 2023", published: true, publishedAt: day(2))
            try await PublicStoryTestSupport.story(app, unit: tree.b1, year: 2024, title: "Gương B1 2024", published: true, publishedAt: day(3))
            try await PublicStoryTestSupport.story(app, unit: tree.a1, year: 2024, title: "Nháp A1", published: false)
            let expected: [([(String, String?)], Int)] = [([], 3), ([("nam", "2024")], 2), ([("don-vi", "A")], 2),
                                                          ([("don-vi", "A1"), ("nam", "2024")], 1), ([("don-vi", "B")], 1),
                                                          ([("nam", "2022")], 0), ([("don-vi", "KHONG-CO")], 0)]

            // act & assert
            for (query, count) in expected {
                let response = try await app.testing().sendRequest(.GET, SiteURL.publicExemplarsFeed.with(query),
                                                                   headers: ["Host": "guongsang.example.vn"])
                #expect(response.status == .ok)
                #expect(response.headers.first(name: .contentType) == "application/atom+xml; charset=utf-8")
                let feed = try #require(PublicStoryTestSupport.parse(response.body.string), "not well-formed: \(query)")
                #expect(feed.name == "feed" && feed.namespace == Self.atom)
                for name in ["id", "title", "updated"] { #expect(feed.first(name) != nil, "feed \(name)") }
                #expect(PublicStoryTestSupport.isRFC3339(feed.first("updated")?.text ?? ""))
                let links = feed.all("link")
                #expect(links.contains { $0.attributes["rel"] == "self" && $0.attributes["href"]?.hasPrefix("http://guongsang.example.vn/guong-sang/atom.xml") == true })
                #expect(links.contains { $0.attributes["rel"] == "alternate" && $0.attributes["href"]?.hasPrefix("http://guongsang.example.vn/guong-sang") == true })
                let entries = feed.all("entry")
                #expect(entries.count == count, "\(query)")
                #expect(Set(entries.compactMap { $0.first("id")?.text }).count == count, "ids unique")
                for entry in entries {
                    for name in ["id", "title", "updated", "published", "summary", "content", "author"] {
                        #expect(entry.first(name) != nil, "entry \(name)")
                    }
                    #expect(entry.first("id")!.text.hasPrefix("http://guongsang.example.vn/guong-sang/"))
                    #expect(PublicStoryTestSupport.isRFC3339(entry.first("updated")!.text))
                    #expect(PublicStoryTestSupport.isRFC3339(entry.first("published")!.text))
                    #expect(entry.first("content")?.attributes["type"] == "html")
                    #expect(entry.first("author")?.first("name")?.text.isEmpty == false)
                    #expect(entry.first("link")?.attributes["href"] == entry.first("id")?.text)
                    #expect(!entry.first("title")!.text.contains("Nháp"))
                }
            }
            let all = try #require(PublicStoryTestSupport.parse(try await app.testing().sendRequest(.GET, SiteURL.publicExemplarsFeed.path).body.string))
            #expect(all.all("entry").compactMap { $0.first("title")?.text } == ["Gương B1 2024", "Gương A 2023", "Gương A1 2024"])
            #expect(all.all("entry").first?.first("author")?.first("name")?.text == "Chi bộ B1")
        }
    }

    @Test func pagesAnswerWithoutASessionAndFilter() async throws {
        try await withTestApp { app in
            // setup
            let tree = try await Fixtures.tree(app)
            try await TreeIndex.rebuild(on: app.db)
            let a1 = try await PublicStoryTestSupport.story(app, unit: tree.a1, year: 2024, title: "Gương A1 2024", published: true)
            try await PublicStoryTestSupport.story(app, unit: tree.b1, year: 2023, title: "Gương B1 2023", published: true)
            var anonymous = TestClient(app: app)

            // act
            let list = try await anonymous.get(SiteURL.publicExemplars.path)
            let ofA = try await anonymous.get(SiteURL.publicExemplars.with([("don-vi", "A")])).body.string
            let of2023 = try await anonymous.get(SiteURL.publicExemplars.with([("nam", "2023")])).body.string
            let one = try await anonymous.get(SiteURL.publicExemplar(a1.id).path)
            let unknown = try await anonymous.get(SiteURL.publicExemplar(999_999).path)
            let login = try await anonymous.get(SiteURL.login.path).body.string

            // assert
            #expect(list.status == .ok && one.status == .ok && unknown.status == .notFound)
            let html = list.body.string
            #expect(html.contains("Gương A1 2024") && html.contains("Gương B1 2023") && html.contains("2 bài"))
            #expect(html.contains(#"<link rel="alternate" type="application/atom+xml""#))
            // units that published and the units above them, higher levels first
            let options = ["TU", "A", "A1"].compactMap { html.range(of: "<option value=\"\($0)\"")?.lowerBound }
            #expect(options.count == 3 && options == options.sorted())
            #expect(!html.contains(SiteURL.logout.path) && !html.contains(SiteURL.records.path) && !html.contains("_csrf"))
            #expect(ofA.contains("Gương A1 2024") && !ofA.contains("Gương B1 2023"))
            #expect(ofA.contains(#"href="/guong-sang/atom.xml?don-vi=A""#))
            #expect(of2023.contains("Gương B1 2023") && !of2023.contains("Gương A1 2024"))
            #expect(one.body.string.contains("Gương A1 2024") && one.body.string.contains("Chi bộ A1"))
            #expect(login.contains("href=\"\(SiteURL.publicExemplars.path)\""))
        }
    }

    /// Nothing of the person an exemplar tells about (birth date in any format, phone, e-mail,
    /// identity number) reaches the public page or the feed; an unpublished story appears nowhere.
    @Test func nothingPrivateOrUnpublishedIsShown() async throws {
        try await withTestApp { app in
            // setup
            let world = try await PracticeModelFixtures.world(app)
            let person = try await Fixtures.person(app, "Đặng Thị Riêng Tư", in: world.tree.a1)
            person.birthDate = LocalDate(year: 1975, month: 3, day: 4)
            person.phone = "0912345678"
            person.email = "riengtu@example.vn"
            person.identityNumber = "079175000123"
            person.note = "Ghi chú nội bộ không công khai"
            try await person.update(on: app.db)
            let exemplar = try await PracticeModelFixtures.exemplar(app, unit: world.tree.a1, year: 2024, person: person, story: "Tận tụy với bà con")
            var web = try await TestClient.login(app, "canbo.a")
            let form = try await web.get(SiteURL.publicStoryNew.with([("dien-hinh", String(exemplar.id!))])).body.string
            _ = try await web.post(SiteURL.publicStoryNew.path, [
                "exemplar": String(exemplar.id!), "unit": "A1", "year": "2024", "title": "Đặng Thị Riêng Tư", "summary": "Tận tụy",
                "body": "Tận tụy với bà con"])
            let story = try #require(try await PublicStory.query(on: app.db).first())
            _ = try await web.post(SiteURL.publicStoryPublish(story.id).path, [:])
            let hidden = try await PublicStoryTestSupport.story(app, unit: world.tree.a1, year: 2024, title: "Bài chưa công bố XYZ", published: false)
            var anonymous = TestClient(app: app)

            // act
            let pages = [
                try await anonymous.get(SiteURL.publicExemplars.path),
                try await anonymous.get(SiteURL.publicExemplars.with([("don-vi", "A1"), ("nam", "2024")])),
                try await anonymous.get(SiteURL.publicExemplar(story.id).path),
                try await anonymous.get(SiteURL.publicExemplarsFeed.path),
                try await anonymous.get(SiteURL.publicExemplarsFeed.with([("don-vi", "A1")])),
            ]
            let hiddenPage = try await anonymous.get(SiteURL.publicExemplar(hidden.id).path)

            // assert
            #expect(form.contains("Tận tụy với bà con") && !form.contains("0912345678") && !form.contains("1975"))
            #expect(hiddenPage.status == .notFound && !hiddenPage.body.string.contains("Bài chưa công bố"))
            let secrets = ["1975-03-04", "4/3/1975", "04/03/1975", "1975", "0912345678", "riengtu@example.vn", "079175000123",
                           "Ghi chú nội bộ", "Bài chưa công bố"]
            for page in pages {
                #expect(page.status == .ok)
                #expect(page.body.string.contains("Đặng Thị Riêng Tư"))
                for secret in secrets { #expect(!page.body.string.contains(secret), "\(secret)") }
            }
        }
    }

    @Test func markupInAStoryIsEscapedInHTMLAndXML() async throws {
        try await withTestApp { app in
            // setup
            let tree = try await Fixtures.tree(app)
            let title = #"<script>alert("x")</script> & "Ba" 'Bốn'"#
            let story = try await PublicStoryTestSupport.story(app, unit: tree.a1, year: 2024, title: title,
                                                               summary: "<b>tóm tắt</b> & \u{1}", body: "<img src=x onerror=alert(1)>\n\nĐoạn hai", published: true)
            var anonymous = TestClient(app: app)

            // act
            let list = try await anonymous.get(SiteURL.publicExemplars.path).body.string
            let page = try await anonymous.get(SiteURL.publicExemplar(story.id).path).body.string
            let xml = try await anonymous.get(SiteURL.publicExemplarsFeed.path).body.string
            let probe = #""><script>alert(2)</script>"#
            let filtered = try await anonymous.get(SiteURL.publicExemplars.with([("don-vi", probe)])).body.string
            let filteredFeed = try await anonymous.get(SiteURL.publicExemplarsFeed.with([("don-vi", probe)])).body.string

            // assert
            for html in [list, page] {
                #expect(!html.contains("<script>alert") && html.contains("&lt;script&gt;"))
                #expect(!html.contains("<b>tóm tắt</b>") && !html.contains("<img src=x"))
            }
            #expect(!xml.contains("<script>") && !xml.contains("<img"))
            #expect(!filtered.contains("<script>alert(2)") && filtered.contains("Không tìm thấy đơn vị có mã"))
            #expect(PublicStoryTestSupport.parse(filteredFeed)?.all("entry").isEmpty == true)
            let feed = try #require(PublicStoryTestSupport.parse(xml), "the feed must stay well-formed")
            let entry = try #require(feed.first("entry"))
            #expect(entry.first("title")?.text == title)
            #expect(entry.first("summary")?.text == "<b>tóm tắt</b> & ")
            #expect(entry.first("content")?.text == "<p>&lt;img src=x onerror=alert(1)&gt;</p><p>Đoạn hai</p>")
        }
    }

    @Test func theDemoPublishesStoriesOf2023To2025AndKeepsADraft() async throws {
        try await withTestApp { app in
            // setup
            try await DemoLoader.loadIfEmpty(app: app)
            let stories = try await PublicStory.query(on: app.db).all()
            let published = stories.filter(\.isPublished)
            let draft = try #require(stories.first { !$0.isPublished })

            // act
            let feed = try #require(PublicStoryTestSupport.parse(try await app.testing().sendRequest(.GET, SiteURL.publicExemplarsFeed.path).body.string))
            var anonymous = TestClient(app: app)
            let page = try await anonymous.get(SiteURL.publicExemplars.path).body.string

            // assert
            #expect(Set(published.map(\.year)) == Set(DemoPublicStories.years))
            #expect(published.contains { $0.kind == .exemplar } && published.contains { $0.kind == .practiceModel })
            #expect(stories.filter { !$0.isPublished }.count == 1)
            #expect(feed.all("entry").count == published.count)
            #expect(page.contains("\(VietnameseFormat.number(published.count)) bài") && !page.contains("href=\"\(SiteURL.publicExemplar(draft.id).path)\""))
        }
    }
}
