@testable import App
import Domain
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@Suite struct PeopleWriteTests {
    @Test func createWritesPersonMembershipAndAudit() async throws {
        try await withTestApp { app in
            // setup
            let tree = try await Fixtures.tree(app)
            try await Fixtures.user(app, "canbo-a", .officer, unit: tree.a)
            var web = try await TestClient.login(app, "canbo-a")
            let form = try await web.get(PeopleTest.query(SiteURL.personNew.path, [("don-vi", "A1")]))

            // act
            let response = try await web.post(SiteURL.personNew.path, PeopleTest.newPersonFields(
                "  Nguyễn   Thị Hạnh ", unitCode: "A1", extra: ["identityNumber": "001190012345"]))

            // assert
            #expect(form.status == .ok)
            #expect(form.body.string.contains(#"name="unitCode" value="A1""#))
            #expect(response.status == .seeOther)
            let person = try #require(try await Person.query(on: app.db).first())
            #expect(response.headers.first(name: .location) == SiteURL.person(person.id).path)
            #expect(person.fullName == "Nguyễn Thị Hạnh")
            #expect(person.nameFolded == "nguyen thi hanh")
            #expect(person.sortKey == VietnameseText.sortKey(fullName: "Nguyễn Thị Hạnh"))
            #expect(person.currentUnitID == tree.a1.id)
            #expect(person.identityNumber == "001190012345")
            #expect(person.partyOfficialOn == PeopleTest.day("2016-05-19"))
            let memberships = try await Membership.query(on: app.db).all()
            #expect(memberships.map(\.unitID) == [tree.a1.id!])
            #expect(memberships.first?.validFrom == PeopleTest.day("2020-06-01"))
            #expect(memberships.first?.validTo == nil)
            let audit = try await AuditEntry.query(on: app.db).filter(\.$entityType == "nguoi").all()
            #expect(audit.count == 1)
            #expect(audit.first?.action == "tao_moi")
            #expect(audit.first?.afterJSON?.contains("Nguyễn Thị Hạnh") == true)
            let page = try await web.get(SiteURL.person(person.id).path).body.string
            #expect(page.contains("Đã thêm Nguyễn Thị Hạnh."))
            #expect(page.contains("19/5/2015"))
        }
    }

    @Test func invalidInputNamesTheFieldAndWritesNothing() async throws {
        try await withTestApp { app in
            // setup
            let tree = try await Fixtures.tree(app)
            let existing = try await Fixtures.person(app, "Lê Văn Tám", in: tree.a1)
            existing.identityNumber = "123456789"
            try await existing.save(on: app.db)
            try await Fixtures.user(app, "canbo-a", .officer, unit: tree.a)
            var web = try await TestClient.login(app, "canbo-a")
            let before = try await PeopleTest.Counts.of(app)
            let cases: [([String: String], String, String)] = [
                (["identityNumber": "12345"], "identityNumber", "Số CCCD/CMND phải gồm 9 hoặc 12 chữ số"),
                (["identityNumber": "123456789"], "identityNumber", "Số CCCD/CMND 123456789 đã có"),
                (["partyJoinedOn": "2016-05-19", "partyOfficialOn": "2015-05-19"], "partyOfficialOn", "Ngày chính thức không được trước ngày vào Đảng"),
                (["birthDate": "31/02/1990"], "birthDate", "Ngày sinh không hợp lệ"),
                (["unitCode": "KHONG-CO"], "unitCode", "Đơn vị sinh hoạt: không tìm thấy tổ chức đảng có mã “KHONG-CO”"),
                (["unitCode": "B1"], "unitCode", "Đơn vị sinh hoạt: không tìm thấy tổ chức đảng có mã “B1”"),
                (["membershipFrom": "2019-06-01"], "unitCode", "Chi bộ A1 chưa thành lập vào ngày 1/6/2019"),
                (["fullName": "  "], "fullName", "Họ và tên: vui lòng nhập"),
                (["phone": "09x 123"], "phone", "Số điện thoại chỉ gồm chữ số"),
                (["email": "khong-phai-thu"], "email", "Thư điện tử không đúng dạng"),
            ]

            for (extra, field, message) in cases {
                // act
                let response = try await web.post(SiteURL.personNew.path,
                                                  PeopleTest.newPersonFields("Trần Văn Mới", unitCode: "A1", extra: extra))

                // assert
                let html = response.body.string
                #expect(response.status == .unprocessableEntity, "\(extra)")
                #expect(html.contains(message), "\(extra) → \(message)")
                #expect(html.contains(#"id="e-\#(field)""#), "\(extra) → error beside \(field)")
                if extra["fullName"] == nil { #expect(html.contains(#"value="Trần Văn Mới""#), "entered values are kept") }
            }
            #expect(try await PeopleTest.Counts.of(app) == before)
        }
    }

    @Test func editRecomputesFoldedNameAndSortKeyAndAudits() async throws {
        try await withTestApp { app in
            // setup
            let tree = try await Fixtures.tree(app)
            let person = try await Fixtures.person(app, "Nguyen Van Hung", in: tree.a1)
            try await Fixtures.user(app, "canbo-a", .officer, unit: tree.a)
            var web = try await TestClient.login(app, "canbo-a")
            var fields = PeopleTest.newPersonFields("Đỗ Văn Hưng", unitCode: "")
            fields["unitCode"] = nil
            fields["membershipFrom"] = nil

            // act
            let response = try await web.post(SiteURL.personEdit(person.id).path, fields)
            let bad = try await web.post(SiteURL.personEdit(person.id).path, fields.merging(["partyOfficialOn": "2010-01-01"]) { $1 })

            // assert
            #expect(response.status == .seeOther)
            #expect(bad.status == .unprocessableEntity)
            let saved = try #require(try await Person.find(person.id, on: app.db))
            #expect(saved.fullName == "Đỗ Văn Hưng")
            #expect(saved.nameFolded == "do van hung")
            #expect(saved.sortKey == VietnameseText.sortKey(fullName: "Đỗ Văn Hưng"))
            #expect(saved.currentUnitID == tree.a1.id)
            #expect(saved.partyOfficialOn == PeopleTest.day("2016-05-19"))
            let audit = try #require(try await AuditEntry.query(on: app.db).filter(\.$entityType == "nguoi").first())
            #expect(audit.action == "cap_nhat")
            #expect(audit.beforeJSON?.contains("Nguyen Van Hung") == true)
            #expect(audit.afterJSON?.contains("Đỗ Văn Hưng") == true)
            let found = try await web.get(PeopleTest.query(SiteURL.people.path, [("q", "do van hung")])).body.string
            #expect(PeopleTest.rowIDs(found) == [person.id!])
        }
    }

    @Test func scriptInANameIsInert() async throws {
        try await withTestApp { app in
            // setup
            let payload = #""><script>alert(1)</script>"#
            let tree = try await Fixtures.tree(app)
            try await Fixtures.user(app, "canbo-a", .officer, unit: tree.a)
            var web = try await TestClient.login(app, "canbo-a")

            // act
            let created = try await web.post(SiteURL.personNew.path, PeopleTest.newPersonFields(payload, unitCode: "A1",
                                                                                                 extra: ["note": payload]))
            let person = try #require(try await Person.query(on: app.db).first())
            let pages = [
                try await web.get(SiteURL.people.path).body.string,
                try await web.get(SiteURL.person(person.id).path).body.string,
                try await web.get(SiteURL.personEdit(person.id).path).body.string,
                try await web.get(SiteURL.personTransfer(person.id).path).body.string,
                try await web.post(SiteURL.personEdit(person.id).path, ["fullName": payload, "category": "bad"]).body.string,
            ]

            // assert
            #expect(created.status == .seeOther)
            #expect(person.fullName == payload)
            for html in pages {
                #expect(!html.contains("<script>alert(1)"))
                #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            }
            #expect(pages[2].contains(#"value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;""#))
        }
    }
}
