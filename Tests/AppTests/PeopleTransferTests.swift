@testable import App
import Domain
import Fluent
import Testing
import Vapor
import VaporTesting

@Suite struct PeopleTransferTests {
    @Test func transferEndsOneMembershipStartsAnotherAndMovesTheScope() async throws {
        try await withTestApp { app in
            // setup: an officer of the province moves a member of A1 to B1
            let tree = try await Fixtures.tree(app)
            let person = try await Fixtures.person(app, "Hoàng Văn Nam", in: tree.a1, since: PeopleTest.day("2020-03-01"))
            try await Fixtures.user(app, "tinh", .officer, unit: tree.root)
            try await Fixtures.user(app, "canbo-a", .officer, unit: tree.a)
            try await Fixtures.user(app, "canbo-b", .officer, unit: tree.b)
            var province = try await TestClient.login(app, "tinh")
            var officerA = try await TestClient.login(app, "canbo-a")
            var officerB = try await TestClient.login(app, "canbo-b")
            let seenByABefore = try await officerA.get(SiteURL.person(person.id).path).status
            let seenByBBefore = try await officerB.get(SiteURL.person(person.id).path).status

            // act
            let response = try await province.post(SiteURL.personTransfer(person.id).path, [
                "unitCode": "B1", "effectiveOn": "1/7/2025", "note": "Giấy giới thiệu số 12-GGT/ĐU",
            ])

            // assert
            #expect(response.status == .seeOther)
            let memberships = try await Membership.query(on: app.db).filter(\.$personID == person.id!)
                .sort(\.$validFrom).all()
            #expect(memberships.count == 2)
            #expect(memberships[0].unitID == tree.a1.id)
            #expect(memberships[0].validFrom == PeopleTest.day("2020-03-01"))
            #expect(memberships[0].validTo == PeopleTest.day("2025-07-01"))
            #expect(memberships[1].unitID == tree.b1.id)
            #expect(memberships[1].validFrom == PeopleTest.day("2025-07-01"))
            #expect(memberships[1].validTo == nil)
            #expect(memberships[1].note == "Giấy giới thiệu số 12-GGT/ĐU")
            #expect(try await Person.find(person.id, on: app.db)?.currentUnitID == tree.b1.id)
            let audit = try #require(try await AuditEntry.query(on: app.db).filter(\.$action == "chuyen_sinh_hoat").first())
            #expect(audit.entityID == person.id)
            #expect(audit.beforeJSON?.contains("\"currentUnitID\":\(tree.a1.id!)") == true)
            #expect(audit.afterJSON?.contains("\"currentUnitID\":\(tree.b1.id!)") == true)

            #expect(seenByABefore == .ok)
            #expect(seenByBBefore == .notFound)
            #expect(try await officerA.get(SiteURL.person(person.id).path).status == .notFound)
            let pageForB = try await officerB.get(SiteURL.person(person.id).path)
            #expect(pageForB.status == .ok)
            #expect(pageForB.body.string.contains("Chi bộ A1")) // history keeps the old unit
            #expect(PeopleTest.rowIDs(try await officerA.get(SiteURL.people.path).body.string).isEmpty)
            #expect(PeopleTest.rowIDs(try await officerB.get(SiteURL.people.path).body.string) == [person.id!])
            // Both sides' officers find the transfer in their own audit log.
            let transferEntries = try await AuditEntry.query(on: app.db).filter(\.$action == "chuyen_sinh_hoat").all()
            #expect(Set(transferEntries.compactMap(\.unitID)) == [tree.a1.id!, tree.b1.id!])
            #expect(try await officerA.get(SiteURL.audit.path).body.string.contains("Chuyển sinh hoạt Hoàng Văn Nam"))
        }
    }

    @Test func transferWithinASubtreeIsAuditedOnce() async throws {
        try await withTestApp { app in
            // setup: B1 lies under B, so B's officers already see an entry filed under B1
            let tree = try await Fixtures.tree(app)
            let person = try await Fixtures.person(app, "Đặng Thị Hoa", in: tree.b, since: PeopleTest.day("2020-03-01"))
            try await Fixtures.user(app, "tinh", .officer, unit: tree.root)
            var province = try await TestClient.login(app, "tinh")

            // act
            let response = try await province.post(SiteURL.personTransfer(person.id).path, ["unitCode": "B1", "effectiveOn": "2025-07-01"])

            // assert
            #expect(response.status == .seeOther)
            let entries = try await AuditEntry.query(on: app.db).filter(\.$action == "chuyen_sinh_hoat").all()
            #expect(entries.map(\.unitID) == [tree.b1.id])
        }
    }

    @Test func refusedTransfersNameTheFieldAndWriteNothing() async throws {
        try await withTestApp { app in
            // setup
            let tree = try await Fixtures.tree(app)
            let person = try await Fixtures.person(app, "Hoàng Văn Nam", in: tree.a1, since: PeopleTest.day("2021-03-01"))
            let dissolved = try await Fixtures.unit(app, "B2", "Chi bộ B2", kind: "CB_CO_SO", parent: tree.b,
                                                    founded: PeopleTest.day("2020-01-01"))
            dissolved.dissolvedOn = PeopleTest.day("2024-01-01")
            try await dissolved.save(on: app.db)
            try await Fixtures.unit(app, "B3", "Chi bộ B3", kind: "CB_CO_SO", parent: tree.b, founded: PeopleTest.day("2025-01-01"))
            try await TreeIndex.rebuild(on: app.db)
            try await Fixtures.user(app, "tinh", .officer, unit: tree.root)
            try await Fixtures.user(app, "canbo-a", .officer, unit: tree.a)
            var province = try await TestClient.login(app, "tinh")
            var officerA = try await TestClient.login(app, "canbo-a")
            let before = try await PeopleTest.Counts.of(app)
            let cases: [([String: String], String, String)] = [
                (["unitCode": "B1", "effectiveOn": "2021-03-01"], "effectiveOn", "Ngày chuyển phải sau ngày bắt đầu sinh hoạt ở đơn vị hiện tại (1/3/2021)"),
                (["unitCode": "B1", "effectiveOn": ""], "effectiveOn", "Ngày chuyển: vui lòng nhập ngày"),
                (["unitCode": "ZZZ", "effectiveOn": "2025-07-01"], "unitCode", "Đơn vị chuyển đến: không tìm thấy tổ chức đảng có mã “ZZZ”"),
                (["unitCode": "B2", "effectiveOn": "2025-07-01"], "unitCode", "Chi bộ B2 đã giải thể từ ngày 1/1/2024"),
                (["unitCode": "B3", "effectiveOn": "2024-07-01"], "unitCode", "Chi bộ B3 chưa thành lập vào ngày 1/7/2024"),
                (["unitCode": "A1", "effectiveOn": "2025-07-01"], "unitCode", "đang sinh hoạt ở Chi bộ A1"),
            ]

            for (fields, field, message) in cases {
                // act
                let response = try await province.post(SiteURL.personTransfer(person.id).path, fields)

                // assert
                #expect(response.status == .unprocessableEntity, "\(fields)")
                #expect(response.body.string.contains(message), "\(fields) → \(message)")
                #expect(response.body.string.contains(#"id="e-\#(field)""#), "\(fields) → \(field)")
            }
            // An officer of A may not move someone into B: B is outside the scope, so "not found".
            let outOfScope = try await officerA.post(SiteURL.personTransfer(person.id).path,
                                                     ["unitCode": "B1", "effectiveOn": "2025-07-01"])
            #expect(outOfScope.status == .unprocessableEntity)
            #expect(outOfScope.body.string.contains("không tìm thấy tổ chức đảng có mã “B1” trong phạm vi của bạn"))
            #expect(try await PeopleTest.Counts.of(app) == before)
            #expect(try await Person.find(person.id, on: app.db)?.currentUnitID == tree.a1.id)
        }
    }

    @Test func positionsAreAddedAndEndedWithAudit() async throws {
        try await withTestApp { app in
            // setup
            let tree = try await Fixtures.tree(app)
            let person = try await Fixtures.person(app, "Vũ Thị Lan", in: tree.a1)
            try await Fixtures.user(app, "canbo-a", .officer, unit: tree.a)
            var web = try await TestClient.login(app, "canbo-a")

            // act
            let added = try await web.post(SiteURL.personPositions(person.id).path, [
                "action": "add", "title": "bi_thu", "unitCode": "A1", "from": "2020-10-15", "to": "",
            ])
            let position = try #require(try await Position.query(on: app.db).first())
            let page = try await web.get(SiteURL.person(person.id).path).body.string
            let tooEarly = try await web.post(SiteURL.personPositions(person.id).path, [
                "action": "end", "position": String(position.id!), "on": "2020-10-15",
            ])
            let duplicate = try await web.post(SiteURL.personPositions(person.id).path, [
                "action": "add", "title": "bi_thu", "unitCode": "A1", "from": "2022-01-01",
            ])
            let ended = try await web.post(SiteURL.personPositions(person.id).path, [
                "action": "end", "position": String(position.id!), "on": "2025-10-15",
            ])

            // assert
            #expect(added.status == .seeOther)
            #expect(position.title == .secretary)
            #expect(position.unitID == tree.a1.id)
            #expect(position.validFrom == PeopleTest.day("2020-10-15"))
            #expect(page.contains("Bí thư"))
            #expect(page.contains(#"data-position-id="\#(position.id!)""#))
            #expect(page.contains(#"<input type="hidden" name="action" value="end">"#))
            #expect(tooEarly.status == .unprocessableEntity)
            #expect(tooEarly.body.string.contains("Ngày kết thúc phải sau ngày bắt đầu giữ chức vụ (15/10/2020)"))
            #expect(duplicate.status == .unprocessableEntity)
            #expect(duplicate.body.string.contains("đã giữ chức vụ Bí thư ở Chi bộ A1"))
            #expect(ended.status == .seeOther)
            #expect(try await Position.find(position.id, on: app.db)?.validTo == PeopleTest.day("2025-10-15"))
            let audit = try await AuditEntry.query(on: app.db).filter(\.$entityType == "chuc_vu").sort(\.$id).all()
            #expect(audit.map(\.action) == ["tao_moi", "cap_nhat"])
            #expect(audit.last?.afterJSON?.contains("2025-10-15") == true)
            #expect(try await Position.query(on: app.db).count() == 1)
        }
    }
}
