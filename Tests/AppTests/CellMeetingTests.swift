@testable import App
import Domain
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// Chi bộ meetings: the compliance grid, one regular meeting a month, cells only, audit, escaping.
@Suite struct CellMeetingTests {
    /// The classes of the `td`s of one grid row: 12 month marks, 4 quarter marks, then 3 counts.
    static func gridRow(_ html: String, unit: String) -> (marks: [String], texts: [String])? {
        guard let start = html.range(of: "<tr data-unit=\"\(unit)\">"),
              let end = html.range(of: "</tr>", range: start.upperBound..<html.endIndex) else { return nil }
        let row = String(html[start.upperBound..<end.lowerBound])
        var marks: [String] = []
        var texts: [String] = []
        for cell in row.components(separatedBy: "<td").dropFirst() {
            if let m = cell.range(of: #"class="mark ([a-zA-Z]+)""#, options: .regularExpression) {
                marks.append(String(cell[m]).replacingOccurrences(of: "class=\"mark ", with: "").replacingOccurrences(of: "\"", with: ""))
            }
            let inner = cell.drop { $0 != ">" }.dropFirst()
            texts.append(inner.replacingOccurrences(of: #"<[^>]+>"#, with: "", options: .regularExpression)
                .replacingOccurrences(of: "</td", with: ""))
        }
        return (marks, texts)
    }

    @Test func gridShowsTheTestsOwnMeetings() async throws {
        try await withTestApp { app in
            // setup: A1 in 2024 — January with content, February without, March nothing; a thematic in Q1 only
            let tree = try await CellMeetingTestSupport.world(app)
            try await CellMeetingTestSupport.meeting(app, unit: tree.a1, .regular, "2024-01-10", content: true)
            try await CellMeetingTestSupport.meeting(app, unit: tree.a1, .regular, "2024-02-12", content: false)
            try await CellMeetingTestSupport.meeting(app, unit: tree.a1, .thematic, "2024-02-20", opinions: 5)
            try await CellMeetingTestSupport.meeting(app, unit: tree.a1, .regular, "2023-03-10", content: true)
            var web = try await TestClient.login(app, "canbo.a")

            // act
            let response = try await web.get(SiteURL.cellMeetings.with([("don-vi", "A1"), ("nam", "2024")]))

            // assert
            #expect(response.status == .ok)
            let html = response.body.string
            let row = try #require(Self.gridRow(html, unit: "A1"))
            #expect(row.marks == ["withContent", "withoutContent"] + Array(repeating: "missing", count: 10)
                    + ["met", "notMet", "notMet", "notMet"])
            #expect(row.texts.suffix(7) == ["Đạt", "Chưa đạt", "Chưa đạt", "Chưa đạt", "2/12", "1/12", "1/4"])
            #expect(html.contains("aria-label=\"Tháng 1: Đã sinh hoạt, có nội dung học tập và làm theo Bác\""))
            #expect(html.contains("aria-label=\"Tháng 2: Đã sinh hoạt, chưa đưa nội dung học tập và làm theo Bác\""))
            #expect(html.contains("aria-label=\"Tháng 3: Chưa có sinh hoạt thường kỳ\""))
            #expect(html.contains("Chú giải"))
            // The cell's meetings follow the grid, the thematic one with its opinions.
            #expect(html.contains("Các lần sinh hoạt năm 2024"))
            #expect(html.contains(">20/2/2024<") && html.contains(">12/2/2024<") && html.contains(">10/1/2024<"))
            #expect(!html.contains("10/3/2023"))
        }
    }

    @Test func aSecondRegularMeetingInAMonthIsRefused() async throws {
        try await withTestApp { app in
            // setup
            let tree = try await CellMeetingTestSupport.world(app)
            var web = try await TestClient.login(app, "bithu.a1")
            let first = try await web.post(SiteURL.cellMeetingNew.path, CellMeetingTestSupport.form(unit: "A1", heldOn: "2024-03-05"))

            // act
            let again = try await web.post(SiteURL.cellMeetingNew.path,
                                           CellMeetingTestSupport.form(unit: "A1", heldOn: "2024-03-20", summary: "Lần thứ hai"))
            let thematic = try await web.post(SiteURL.cellMeetingNew.path,
                                              CellMeetingTestSupport.form(unit: "A1", heldOn: "2024-03-22", kind: .thematic))
            let api = try await Fixtures.token(app, for: try await CellMeetingTestSupport.user(app, "bithu.a1"))
            let apiAgain = try await api.send(.POST, "/cell-meetings", CellMeetingBody(
                unit: "A1", kind: "thuong_ky", heldOn: "2024-03-28", durationMinutes: 60, present: 9, absentExcused: 0, absentUnexcused: 0))

            // assert
            #expect(first.status == .seeOther)
            #expect(again.status == .unprocessableEntity)
            #expect(again.body.string.contains("Ngày sinh hoạt: Chi bộ A1 đã có sinh hoạt thường kỳ tháng 3/2024 (ngày 5/3/2024)"))
            #expect(again.body.string.contains("value=\"2024-03-20\""))
            #expect(thematic.status == .seeOther)
            #expect(apiAgain.status == .unprocessableEntity)
            let error = try CellMeetingTestSupport.json(apiAgain.body.string)["error"] as? [String: Any]
            #expect(error?["field"] as? String == "heldOn")
            let stored = try await CellMeeting.query(on: app.db).filter(\.$unitID == tree.a1.id!).all()
            #expect(stored.count == 2)
            #expect(!stored.contains { $0.summary == "Lần thứ hai" })
            #expect(try await AuditEntry.query(on: app.db).filter(\.$entityType == Audit.Entity.cellMeeting.rawValue).count() == 2)
        }
    }

    @Test func onlyACellRecordsMeetingsAndOnlyWhileItExists() async throws {
        try await withTestApp { app in
            // setup
            _ = try await CellMeetingTestSupport.world(app)
            var web = try await TestClient.login(app, "canbo.a")
            var noContent = CellMeetingTestSupport.form(unit: "A1", heldOn: "2024-04-05")
            noContent["contentNote"] = ""
            var badDuration = CellMeetingTestSupport.form(unit: "A1", heldOn: "2024-04-05")
            badDuration["durationMinutes"] = "5"

            // act
            let notACell = try await web.post(SiteURL.cellMeetingNew.path, CellMeetingTestSupport.form(unit: "A", heldOn: "2024-04-05"))
            let beforeFounding = try await web.post(SiteURL.cellMeetingNew.path, CellMeetingTestSupport.form(unit: "A1", heldOn: "2019-12-31"))
            let future = try await web.post(SiteURL.cellMeetingNew.path,
                                            CellMeetingTestSupport.form(unit: "A1", heldOn: LocalDate.today().adding(days: 1).iso))
            let missingNote = try await web.post(SiteURL.cellMeetingNew.path, noContent)
            let short = try await web.post(SiteURL.cellMeetingNew.path, badDuration)

            // assert
            #expect(notACell.status == .unprocessableEntity)
            #expect(notACell.body.string.contains("Chi bộ: “Đảng ủy Khối A” không phải là chi bộ"))
            #expect(beforeFounding.status == .unprocessableEntity)
            #expect(beforeFounding.body.string.contains("Ngày sinh hoạt: Chi bộ A1 thành lập ngày 1/1/2020"))
            #expect(future.status == .unprocessableEntity)
            #expect(future.body.string.contains("Ngày sinh hoạt: không được sau ngày hôm nay."))
            #expect(missingNote.status == .unprocessableEntity)
            #expect(missingNote.body.string.contains("id=\"e-contentNote\""))
            #expect(short.status == .unprocessableEntity)
            #expect(short.body.string.contains("Thời lượng (phút): phải từ 15 đến 600."))
            #expect(try await CellMeeting.query(on: app.db).count() == 0)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$entityType == Audit.Entity.cellMeeting.rawValue).count() == 0)
        }
    }

    @Test func changesAreAuditedWithBeforeAndAfter() async throws {
        try await withTestApp { app in
            // setup
            _ = try await CellMeetingTestSupport.world(app)
            let api = try await Fixtures.token(app, for: try await CellMeetingTestSupport.user(app, "canbo.a"))
            var body = CellMeetingBody(
                unit: "A1", kind: "chuyen_de", heldOn: "2024-06-14", durationMinutes: 120, present: 11, absentExcused: 1,
                absentUnexcused: 0, includedProgrammeContent: true, contentNote: "Chuyên đề năm 2024", opinionsRaised: 6,
                summary: "Bản đầu")
            let created = try await api.send(.POST, "/cell-meetings", body)
            let id = try #require(CellMeetingTestSupport.json(created.body.string)["id"] as? Int)

            // act
            body.opinionsRaised = 9
            body.summary = "Bản đã sửa"
            let updated = try await api.send(.PUT, "/cell-meetings/\(id)", body)

            // assert
            #expect(created.status == .created)
            #expect(updated.status == .ok)
            #expect(try CellMeetingTestSupport.json(updated.body.string)["opinionsRaised"] as? Int == 9)
            let entries = try await AuditEntry.query(on: app.db)
                .filter(\.$entityType == Audit.Entity.cellMeeting.rawValue).filter(\.$entityID == id).sort(\.$id).all()
            #expect(entries.map(\.action) == [Audit.Action.create.rawValue, Audit.Action.update.rawValue])
            #expect(entries.first?.afterJSON?.contains("Bản đầu") == true)
            #expect(entries.last?.username == "canbo.a")
            #expect(entries.last?.beforeJSON?.contains("\"opinionsRaised\":6") == true)
            #expect(entries.last?.afterJSON?.contains("\"opinionsRaised\":9") == true)
            var web = try await TestClient.login(app, "canbo.a")
            let page = try await web.get(SiteURL.cellMeeting(id).path)
            #expect(page.body.string.contains("9 ý kiến"))
        }
    }

    @Test func scriptInASummaryRendersInert() async throws {
        try await withTestApp { app in
            // setup
            let tree = try await CellMeetingTestSupport.world(app)
            let payload = #""><script>alert(1)</script>"#
            let meeting = try await CellMeetingTestSupport.meeting(app, unit: tree.a1, .regular, "2024-05-06", summary: payload)
            var web = try await TestClient.login(app, "canbo.a")
            var form = CellMeetingTestSupport.form(unit: "A1", heldOn: "2024-05-09", summary: payload)
            form["contentNote"] = payload

            // act
            let pages = [
                try await web.get(SiteURL.cellMeeting(meeting.id).path),
                try await web.get(SiteURL.cellMeetingEdit(meeting.id).path),
                try await web.post(SiteURL.cellMeetingNew.path, form),
            ]

            // assert
            for page in pages {
                #expect(!page.body.string.contains("<script>alert(1)"))
                #expect(page.body.string.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            }
            #expect(pages.last?.status == .unprocessableEntity)
        }
    }
}
