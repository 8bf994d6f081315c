@testable import App
import Domain
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// Who reads and writes which documents, and how the register is searched and filtered.
@Suite struct DocumentsScopeTests {
    /// One document per unit: TU and A are above A1, B is beside it.
    struct Seeded {
        let root: GuidanceDocument
        let a: GuidanceDocument
        let a1: GuidanceDocument
        let b: GuidanceDocument
    }

    static func seed(_ app: Application, _ world: DocumentsFixtures.World) async throws -> Seeded {
        Seeded(
            root: try await DocumentsFixtures.document(app, unit: world.tree.root, number: "10-HD/TU", title: "Hướng dẫn của Tỉnh ủy",
                                                       kind: .guide, issued: "2023-02-10", programmeID: world.programmeID),
            a: try await DocumentsFixtures.document(app, unit: world.tree.a, number: "34-KH/ĐUK", title: "Kế hoạch học tập chuyên đề năm 2024",
                                                    issued: "2024-03-01", programmeID: world.programmeID),
            a1: try await DocumentsFixtures.document(app, unit: world.tree.a1, number: "5-KH/CB", title: "Kế hoạch của Chi bộ A1",
                                                     issued: "2024-04-05"),
            b: try await DocumentsFixtures.document(app, unit: world.tree.b, number: "77/QĐ-UBND", title: "Quyết định của Đảng bộ B",
                                                    kind: .decision, issued: "2024-01-15"))
    }

    @Test(arguments: ["bithu.a1", "canbo.a1"])
    func cellReadsGuidanceFromAboveButNotBeside(username: String) async throws {
        try await withTestApp { app in
            // setup
            let world = try await DocumentsFixtures.world(app)
            let docs = try await Self.seed(app, world)
            var web = try await TestClient.login(app, username)
            let user = try await User.query(on: app.db).filter(\.$username == username).first()!
            let api = try await Fixtures.token(app, for: user)

            // act
            let list = try await web.get(SiteURL.documents.path)
            let above = try await web.get(SiteURL.document(docs.root.id).path)
            let beside = try await web.get(SiteURL.document(docs.b.id).path)
            let apiList = try await api.get("/documents")
            let apiBeside = try await api.get("/documents/\(docs.b.id!)")
            let editAbove = try await web.get(SiteURL.documentEdit(docs.a.id).path)

            // assert
            let html = list.body.string
            // Newest issue date first: A1 (4/2024), A (3/2024), TU (2/2023).
            let positions = ["5-KH/CB", "34-KH/ĐUK", "10-HD/TU"].map { html.range(of: $0)?.lowerBound }
            #expect(positions.allSatisfy { $0 != nil })
            #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
            #expect(!html.contains("77/QĐ-UBND"))
            #expect(!html.contains("Quyết định của Đảng bộ B"))
            #expect(above.status == .ok)
            #expect(above.body.string.contains("Hướng dẫn của Tỉnh ủy"))
            #expect(beside.status == .notFound)
            #expect(!beside.body.string.contains("Quyết định của Đảng bộ B"))
            let items = try DocumentsFixtures.json(apiList.body.string)["items"] as? [[String: Any]] ?? []
            #expect(items.compactMap { $0["number"] as? String } == ["5-KH/CB", "34-KH/ĐUK", "10-HD/TU"])
            #expect(apiBeside.status == .notFound)
            // Read from above is not write: the superior's document cannot be edited from the cell.
            #expect(editAbove.status == .notFound)
        }
    }

    @Test func leaderMayReadButNotWrite() async throws {
        try await withTestApp { app in
            // setup
            let world = try await DocumentsFixtures.world(app)
            let docs = try await Self.seed(app, world)
            var web = try await TestClient.login(app, "lanhdao.a")
            let leader = try await User.query(on: app.db).filter(\.$username == "lanhdao.a").first()!
            let api = try await Fixtures.token(app, for: leader)

            // act
            let read = try await web.get(SiteURL.document(docs.a.id).path)
            let newForm = try await web.get(SiteURL.documentNew.path)
            let post = try await web.post(SiteURL.documentNew.path, DocumentsFixtures.form(unit: "A", number: "40-KH/ĐUK"))
            let edit = try await web.post(SiteURL.documentEdit(docs.a.id).path,
                                          DocumentsFixtures.form(unit: "A", number: "34-KH/ĐUK", title: "Sửa trái phép"))
            let apiPost = try await api.send(.POST, "/documents", DocumentBody(
                unit: "A", number: "41-KH/ĐUK", kind: "ke_hoach", title: "Kế hoạch", issuedOn: "2024-03-01"))
            let apiPut = try await api.send(.PUT, "/documents/\(docs.a.id!)", DocumentBody(
                unit: "A", number: "34-KH/ĐUK", kind: "ke_hoach", title: "Sửa trái phép", issuedOn: "2024-03-01"))

            // assert
            #expect(read.status == .ok)
            #expect(!read.body.string.contains("Sửa văn bản"))
            #expect(newForm.status == .forbidden)
            #expect(post.status == .forbidden)
            #expect(edit.status == .forbidden)
            #expect(apiPost.status == .forbidden)
            #expect(apiPut.status == .forbidden)
            #expect(try await DocumentsFixtures.count(app) == 4)
            #expect(try await GuidanceDocument.find(docs.a.id, on: app.db)?.title == "Kế hoạch học tập chuyên đề năm 2024")
            #expect(try await AuditEntry.query(on: app.db).filter(\.$entityType == Audit.Entity.document.rawValue).count() == 0)
        }
    }

    @Test func officerCannotWriteForAUnitOutsideTheSubtree() async throws {
        try await withTestApp { app in
            // setup
            let world = try await DocumentsFixtures.world(app)
            let docs = try await Self.seed(app, world)
            var web = try await TestClient.login(app, "canbo.a")

            // act
            let forB = try await web.post(SiteURL.documentNew.path, DocumentsFixtures.form(unit: "B", number: "1-KH/ĐUB"))
            let forRoot = try await web.post(SiteURL.documentNew.path, DocumentsFixtures.form(unit: "TU", number: "1-KH/TU"))
            let editB = try await web.post(SiteURL.documentEdit(docs.b.id).path, DocumentsFixtures.form(unit: "A", number: "2-KH/ĐUK"))

            // assert
            #expect(forB.status == .unprocessableEntity)
            #expect(forB.body.string.contains("Đơn vị ban hành: không tìm thấy tổ chức đảng có mã “B” trong phạm vi của bạn."))
            #expect(forRoot.status == .unprocessableEntity)
            #expect(editB.status == .notFound)
            #expect(try await DocumentsFixtures.count(app) == 4)
        }
    }

    @Test func searchIgnoresDiacriticsAndCase() async throws {
        try await withTestApp { app in
            // setup
            let world = try await DocumentsFixtures.world(app)
            _ = try await Self.seed(app, world)
            var web = try await TestClient.login(app, "canbo.tu")
            let officer = try await User.query(on: app.db).filter(\.$username == "canbo.tu").first()!
            let api = try await Fixtures.token(app, for: officer)

            // act
            let byTitle = try await web.get(SiteURL.documents.with([("q", "ke hoach hoc tap")]))
            let byNumber = try await web.get(SiteURL.documents.with([("q", "34-kh/duk")]))
            let byAccented = try await api.get("/documents?q=" + TestClient.encode("KẾ HOẠCH HỌC"))
            let byState = try await api.get("/documents?q=" + TestClient.encode("qđ-ubnd"))

            // assert
            #expect(byTitle.body.string.contains("34-KH/ĐUK"))
            #expect(!byTitle.body.string.contains("5-KH/CB"))
            #expect(!byTitle.body.string.contains("10-HD/TU"))
            #expect(byNumber.body.string.contains("Kế hoạch học tập chuyên đề năm 2024"))
            #expect(!byNumber.body.string.contains("Kế hoạch của Chi bộ A1"))
            let accented = try DocumentsFixtures.json(byAccented.body.string)
            #expect((accented["items"] as? [[String: Any]])?.compactMap { $0["number"] as? String } == ["34-KH/ĐUK"])
            let state = try DocumentsFixtures.json(byState.body.string)
            #expect((state["items"] as? [[String: Any]])?.compactMap { $0["number"] as? String } == ["77/QĐ-UBND"])
        }
    }

    @Test func filtersAndPaging() async throws {
        try await withTestApp { app in
            // setup
            let world = try await DocumentsFixtures.world(app)
            _ = try await Self.seed(app, world)
            let admin = try await User.query(on: app.db).filter(\.$username == "quantri").first()!
            let api = try await Fixtures.token(app, for: admin)
            var web = try await TestClient.login(app, "quantri")
            func numbers(_ path: String) async throws -> [String] {
                let body = try DocumentsFixtures.json(try await api.get(path).body.string)
                return (body["items"] as? [[String: Any]])?.compactMap { $0["number"] as? String } ?? []
            }

            // act & assert
            #expect(try await numbers("/documents?unit=A") == ["5-KH/CB", "34-KH/ĐUK"])
            #expect(try await numbers("/documents?year=2023") == ["10-HD/TU"])
            #expect(try await numbers("/documents?kind=quyet_dinh") == ["77/QĐ-UBND"])
            #expect(try await numbers("/documents?programme=\(world.programmeID)") == ["34-KH/ĐUK", "10-HD/TU"])
            #expect(try await numbers("/documents?perPage=2&page=2") == ["77/QĐ-UBND", "10-HD/TU"])
            let page = try DocumentsFixtures.json(try await api.get("/documents?perPage=2").body.string)
            #expect(page["total"] as? Int == 4)
            #expect(page["perPage"] as? Int == 2)
            #expect(try await api.get("/documents?kind=khong_co").status == .badRequest)
            #expect(try await api.get("/documents?unit=KHONGCO").status == .badRequest)
            let html = try await web.get(SiteURL.documents.with([("don-vi", "B"), ("nam", "2024"), ("loai", "quyet_dinh")]))
            #expect(html.body.string.contains("77/QĐ-UBND"))
            #expect(!html.body.string.contains("34-KH/ĐUK"))
            #expect(html.body.string.contains("1 văn bản"))
        }
    }
}
