@testable import App
import Domain
import Fluent
import Foundation
import Testing
import Vapor

/// A file of a few thousand people, checked against what was loaded once and written in batches:
/// the same problems, matches, people, memberships and audit entries as the row-by-row rules.
@Suite struct ImportPeopleBatchTests {
    static let newPeople = 2_600
    static let existing = 60

    /// "Lê Văn Mới 12", identity 002090000012, born 1/1/1990 + i days… in A1.
    static func newRow(_ i: Int, unit: String = "A1") -> String {
        "Lê Văn Mới \(i),\(day(i)),Nam,\(unit),Đảng viên,,,\(identity(2, i)),,"
    }

    static func day(_ i: Int) -> String { VietnameseFormat.date(LocalDate("1990-01-01")!.adding(days: i)) }
    static func identity(_ series: Int, _ i: Int) -> String { String(format: "%03d0900%05d", series, i) }

    /// The world of `ImportPeopleTests` and `existing` people of A1 with identity numbers.
    static func world(_ app: Application) async throws -> (tree: Fixtures.Tree, people: [Person], access: Access) {
        let w = try await ImportPeopleTests.world(app)
        var people: [Person] = []
        for i in 0..<existing {
            let person = try await Fixtures.person(app, "Trần Thị Cũ \(i)", in: w.tree.a1)
            person.identityNumber = identity(3, i)
            person.phone = "0900000000"
            try await person.save(on: app.db)
            people.append(person)
        }
        return (w.tree, people, try await ImportCommand.access("canbo.a", on: app.db))
    }

    /// The new people, then the existing ones by identity number (the even ones with a new
    /// phone number), then the known person by name and birth date with a new phone number.
    static func goodRows() -> [String] {
        (0..<newPeople).map { newRow($0) }
            + (0..<existing).map { "Trần Thị Cũ \($0),,,A1,Đảng viên,,,\(identity(3, $0)),\($0 % 2 == 0 ? "0911111111" : "0900000000")," }
            + ["Phạm Thị Hoa,30/04/1979,Nữ,A1,Đảng viên,,,,0988000111,"]
    }

    static func upload(_ rows: [String]) -> ImportUpload {
        ImportUpload(filename: "dang-vien.csv", data: ImportTestSupport.csv([ImportPeopleTests.header] + rows))
    }

    static func check(_ rows: [String], access: Access) async throws -> ImportPreview {
        let upload = upload(rows)
        return try await ImportService.check(upload, sha256: SHA256.hash(data: upload.data).hex, kind: .people, params: ImportParams(), access: access)
    }

    static func confirm(_ rows: [String], access: Access) async throws -> ImportPreview {
        let upload = upload(rows)
        let pending = PendingImport(upload, kind: .people, params: ImportParams(), sha256: SHA256.hash(data: upload.data).hex, userID: access.user.id)
        return try await ImportService.confirm(pending, access: access).0
    }

    @Test func badRowsAmongThousandsAreFoundAsOneByOne() async throws {
        try await withTestApp { app in
            // setup: the good rows with, after them, a repeated new person, a repeated existing
            // one, a unit out of scope, a date that does not exist, an identity number held in B1,
            // and a new row with the number the known person's row gives her
            let w = try await Self.world(app)
            let good = Self.goodRows()
            let bad = Array(good.dropLast(1)) + ["Phạm Thị Hoa,30/04/1979,Nữ,A1,Đảng viên,,,001079000123,0988000111,"] + [
                Self.newRow(7),
                "Trần Thị Cũ 3,,,A1,Đảng viên,,,\(Self.identity(3, 3)),,",
                Self.newRow(9_001, unit: "B1"),
                "Lê Văn Sai,31/02/1980,Nam,A1,Đảng viên,,,,,",
                "Lê Văn Trùng,1/1/1980,Nam,A1,Đảng viên,,,001080000999,,",
                "Lê Văn Sau,1/1/1981,Nam,A1,Đảng viên,,,001079000123,,",
            ]
            let first = good.count + 2
            let peopleBefore = try await Person.query(on: app.db).count()

            // act
            let preview = try await Self.check(bad, access: w.access)

            // assert: each problem on its row, with the form's reason; nothing written
            #expect(preview.problems.map(\.row) == [first, first + 1, first + 2, first + 3, first + 4, first + 5])
            let reasons = preview.problems.map(\.reason)
            #expect(reasons[0] == "Trùng người với dòng 9.")
            #expect(reasons[1] == "Trùng người với dòng \(Self.newPeople + 5).")
            #expect(reasons[2] == "Không tìm thấy tổ chức đảng có mã “B1” trong phạm vi của bạn.")
            #expect(preview.problems[3].column == "Ngày sinh (cột B)")
            #expect(reasons[4] == "Số CCCD/CMND 001080000999 đã có trong hồ sơ của người khác.")
            #expect(reasons[5] == "Số CCCD/CMND 001079000123 đã có trong hồ sơ của người khác.")
            #expect(preview.counts.created == Self.newPeople && preview.counts.updated == Self.existing / 2 + 1)
            #expect(try await Person.query(on: app.db).count() == peopleBefore)
        }
    }

    @Test func aLargeFileIsWrittenInBatchesAndAgainChangesNothing() async throws {
        try await withTestApp { app in
            // setup
            let w = try await Self.world(app)
            let peopleBefore = try await Person.query(on: app.db).count()
            let auditBefore = try await AuditEntry.query(on: app.db).count()

            // act
            let done = try await Self.confirm(Self.goodRows(), access: w.access)

            // assert: the counts from the file, a membership and an audit entry for each new person
            let updated = Self.existing / 2 + 1
            #expect(done.counts.created == Self.newPeople && done.counts.updated == updated && done.counts.skipped == Self.existing / 2)
            #expect(try await Person.query(on: app.db).count() == peopleBefore + Self.newPeople)
            let made = try await Person.query(on: app.db).filter(\.$identityNumber ~~ (0..<Self.newPeople).map { Self.identity(2, $0) }).all()
            #expect(made.count == Self.newPeople)
            #expect(made.allSatisfy { $0.currentUnitID == w.tree.a1.id && $0.category == .partyMember && $0.gender == .male })
            let last = try #require(made.first { $0.identityNumber == Self.identity(2, Self.newPeople - 1) })
            #expect(last.fullName == "Lê Văn Mới \(Self.newPeople - 1)" && last.nameFolded == "le van moi \(Self.newPeople - 1)")
            #expect(last.birthDate == LocalDate("1990-01-01")!.adding(days: Self.newPeople - 1))
            #expect(last.sortKey == VietnameseText.sortKey(fullName: last.fullName) && last.createdAt != nil)
            let memberships = try await Membership.query(on: app.db).filter(\.$personID ~~ made.map { $0.id! }).all()
            #expect(memberships.count == Self.newPeople)
            #expect(memberships.allSatisfy { $0.unitID == w.tree.a1.id && $0.validFrom == LocalDate.today() && $0.validTo == nil })
            let entries = try await AuditEntry.query(on: app.db).filter(\.$entityType == Audit.Entity.person.rawValue).sort(\.$id).all()
            #expect(entries.count == Self.newPeople + updated)
            #expect(entries.filter { $0.action == Audit.Action.create.rawValue }.count == Self.newPeople)
            let lastEntry = try #require(entries.first { $0.entityID == last.id })
            #expect(lastEntry.summary == "Thêm \(last.fullName) vào Chi bộ A1 từ \(VietnameseFormat.date(LocalDate.today()))")
            let after = try JSONDecoder().decode(PersonSnapshot.self, from: Data((lastEntry.afterJSON ?? "").utf8))
            #expect(after == PersonSnapshot(last) && lastEntry.username == "canbo.a" && lastEntry.unitID == w.tree.a1.id)
            let changed = try #require(try await Person.find(w.people[0].id, on: app.db))
            #expect(changed.phone == "0911111111" && changed.fullName == "Trần Thị Cũ 0")
            #expect(try await Person.find(w.people[1].id, on: app.db)?.phone == "0900000000")
            let update = try #require(entries.first { $0.entityID == changed.id })
            #expect(update.action == Audit.Action.update.rawValue && update.summary == "Cập nhật thông tin Trần Thị Cũ 0")
            #expect(try await AuditEntry.query(on: app.db).count() == auditBefore + Self.newPeople + updated + 1)

            // act: the same file again
            let auditCount = try await AuditEntry.query(on: app.db).count()
            let again = try await Self.check(Self.goodRows(), access: w.access)

            // assert: every row found, nothing to change
            #expect(again.problems.isEmpty)
            #expect(again.counts.skipped == Self.newPeople + Self.existing + 1 && again.counts.changes == 0)
            #expect(try await AuditEntry.query(on: app.db).count() == auditCount)
        }
    }

    @Test func aRowRefusedInALaterBatchIsNamedAndNothingIsKept() async throws {
        try await withTestApp { app in
            // setup: the database refuses one new person past the first batch
            let w = try await Self.world(app)
            let refused = PersonService.bulkChunk + 100
            try await ImportTestSupport.failInsert(app, into: "people", when: "full_name", is: "Lê Văn Mới \(refused)")
            let peopleBefore = try await Person.query(on: app.db).count()
            let auditBefore = try await AuditEntry.query(on: app.db).count()

            // act
            var failure: ImportRejected?
            do { _ = try await Self.confirm(Self.goodRows(), access: w.access) } catch let rejected as ImportRejected { failure = rejected }

            // assert: the row named (its number in the file), the first batch not kept
            #expect(failure?.preview.problems.map(\.row) == [refused + 2])
            #expect(try await Person.query(on: app.db).count() == peopleBefore)
            #expect(try await Membership.query(on: app.db).count() == peopleBefore)
            #expect(try await AuditEntry.query(on: app.db).count() == auditBefore)
            #expect(try await Person.find(w.people[0].id, on: app.db)?.phone == "0900000000")
        }
    }
}
