@testable import App
import Domain
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// Who is expected at a study session, and marking them all in one submission.
@Suite struct StudySessionAttendanceTests {
    @Test func expectedMembersAreThoseBelongingOnTheDayOfTheSession() async throws {
        try await withTestApp { app in
            // setup: the session of A on 15/5/2024 expects A's subtree
            let tree = try await StudySessionTestSupport.world(app)
            let staying = try await Fixtures.person(app, "Nguyễn Văn Ở Lại", in: tree.a1)
            let inA = try await Fixtures.person(app, "Trần Thị Cơ Quan", in: tree.a)
            let arrivesLater = try await Fixtures.person(app, "Lê Văn Đến Sau", in: tree.b1)
            try await StudySessionTestSupport.transfer(app, arrivesLater, to: tree.a1, on: "2024-06-01")
            let leftBefore = try await Fixtures.person(app, "Phạm Thị Đi Trước", in: tree.a1)
            try await StudySessionTestSupport.transfer(app, leftBefore, to: tree.b1, on: "2024-03-01")
            let arrivesThatDay = try await Fixtures.person(app, "Hoàng Văn Đúng Ngày", in: tree.b1)
            try await StudySessionTestSupport.transfer(app, arrivesThatDay, to: tree.a1, on: "2024-05-15")
            // Leaving on the day itself: the membership's end is exclusive, so they belong to B1 then.
            let leavesThatDay = try await Fixtures.person(app, "Đặng Văn Rời Đúng Ngày", in: tree.a1)
            try await StudySessionTestSupport.transfer(app, leavesThatDay, to: tree.b1, on: "2024-05-15")
            let citizen = try await Fixtures.person(app, "Vũ Thị Quần Chúng", in: tree.a1)
            citizen.category = .citizen
            try await citizen.update(on: app.db)
            let session = try await StudySessionTestSupport.session(app, by: tree.a, expected: [tree.a])
            let province = try await StudySessionTestSupport.session(app, by: tree.root, expected: [tree.root])

            // act
            let lines = try await StudySessionService.lines(session, within: nil, on: app.db)
            let counts = try await StudySessionService.counts(session, on: app.db)
            let provinceCounts = try await StudySessionService.counts(province, on: app.db)

            // assert
            #expect(Set(lines.map(\.personID)) == [staying.id!, inA.id!, arrivesThatDay.id!])
            #expect(lines.first { $0.personID == inA.id! }?.unitID == tree.a.id!)
            #expect(counts == AttendanceCounts(expected: 3, present: 0, excused: 0, unexcused: 0))
            // Everyone but the citizen belongs somewhere under TU on that day.
            #expect(provinceCounts.expected == 6)
        }
    }

    @Test func oneSubmissionMarksEveryoneAndResavingUpdates() async throws {
        try await withTestApp { app in
            // setup
            let tree = try await StudySessionTestSupport.world(app)
            var people: [Person] = []
            for i in 1...30 { people.append(try await Fixtures.person(app, "Đảng Viên Số \(i)", in: tree.a1)) }
            let session = try await StudySessionTestSupport.session(app, by: tree.a, expected: [tree.a1])
            var web = try await TestClient.login(app, "canbo.a")
            let path = SiteURL.studySessionAttendance(session.id).path

            // act: the screen, then one click
            let screen = try await web.get(path)
            let allPresent = try await web.post(path, [StudySessionAttendanceView.allPresentField: "1"])

            // assert
            #expect(screen.status == .ok)
            #expect(screen.body.string.components(separatedBy: "value=\"co_mat\" checked").count - 1 == 30)
            #expect(allPresent.status == .seeOther)
            var marks = try await StudySessionTestSupport.marks(app, session)
            #expect(marks.count == 30 && marks.values.allSatisfy { $0 == .present })

            // act: re-save with some absences, every row submitted
            var fields: [String: String] = [:]
            for (i, p) in people.enumerated() {
                fields[StudySessionAttendanceView.field(p.id!)] = i < 3 ? "vang_co_ly_do" : (i < 5 ? "vang_khong_ly_do" : "co_mat")
            }
            let resaved = try await web.post(path, fields)

            // assert: updated in place, no duplicates, figures from the test's own data
            #expect(resaved.status == .seeOther)
            marks = try await StudySessionTestSupport.marks(app, session)
            #expect(try await Attendance.query(on: app.db).count() == 30)
            #expect(marks[people[0].id!] == .excused && marks[people[4].id!] == .unexcused && marks[people[5].id!] == .present)
            let counts = try await StudySessionService.counts(session, on: app.db)
            #expect(counts == AttendanceCounts(expected: 30, present: 25, excused: 3, unexcused: 2))
            let detail = try await web.get(SiteURL.studySession(session.id).path).body.string
            #expect(detail.contains(VietnameseFormat.percent(numerator: 25, denominator: 30)!))
            let entries = try await AuditEntry.query(on: app.db).filter(\.$entityType == Audit.Entity.studySession.rawValue).sort(\.$id).all()
            #expect(entries.count == 2)
            #expect(entries.first?.summary.contains("30 người") == true)
            #expect(entries.last?.summary.contains("5 người") == true)
        }
    }

    @Test func aCellSecretaryMarksOnlyTheirCellAtTheProvincesConference() async throws {
        try await withTestApp { app in
            // setup
            let tree = try await StudySessionTestSupport.world(app)
            let a1First = try await Fixtures.person(app, "Ngô Văn Chi Bộ A Một", in: tree.a1)
            let a1Second = try await Fixtures.person(app, "Đinh Thị Chi Bộ A Một", in: tree.a1)
            let b1Member = try await Fixtures.person(app, "Lý Văn Chi Bộ B Một", in: tree.b1)
            let session = try await StudySessionTestSupport.session(
                app, by: tree.root, expected: [tree.root], title: "Hội nghị học tập của Tỉnh ủy")
            var web = try await TestClient.login(app, "bithu.a1")
            let api = try await StudySessionTestSupport.api(app, "bithu.a1")

            // act
            let list = try await web.get(SiteURL.studySessions.path).body.string
            let screen = try await web.get(SiteURL.studySessionAttendance(session.id).path).body.string
            let sheet = try StudySessionTestSupport.json(try await api.get("/study-sessions/\(session.id!)/attendance").body.string)
            let mixed = try await api.send(.PUT, "/study-sessions/\(session.id!)/attendance", [
                AttendanceMarkDTO(personId: a1First.id!, status: "co_mat"),
                AttendanceMarkDTO(personId: b1Member.id!, status: "co_mat"),
            ])
            let marksAfterMixed = try await StudySessionTestSupport.marks(app, session)
            let own = try await api.send(.PUT, "/study-sessions/\(session.id!)/attendance", [
                AttendanceMarkDTO(personId: a1First.id!, status: "co_mat"),
                AttendanceMarkDTO(personId: a1Second.id!, status: "vang_co_ly_do"),
            ])

            // assert
            #expect(list.contains("Hội nghị học tập của Tỉnh ủy"))
            #expect(screen.contains("Ngô Văn Chi Bộ A Một") && screen.contains("Đinh Thị Chi Bộ A Một"))
            #expect(!screen.contains("Lý Văn Chi Bộ B Một"))
            #expect(screen.contains("type=\"radio\""))
            let rows = sheet["rows"] as? [[String: Any]] ?? []
            #expect(Set(rows.compactMap { $0["personId"] as? Int }) == [a1First.id!, a1Second.id!])
            #expect(rows.allSatisfy { $0["status"] is NSNull })
            #expect(mixed.status == .unprocessableEntity)
            let error = try StudySessionTestSupport.json(mixed.body.string)["error"] as? [String: Any]
            #expect(error?["field"] as? String == "[1].personId")
            #expect((error?["message"] as? String)?.hasPrefix("Người tham dự (dòng 2):") == true)
            #expect(marksAfterMixed.isEmpty)
            #expect(own.status == .ok)
            let marks = try await StudySessionTestSupport.marks(app, session)
            #expect(marks == [a1First.id!: .present, a1Second.id!: .excused])
            // The change is logged where the secretary can read it.
            let entry = try await AuditEntry.query(on: app.db).filter(\.$entityType == Audit.Entity.studySession.rawValue).first()
            #expect(entry?.unitID == tree.a1.id!)
        }
    }

    @Test func aLeaderReadsAttendanceButCannotMark() async throws {
        try await withTestApp { app in
            // setup
            let tree = try await StudySessionTestSupport.world(app)
            let member = try await Fixtures.person(app, "Mai Văn Chỉ Xem", in: tree.a1)
            let session = try await StudySessionTestSupport.session(app, by: tree.root, expected: [tree.root])
            try await Attendance(sessionID: session.id!, personID: member.id!, status: .unexcused).create(on: app.db)
            var web = try await TestClient.login(app, "lanhdao.a")
            let api = try await StudySessionTestSupport.api(app, "lanhdao.a")
            let path = SiteURL.studySessionAttendance(session.id).path

            // act
            let screen = try await web.get(path).body.string
            let posted = try await web.post(path, [StudySessionAttendanceView.allPresentField: "1"])
            let put = try await api.send(.PUT, "/study-sessions/\(session.id!)/attendance",
                                         [AttendanceMarkDTO(personId: member.id!, status: "co_mat")])

            // assert
            #expect(screen.contains("Mai Văn Chỉ Xem") && screen.contains("Vắng không lý do"))
            #expect(!screen.contains("type=\"radio\"") && !screen.contains("attendance-form"))
            #expect(posted.status == .forbidden && put.status == .forbidden)
            #expect(try await StudySessionTestSupport.marks(app, session) == [member.id!: .unexcused])
        }
    }
}
