@testable import App
import Domain
import Fluent
import Plot
import Testing
import Vapor
import VaporTesting

@Suite struct PeopleListTests {
    @Test func searchIgnoresDiacriticsAndTreatsDAndĐAlike() async throws {
        try await withTestApp { app in
            // setup
            let tree = try await Fixtures.tree(app)
            let an = try await Fixtures.person(app, "Nguyễn Văn An", in: tree.a1)
            let binh = try await Fixtures.person(app, "Nguyễn Văn Bình", in: tree.a1)
            let dao = try await Fixtures.person(app, "Đặng Thị Đào", in: tree.b1)
            let dung = try await Fixtures.person(app, "Phan Văn Dũng", in: tree.b1)
            try await Fixtures.person(app, "Trần Thị Hoa", in: tree.a)
            try await Fixtures.user(app, "quantri", .admin)
            var web = try await TestClient.login(app, "quantri")
            func search(_ q: String) async throws -> Set<Int> {
                let page = try await web.get(PeopleTest.query(SiteURL.people.path, [("q", q)]))
                #expect(page.status == .ok)
                return Set(PeopleTest.rowIDs(page.body.string))
            }

            // act
            let withMarks = try await search("Nguyễn Văn")
            let withoutMarks = try await search("nguyen van")
            let oneInitial = try await search("nguyen van a")
            let plainD = try await search("d")
            let barredD = try await search("đ")
            let dangPlain = try await search("DANG")
            let dangMarked = try await search("Đặng")
            let percent = try await search("%")

            // assert
            #expect(withMarks == [an.id!, binh.id!])
            #expect(withoutMarks == withMarks)
            #expect(oneInitial == [an.id!])
            #expect(plainD == [dao.id!, dung.id!])
            #expect(barredD == plainD)
            #expect(dangPlain == [dao.id!])
            #expect(dangMarked == dangPlain)
            #expect(percent.isEmpty) // % is escaped, not a wildcard
        }
    }

    @Test func listIsInVietnameseNameOrder() async throws {
        try await withTestApp { app in
            // setup: written down by hand — given name first; a < ă < â, d < đ; middle names
            // before the family name; tones only between names whose letters are equal.
            let expected = [
                "Lê Văn An", "Phạm Thị Anh", "Phạm Thị Ánh", "Trần Ân", "Trần Văn Bình",
                "Võ Thị Dung", "Nguyễn Văn Dũng", "Lý Văn Đạt",
            ]
            let tree = try await Fixtures.tree(app)
            var ids: [String: Int] = [:]
            for name in expected.shuffled() {
                ids[name] = try await Fixtures.person(app, name, in: tree.a1).id!
            }
            try await Fixtures.user(app, "quantri", .admin)
            var web = try await TestClient.login(app, "quantri")

            // act
            let page = try await web.get(SiteURL.people.path)

            // assert
            #expect(PeopleTest.rowIDs(page.body.string) == expected.map { ids[$0]! })
        }
    }

    @Test func pagesHoldFiftyAndShowTheTotal() async throws {
        try await withTestApp { app in
            // setup: 55 people; family names vary so their order is not their creation order
            let tree = try await Fixtures.tree(app)
            let families = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng"]
            let givens = ["An", "Bình", "Cường", "Dung", "Đức", "Giang", "Hà", "Khánh", "Lan", "Minh", "Nam"]
            var people: [Person] = []
            for given in givens {
                for family in families {
                    people.append(try await Fixtures.person(app, "\(family) Văn \(given)", in: tree.a1))
                }
            }
            let ordered = people.sorted { ($0.sortKey, $0.id!) < ($1.sortKey, $1.id!) }.map { $0.id! }
            try await Fixtures.user(app, "quantri", .admin)
            var web = try await TestClient.login(app, "quantri")

            // act
            let first = try await web.get(SiteURL.people.path)
            let second = try await web.get(PeopleTest.query(SiteURL.people.path, [("page", "2")]))

            // assert
            #expect(PeopleTest.resultCount(first.body.string) == 55)
            #expect(first.body.string.contains("55 người"))
            #expect(PeopleTest.rowIDs(first.body.string) == Array(ordered[0..<50]))
            #expect(PeopleTest.rowIDs(second.body.string) == Array(ordered[50..<55]))
            #expect(PeopleTest.resultCount(second.body.string) == 55)
            #expect(second.body.string.contains("Trang 2/2"))
            // given names decide: all the "An"s come first, all the "Nam"s last
            #expect(Set(PeopleTest.rowIDs(second.body.string)) == Set(people.suffix(5).map { $0.id! }))
        }
    }

    @Test func thousandsAreGroupedTheVietnameseWay() {
        // The count line is written by the view; 1234 people read "1.234 người".
        let model = PeopleListView.Model(total: 1234)
        let html = PeopleListView.render(model).render()
        #expect(html.contains(#"id="result-count" data-count="1234""#))
        #expect(html.contains("1.234 người"))
    }

    @Test func filtersByUnitSubtreeCategoryAndOpenPosition() async throws {
        try await withTestApp { app in
            // setup
            let tree = try await Fixtures.tree(app)
            let inA = try await PeopleTest.person(app, "Nguyễn Văn An", in: tree.a, category: .cadre)
            let inA1 = try await PeopleTest.person(app, "Trần Thị Bình", in: tree.a1)
            let inB1 = try await PeopleTest.person(app, "Lê Văn Cường", in: tree.b1, category: .cadre)
            let formerSecretary = try await PeopleTest.person(app, "Phạm Văn Dũng", in: tree.a1)
            try await PeopleTest.position(app, inA1, .secretary, in: tree.a1, from: "2020-01-01")
            try await PeopleTest.position(app, formerSecretary, .secretary, in: tree.a1, from: "2015-01-01", to: "2020-01-01")
            try await Fixtures.user(app, "quantri", .admin)
            var web = try await TestClient.login(app, "quantri")
            func ids(_ items: [(String, String)]) async throws -> Set<Int> {
                Set(PeopleTest.rowIDs(try await web.get(PeopleTest.query(SiteURL.people.path, items)).body.string))
            }

            // act
            let underA = try await ids([("don-vi", "A")])
            let underA1 = try await ids([("don-vi", "A1")])
            let cadres = try await ids([("loai", "can_bo")])
            let cadresUnderA = try await ids([("loai", "can_bo"), ("don-vi", "A")])
            let secretaries = try await ids([("chuc-vu", "bi_thu")])
            let unknownUnit = try await web.get(PeopleTest.query(SiteURL.people.path, [("don-vi", "KHONG-CO")]))

            // assert
            #expect(underA == [inA.id!, inA1.id!, formerSecretary.id!])
            #expect(underA1 == [inA1.id!, formerSecretary.id!])
            #expect(cadres == [inA.id!, inB1.id!])
            #expect(cadresUnderA == [inA.id!])
            #expect(secretaries == [inA1.id!])
            #expect(PeopleTest.resultCount(unknownUnit.body.string) == 0)
            #expect(unknownUnit.body.string.contains("Không tìm thấy tổ chức đảng có mã “KHONG-CO”"))
        }
    }

    @Test func listShowsUnitCategoryAndJoinDateAndTheSearchForm() async throws {
        try await withTestApp { app in
            // setup
            let tree = try await Fixtures.tree(app)
            let person = try await PeopleTest.person(app, "Nguyễn Thị Hạnh", in: tree.a1, joined: PeopleTest.day("2012-09-02"))
            try await Fixtures.user(app, "canbo-a", .officer, unit: tree.a)
            var web = try await TestClient.login(app, "canbo-a")

            // act
            let html = try await web.get(SiteURL.people.path).body.string

            // assert
            #expect(PeopleTest.rowIDs(html) == [person.id!])
            #expect(html.contains(#"<form method="get" action="/nguoi" id="people-search""#))
            #expect(html.contains(#"name="q""#) && html.contains(#"name="loai""#) && html.contains(#"name="chuc-vu""#))
            #expect(html.contains("Chi bộ A1"))
            #expect(html.contains("Đảng viên"))
            #expect(html.contains("2/9/2012"))
            #expect(html.contains(#"href="/nguoi/moi"#))
            #expect(html.contains("<datalist id=\"unit-choices\">"))
            #expect(html.contains("A1 — Chi bộ A1"))
            #expect(!html.contains("B1 — Chi bộ B1")) // units outside the scope are not suggested
        }
    }
}
