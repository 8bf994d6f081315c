@testable import App
import Domain
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@Suite struct TopicMaterialTests {
    typealias S = TopicMaterialTestSupport

    @Test func anUploadComesBackByteForByteWithItsVietnameseName() async throws {
        try await withTestApp { app in
            // setup
            let world = try await S.world(app)
            let officer = try await TestClient.login(app, "canbo.tu")
            let pdf = MinimalPDF.make(lines: ["Bai giang chuyen de", "(trang 1)"])
            // act
            let posted = try await S.upload(app, officer, topic: world.topic.id!, filename: "Bài giảng chuyên đề.pdf", data: pdf,
                                            title: "Bài giảng của Ban Tuyên giáo")
            var reader = try await TestClient.login(app, "dangvien.a1")
            let page = try await reader.get(SiteURL.topicMaterials(world.topic.id).path)
            let material = try #require(try await TopicMaterial.query(on: app.db).first())
            let download = try await reader.get(SiteURL.topicMaterial(material.id).path)
            // assert: stored with its checksum, listed, and downloaded as uploaded by a member who
            // reads the province's topic from below
            #expect(posted.status == .seeOther)
            #expect(posted.headers.first(name: .location) == SiteURL.topicMaterials(world.topic.id).path)
            #expect(material.sha256 == SHA256.hash(data: pdf).hex && material.size == pdf.count)
            #expect(material.filename == "Bài giảng chuyên đề.pdf" && material.title == "Bài giảng của Ban Tuyên giáo")
            #expect(page.status == .ok && page.body.string.contains("Bài giảng của Ban Tuyên giáo"))
            #expect(!page.body.string.contains("material-form"), "a member gets no upload form")
            #expect(download.status == .ok)
            #expect(Data(buffer: download.body) == pdf)
            #expect(download.headers.first(name: .contentType) == "application/pdf")
            #expect(download.headers.first(name: "X-Content-Type-Options") == "nosniff")
            #expect(download.headers.first(name: .contentDisposition)
                    == "attachment; filename=\"Bai giang chuyen de.pdf\"; filename*=UTF-8''B%C3%A0i%20gi%E1%BA%A3ng%20chuy%C3%AAn%20%C4%91%E1%BB%81.pdf")
            // the programme page counts it
            let programme = try await reader.get(SiteURL.programme(world.topic.programmeID).path)
            #expect(programme.body.string.contains("Tài liệu (1)"))
        }
    }

    @Test func uploadsAndRemovalsAreAudited() async throws {
        try await withTestApp { app in
            // setup
            let world = try await S.world(app)
            var officer = try await TestClient.login(app, "canbo.tu")
            let text = Data("Câu hỏi thảo luận: làm theo Bác bằng việc làm cụ thể.".utf8)
            // act
            _ = try await S.upload(app, officer, topic: world.topic.id!, filename: "Câu hỏi.txt", data: text)
            let material = try #require(try await TopicMaterial.query(on: app.db).first())
            let removed = try await officer.post(SiteURL.topicMaterialRemove(material.id).path, [:])
            // assert
            let entries = try await AuditEntry.query(on: app.db).filter(\.$entityType == Audit.Entity.topicMaterial.rawValue)
                .sort(\.$id).all()
            #expect(material.title == "Câu hỏi" && material.contentType == "text/plain; charset=utf-8")
            #expect(removed.status == .seeOther)
            #expect(try await TopicMaterial.query(on: app.db).count() == 0)
            #expect(entries.map(\.action) == [Audit.Action.create.rawValue, Audit.Action.remove.rawValue])
            #expect(entries.allSatisfy { $0.entityID == material.id && $0.unitID == world.tree.root.id })
            let checksum = SHA256.hash(data: text).hex
            #expect(entries[0].afterJSON?.contains(checksum) == true && entries[0].afterJSON?.contains("\"size\":\(text.count)") == true)
            #expect(entries[1].beforeJSON?.contains(checksum) == true && entries[1].beforeJSON?.contains("Câu hỏi.txt") == true)
        }
    }

    @Test func filesOfOtherTypesOrWithFalseNamesAreRefused() async throws {
        try await withTestApp { app in
            // setup
            let world = try await S.world(app)
            let officer = try await TestClient.login(app, "canbo.tu")
            let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13])
            let cases: [(String?, Data, String)] = [
                ("setup.exe", Data("MZ\u{90}".utf8), "chỉ nhận PDF"),
                ("Ảnh chụp.pdf", png, "không phải là tệp .pdf"),
                ("ghi-chu.txt", Data([0x41, 0x00, 0x42]), "không phải là tệp .txt"),
                ("rong.docx", Data(), "rỗng"),
                (nil, Data(), "chưa chọn tệp"),
            ]
            for (filename, data, message) in cases {
                // act
                let response = try await S.upload(app, officer, topic: world.topic.id!, filename: filename, data: data, title: "Thử")
                // assert: the form again, with the reason in Vietnamese and the title kept
                #expect(response.status == .unprocessableEntity, "\(filename ?? "nil")")
                #expect(response.body.string.contains(message), "\(filename ?? "nil"): \(message)")
                #expect(response.body.string.contains("value=\"Thử\""))
            }
            // over 20 MB, straight to the service (a 20 MB multipart body is slow to parse in a debug build)
            let officerUser = try await User.query(on: app.db).filter(\.$username == "canbo.tu").first()!
            let access = Access(user: CurrentUser(officerUser), db: app.db)
            let tooLarge = MaterialUpload(title: nil, filename: "qua-lon.mp4", data: Data(count: TopicMaterialService.maxBytes + 1))
            do {
                _ = try await TopicMaterialService.create(on: world.topic, tooLarge, access: access)
                Issue.record("a file over 20 MB was accepted")
            } catch let problems as InvalidInput {
                #expect(problems.description == "Tệp: lớn hơn 20 MB (tệp này 20,1 MB).")
            }
            #expect(try await TopicMaterial.query(on: app.db).count() == 0)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$entityType == Audit.Entity.topicMaterial.rawValue).count() == 0)
            #expect(MaterialFileType(filename: "Ảnh.JPEG") == .jpg && MaterialFileType(filename: "pdf") == nil)
            #expect(MaterialFilename.clean("C:\\Users\\an\\Tài liệu\\\u{0}bài 1.pdf") == "bài 1.pdf")
        }
    }

    @Test func onlyTheProvincesWritersChangeAndOthersReadOrGet404() async throws {
        try await withTestApp { app in
            // setup
            let world = try await S.world(app)
            let own = try await S.material(app, on: world.topic, title: "Tài liệu của tỉnh")
            let other = try await S.material(app, on: world.otherTopic, title: "Tài liệu của tỉnh khác")
            let pdf = MinimalPDF.make(lines: ["x"])
            var officer = try await TestClient.login(app, "canbo.tu")
            var leader = try await TestClient.login(app, "lanhdao.tu")
            var officerA = try await TestClient.login(app, "canbo.a")
            let token = try await Fixtures.token(app, for: try await User.query(on: app.db).filter(\.$username == "canbo.tu").first()!)
            // act & assert: another province's topic and material do not exist for TU's officer
            #expect(try await officer.get(SiteURL.topicMaterials(world.otherTopic.id).path).status == .notFound)
            #expect(try await S.upload(app, officer, topic: world.otherTopic.id!, filename: "a.pdf", data: pdf).status == .notFound)
            #expect(try await officer.get(SiteURL.topicMaterial(other.id).path).status == .notFound)
            #expect(try await officer.post(SiteURL.topicMaterialRemove(other.id).path, [:]).status == .notFound)
            #expect(try await token.get("/topics/\(world.otherTopic.id!)/materials").status == .notFound)
            // a leader reads but may not change (403); A's officer reads from below, changes nothing
            let leaderPage = try await leader.get(SiteURL.topicMaterials(world.topic.id).path)
            #expect(leaderPage.status == .ok && !leaderPage.body.string.contains("material-form"))
            #expect(try await S.upload(app, leader, topic: world.topic.id!, filename: "a.pdf", data: pdf).status == .forbidden)
            #expect(try await leader.post(SiteURL.topicMaterialRemove(own.id).path, [:]).status == .forbidden)
            #expect(try await officerA.get(SiteURL.topicMaterial(own.id).path).status == .ok)
            #expect(try await S.upload(app, officerA, topic: world.topic.id!, filename: "a.pdf", data: pdf).status == .notFound)
            // the writer sees the form; the API lists the topic's materials without their bytes
            #expect(try await officer.get(SiteURL.topicMaterials(world.topic.id).path).body.string.contains("material-form"))
            let listed = try await token.get("/topics/\(world.topic.id!)/materials")
            let json = try JSONSerialization.jsonObject(with: Data(listed.body.string.utf8)) as? [String: Any]
            let items = json?["items"] as? [[String: Any]] ?? []
            #expect(listed.status == .ok && items.count == 1 && json?["total"] as? Int == 1)
            #expect(items.first?["sha256"] as? String == own.sha256 && items.first?["data"] == nil)
            #expect(try await TopicMaterial.query(on: app.db).count() == 2)
        }
    }

    @Test func namesAndTitlesComeOutInert() async throws {
        try await withTestApp { app in
            // setup
            let world = try await S.world(app)
            var officer = try await TestClient.login(app, "canbo.tu")
            let payload = "\"><script>alert(1)</script>"
            // act
            _ = try await S.upload(app, officer, topic: world.topic.id!, filename: "a.txt", data: Data("x".utf8), title: payload)
            let material = try #require(try await TopicMaterial.query(on: app.db).first())
            let page = try await officer.get(SiteURL.topicMaterials(world.topic.id).path)
            // assert
            #expect(material.title == payload)
            #expect(!page.body.string.contains("<script>alert(1)"))
            #expect(page.body.string.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            // a quote in a stored name cannot end the header's quoted string
            #expect(MaterialFilename.contentDisposition("a\"b;c.txt") == "attachment; filename=\"a_b;c.txt\"; filename*=UTF-8''a%22b%3Bc.txt")
        }
    }

    /// Through a real server an upload arrives in several reads, still streaming when the CSRF
    /// check runs; it must be collected (within the route's limit) rather than refused.
    @Test func aLargeUploadThroughARunningServerPassesTheFormCheck() async throws {
        try await withTestApp { app in
            // setup
            let world = try await S.world(app)
            let officer = try await TestClient.login(app, "canbo.tu")
            let pdf = MinimalPDF.make(lines: ["Tai lieu lon"]) + Data(repeating: 0x20, count: 600_000)
            let (headers, body) = S.multipart(officer, filename: "Tài liệu lớn.pdf", data: pdf, title: "")
            app.http.client.configuration.redirectConfiguration = .disallow
            try await app.server.start(address: .hostname("127.0.0.1", port: 0))
            let port = try #require(app.http.server.shared.localAddress?.port)
            // act
            let response: ClientResponse
            do {
                response = try await app.client.post(URI(string: "http://127.0.0.1:\(port)" + SiteURL.topicMaterials(world.topic.id).path),
                                                     headers: headers) { $0.body = body }
            } catch {
                await app.server.shutdown()
                throw error
            }
            await app.server.shutdown()
            // assert
            #expect(response.status == .seeOther, "\(response.status)")
            #expect(try await TopicMaterial.query(on: app.db).first()?.sha256 == SHA256.hash(data: pdf).hex)
        }
    }
}
