@testable import App
import Domain
import Fluent
import Foundation
import Vapor
import VaporTesting

/// Topics, accounts and multipart uploads for the study-material tests.
enum TopicMaterialTestSupport {
    struct World {
        let tree: Fixtures.Tree
        /// An annual topic of TU.
        let topic: Topic
        /// A topic of another province, TK.
        let otherTopic: Topic
    }

    /// TU → (A → A1), (B → B1) and a province TK; accounts "canbo.tu" (officer of TU), "lanhdao.tu"
    /// (leader of TU), "canbo.a" (officer of A), "dangvien.a1" (member in A1), "quantri".
    static func world(_ app: Application) async throws -> World {
        let tree = try await Fixtures.tree(app)
        let tk = try await Fixtures.unit(app, "TK", "Tỉnh ủy Khác", kind: "TINH", parent: nil, founded: LocalDate("2020-01-01")!)
        try await TreeIndex.rebuild(on: app.db)
        try await Fixtures.user(app, "quantri", .admin)
        try await Fixtures.user(app, "canbo.tu", .officer, unit: tree.root)
        try await Fixtures.user(app, "lanhdao.tu", .leader, unit: tree.root)
        try await Fixtures.user(app, "canbo.a", .officer, unit: tree.a)
        let member = try await Fixtures.person(app, "Nguyễn Thị Đọc", in: tree.a1)
        try await Fixtures.user(app, "dangvien.a1", .member, person: member)
        return World(tree: tree, topic: try await topic(app, tree.root, "Chuyên đề năm 2024 của tỉnh"),
                     otherTopic: try await topic(app, tk, "Chuyên đề của tỉnh khác"))
    }

    static func topic(_ app: Application, _ province: OrgUnit, _ title: String) async throws -> Topic {
        let programme = try await Programme.query(on: app.db).filter(\.$documentNumber == "01-KL/TW").first()!
        let topic = Topic()
        topic.programmeID = programme.id!
        topic.unitID = province.id!
        topic.kind = .wholeTerm
        topic.year = 2021
        topic.endYear = 2025
        topic.title = title
        topic.titleFolded = VietnameseText.fold(title)
        topic.description = ""
        try await topic.create(on: app.db)
        return topic
    }

    /// A material written straight to the table.
    @discardableResult
    static func material(_ app: Application, on topic: Topic, title: String, data: Data = MinimalPDF.make(lines: ["Tai lieu"])) async throws -> TopicMaterial {
        let m = TopicMaterial()
        m.topicID = topic.id!
        m.createdAt = Date()
        m.title = title
        m.filename = title + ".pdf"
        m.contentType = MaterialFileType.pdf.contentType
        m.size = data.count
        m.sha256 = SHA256.hash(data: data).hex
        m.data = data
        m.username = "canbo.tu"
        try await m.create(on: app.db)
        return m
    }

    /// Posts a multipart form with the session's cookie and CSRF token, as a browser does.
    static func upload(
        _ app: Application, _ client: TestClient, topic: Int, filename: String?, data: Data, title: String = ""
    ) async throws -> TestingHTTPResponse {
        let (headers, body) = multipart(client, filename: filename, data: data, title: title)
        return try await app.testing().sendRequest(.POST, SiteURL.topicMaterials(topic).path, headers: headers, body: body)
    }

    /// The headers (content type with its boundary, cookie) and body of an upload form.
    static func multipart(_ client: TestClient, filename: String?, data: Data, title: String) -> (HTTPHeaders, ByteBuffer) {
        let boundary = "----lamtheobac-test-\(UUID().uuidString)"
        var body = Data()
        func part(_ headers: String, _ content: Data) {
            body.append(Data("--\(boundary)\r\n\(headers)\r\n\r\n".utf8))
            body.append(content)
            body.append(Data("\r\n".utf8))
        }
        part("Content-Disposition: form-data; name=\"_csrf\"", Data((client.csrf ?? "").utf8))
        part("Content-Disposition: form-data; name=\"title\"", Data(title.utf8))
        if let filename {
            part("Content-Disposition: form-data; name=\"file\"; filename=\"\(filename)\"\r\nContent-Type: application/octet-stream", data)
        }
        body.append(Data("--\(boundary)--\r\n".utf8))
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
        if let cookie = client.cookie { headers.add(name: .cookie, value: cookie) }
        return (headers, ByteBuffer(data: body))
    }

    /// For `ScopeTests`: a material on the other province's topic (the one "chuyen-de" names).
    @Sendable static func scopeRecords(_ app: Application, _ tree: Fixtures.Tree) async throws -> ScopeRecords.Records {
        let tk = try await OrgUnit.query(on: app.db).filter(\.$code == "TK").first()!
        let topic = try await Topic.query(on: app.db).filter(\.$unitID == tk.id!).first()!
        let m = try await material(app, on: topic, title: "Tài liệu mật của tỉnh khác")
        return (ids: ["tai-lieu": m.id!], secrets: ["Tài liệu mật của tỉnh khác"])
    }
}
