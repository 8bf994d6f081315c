@testable import App
import Domain
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// The secretary's overview against counts made from the test's own memberships and plans.
@Suite struct PersonalPlanOverviewTests {
    /// One membership the test creates, with the person's category.
    struct Stay {
        let person: Int
        let partyMember: Bool
        let unit: Int
        let from: LocalDate
        let to: LocalDate?
    }

    /// The counts of one set of cells for 2025, made by hand from the test's own data.
    static func count(_ stays: [Stay], _ plans: [PersonalPlan], cells: Set<Int>, due: LocalDate) -> PersonalPlanCounts {
        let first = LocalDate.firstOf(year: 2025), last = LocalDate.lastOf(year: 2025)
        let expected = Set(stays.filter {
            $0.partyMember && cells.contains($0.unit) && $0.from <= last && ($0.to.map { $0 > first } ?? true)
        }.map(\.person))
        let mine = plans.filter { expected.contains($0.personID) && $0.year == 2025 }
        let submitted = mine.filter { $0.status == .submitted }
        return PersonalPlanCounts(
            expected: expected.count, submitted: submitted.count, onTime: submitted.filter { $0.submittedOn! <= due }.count,
            assessed: mine.filter { $0.assessment != nil }.count, fulfilled: mine.filter { $0.assessment == .fulfilled }.count)
    }

    /// The texts of the cells of the overview's row for `unit`.
    static func row(_ html: String, unit: String) -> [String]? {
        guard let start = html.range(of: "<tr data-unit=\"\(unit)\">"),
              let end = html.range(of: "</tr>", range: start.upperBound..<html.endIndex) else { return nil }
        let row = String(html[start.upperBound..<end.lowerBound])
        let cell = try! NSRegularExpression(pattern: "<t[hd][^>]*>(.*?)</t[hd]>")
        return cell.matches(in: row, range: NSRange(row.startIndex..., in: row)).map { match in
            String(row[Range(match.range(at: 1), in: row)!]).replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression)
        }
    }

    @Test func countsMatchTheTestsOwnMembersAndPlans() async throws {
        try await withTestApp { app in
            // setup: A1 and A2 under A; a member moving from A1 to A2 on 1/6/2025, one who left A1
            // before 2025, one who joined A2 in September, a non-party person in A1 with a plan
            let tree = try await PersonalPlanTestSupport.world(app)
            let a2 = try await Fixtures.unit(app, "A2", "Chi bộ A2", kind: "CB_TRUC_THUOC", parent: tree.a, founded: LocalDate("2020-01-01")!)
            try await TreeIndex.rebuild(on: app.db)
            let due = LocalDate("2025-03-15")!
            try await PersonalPlanTestSupport.due(app, unit: tree.root, year: 2025, on: due.iso)
            let since = LocalDate("2020-01-01")!
            var stays: [Stay] = []
            func member(_ name: String, _ unit: OrgUnit, from: LocalDate = since, partyMember: Bool = true) async throws -> Person {
                let p = try await Fixtures.person(app, name, in: unit, since: from)
                if !partyMember { p.category = .citizen; try await p.update(on: app.db) }
                stays.append(Stay(person: p.id!, partyMember: partyMember, unit: unit.id!, from: from, to: nil))
                return p
            }
            let onTime = try await member("An Văn Đúng Hạn", tree.a1)
            let late = try await member("Bùi Thị Trễ", tree.a1)
            let drafter = try await member("Cao Văn Nháp", tree.a1)
            let missing = try await member("Đinh Thị Chưa Có", tree.a1)
            let mover = try await member("Hồ Văn Chuyển", tree.a1)
            try await StudySessionTestSupport.transfer(app, mover, to: a2, on: "2025-06-01")
            stays[stays.count - 1] = Stay(person: mover.id!, partyMember: true, unit: tree.a1.id!, from: since, to: LocalDate("2025-06-01"))
            stays.append(Stay(person: mover.id!, partyMember: true, unit: a2.id!, from: LocalDate("2025-06-01")!, to: nil))
            let citizen = try await member("Phan Thị Quần Chúng", tree.a1, partyMember: false)
            let leaver = try await member("Lý Văn Rời", tree.a1)
            let left = try await Membership.query(on: app.db).filter(\.$personID == leaver.id!).first()!
            left.validTo = LocalDate("2024-12-01")!
            try await left.update(on: app.db)
            stays[stays.count - 1] = Stay(person: leaver.id!, partyMember: true, unit: tree.a1.id!, from: since, to: left.validTo)
            let newcomer = try await member("Mai Thị Mới", a2, from: LocalDate("2025-09-01")!)
            let inA2 = try await member("Ngô Văn Hai", a2)
            let outsider = try await Fixtures.person(app, "Tô Văn Ngoài", in: tree.b1)
            let plans = [
                try await PersonalPlanTestSupport.plan(app, onTime, unit: tree.a1, year: 2025, submittedOn: "2025-03-10", assessment: .fulfilled),
                try await PersonalPlanTestSupport.plan(app, late, unit: tree.a1, year: 2025, submittedOn: "2025-04-02", assessment: .notFulfilled),
                try await PersonalPlanTestSupport.plan(app, drafter, unit: tree.a1, year: 2025),
                try await PersonalPlanTestSupport.plan(app, mover, unit: tree.a1, year: 2025, submittedOn: "2025-02-01"),
                try await PersonalPlanTestSupport.plan(app, citizen, unit: tree.a1, year: 2025, submittedOn: "2025-02-01"),
                try await PersonalPlanTestSupport.plan(app, inA2, unit: a2, year: 2025, submittedOn: "2025-03-15", assessment: .fulfilled),
                try await PersonalPlanTestSupport.plan(app, outsider, unit: tree.b1, year: 2025, submittedOn: "2025-01-05"),
                try await PersonalPlanTestSupport.plan(app, onTime, unit: tree.a1, year: 2024, submittedOn: "2024-01-05"),
            ]
            var secretary = try await TestClient.login(app, "bithu.a1")
            var officer = try await TestClient.login(app, "canbo.a")
            let inA1 = Self.count(stays, plans, cells: [tree.a1.id!], due: due)
            let inCellA2 = Self.count(stays, plans, cells: [a2.id!], due: due)
            let inA = Self.count(stays, plans, cells: [tree.a1.id!, a2.id!], due: due)

            // act
            let cell = try await secretary.get(SiteURL.personalPlans.with([("nam", "2025")]))
            let subtree = try await officer.get(SiteURL.personalPlans.with([("don-vi", "A"), ("nam", "2025")]))
            let cellA2 = try await officer.get(SiteURL.personalPlans.with([("don-vi", "A2"), ("nam", "2025")]))

            // assert: the hand count itself (5 expected in A1: not the citizen nor the leaver)
            #expect(inA1 == PersonalPlanCounts(expected: 5, submitted: 3, onTime: 2, assessed: 2, fulfilled: 1))
            #expect(inA.expected == 7 && inA.submitted == 4 && inCellA2.expected == 3)
            // the cell's page: its counts, every expected member once, each plan's state
            #expect(cell.status == .ok)
            let html = cell.body.string
            #expect(html.contains("\(inA1.submitted)/\(inA1.expected) đảng viên đã nộp; \(inA1.missing) chưa nộp"))
            #expect(html.contains(PersonalPlanOverviewView.summary(inA1)))
            let listed = Set(html.components(separatedBy: "data-person=\"").dropFirst().compactMap { Int($0.prefix { $0.isNumber }) })
            #expect(listed == Set([onTime, late, drafter, missing, mover].map { $0.id! }))
            #expect(!listed.contains(citizen.id!) && !listed.contains(leaver.id!) && !listed.contains(newcomer.id!))
            #expect(html.contains("Đã nộp ngày 2/4 — trễ hạn") && html.contains("Đã nộp ngày 10/3<"))
            #expect(html.contains("Hồ Văn Chuyển</a><small class=\"hint\"> (đã chuyển sinh hoạt)"))
            #expect(html.contains("Đang soạn (chưa nộp)") && html.contains("Chưa có kế hoạch"))
            #expect(html.contains("Hạn nộp: 15/3/2025"))
            // the higher unit: a row per cell, and the subtree's totals counting the mover once
            #expect(subtree.status == .ok)
            let c = inA1, d = inCellA2
            #expect(Self.row(subtree.body.string, unit: "A1") == ["Chi bộ A1", "\(c.expected)", "\(c.submitted)", "\(c.onTime)", "\(c.fulfilled)/\(c.assessed)"])
            #expect(Self.row(subtree.body.string, unit: "A2") == ["Chi bộ A2", "\(d.expected)", "\(d.submitted)", "\(d.onTime)", "\(d.fulfilled)/\(d.assessed)"])
            #expect(Self.row(subtree.body.string, unit: "B1") == nil)
            #expect(subtree.body.string.contains(PersonalPlanOverviewView.summary(inA)))
            // A2 counts the mover's plan, made in A1 before the move
            #expect(cellA2.body.string.contains(PersonalPlanOverviewView.summary(inCellA2)))
            #expect(cellA2.body.string.contains("<td>Hồ Văn Chuyển<small class=\"hint\"> (kế hoạch lập ở chi bộ trước)</small></td>"))
        }
    }

    @Test func startingFromTheTemplateMakesDraftsOnlyForThoseWithoutAPlan() async throws {
        try await withTestApp { app in
            // setup
            let tree = try await PersonalPlanTestSupport.world(app)
            let a2 = try await Fixtures.unit(app, "A2", "Chi bộ A2", kind: "CB_TRUC_THUOC", parent: tree.a, founded: LocalDate("2020-01-01")!)
            try await TreeIndex.rebuild(on: app.db)
            let has = try await Fixtures.person(app, "An Văn Có", in: tree.a1)
            let first = try await Fixtures.person(app, "Bùi Văn Chưa", in: tree.a1)
            let second = try await Fixtures.person(app, "Cao Thị Chưa", in: tree.a1)
            let gone = try await Fixtures.person(app, "Đinh Văn Đi", in: tree.a1)
            try await StudySessionTestSupport.transfer(app, gone, to: a2, on: "2025-06-01")
            let citizen = try await Fixtures.person(app, "Lê Thị Dân", in: tree.a1)
            citizen.category = .citizen
            try await citizen.update(on: app.db)
            let existing = try await PersonalPlanTestSupport.plan(app, has, unit: tree.a1, year: 2025, items: ["Việc của riêng tôi"])
            var web = try await TestClient.login(app, "bithu.a1")

            // act: the template through its page, then the drafts
            let emptyTemplate = try await web.post(SiteURL.planTemplate.path, ["unit": "A1", "year": "2025", "items": " \n ", "commitment": ""])
            let saved = try await web.post(SiteURL.planTemplate.path, ["unit": "A1", "year": "2025",
                                                                       "items": "Học chuyên đề\n\nGiúp dân", "commitment": "Cam kết của mẫu"])
            let made = try await web.post(SiteURL.personalPlansFromTemplate.path, ["unit": "A1", "year": "2025"])
            let again = try await web.post(SiteURL.personalPlansFromTemplate.path, ["unit": "A1", "year": "2025"])
            let noTemplate = try await web.post(SiteURL.personalPlansFromTemplate.path, ["unit": "A1", "year": "2024"])
            var leader = try await TestClient.login(app, "lanhdao.a")
            let byLeader = try await leader.post(SiteURL.personalPlansFromTemplate.path, ["unit": "A1", "year": "2025"])

            // assert
            #expect(emptyTemplate.status == .unprocessableEntity)
            #expect(emptyTemplate.body.string.contains("Các việc của mẫu: cần ít nhất một việc."))
            #expect(saved.status == .seeOther && made.status == .seeOther && again.status == .seeOther)
            #expect(noTemplate.status == .unprocessableEntity)
            #expect(byLeader.status == .forbidden)
            let plans = try await PersonalPlan.query(on: app.db).filter(\.$year == 2025).all()
            #expect(Set(plans.map(\.personID)) == [has.id!, first.id!, second.id!])
            for plan in plans where plan.personID != has.id! {
                #expect(plan.status == .draft && plan.unitID == tree.a1.id! && plan.commitment == "Cam kết của mẫu")
                #expect(try await PersonalPlanService.items(of: plan, on: app.db) == ["Học chuyên đề", "Giúp dân"])
            }
            #expect(try await PersonalPlanService.items(of: existing, on: app.db) == ["Việc của riêng tôi"])
            let creations = try await AuditEntry.query(on: app.db).filter(\.$entityType == Audit.Entity.personalPlan.rawValue).count()
            #expect(creations == 2)
            let templateAudit = try await AuditEntry.query(on: app.db).filter(\.$entityType == Audit.Entity.planTemplate.rawValue).count()
            #expect(templateAudit == 1)
        }
    }

    @Test func theCellAssessesEveryPlanOnOneScreen() async throws {
        try await withTestApp { app in
            // setup
            let tree = try await PersonalPlanTestSupport.world(app)
            let p1 = try await Fixtures.person(app, "An Văn Một", in: tree.a1)
            let p2 = try await Fixtures.person(app, "Bùi Thị Hai", in: tree.a1)
            let p3 = try await Fixtures.person(app, "Cao Văn Ba", in: tree.a1)
            let one = try await PersonalPlanTestSupport.plan(app, p1, unit: tree.a1, year: 2025, submittedOn: "2025-03-01")
            let two = try await PersonalPlanTestSupport.plan(app, p2, unit: tree.a1, year: 2025, submittedOn: "2025-03-02")
            let three = try await PersonalPlanTestSupport.plan(app, p3, unit: tree.a1, year: 2025)
            let screen = SiteURL.personalPlanAssessment.with([("don-vi", "A1"), ("nam", "2025")])
            let a = PlanAssessmentView.assessmentField, c = PlanAssessmentView.commentField
            var web = try await TestClient.login(app, "bithu.a1")
            var leader = try await TestClient.login(app, "lanhdao.a")

            // act
            let beforeYearEnd = try await withAccess(app, "bithu.a1") { access in
                try await PersonalPlanService.assess([(one, PlanAssessmentMark(assessment: "hoan_thanh"))], access: access,
                                                     today: LocalDate("2025-11-20")!) { _, name in name }
            }
            let form = try await web.get(screen)
            let refused = try await web.post(screen, ["unit": "A1", "year": "2025", a(one.id!): "hoan_thanh", a(two.id!): "xuat_sac"])
            let saved = try await web.post(screen, ["unit": "A1", "year": "2025", a(one.id!): "hoan_thanh", c(one.id!): "Gương mẫu",
                                                    a(two.id!): "khong_hoan_thanh", c(two.id!): "Chưa làm việc đã đăng ký"])
            let readOnly = try await leader.get(screen)
            let byLeader = try await leader.post(screen, ["unit": "A1", "year": "2025", a(one.id!): "khong_hoan_thanh"])

            // assert
            #expect(form.status == .ok)
            #expect(form.body.string.contains("name=\"\(a(one.id!))\"") && form.body.string.contains("name=\"\(a(two.id!))\""))
            #expect(!form.body.string.contains("name=\"\(a(three.id!))\""), "a draft is not assessed")
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("Đánh giá: phải là hoàn thành hoặc không hoàn thành."))
            #expect(saved.status == .seeOther)
            #expect(readOnly.status == .ok && !readOnly.body.string.contains("plan-assessment-form"))
            #expect(readOnly.body.string.contains("Chi bộ đánh giá: Hoàn thành"))
            #expect(byLeader.status == .forbidden)
            #expect(beforeYearEnd == ["Đánh giá: chỉ đánh giá từ ngày 1/12/2025, khi kết thúc năm."])
            let after = try await PersonalPlan.query(on: app.db).filter(\.$year == 2025).all()
            let byID = Dictionary(uniqueKeysWithValues: after.map { ($0.id!, $0) })
            #expect(byID[one.id!]?.assessment == .fulfilled && byID[one.id!]?.assessmentComment == "Gương mẫu")
            #expect(byID[two.id!]?.assessment == .notFulfilled && byID[two.id!]?.assessedOn == LocalDate.today())
            #expect(byID[three.id!]?.assessment == nil)
            #expect(try await PersonalPlanTestSupport.audit(app, plan: one) == ["danh_gia"])
            #expect(try await PersonalPlanTestSupport.audit(app, plan: two) == ["danh_gia"])
        }
    }

    /// The messages of what an action refuses, run as `username`.
    private func withAccess(_ app: Application, _ username: String, _ body: (Access) async throws -> Void) async throws -> [String] {
        let user = try await PersonalPlanTestSupport.user(app, username)
        do {
            try await body(Access(user: CurrentUser(user), db: app.db))
            return []
        } catch let invalid as InvalidInput {
            return invalid.failures.map(\.message)
        }
    }
}
