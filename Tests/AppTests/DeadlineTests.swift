@testable import App
import Domain
import Fluent
import Foundation
import Testing
import Vapor

/// Deadlines computed from the records of `DeadlineTestSupport.world`, on a fixed day, against
/// the items counted by hand from that world (see its diagram).
@Suite struct DeadlineTests {
    typealias S = DeadlineTestSupport

    private func items(_ app: Application, _ root: OrgUnit?, year: Int = S.year, limit: Int = 200) async throws -> [DeadlineItem] {
        try await DeadlineQueries.items(root: root?.id, year: year, today: S.today, offset: 0, limit: limit, on: app.db)
    }

    private func keys(_ items: [DeadlineItem]) -> [String] {
        items.map { "\($0.kind.rawValue) \($0.unitCode)" + ($0.month.map { " " + String($0.iso.prefix(7)) } ?? "") }
    }

    @Test func theProvinceListsWhatIsMissingInOrder() async throws {
        try await withTestApp { app in
            // setup
            let world = try await S.world(app)
            // act
            let list = try await items(app, world.tree.root)
            let counts = try await DeadlineQueries.counts(root: world.tree.root.id, year: S.year, today: S.today, on: app.db)
            // assert: A's late-submitted plan, B1's approved plan, the cells' recorded months, the
            // thematic meeting (not a regular one) and A2 after its dissolution are not listed
            #expect(keys(list) == [
                "ke_hoach_nam A1", "ke_hoach_nam B", "ke_hoach_nam A2",   // due 31/1
                "sinh_hoat_thuong_ky A2 2025-01",                          // due 5/2
                "ke_hoach_ca_nhan A1", "ke_hoach_ca_nhan B1",              // due 15/3
                "sinh_hoat_thuong_ky A1 2025-03",                          // due 5/4
                "sinh_hoat_thuong_ky A1 2025-04", "sinh_hoat_thuong_ky B1 2025-04", // due 5/5: soon
                "ke_hoach_nam TU",                                         // nobody above sets TU's
            ])
            #expect(counts == DeadlineCounts(overdue: 7, dueSoon: 2, noDueDate: 1))
            #expect(list.map(\.group) == [.overdue, .overdue, .overdue, .overdue, .overdue, .overdue, .overdue, .dueSoon, .dueSoon, .noDueDate])
            let byKey = Dictionary(uniqueKeysWithValues: zip(keys(list), list))
            #expect(byKey["ke_hoach_nam A1"]?.status == .overdue(daysLate: 69))
            #expect(byKey["ke_hoach_nam A1"]?.state == "Chưa có kế hoạch")
            let returned = byKey["ke_hoach_nam B"]
            #expect(returned?.planID == world.returnedPlan.id && returned?.planStatus == .returned)
            #expect(returned?.state == "Trả lại, chờ nộp lại")
            #expect(byKey["sinh_hoat_thuong_ky A1 2025-03"]?.status == .overdue(daysLate: 5))
            #expect(byKey["sinh_hoat_thuong_ky A1 2025-04"]?.status == .due(daysLeft: 25))
            #expect(byKey["sinh_hoat_thuong_ky A1 2025-04"]?.due == S.day("2025-05-05"))
            #expect(byKey["ke_hoach_nam TU"]?.status == .noDueDate)
            // personal plans: A1's draft and the one without a plan (not the non-member, not the one
            // who left, not the one who moved to B1, who is expected in B1 now)
            #expect(byKey["ke_hoach_ca_nhan A1"]?.missingMembers == 2)
            #expect(byKey["ke_hoach_ca_nhan B1"]?.missingMembers == 1)
            #expect(byKey["ke_hoach_ca_nhan A1"]?.status == .overdue(daysLate: 26))
        }
    }

    @Test func aSubtreeListsOnlyItsOwnUnitsAndPagesFollowTheOrder() async throws {
        try await withTestApp { app in
            // setup
            let world = try await S.world(app)
            // act
            let ofA = try await items(app, world.tree.a)
            let ofA1 = try await DeadlineQueries.counts(root: world.tree.a1.id, year: S.year, today: S.today, on: app.db)
            let all = try await items(app, world.tree.root)
            let page = try await DeadlineQueries.items(root: world.tree.root.id, year: S.year, today: S.today, offset: 3, limit: 4, on: app.db)
            // assert
            #expect(keys(ofA) == ["ke_hoach_nam A1", "ke_hoach_nam A2", "sinh_hoat_thuong_ky A2 2025-01",
                                  "ke_hoach_ca_nhan A1", "sinh_hoat_thuong_ky A1 2025-03", "sinh_hoat_thuong_ky A1 2025-04"])
            #expect(ofA1 == DeadlineCounts(overdue: 3, dueSoon: 1, noDueDate: 0))
            #expect(keys(page) == Array(keys(all)[3..<7]))
        }
    }

    @Test func termPlansAreDueInTheProgrammesFirstYear() async throws {
        try await withTestApp { app in
            // setup
            let world = try await S.world(app)
            // act: 2021 is 01-KL/TW's first year; 2025 is not
            let of2021 = try await items(app, world.tree.root, year: 2021).filter { $0.kind == .unitPlanTerm }
            let of2025 = try await items(app, world.tree.root).filter { $0.kind == .unitPlanTerm }
            // assert: A's approved term plan is not listed; TU's has no due date
            #expect(Set(keys(of2021)) == ["ke_hoach_toan_khoa A1", "ke_hoach_toan_khoa B", "ke_hoach_toan_khoa B1",
                                           "ke_hoach_toan_khoa A2", "ke_hoach_toan_khoa TU"])
            #expect(of2021.filter { $0.unitCode != "TU" }.allSatisfy { $0.due == S.day("2021-09-30") && $0.group == .overdue })
            #expect(of2021.first { $0.unitCode == "TU" }?.group == .noDueDate)
            #expect(of2021.allSatisfy { $0.programmeNumber == "01-KL/TW" && $0.what == "Kế hoạch toàn khóa (01-KL/TW)" })
            #expect(of2025.isEmpty)
        }
    }

    @Test func theDomainGroupAgreesWithTheSQLGrouping() async throws {
        try await withTestApp { app in
            // setup
            let world = try await S.world(app)
            // act: a day on which some items are exactly on their due day
            let onDueDay = S.day("2025-04-05")
            let list = try await DeadlineQueries.items(root: world.tree.root.id, year: S.year, today: onDueDay, offset: 0, limit: 200, on: app.db)
            let counts = try await DeadlineQueries.counts(root: world.tree.root.id, year: S.year, today: onDueDay, on: app.db)
            // assert: A1's March record is due that very day, not overdue
            #expect(list.first { $0.kind == .meetingRecord && $0.unitCode == "A1" && $0.month?.month == 3 }?.status == .due(daysLeft: 0))
            #expect(counts.overdue == list.filter { $0.group == .overdue }.count)
            #expect(counts.dueSoon == list.filter { $0.group == .dueSoon }.count)
            #expect(counts.total == list.count)
        }
    }
}
