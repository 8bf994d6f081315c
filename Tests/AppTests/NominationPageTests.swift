@testable import App
import Domain
import Fluent
import Testing
import Vapor
import VaporTesting

/// The nomination pages: the form (refused then fixed), the climb through the pages' POSTs, the
/// detail's timeline and counts, and the step forms shown only to who may use them.
@Suite("Nomination pages", .serialized)
struct NominationPageTests {
    private func latest(_ app: Application) async throws -> Nomination {
        try #require(try await Nomination.query(on: app.db).sort(\.$id, .descending).first())
    }

    @Test func proposeReturnEditForwardAndDecideThroughThePages() async throws {
        try await withTestApp { app in
            let tree = try await Fixtures.tree(app)
            let person = try await Fixtures.person(app, "Nguyễn Thị Tiêu Biểu", in: tree.a1)
            try await Fixtures.user(app, "bithu.a1", .cellSecretary, unit: tree.a1)
            try await Fixtures.user(app, "canbo.a", .officer, unit: tree.a)
            try await Fixtures.user(app, "canbo.tu", .officer, unit: tree.root)
            try await Fixtures.user(app, "lanhdao.tu", .leader, unit: tree.root)
            var cell = try await TestClient.login(app, "bithu.a1")

            // the form: refused with the row's error and what was typed kept, then saved
            let blank = try await cell.get(SiteURL.nominationNew.path)
            #expect(blank.status == .ok && blank.body.string.contains("id=\"nomination-form\""))
            let formID = String(try await CommendationTestSupport.formID(app, "Giấy khen"))
            var fields = try await NominationTestSupport.form(app, person: person, [
                "c1-achievements": "", "c3-kind": CommendationRecipient.unit.rawValue, "c3-unit": "ZZ",
                "c3-achievements": "Chi bộ trong sạch, vững mạnh", "c3-formId": formID,
            ])
            let refused = try await cell.post(SiteURL.nominationNew.path, fields)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("Dòng 1: chưa nhập tóm tắt thành tích."))
            #expect(refused.body.string.contains("Dòng 3: không có tổ chức đảng mã “ZZ” trong đơn vị đề nghị."))
            #expect(refused.body.string.contains("Tổ dân vận khu phố 3"))
            #expect(try await Nomination.query(on: app.db).count() == 0)
            fields["c1-achievements"] = "Hoàn thành xuất sắc nhiệm vụ"
            fields["c3-unit"] = "A1"
            let saved = try await cell.post(SiteURL.nominationNew.path, fields)
            let nomination = try await latest(app)
            let path = SiteURL.nomination(nomination.id).path
            let act = SiteURL.nominationAction(nomination.id).path
            #expect(saved.status == .seeOther && AuthTestSupport.location(saved) == path)
            let rows = try await NominationService.candidates(of: nomination, on: app.db)
            #expect(rows.map(\.recipientKind) == [.person, .collective, .unit] && rows.last?.recipientUnitID == tree.a1.id)
            #expect(try await NominationService.papers(of: nomination, on: app.db).count == 3)

            // the proposer sees only "submit"; submitting sends it to A
            let draftPage = try await cell.get(path).body.string
            #expect(draftPage.contains("id=\"nomination-submit\"") && !draftPage.contains("id=\"nomination-forward\""))
            #expect(try await cell.post(act, ["action": NominationAction.submit.rawValue]).status == .seeOther)
            let sentPage = try await cell.get(path).body.string
            #expect(!sentPage.contains("id=\"nomination-submit\"") && !sentPage.contains("/sua\""))
            #expect(sentPage.contains("<span class=\"nomination-current-unit\">Đảng ủy Khối A</span>"))

            // A: waiting list, the three step forms; a return needs a reason
            var unitA = try await TestClient.login(app, "canbo.a")
            let waiting = try await unitA.get(SiteURL.nominations.with([("cho-toi", "1")])).body.string
            #expect(waiting.contains("Đề nghị khen thưởng chi bộ A1 năm 2025") && waiting.contains("1 đề nghị"))
            let atA = try await unitA.get(path).body.string
            #expect(["nomination-return", "nomination-forward", "nomination-decide"].allSatisfy { atA.contains("id=\"\($0)\"") })
            let silent = try await unitA.post(act, ["action": NominationAction.returnForRevision.rawValue, "comment": " "])
            #expect(silent.status == .unprocessableEntity && silent.body.string.contains("Lý do trả lại: chưa nhập."))
            let returned = try await unitA.post(act, ["action": NominationAction.returnForRevision.rawValue,
                                                      "comment": "Bổ sung số liệu thành tích"])
            #expect(returned.status == .seeOther)

            // the cell edits (title) and resubmits; A forwards to TU
            let edit = try await cell.get(SiteURL.nominationEdit(nomination.id).path)
            #expect(edit.status == .ok && edit.body.string.contains("Tổ dân vận khu phố 3"))
            fields["title"] = "Đề nghị khen thưởng chi bộ A1 năm 2025 (bổ sung)"
            fields.removeValue(forKey: "unit")
            #expect(try await cell.post(SiteURL.nominationEdit(nomination.id).path, fields).status == .seeOther)
            #expect(try await cell.post(act, ["action": NominationAction.submit.rawValue]).status == .seeOther)
            #expect(try await unitA.post(act, ["action": NominationAction.forward.rawValue]).status == .seeOther)
            let passedOn = try await unitA.get(path).body.string
            #expect(!passedOn.contains("nomination-decide") && !passedOn.contains("nomination-return"))
            #expect(passedOn.contains("<span class=\"nomination-current-unit\">Tỉnh ủy Thử Nghiệm</span>"))

            // TU: return and decide, no forward at the root; the leader sees no form and gets 403
            var leader = try await TestClient.login(app, "lanhdao.tu")
            let leaderPage = try await leader.get(path).body.string
            #expect(!leaderPage.contains("nomination-decide") && !leaderPage.contains("nomination-return"))
            var province = try await TestClient.login(app, "canbo.tu")
            let atTU = try await province.get(path).body.string
            #expect(atTU.contains("id=\"nomination-decide\"") && !atTU.contains("id=\"nomination-forward\""))
            let candidates = try await NominationService.candidates(of: nomination, on: app.db)
            let personRow = try #require(candidates.first { $0.recipientKind == .person })
            let issuer = try await CommendationTestSupport.issuerID(app, "Đảng ủy cơ sở")
            var decision = ["action": NominationAction.decide.rawValue, "issuerId": String(issuer), "decisionNumber": "15-QĐ/TU",
                            "decidedOn": "2099-01-01", "accept-\(personRow.id!)": "1"]
            #expect(try await leader.post(act, decision).status == .forbidden)
            let future = try await province.post(act, decision)
            #expect(future.status == .unprocessableEntity && future.body.string.contains("không được sau ngày hôm nay"))
            decision["decidedOn"] = LocalDate.today().iso
            #expect(try await province.post(act, decision).status == .seeOther)

            // the decision: one commendation for the person only, linked both ways
            let decided = try #require(try await Nomination.find(nomination.id, on: app.db))
            #expect(decided.status == .decided && decided.title.hasSuffix("(bổ sung)"))
            let made = try await Commendation.query(on: app.db).filter(\.$nominationID == nomination.id).all()
            #expect(made.count == 1 && made.first?.personID == person.id)
            let page = try await province.get(path).body.string
            #expect(page.contains(CommendationCount.summary(collectives: 0, individuals: 1)))
            #expect(page.contains(SiteURL.commendation(made.first?.id).path) && page.contains("Không được khen thưởng"))
            #expect(page.contains("Chi bộ A1 → Đảng ủy Khối A") && page.contains("Bổ sung số liệu thành tích"))
            #expect(page.contains("Đảng ủy Khối A → Tỉnh ủy Thử Nghiệm"))
            let events = try await NominationService.events(of: nomination, on: app.db)
            #expect(events.map(\.action) == [.submit, .returnForRevision, .submit, .forward, .decide])
            #expect(!page.contains("id=\"nomination-return\""))
            let again = try await province.post(act, ["action": NominationAction.returnForRevision.rawValue, "comment": "Muộn"])
            #expect(again.status == .conflict)
            let commendationPage = try await province.get(SiteURL.commendation(made.first?.id).path).body.string
            #expect(commendationPage.contains("Theo đề nghị") && commendationPage.contains(path))
        }
    }

    @Test func listFiltersByStatusYearAndScope() async throws {
        try await withTestApp { app in
            let tree = try await Fixtures.tree(app)
            let a1 = try await Fixtures.user(app, "bithu.a1", .cellSecretary, unit: tree.a1)
            let b1 = try await Fixtures.user(app, "bithu.b1", .cellSecretary, unit: tree.b1)
            try await Fixtures.user(app, "canbo.a", .officer, unit: tree.a)
            let sent = try await NominationTestSupport.nomination(app, by: tree.a1, writer: a1, title: "Đề nghị đã gửi của A1")
            try await NominationService.act(sent, .submit, comment: "", access: NominationTestSupport.access(app, a1))
            _ = try await NominationTestSupport.nomination(app, by: tree.a1, writer: a1, title: "Dự thảo của A1")
            _ = try await NominationTestSupport.nomination(app, by: tree.b1, writer: b1, title: "Đề nghị của B1")
            var officer = try await TestClient.login(app, "canbo.a")
            let all = try await officer.get(SiteURL.nominations.path).body.string
            #expect(all.contains("Đề nghị đã gửi của A1") && all.contains("Dự thảo của A1") && !all.contains("Đề nghị của B1"))
            #expect(all.contains("2 đề nghị") && all.contains("Lập đề nghị"))
            let drafts = try await officer.get(SiteURL.nominations.with([("trang-thai", NominationStatus.draft.rawValue)])).body.string
            #expect(drafts.contains("Dự thảo của A1") && !drafts.contains("Đề nghị đã gửi của A1"))
            let mine = try await officer.get(SiteURL.nominations.with([("cho-toi", "1")])).body.string
            #expect(mine.contains("Đề nghị đã gửi của A1") && !mine.contains("Dự thảo của A1"))
            let otherYear = try await officer.get(SiteURL.nominations.with([("nam", "2024")])).body.string
            #expect(otherYear.contains("0 đề nghị"))
        }
    }
}
