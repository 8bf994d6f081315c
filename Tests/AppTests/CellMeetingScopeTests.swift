@testable import App
import Domain
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// Who reads and writes chi bộ meetings, and the API's compliance figures.
@Suite struct CellMeetingScopeTests {
    @Test func officerOfASeesNothingOfB1() async throws {
        try await withTestApp { app in
            // setup
            let tree = try await CellMeetingTestSupport.world(app)
            try await CellMeetingTestSupport.meeting(app, unit: tree.a1, .regular, "2024-02-05")
            let b1 = try await CellMeetingTestSupport.meeting(app, unit: tree.b1, .regular, "2024-02-06", summary: "Biên bản riêng của B1")
            var web = try await TestClient.login(app, "canbo.a")
            let api = try await Fixtures.token(app, for: try await CellMeetingTestSupport.user(app, "canbo.a"))

            // act
            let page = try await web.get(SiteURL.cellMeeting(b1.id).path)
            let edit = try await web.get(SiteURL.cellMeetingEdit(b1.id).path)
            let grid = try await web.get(SiteURL.cellMeetings.with([("nam", "2024")]))
            let gridOfB1 = try await web.get(SiteURL.cellMeetings.with([("don-vi", "B1"), ("nam", "2024")]))
            let apiGet = try await api.get("/cell-meetings/\(b1.id!)")
            let apiList = try await api.get("/cell-meetings?year=2024")
            let apiGrid = try await api.get("/cell-meetings/compliance?year=2024")
            let apiPut = try await api.send(.PUT, "/cell-meetings/\(b1.id!)", CellMeetingBody(
                unit: "A1", kind: "thuong_ky", heldOn: "2024-02-07", durationMinutes: 60, present: 1, absentExcused: 0, absentUnexcused: 0))
            let postForB1 = try await web.post(SiteURL.cellMeetingNew.path, CellMeetingTestSupport.form(unit: "B1", heldOn: "2024-03-05"))

            // assert
            #expect(page.status == .notFound && edit.status == .notFound && apiGet.status == .notFound && apiPut.status == .notFound)
            #expect(grid.status == .ok)
            #expect(grid.body.string.contains("data-unit=\"A1\""))
            #expect(!grid.body.string.contains("data-unit=\"B1\"") && !grid.body.string.contains("Chi bộ B1"))
            #expect(!gridOfB1.body.string.contains("data-unit=\"B1\""))
            #expect(gridOfB1.body.string.contains("Không tìm thấy tổ chức đảng có mã “B1” trong phạm vi của bạn."))
            let listItems = try CellMeetingTestSupport.json(apiList.body.string)["items"] as? [[String: Any]] ?? []
            #expect(listItems.map { $0["unitCode"] as? String } == ["A1"])
            let gridItems = try CellMeetingTestSupport.json(apiGrid.body.string)["items"] as? [[String: Any]] ?? []
            #expect(gridItems.map { $0["unitCode"] as? String } == ["A1"])
            #expect(postForB1.status == .unprocessableEntity)
            #expect(postForB1.body.string.contains("Chi bộ: không tìm thấy tổ chức đảng có mã “B1” trong phạm vi của bạn."))
            #expect(try await CellMeeting.find(b1.id, on: app.db)?.heldOn.iso == "2024-02-06")
            #expect(try await CellMeeting.query(on: app.db).count() == 2)
        }
    }

    @Test func leaderReadsButMayNotWriteAndSecretarySeesOneCell() async throws {
        try await withTestApp { app in
            // setup
            let tree = try await CellMeetingTestSupport.world(app)
            let a1 = try await CellMeetingTestSupport.meeting(app, unit: tree.a1, .regular, "2024-02-05")
            var leader = try await TestClient.login(app, "lanhdao.a")
            let leaderAPI = try await Fixtures.token(app, for: try await CellMeetingTestSupport.user(app, "lanhdao.a"))
            var secretary = try await TestClient.login(app, "bithu.a1")
            var admin = try await TestClient.login(app, "quantri")

            // act
            let read = try await leader.get(SiteURL.cellMeeting(a1.id).path)
            let newForm = try await leader.get(SiteURL.cellMeetingNew.path)
            let post = try await leader.post(SiteURL.cellMeetingNew.path, CellMeetingTestSupport.form(unit: "A1", heldOn: "2024-03-05"))
            let edit = try await leader.post(SiteURL.cellMeetingEdit(a1.id).path, CellMeetingTestSupport.form(unit: "A1", heldOn: "2024-02-09"))
            let apiPost = try await leaderAPI.send(.POST, "/cell-meetings", CellMeetingBody(
                unit: "A1", kind: "thuong_ky", heldOn: "2024-03-05", durationMinutes: 60, present: 9, absentExcused: 0, absentUnexcused: 0))
            let secretaryGrid = try await secretary.get(SiteURL.cellMeetings.with([("nam", "2024")]))
            let adminGrid = try await admin.get(SiteURL.cellMeetings.with([("nam", "2024")]))

            // assert
            #expect(read.status == .ok && !read.body.string.contains(SiteURL.cellMeetingEdit(a1.id).path))
            #expect(newForm.status == .forbidden && post.status == .forbidden && edit.status == .forbidden)
            #expect(apiPost.status == .forbidden)
            #expect(try await CellMeeting.query(on: app.db).count() == 1)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$entityType == Audit.Entity.cellMeeting.rawValue).count() == 0)
            let secretaryHTML = secretaryGrid.body.string
            #expect(secretaryHTML.components(separatedBy: "<tr data-unit=").count - 1 == 1)
            #expect(secretaryHTML.contains("data-unit=\"A1\""))
            #expect(secretaryHTML.contains("Các lần sinh hoạt năm 2024"))
            #expect(adminGrid.body.string.contains("data-unit=\"A1\"") && adminGrid.body.string.contains("data-unit=\"B1\""))
        }
    }

    @Test func complianceCountsEqualAnIndependentCount() async throws {
        try await withTestApp { app in
            // setup: the test's own meetings of 2024; A1 and B1 have existed since 2020
            let tree = try await CellMeetingTestSupport.world(app)
            let a1Regular: [(String, Bool)] = [("2024-01-08", true), ("2024-02-06", false), ("2024-04-09", true),
                                               ("2024-05-07", true), ("2024-09-10", false), ("2024-12-03", true)]
            let a1Thematic = ["2024-03-25", "2024-03-28", "2024-10-15"]
            let b1Regular: [(String, Bool)] = [("2024-06-04", true), ("2024-07-02", true)]
            for (day, content) in a1Regular { try await CellMeetingTestSupport.meeting(app, unit: tree.a1, .regular, day, content: content) }
            for day in a1Thematic { try await CellMeetingTestSupport.meeting(app, unit: tree.a1, .thematic, day, opinions: 4) }
            for (day, content) in b1Regular { try await CellMeetingTestSupport.meeting(app, unit: tree.b1, .regular, day, content: content) }
            try await CellMeetingTestSupport.meeting(app, unit: tree.b1, .thematic, "2023-05-10")
            let api = try await Fixtures.token(app, for: try await CellMeetingTestSupport.user(app, "canbo.tu"))

            // act
            let response = try await api.get("/cell-meetings/compliance?unit=TU&year=2024")
            let thematicList = try await api.get("/cell-meetings?unit=A1&year=2024&kind=chuyen_de")

            // assert
            #expect(response.status == .ok)
            let body = try CellMeetingTestSupport.json(response.body.string)
            #expect(body["total"] as? Int == 2)
            let items = body["items"] as? [[String: Any]] ?? []
            let byCode = Dictionary(uniqueKeysWithValues: items.map { ($0["unitCode"] as? String ?? "", $0) })
            func quarters(_ days: [String]) -> Int { Set(days.map { (LocalDate($0)!.month - 1) / 3 }).count }
            let a1 = try #require(byCode["A1"])
            #expect(a1["monthsExpected"] as? Int == 12)
            #expect(a1["monthsWithRegular"] as? Int == Set(a1Regular.map { LocalDate($0.0)!.month }).count)
            #expect(a1["monthsWithContent"] as? Int == a1Regular.filter(\.1).count)
            #expect(a1["quartersExpected"] as? Int == 4)
            #expect(a1["quartersWithThematic"] as? Int == quarters(a1Thematic))
            let a1Months = a1["months"] as? [[String: Any]] ?? []
            #expect(a1Months.map { $0["mark"] as? String } == ["with_content", "without_content", "missing", "with_content", "with_content",
                                                               "missing", "missing", "missing", "without_content", "missing", "missing", "with_content"])
            let a1Quarters = a1["quarters"] as? [[String: Any]] ?? []
            #expect(a1Quarters.map { $0["thematicMeetings"] as? Int } == [2, 0, 0, 1])
            #expect(a1Quarters.map { $0["mark"] as? String } == ["met", "not_met", "not_met", "met"])
            let b1 = try #require(byCode["B1"])
            #expect(b1["monthsWithRegular"] as? Int == b1Regular.count)
            #expect(b1["monthsWithContent"] as? Int == b1Regular.filter(\.1).count)
            #expect(b1["quartersWithThematic"] as? Int == 0, "the 2023 meeting does not count in 2024")
            let list = try CellMeetingTestSupport.json(thematicList.body.string)
            #expect(list["total"] as? Int == a1Thematic.count)
        }
    }
    @Test func theGridPagesFiftyCellsAndSkipsCellsThatDidNotExistInTheYear() async throws {
        try await withTestApp { app in
            // setup: 53 more cells under B (B1 makes 54 living in 2024, plus A1 = 55), one dissolved in 2023
            let tree = try await CellMeetingTestSupport.world(app)
            let day = LocalDate(year: 2020, month: 1, day: 1)!
            for n in 1...53 {
                try await Fixtures.unit(app, String(format: "B1-%02d", n), String(format: "Chi bộ B phụ %02d", n),
                                        kind: "CB_TRUC_THUOC", parent: tree.b, founded: day)
            }
            let gone = try await Fixtures.unit(app, "B-CU", "Chi bộ B đã giải thể", kind: "CB_CO_SO", parent: tree.b, founded: day)
            gone.dissolvedOn = LocalDate(year: 2023, month: 6, day: 1)
            try await gone.update(on: app.db)
            try await TreeIndex.rebuild(on: app.db)
            var admin = try await TestClient.login(app, "quantri")

            // act
            let first = try await admin.get(SiteURL.cellMeetings.with([("nam", "2024")]))
            let second = try await admin.get(SiteURL.cellMeetings.with([("nam", "2024"), ("trang", "2")]))
            let in2023 = [try await admin.get(SiteURL.cellMeetings.with([("don-vi", "B"), ("nam", "2023")])),
                          try await admin.get(SiteURL.cellMeetings.with([("don-vi", "B"), ("nam", "2023"), ("trang", "2")]))]

            // assert
            func rows(_ r: TestingHTTPResponse) -> Int { r.body.string.components(separatedBy: "<tr data-unit=").count - 1 }
            #expect(rows(first) == 50 && rows(second) == 5)
            #expect(first.body.string.contains("55 chi bộ") && first.body.string.contains("Trang 1/2"))
            #expect(!first.body.string.contains("B-CU") && !second.body.string.contains("B-CU"))
            // The order of names depends on the database's collation, so look at both pages.
            #expect(in2023.map(rows) == [50, 5])
            #expect(in2023.contains { $0.body.string.contains("data-unit=\"B-CU\"") }, "a cell dissolved in 2023 still has its 2023 row")
        }
    }
}
