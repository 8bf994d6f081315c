@testable import App
import Domain
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// Study sessions: create, edit, validation, scope, list filters, escaping.
@Suite struct StudySessionTests {
    @Test func createAndEditThroughTheFormsAndTheAPI() async throws {
        try await withTestApp { app in
            // setup
            let tree = try await StudySessionTestSupport.world(app)
            var web = try await TestClient.login(app, "canbo.a")
            let api = try await StudySessionTestSupport.api(app, "canbo.a")

            // act
            let created = try await web.post(SiteURL.studySessionNew.path, StudySessionTestSupport.form(expected: "A1,\nA"))
            let session = try await StudySession.query(on: app.db).first()
            let edited = try await web.post(SiteURL.studySessionEdit(session?.id).path, StudySessionTestSupport.form(
                title: "Hội nghị đã sửa tên", format: "ket_hop", mode: "long_ghep_sinh_hoat", expected: "A1", nonMembers: "1.250"))
            let posted = try await api.send(.POST, "/study-sessions", StudySessionBody(
                unit: "A1", title: "Học tập lồng ghép sinh hoạt chi bộ", heldOn: "2024-06-10", format: "truc_tuyen",
                mode: "gui_tai_lieu", nonMemberCount: 7, expectedUnits: ["A1"]))

            // assert
            #expect(created.status == .seeOther && edited.status == .seeOther)
            let stored = try await StudySession.find(session?.id, on: app.db)
            #expect(stored?.title == "Hội nghị đã sửa tên" && stored?.format == .hybrid && stored?.mode == .inCellMeeting)
            #expect(stored?.nonMemberCount == 1250 && stored?.heldOn.iso == "2024-05-15" && stored?.unitID == tree.a.id!)
            #expect(try await StudySessionService.expectedUnitIDs(session!.id!, on: app.db) == [tree.a1.id!])
            #expect(posted.status == .created)
            let body = try StudySessionTestSupport.json(posted.body.string)
            #expect(body["unitCode"] as? String == "A1" && body["nonMemberCount"] as? Int == 7 && body["mode"] as? String == "gui_tai_lieu")
            #expect((body["expectedUnits"] as? [[String: Any]])?.compactMap { $0["code"] as? String } == ["A1"])
            #expect((body["counts"] as? [String: Any])?["expected"] as? Int == 0)
            let entries = try await AuditEntry.query(on: app.db).filter(\.$entityType == Audit.Entity.studySession.rawValue).sort(\.$id).all()
            #expect(entries.map(\.action) == [Audit.Action.create.rawValue, Audit.Action.update.rawValue, Audit.Action.create.rawValue])
            #expect(entries[1].beforeJSON?.contains("Hội nghị quán triệt chuyên đề năm 2024") == true)
            #expect(entries[1].afterJSON?.contains("Hội nghị đã sửa tên") == true)
        }
    }

    @Test func invalidInputIsRefusedWithVietnameseMessages() async throws {
        try await withTestApp { app in
            // setup
            _ = try await StudySessionTestSupport.world(app)
            var web = try await TestClient.login(app, "canbo.a")
            let api = try await StudySessionTestSupport.api(app, "canbo.a")

            // act
            let outside = try await web.post(SiteURL.studySessionNew.path, StudySessionTestSupport.form(expected: "A, B1"))
            let above = try await web.post(SiteURL.studySessionNew.path, StudySessionTestSupport.form(unit: "A1", expected: "A"))
            let empty = try await web.post(SiteURL.studySessionNew.path, StudySessionTestSupport.form(
                title: "", heldOn: "31/2/2024", format: "", expected: "", nonMembers: "-3"))
            let badFormat = try await api.send(.POST, "/study-sessions", StudySessionBody(
                unit: "A", title: "Hội nghị", heldOn: "2024-06-10", format: "zoom", mode: "tap_trung", expectedUnits: ["A"]))

            // assert
            #expect(outside.status == .unprocessableEntity)
            #expect(outside.body.string.contains("Đơn vị dự kiến tham dự: không tìm thấy tổ chức đảng có mã “B1” trong phạm vi của bạn."))
            #expect(outside.body.string.contains("value=\"Hội nghị quán triệt chuyên đề năm 2024\""))
            #expect(above.status == .unprocessableEntity)
            #expect(above.body.string.contains("Đơn vị dự kiến tham dự: “A” không phải đơn vị tổ chức hoặc cấp dưới của đơn vị tổ chức."))
            let html = empty.body.string
            for message in ["Tên hội nghị: chưa nhập.", "Ngày tổ chức: không đúng dạng ngày", "Hình thức: chưa chọn.",
                            "Đơn vị dự kiến tham dự: chưa nhập mã tổ chức đảng.", "Lượt quần chúng tham dự: phải là số nguyên không âm."] {
                #expect(html.contains(message), "\(message)")
            }
            #expect(badFormat.status == .unprocessableEntity)
            let error = try StudySessionTestSupport.json(badFormat.body.string)["error"] as? [String: Any]
            #expect(error?["field"] as? String == "format")
            #expect((error?["message"] as? String)?.hasPrefix("Hình thức:") == true)
            #expect(try await StudySession.query(on: app.db).count() == 0)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$entityType == Audit.Entity.studySession.rawValue).count() == 0)
        }
    }

    @Test func anotherSubtreesSessionIsNotFoundAndLeadersCannotWrite() async throws {
        try await withTestApp { app in
            // setup
            let tree = try await StudySessionTestSupport.world(app)
            let member = try await Fixtures.person(app, "Tạ Văn Bên B", in: tree.b1)
            let session = try await StudySessionTestSupport.session(app, by: tree.b, expected: [tree.b], title: "Hội nghị riêng của B")
            var officer = try await TestClient.login(app, "canbo.a")
            let officerAPI = try await StudySessionTestSupport.api(app, "canbo.a")
            var leader = try await TestClient.login(app, "lanhdao.a")
            let leaderAPI = try await StudySessionTestSupport.api(app, "lanhdao.a")

            // act
            let pages = [
                try await officer.get(SiteURL.studySession(session.id).path).status,
                try await officer.get(SiteURL.studySessionAttendance(session.id).path).status,
                try await officer.get(SiteURL.studySessionEdit(session.id).path).status,
                try await officer.post(SiteURL.studySessionAttendance(session.id).path, [StudySessionAttendanceView.field(member.id!): "co_mat"]).status,
                try await officerAPI.get("/study-sessions/\(session.id!)").status,
                try await officerAPI.send(.PUT, "/study-sessions/\(session.id!)/attendance", [AttendanceMarkDTO(personId: member.id!, status: "co_mat")]).status,
            ]
            let list = try await officer.get(SiteURL.studySessions.path).body.string
            let leaderForm = try await leader.post(SiteURL.studySessionNew.path, StudySessionTestSupport.form())
            let leaderAPIPost = try await leaderAPI.send(.POST, "/study-sessions", StudySessionBody(
                unit: "A", title: "Hội nghị", heldOn: "2024-06-10", format: "truc_tiep", mode: "tap_trung", expectedUnits: ["A"]))

            // assert
            #expect(pages == Array(repeating: .notFound, count: pages.count))
            #expect(!list.contains("Hội nghị riêng của B"))
            #expect(leaderForm.status == .forbidden && leaderAPIPost.status == .forbidden)
            #expect(try await StudySession.query(on: app.db).count() == 1)
            #expect(try await Attendance.query(on: app.db).count() == 0)
        }
    }

    @Test func listFiltersByUnitYearAndTopic() async throws {
        try await withTestApp { app in
            // setup
            let tree = try await StudySessionTestSupport.world(app)
            let programme = try await Programme.query(on: app.db).filter(\.$documentNumber == "01-KL/TW").first()!
            let topic = Topic()
            topic.programmeID = programme.id!
            topic.unitID = tree.root.id!
            topic.kind = .annual
            topic.year = 2024
            topic.endYear = 2024
            topic.title = "Chuyên đề năm 2024 thử nghiệm"
            topic.titleFolded = VietnameseText.fold(topic.title)
            topic.description = ""
            try await topic.create(on: app.db)
            try await StudySessionTestSupport.session(app, by: tree.root, expected: [tree.root], title: "Hội nghị Tỉnh ủy 2024", topicID: topic.id)
            try await StudySessionTestSupport.session(app, by: tree.a1, expected: [tree.a1], title: "Học tập chi bộ A1 2023", heldOn: "2023-04-02")
            try await StudySessionTestSupport.session(app, by: tree.a, expected: [tree.a], title: "Hội nghị Khối A 2024")
            try await StudySessionTestSupport.session(app, by: tree.b, expected: [tree.b], title: "Hội nghị Đảng bộ B 2024")
            var web = try await TestClient.login(app, "bithu.a1")
            let api = try await StudySessionTestSupport.api(app, "canbo.a")

            // act
            let all = try await web.get(SiteURL.studySessions.path).body.string
            let in2024 = try await web.get(SiteURL.studySessions.with([("nam", "2024")])).body.string
            let byTopic = try await web.get(SiteURL.studySessions.with([("chuyen-de", String(topic.id!))])).body.string
            let underA = try StudySessionTestSupport.json(try await api.get("/study-sessions?unit=A").body.string)

            // assert: a cell sees its own and those organised above it, never B's
            #expect(all.contains("Hội nghị Tỉnh ủy 2024") && all.contains("Học tập chi bộ A1 2023") && all.contains("Hội nghị Khối A 2024"))
            #expect(!all.contains("Hội nghị Đảng bộ B 2024"))
            #expect(in2024.contains("Hội nghị Tỉnh ủy 2024") && !in2024.contains("Học tập chi bộ A1 2023"))
            #expect(byTopic.contains("Hội nghị Tỉnh ủy 2024") && !byTopic.contains("Hội nghị Khối A 2024"))
            #expect(underA["total"] as? Int == 2)
            let titles = (underA["items"] as? [[String: Any]])?.compactMap { $0["title"] as? String }
            #expect(titles == ["Hội nghị Khối A 2024", "Học tập chi bộ A1 2023"])
        }
    }

    @Test func userTextIsInertOnEveryPage() async throws {
        try await withTestApp { app in
            // setup
            let tree = try await StudySessionTestSupport.world(app)
            let payload = "\"><script>alert(1)</script>"
            try await Fixtures.person(app, "Tên \(payload)", in: tree.a1)
            let session = try await StudySessionTestSupport.session(app, by: tree.a, expected: [tree.a], title: "Hội nghị \(payload)")
            session.note = "Ghi chú \(payload)"
            try await session.update(on: app.db)
            var web = try await TestClient.login(app, "canbo.a")

            // act
            let pages = [
                try await web.get(SiteURL.studySessions.path).body.string,
                try await web.get(SiteURL.studySession(session.id).path).body.string,
                try await web.get(SiteURL.studySessionEdit(session.id).path).body.string,
                try await web.get(SiteURL.studySessionAttendance(session.id).path).body.string,
            ]

            // assert
            for html in pages {
                #expect(!html.contains("<script>alert(1)</script>"))
                #expect(html.contains("&lt;script&gt;") || html.contains("&quot;&gt;&lt;script"))
            }
        }
    }
}
