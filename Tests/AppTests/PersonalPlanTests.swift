@testable import App
import Domain
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// The member's own plan on the web: template, draft, submission, late flag, correction until
/// assessed, audit; nobody else's plan; validation; escaping.
@Suite struct PersonalPlanTests {
    @Test func memberFillsSavesAndSubmitsTheirPlan() async throws {
        try await withTestApp { app in
            // setup: this year's due date at its end (never passed), last year's on 15 March (passed)
            let tree = try await PersonalPlanTestSupport.world(app)
            let member = try await PersonalPlanTestSupport.member(app, "Nguyễn Văn Một", in: tree.a1, account: "dangvien")
            let year = LocalDate.today().year
            try await PersonalPlanTestSupport.due(app, unit: tree.root, year: year, on: LocalDate.lastOf(year: year).iso)
            try await PersonalPlanTestSupport.due(app, unit: tree.root, year: year - 1, on: "\(year - 1)-03-15")
            try await PersonalPlanTestSupport.template(app, unit: tree.a1, year: year, items: ["Học chuyên đề theo mẫu chi bộ"],
                                                       commitment: "Cam kết theo mẫu chi bộ")
            var web = try await TestClient.login(app, "dangvien")
            let page = "\(SiteURL.myPlan.path)?nam=\(year)"

            // act
            let blank = try await web.get(page)
            let draft = try await web.post(page, PersonalPlanTestSupport.form(["Việc một", "", "Việc ba"], commitment: "", action: "luu-nhap"))
            let refused = try await web.post(page, PersonalPlanTestSupport.form(["Việc một", "", "Việc ba"], commitment: " ", action: "nop"))
            let submitted = try await web.post(page, PersonalPlanTestSupport.form(["Việc một", "", "Việc ba"], commitment: "Tôi cam kết", action: "nop"))
            let shown = try await web.get(page)
            let corrected = try await web.post(page, PersonalPlanTestSupport.form(["Việc một đã sửa"], commitment: "Tôi cam kết", action: "nop"))
            let lastYear = try await web.post("\(SiteURL.myPlan.path)?nam=\(year - 1)",
                                              PersonalPlanTestSupport.form(["Việc năm trước"], commitment: "Cam kết", action: "nop"))
            let lastYearPage = try await web.get("\(SiteURL.myPlan.path)?nam=\(year - 1)")

            // assert: the template fills the blank form; the due date is shown
            #expect(blank.status == .ok)
            #expect(blank.body.string.contains("value=\"Học chuyên đề theo mẫu chi bộ\""))
            #expect(blank.body.string.contains("Cam kết theo mẫu chi bộ"))
            #expect(blank.body.string.contains(VietnameseFormat.date(LocalDate.lastOf(year: year))))
            #expect(blank.body.string.contains(">Lưu nháp<") && blank.body.string.contains(">Nộp kế hoạch<"))
            #expect(blank.body.string.contains("href=\"\(SiteURL.myPlan.path)\""), "the nav links the member's plan")
            // a draft keeps the non-blank items in order, in the member's cell
            #expect(draft.status == .seeOther)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("Cam kết tu dưỡng, rèn luyện, phấn đấu: chưa nhập (bắt buộc khi nộp)."))
            #expect(refused.body.string.contains("value=\"Việc ba\""))
            #expect(submitted.status == .seeOther)
            #expect(corrected.status == .seeOther)
            let plan = try #require(try await PersonalPlanService.plan(person: member.id!, year: year, on: app.db))
            #expect(plan.status == .submitted && plan.submittedOn == LocalDate.today() && plan.unitID == tree.a1.id!)
            #expect(plan.commitment == "Tôi cam kết")
            #expect(try await PersonalPlanService.items(of: plan, on: app.db) == ["Việc một đã sửa"])
            #expect(shown.body.string.contains("Đã nộp ngày \(VietnameseFormat.date(LocalDate.today()))"))
            #expect(!shown.body.string.contains("trễ hạn"))
            #expect(shown.body.string.contains(">Lưu thay đổi<") && !shown.body.string.contains(">Lưu nháp<"))
            // last year's plan, submitted after its 15 March due date, is late
            #expect(lastYear.status == .seeOther)
            #expect(lastYearPage.body.string.contains("trễ hạn"))
            let old = try #require(try await PersonalPlanService.plan(person: member.id!, year: year - 1, on: app.db))
            #expect(try await PersonalPlanService.facts(old, on: app.db).late)
            // each save is audited; the refused one is not
            #expect(try await PersonalPlanTestSupport.audit(app, plan: plan) == ["tao_moi", "nop", "cap_nhat"])
        }
    }

    @Test func anAssessedPlanCanNoLongerBeChangedByItsMember() async throws {
        try await withTestApp { app in
            // setup
            let tree = try await PersonalPlanTestSupport.world(app)
            let member = try await PersonalPlanTestSupport.member(app, "Nguyễn Văn Một", in: tree.a1, account: "dangvien")
            let plan = try await PersonalPlanTestSupport.plan(app, member, unit: tree.a1, year: 2025, submittedOn: "2025-03-01",
                                                              assessment: .fulfilled)
            var web = try await TestClient.login(app, "dangvien")

            // act
            let page = try await web.get("\(SiteURL.myPlan.path)?nam=2025")
            let post = try await web.post("\(SiteURL.myPlan.path)?nam=2025", PersonalPlanTestSupport.form(["Sửa"], commitment: "X", action: "nop"))
            let edit = try await web.get(SiteURL.personalPlanEdit(plan.id).path)
            var secretaryWeb = try await TestClient.login(app, "bithu.a1")
            let secretaryEdit = try await secretaryWeb.get(SiteURL.personalPlanEdit(plan.id).path)

            // assert
            #expect(page.status == .ok)
            #expect(page.body.string.contains(PersonalPlanService.assessedMessage))
            #expect(!page.body.string.contains("personal-plan-form"))
            #expect(post.status == .forbidden)
            #expect(edit.status == .forbidden)
            #expect(secretaryEdit.status == .ok, "the cell may still correct a record from paper")
            #expect(try await PersonalPlanService.items(of: plan, on: app.db) == ["Học tập chuyên đề năm"])
        }
    }

    @Test func aMemberNeverReadsAnotherMembersPlan() async throws {
        try await withTestApp { app in
            // setup: two members of the same cell
            let tree = try await PersonalPlanTestSupport.world(app)
            let me = try await PersonalPlanTestSupport.member(app, "Nguyễn Văn Một", in: tree.a1, account: "dangvien")
            let other = try await PersonalPlanTestSupport.member(app, "Trần Thị Hai", in: tree.a1)
            let mine = try await PersonalPlanTestSupport.plan(app, me, unit: tree.a1, year: 2025, submittedOn: "2025-03-01")
            let theirs = try await PersonalPlanTestSupport.plan(app, other, unit: tree.a1, year: 2025, submittedOn: "2025-03-02",
                                                                items: ["Việc riêng của người khác"])
            var web = try await TestClient.login(app, "dangvien")

            // act
            let own = try await web.get(SiteURL.personalPlan(mine.id).path)
            let show = try await web.get(SiteURL.personalPlan(theirs.id).path)
            let edit = try await web.get(SiteURL.personalPlanEdit(theirs.id).path)
            let post = try await web.post(SiteURL.personalPlanEdit(theirs.id).path,
                                          PersonalPlanTestSupport.form(["Chiếm"], commitment: "X", action: "nop"))
            let start = try await web.get(SiteURL.personPersonalPlan(other.id).path)
            let overview = try await web.get(SiteURL.personalPlans.path)

            // assert
            #expect(own.status == .ok)
            for response in [show, edit, post, start] {
                #expect(response.status == .notFound)
                #expect(!response.body.string.contains("Việc riêng của người khác"))
            }
            #expect(overview.status == .forbidden)
            #expect(try await PersonalPlanService.items(of: theirs, on: app.db) == ["Việc riêng của người khác"])
        }
    }

    @Test func validationNamesTheField() async throws {
        try await withTestApp { app in
            // setup
            let tree = try await PersonalPlanTestSupport.world(app)
            let member = try await PersonalPlanTestSupport.member(app, "Nguyễn Văn Một", in: tree.a1)
            let plan = try await PersonalPlanTestSupport.plan(app, member, unit: tree.a1, year: 2025, submittedOn: "2025-03-01")
            let june = LocalDate("2025-06-01")!
            func problems(_ input: PersonalPlanInput, paper: Bool = true, today: LocalDate = june) -> [String] {
                do {
                    _ = try PersonalPlanService.validated(input, for: plan, items: ["Việc"], paper: paper, today: today)
                    return []
                } catch let invalid as InvalidInput {
                    return invalid.failures.map(\.field)
                } catch { return ["?"] }
            }

            // act & assert
            #expect(problems(PersonalPlanInput(items: Array(repeating: "Việc", count: 9))) == ["items"])
            #expect(problems(PersonalPlanInput(items: [String(repeating: "a", count: 501)])) == ["items"])
            #expect(problems(PersonalPlanInput(items: [""], status: .submitted)) == ["items"])
            #expect(problems(PersonalPlanInput(status: .draft)) == ["status"])
            #expect(problems(PersonalPlanInput(selfAssessment: "Đã làm")) == ["selfAssessment"])
            #expect(problems(PersonalPlanInput(selfAssessment: "Đã làm"), today: LocalDate("2025-12-01")!).isEmpty)
            #expect(problems(PersonalPlanInput(submittedOn: "2025-02-30")) == ["submittedOn"])
            #expect(problems(PersonalPlanInput(submittedOn: "2025-07-01")) == ["submittedOn"])
            #expect(problems(PersonalPlanInput(submittedOn: "2023-12-31")) == ["submittedOn"])
            #expect(problems(PersonalPlanInput(submittedOn: "2025-02-01"), paper: false) == ["submittedOn"])
            #expect(problems(PersonalPlanInput(submittedOn: "1/2/2025")).isEmpty)
            #expect(problems(PersonalPlanInput(commitment: String(repeating: "c", count: 2001))) == ["commitment"])
            #expect(PersonalPlanService.isLate(submittedOn: LocalDate("2025-03-16"), due: LocalDate("2025-03-15")))
            #expect(!PersonalPlanService.isLate(submittedOn: LocalDate("2025-03-15"), due: LocalDate("2025-03-15")))
            #expect(!PersonalPlanService.isLate(submittedOn: LocalDate("2025-09-15"), due: nil))
            #expect(!PersonalPlanService.isYearEnd(2025, today: LocalDate("2025-11-30")!))
            #expect(PersonalPlanService.isYearEnd(2025, today: LocalDate("2025-12-01")!))
        }
    }

    @Test func userTextIsEscapedEverywhere() async throws {
        try await withTestApp { app in
            // setup
            let tree = try await PersonalPlanTestSupport.world(app)
            let payload = "\"><script>alert(1)</script>"
            let member = try await PersonalPlanTestSupport.member(app, "Lê Văn \(payload)", in: tree.a1)
            let plan = try await PersonalPlanTestSupport.plan(app, member, unit: tree.a1, year: 2025, submittedOn: "2025-03-01",
                                                              items: ["Việc \(payload)"], commitment: "Cam kết \(payload)")
            try await PersonalPlanTestSupport.template(app, unit: tree.a1, year: 2025, items: ["Mẫu \(payload)"], commitment: payload)
            var web = try await TestClient.login(app, "bithu.a1")

            // act
            let pages = [
                try await web.get(SiteURL.personalPlan(plan.id).path),
                try await web.get(SiteURL.personalPlanEdit(plan.id).path),
                try await web.get(SiteURL.personalPlans.with([("don-vi", "A1"), ("nam", "2025")])),
                try await web.get(SiteURL.planTemplate.with([("don-vi", "A1"), ("nam", "2025")])),
                try await web.get(SiteURL.personalPlanAssessment.with([("don-vi", "A1"), ("nam", "2025")])),
                try await web.get(SiteURL.personalPlans.with([("don-vi", payload), ("nam", "2025")])),
            ]

            // assert
            for page in pages {
                #expect(page.status == .ok)
                #expect(!page.body.string.contains("<script>alert(1)</script>"))
                #expect(page.body.string.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            }
            #expect(pages[1].body.string.contains("value=\"Việc &quot;&gt;&lt;script&gt;"))
        }
    }
}
