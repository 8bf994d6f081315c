@testable import App
import Domain
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// The audit log page and API: scope, filters, order, paging, the before/after table.
@Suite struct AuditTests {
    /// An entry written straight to the table, at a chosen instant.
    @discardableResult
    static func entry(_ app: Application, _ summary: String, unit: OrgUnit?, at: Date = Date(), username: String = "nguoi.sua",
                      action: Audit.Action = .update, entity: Audit.Entity = .unit, before: String? = nil, after: String? = nil) async throws -> AuditEntry {
        let entry = AuditEntry()
        entry.at = at
        entry.username = username
        entry.action = action.rawValue
        entry.entityType = entity.rawValue
        entry.entityID = unit?.id
        entry.unitID = unit?.id
        entry.summary = summary
        entry.beforeJSON = before
        entry.afterJSON = after
        try await entry.create(on: app.db)
        return entry
    }

    static func instant(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int = 0) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .vietnam
        return calendar.date(from: DateComponents(year: year, month: month, day: day, hour: hour, minute: minute))!
    }

    @Test func officerSeesOnlyTheirSubtree() async throws {
        try await withTestApp { app in
            // setup
            let tree = try await Fixtures.tree(app)
            try await Fixtures.user(app, "can.bo.a", .officer, unit: tree.a)
            let officerA = try await User.query(on: app.db).filter(\.$username == "can.bo.a").first()!
            try await Fixtures.user(app, "quan.tri", .admin)
            let inA = try await Self.entry(app, "Sửa tên Chi bộ A1", unit: tree.a1)
            let inB = try await Self.entry(app, "Sửa tên Chi bộ B1", unit: tree.b1)
            let system = try await Self.entry(app, "Thay đổi không thuộc tổ chức nào", unit: nil)
            var officer = try await TestClient.login(app, "can.bo.a")
            var admin = try await TestClient.login(app, "quan.tri")
            let api = try await Fixtures.token(app, for: officerA)

            // act
            let list = try await officer.get(SiteURL.audit.path)
            let own = try await officer.get(SiteURL.auditEntry(inA.id).path)
            let other = try await officer.get(SiteURL.auditEntry(inB.id).path)
            let unscoped = try await officer.get(SiteURL.auditEntry(system.id).path)
            let adminList = try await admin.get(SiteURL.audit.path)
            let apiList = try await api.get("/audit?entity=don_vi")
            let apiOther = try await api.get("/audit/\(inB.id!)")

            // assert
            #expect(list.status == .ok)
            #expect(list.body.string.contains("Sửa tên Chi bộ A1"))
            #expect(!list.body.string.contains("Sửa tên Chi bộ B1"))
            #expect(!list.body.string.contains("Thay đổi không thuộc tổ chức nào"))
            #expect(own.status == .ok)
            #expect(other.status == .notFound)
            #expect(unscoped.status == .notFound)
            for summary in ["Sửa tên Chi bộ A1", "Sửa tên Chi bộ B1", "Thay đổi không thuộc tổ chức nào"] {
                #expect(adminList.body.string.contains(summary))
            }
            let items = try AuthTestSupport.json(apiList)["items"] as? [[String: Any]] ?? []
            #expect(items.map { $0["summary"] as? String } == ["Sửa tên Chi bộ A1"])
            #expect(apiOther.status == .notFound)
        }
    }

    @Test func membersAreRefused() async throws {
        try await withTestApp { app in
            // setup
            let tree = try await Fixtures.tree(app)
            let person = try await Fixtures.person(app, "Đinh Văn Nam", in: tree.a1)
            let user = try await Fixtures.user(app, "dinh.nam", .member, person: person)
            var web = try await TestClient.login(app, "dinh.nam")

            // act
            let page = try await web.get(SiteURL.audit.path)
            let api = try await Fixtures.token(app, for: user).get("/audit")

            // assert
            #expect(page.status == .forbidden)
            #expect(api.status == .forbidden)
        }
    }

    @Test func filtersByUnitSubtreeKindActionUserAndVietnamDays() async throws {
        try await withTestApp { app in
            // setup
            let tree = try await Fixtures.tree(app)
            try await Fixtures.user(app, "quan.tri", .admin)
            // 00:30 on 1/3/2025 in Hà Nội is still 28/2 in UTC: the day filter must use Vietnam's days.
            try await Self.entry(app, "Mục A đầu tháng ba", unit: tree.a, at: Self.instant(2025, 3, 1, 0, 30))
            try await Self.entry(app, "Mục A1 cuối tháng hai", unit: tree.a1, at: Self.instant(2025, 2, 28, 23, 30), username: "nguoi.khac")
            try await Self.entry(app, "Mục B1 tạo mới", unit: tree.b1, at: Self.instant(2025, 3, 2, 9), action: .create)
            var admin = try await TestClient.login(app, "quan.tri")

            func summaries(_ query: String) async throws -> [String] {
                let html = try await admin.get(SiteURL.audit.path + "?" + query).body.string
                return ["Mục A đầu tháng ba", "Mục A1 cuối tháng hai", "Mục B1 tạo mới"].filter { html.contains($0) }
            }

            // act
            let byUnit = try await summaries("don-vi=A")
            let byDay = try await summaries("tu=2025-03-01&den=2025-03-01")
            let beforeMarch = try await summaries("den=1%2F3%2F2025&tu=28%2F2%2F2025&loai=don_vi&hanh-dong=cap_nhat")
            let byAction = try await summaries("hanh-dong=tao_moi&loai=don_vi")
            let byUser = try await summaries("nguoi-dung=Nguoi.Khac")
            let invalid = try await admin.get(SiteURL.audit.path + "?loai=khong_co&tu=31%2F2%2F2025")

            // assert
            #expect(byUnit == ["Mục A đầu tháng ba", "Mục A1 cuối tháng hai"])
            #expect(byDay == ["Mục A đầu tháng ba"])
            #expect(beforeMarch == ["Mục A đầu tháng ba", "Mục A1 cuối tháng hai"])
            #expect(byAction == ["Mục B1 tạo mới"])
            #expect(byUser == ["Mục A1 cuối tháng hai"])
            #expect(invalid.status == .unprocessableEntity)
            #expect(invalid.body.string.contains("Loại dữ liệu không hợp lệ."))
            #expect(invalid.body.string.contains("Ngày bắt đầu không hợp lệ"))
            #expect(!invalid.body.string.contains("Mục B1 tạo mới"))
        }
    }

    @Test func unitFilterOutsideTheScopeReadsAsUnknown() async throws {
        try await withTestApp { app in
            // setup
            let tree = try await Fixtures.tree(app)
            let officer = try await Fixtures.user(app, "can.bo.a", .officer, unit: tree.a)
            try await Self.entry(app, "Mục của B1", unit: tree.b1)
            var web = try await TestClient.login(app, "can.bo.a")

            // act
            let page = try await web.get(SiteURL.audit.path + "?don-vi=B")
            let api = try await Fixtures.token(app, for: officer).get("/audit?unit=B")

            // assert
            #expect(page.status == .unprocessableEntity)
            #expect(page.body.string.contains("Không tìm thấy tổ chức đảng có mã B trong phạm vi của bạn."))
            #expect(!page.body.string.contains("Mục của B1"))
            #expect(api.status == .unprocessableEntity)
            #expect(try AuthTestSupport.errorField(api) == "unit")
        }
    }

    @Test func newestFirstWithPagesOfFifty() async throws {
        try await withTestApp { app in
            // setup
            let tree = try await Fixtures.tree(app)
            let admin = try await Fixtures.user(app, "quan.tri", .admin)
            let start = Self.instant(2024, 1, 1, 8)
            for i in 1...55 {
                try await Self.entry(app, "Mục số \(i) ", unit: tree.a1, at: start.addingTimeInterval(Double(i) * 60))
            }
            var web = try await TestClient.login(app, "quan.tri")
            let api = try await Fixtures.token(app, for: admin)

            // act
            let first = try await web.get(SiteURL.audit.path + "?loai=don_vi")
            let second = try await web.get(SiteURL.audit.path + "?loai=don_vi&trang=2")
            let apiPage = try await api.get("/audit?entity=don_vi&perPage=20&page=3")

            // assert
            let firstHTML = first.body.string, secondHTML = second.body.string
            #expect(AuthTestSupport.count("href=\"/nhat-ky/", in: firstHTML) == 50)
            #expect(AuthTestSupport.count("href=\"/nhat-ky/", in: secondHTML) == 5)
            let newest = try #require(firstHTML.range(of: "Mục số 55 ")), older = try #require(firstHTML.range(of: "Mục số 54 "))
            #expect(newest.lowerBound < older.lowerBound)
            #expect(!firstHTML.contains("Mục số 5 "))
            #expect(secondHTML.contains("Mục số 1 ") && secondHTML.contains("Mục số 5 "))
            #expect(firstHTML.contains("Trang 1/2"))
            #expect(firstHTML.contains("loai=don_vi&amp;trang=2"))
            let body = try AuthTestSupport.json(apiPage)
            #expect(body["total"] as? Int == 55)
            let items = body["items"] as? [[String: Any]] ?? []
            #expect(items.map { $0["summary"] as? String } == (1...15).reversed().map { "Mục số \($0) " })
            for item in items { #expect(try await AuthTestSupport.schemaProblems(app, item, schema: "AuditEntry") == []) }
        }
    }
}
