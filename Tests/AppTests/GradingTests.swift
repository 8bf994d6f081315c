@testable import App
import Domain
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// A cell graded through the web form under each regime: the cap warning with its numbers, a
/// refused submit that keeps what was typed, the submit, and the reopen by the level above only.
@Suite struct GradingTests {
    @Test func fourLevelRegimeCapSubmitAndReopen() async throws {
        try await withTestApp { app in
            // setup: twelve members in A1; one has an assessed plan for 2024
            let world = try await GradingTestSupport.world(app)
            let m = world.members
            try await PersonalPlanTestSupport.plan(app, m[0], unit: world.tree.a1, year: 2024, submittedOn: "2024-02-01", assessment: .fulfilled)
            var secretary = try await TestClient.login(app, "bithu.a1")
            var officerA = try await TestClient.login(app, "canbo.a")
            var leaderA = try await TestClient.login(app, "lanhdao.a")

            // act: open the 2024 members' sheet; grade 3 HTXSNV, 8 HTTNV, one left ungraded
            let opened = try await secretary.post(SiteURL.gradings.path, ["unit": "A1", "year": "2024", "subject": "dang_vien"])
            let id = try #require(GradingTestSupport.redirectedID(opened))
            let page = try await secretary.get(SiteURL.gradingSheet(id).path)
            var fields: [String: String] = [:]
            for (i, p) in m.enumerated() where i < 11 { fields["level-\(p.id!)"] = i < 3 ? "htxsnv" : "httnv" }
            fields["note-\(m[1].id!)"] = "Gương mẫu trong phong trào"
            let saved = try await secretary.post(SiteURL.gradingSheet(id).path, fields)
            let warned = try await secretary.get(SiteURL.gradingSheet(id).path)
            let refused = try await secretary.post(SiteURL.gradingSheetSubmit(id).path, fields)
            let afterRefusal = try await GradingTestSupport.evaluations(app, sheet: id)
            // fix: one HTXSNV, ten HTTNV, one HTNV (cap 20% of 10 = 2)
            for (i, p) in m.enumerated() { fields["level-\(p.id!)"] = i == 0 ? "htxsnv" : (i == 11 ? "htnv" : "httnv") }
            let submitted = try await secretary.post(SiteURL.gradingSheetSubmit(id).path, fields)
            let lockedEdit = try await secretary.post(SiteURL.gradingSheet(id).path, fields)
            let selfReopen = try await secretary.post(SiteURL.gradingSheetReopen(id).path, ["reason": "Sửa lại"])
            let leaderReopen = try await leaderA.post(SiteURL.gradingSheetReopen(id).path, ["reason": "Sửa lại"])
            let silentReopen = try await officerA.post(SiteURL.gradingSheetReopen(id).path, ["reason": " "])
            let statusBefore = try await GradingSheet.find(id, on: app.db)!.status
            let reopened = try await officerA.post(SiteURL.gradingSheetReopen(id).path, ["reason": "Xem lại mức của đồng chí số 12"])
            let sheet = try await GradingSheet.find(id, on: app.db)!
            let actions = try await GradingTestSupport.auditActions(app, sheet: id)

            // assert
            #expect(opened.status == .seeOther)
            #expect(page.status == .ok)
            #expect(page.body.string.contains("Quy định 124-QĐ/TW"))
            #expect(page.body.string.contains("Kế hoạch cá nhân: Hoàn thành") && page.body.string.contains("Kế hoạch cá nhân: Không có kế hoạch"))
            #expect(saved.status == .seeOther)
            #expect(warned.body.string.contains("Có 3 HTXSNV, vượt giới hạn 20% của 8 HTTNV (tối đa 1)."))
            #expect(warned.body.string.contains("HTXSNV: 3 · HTTNV: 8 · HTNV: 0 · KHTNV: 0 · Chưa xếp loại: 1"))
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("Có 3 HTXSNV, vượt giới hạn 20% của 8 HTTNV (tối đa 1)."))
            #expect(refused.body.string.contains("Còn 1 chưa xếp loại: Đảng Viên Số 12."))
            #expect(afterRefusal.count == 11 && afterRefusal.filter { $0.level == .excellent }.count == 3)
            #expect(submitted.status == .seeOther)
            #expect(lockedEdit.status == .conflict)
            #expect(selfReopen.status == .forbidden)
            #expect(leaderReopen.status == .forbidden)
            #expect(silentReopen.status == .unprocessableEntity && statusBefore == .submitted)
            #expect(reopened.status == .seeOther)
            #expect(sheet.status == .draft && sheet.submittedOn == nil)
            let evaluations = try await GradingTestSupport.evaluations(app, sheet: id)
            #expect(evaluations.count == 12)
            #expect(evaluations.filter { $0.level == .excellent }.count == 1 && evaluations.filter { $0.level == .fulfilled }.count == 1)
            #expect(evaluations.first { $0.personID == m[1].id }?.note == "Gương mẫu trong phong trào")
            #expect(actions.first == "tao_moi" && actions.filter { $0 == "nop" }.count == 1 && actions.last == "mo_lai")
            #expect(actions.contains("cap_nhat"))
        }
    }

    @Test func scoredRegimeComputesLevelsAndOutstandingRaisesTheCap() async throws {
        try await withTestApp { app in
            // setup
            let world = try await GradingTestSupport.world(app, members: 13)
            let m = world.members
            var secretary = try await TestClient.login(app, "bithu.a1")
            let opened = try await secretary.post(SiteURL.gradings.path, ["unit": "A1", "year": "2025", "subject": "dang_vien"])
            let id = try #require(GradingTestSupport.redirectedID(opened))

            // act: scores at the band edges; two HTXSNV among eight HTTNV (20% → 1, 25% → 2)
            let scores = ["95", "95", "89,9", "70", "69,9", "50", "49,9", "80", "80", "80", "80", "92", "75"]
            let done = [true, false, true, true, true, true, true, true, true, true, true, true, true]
            var fields: [String: String] = [:]
            for (i, p) in m.enumerated() {
                fields["score-\(p.id!)"] = scores[i]
                if done[i] { fields["done-\(p.id!)"] = "on" }
            }
            var bad = fields
            bad["score-\(m[3].id!)"] = "87,55"
            bad["outstanding"] = "on"
            let badScore = try await secretary.post(SiteURL.gradingSheet(id).path, bad)
            let refused = try await secretary.post(SiteURL.gradingSheetSubmit(id).path, fields)
            var outstanding = fields
            outstanding["outstanding"] = "on"
            let submitted = try await secretary.post(SiteURL.gradingSheetSubmit(id).path, outstanding)
            let page = try await secretary.get(SiteURL.gradingSheet(id).path)
            let evaluations = try await GradingTestSupport.evaluations(app, sheet: id)
            let level = { (i: Int) in evaluations.first { $0.personID == m[i].id }?.level }

            // assert
            #expect(badScore.status == .unprocessableEntity)
            #expect(badScore.body.string.contains("tối đa một chữ số thập phân") && badScore.body.string.contains("value=\"87,55\""))
            let outstandingBox = badScore.body.string.firstMatch(of: /<input[^>]*name="outstanding"[^>]*>/).map { String($0.output) } ?? ""
            #expect(outstandingBox.contains("checked"), "the refused form forgot the outstanding mark: \(outstandingBox)")
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("Có 2 HTXSNV, vượt giới hạn 20% của 8 HTTNV (tối đa 1)."))
            #expect(submitted.status == .seeOther)
            #expect(try await GradingSheet.find(id, on: app.db)?.status == .submitted)
            #expect(try await GradingSheet.find(id, on: app.db)?.outstanding == true)
            #expect(page.body.string.contains("Quy định 366-QĐ/TW"))
            #expect(page.body.string.contains("HTXSNV: 2 · HTTNV: 8 · HTNV: 2 · KHTNV: 1"))
            #expect(level(0) == .excellent && level(1) == .good && level(2) == .good && level(3) == .good)
            #expect(level(4) == .fulfilled && level(5) == .fulfilled && level(6) == .unfulfilled && level(11) == .excellent)
            #expect(evaluations.first { $0.personID == m[2].id }?.score == 89.9)
        }
    }

    @Test func scopeRegimeYearsAndTheCommitteeView() async throws {
        try await withTestApp { app in
            // setup: A1's 2024 members' sheet submitted
            let world = try await GradingTestSupport.world(app, members: 3)
            let m = world.members
            let cellSheet = try await GradingTestSupport.sheet(app, unit: world.tree.a1, year: 2024,
                                                               grades: [(m[0].id!, .excellent), (m[1].id!, .good), (m[2].id!, .good)])
            var officerA = try await TestClient.login(app, "canbo.a")
            var officerB = try await TestClient.login(app, "canbo.b")
            var leaderA = try await TestClient.login(app, "lanhdao.a")
            var member = try await TestClient.login(app, "dangvien.a1")
            var secretary = try await TestClient.login(app, "bithu.a1")

            // act
            let outsider = try await officerB.get(SiteURL.gradingSheet(cellSheet.id).path)
            let memberPage = try await member.get(SiteURL.gradingSheet(cellSheet.id).path)
            let memberList = try await member.get(SiteURL.gradings.path)
            let mine = try await member.get(SiteURL.myGradings.path)
            let leaderOpen = try await leaderA.post(SiteURL.gradings.path, ["unit": "A", "year": "2024", "subject": "to_chuc"])
            let noRegime = try await secretary.post(SiteURL.gradings.path, ["unit": "A1", "year": "2030", "subject": "dang_vien"])
            let committee = try await officerA.get(SiteURL.gradings.with([("don-vi", "A"), ("nam", "2024")]))
            let opened = try await officerA.post(SiteURL.gradings.path, ["unit": "A", "year": "2024", "subject": "to_chuc"])
            let orgID = try #require(GradingTestSupport.redirectedID(opened))
            let orgPage = try await officerA.get(SiteURL.gradingSheet(orgID).path)

            // assert
            #expect(outsider.status == .notFound)
            #expect(memberPage.status == .forbidden && memberList.status == .forbidden)
            #expect(mine.status == .ok && mine.body.string.contains("Hoàn thành xuất sắc nhiệm vụ"))
            #expect(leaderOpen.status == .forbidden)
            #expect(noRegime.status == .unprocessableEntity)
            #expect(noRegime.body.string.contains("Năm 2030 chưa có quy định xếp loại"))
            #expect(committee.status == .ok)
            #expect(committee.body.string.contains("Đã nộp"))
            #expect(committee.body.string.contains("grading-below"))
            #expect(orgPage.body.string.contains("A1 — Chi bộ A1"))
            #expect(try await GradingSheet.find(orgID, on: app.db)?.subject == .organisation)
        }
    }

    @Test func administratorsKeepRegimesAsData() async throws {
        try await withTestApp { app in
            // setup
            _ = try await GradingTestSupport.world(app, members: 1)
            var admin = try await TestClient.login(app, "quantri")
            var officer = try await TestClient.login(app, "canbo.tu")
            let name = "Quy định thử nghiệm 2027"

            // act
            let forbidden = try await officer.get(SiteURL.gradingRegimes.path)
            let badBands = try await admin.post(SiteURL.gradingRegimes.path, [
                "name": name, "isScored": "on", "excellentFrom": "70", "goodFrom": "90", "fulfilledFrom": "50", "capPercent": "20"])
            let badCap = try await admin.post(SiteURL.gradingRegimes.path, ["name": name, "capPercent": "0"])
            let created = try await admin.post(SiteURL.gradingRegimes.path, [
                "name": name, "isScored": "on", "excellentFrom": "85", "goodFrom": "65", "fulfilledFrom": "50", "capPercent": "30",
                "outstandingCapPercent": "35"])
            let regime = try #require(try await GradingRegime.query(on: app.db).filter(\.$name == name).first())
            let setYear = try await admin.post(SiteURL.gradingYear.path, ["year": "2027", "regimeId": String(regime.id!)])
            let list = try await admin.get(SiteURL.gradingRegimes.path)

            // assert
            #expect(forbidden.status == .forbidden)
            #expect(badBands.status == .unprocessableEntity && badBands.body.string.contains("Ngưỡng điểm: phải tăng dần"))
            #expect(badCap.status == .unprocessableEntity && badCap.body.string.contains("từ 1 đến 100"))
            #expect(created.status == .seeOther && setYear.status == .seeOther)
            #expect(regime.rules.bands?.level(score: 86, allTasksDone: true) == .excellent)
            #expect(try await GradingService.regime(forYear: 2027, on: app.db)?.id == regime.id)
            #expect(list.body.string.contains("chỉ áp dụng cho các bảng mở sau đó"))
            #expect(try await AuditEntry.query(on: app.db).filter(\.$entityType == Audit.Entity.gradingRegime.rawValue).count() == 2)
        }
    }
}
