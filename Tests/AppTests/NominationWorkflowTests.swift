@testable import App
import Domain
import Fluent
import Testing
import Vapor

@Suite("Nominations climb the tree", .serialized)
struct NominationWorkflowTests {
    private func access(_ app: Application, _ name: String, _ role: Role, _ unit: OrgUnit) async throws -> Access {
        Access(user: CurrentUser(try await Fixtures.user(app, name, role, unit: unit)), db: app.db)
    }

    private func status(_ error: any Error) -> HTTPResponseStatus? { (error as? Abort)?.status }

    @Test func climbFromCellToProvinceWithReturnForwardAndDecision() async throws {
        try await withTestApp { app in
            let tree = try await Fixtures.tree(app)
            let person = try await Fixtures.person(app, "Nguyễn Văn Xuất Sắc", in: tree.a1)
            let stranger = try await Fixtures.person(app, "Trần Văn Ngoài", in: tree.b1)
            let cell = try await access(app, "bithu.a1", .cellSecretary, tree.a1)
            let unitA = try await access(app, "canbo.a", .officer, tree.a)
            let province = try await access(app, "canbo.tu", .officer, tree.root)
            let leader = try await access(app, "lanhdao.tu", .leader, tree.root)
            let form = try #require(try await CommendationForm.query(on: app.db).sort(\.$sortOrder).first())
            let issuer = try #require(try await CommendationIssuer.query(on: app.db).sort(\.$sortOrder).first())

            var draft = NominationDraft(
                unitID: tree.a1.id!, title: "Đề nghị khen thưởng năm 2025", fromYear: 2025, toYear: 2025,
                event: "Tổng kết năm 2025", ruleID: nil,
                candidates: [
                    .init(kind: .person, personID: stranger.id, unitID: nil, name: "", achievements: "Hoàn thành xuất sắc", formID: form.id!),
                ])
            // a person outside the proposing unit: 422 naming the row's field
            do {
                _ = try await NominationService.createDraft(draft, access: cell)
                Issue.record("a person outside the unit was accepted")
            } catch let invalid as InvalidInput {
                #expect(invalid.hasFailure("candidates[0].personId"))
            }
            draft.candidates = [
                .init(kind: .person, personID: person.id, unitID: nil, name: "", achievements: "Hoàn thành xuất sắc nhiệm vụ", formID: form.id!),
                .init(kind: .unit, personID: nil, unitID: tree.a1.id, name: "", achievements: "Chi bộ trong sạch, vững mạnh", formID: form.id!),
                .init(kind: .collective, personID: nil, unitID: nil, name: "Tổ dân vận", achievements: "Làm tốt công tác dân vận", formID: form.id!),
            ]
            let nomination = try await NominationService.createDraft(draft, access: cell)
            #expect(nomination.status == .draft && nomination.currentUnitID == tree.a1.id)

            // no papers yet: submit refused, naming the papers
            do {
                try await NominationService.act(nomination, .submit, comment: "", access: cell)
                Issue.record("submitted without papers")
            } catch let invalid as InvalidInput {
                #expect(invalid.hasFailure("papers"))
            }
            try await NominationService.setPapers(nomination, [
                (.submission, "Tờ trình số 12-TTr/CB ngày 5/12/2025"), (.minutes, "Biên bản họp xét ngày 4/12/2025"),
                (.achievements, "Báo cáo tóm tắt thành tích"),
            ], access: cell)
            try await NominationService.act(nomination, .submit, comment: "", access: cell)
            #expect(nomination.status == .pending && nomination.currentUnitID == tree.a.id)

            // wrong status 409; the province is not the level where it sits: 403
            await #expect(throws: Abort.self) { try await NominationService.act(nomination, .submit, comment: "", access: cell) }
            do { try await NominationService.act(nomination, .forward, comment: "", access: province); Issue.record("wrong level acted") }
            catch { #expect(status(error) == .forbidden) }
            do { try await NominationService.act(nomination, .submit, comment: "", access: cell); Issue.record("resubmitted") }
            catch { #expect(status(error) == .conflict) }

            // A returns it with a required reason; the cell edits and resubmits
            do { try await NominationService.act(nomination, .returnForRevision, comment: " ", access: unitA); Issue.record("return without reason") }
            catch let invalid as InvalidInput { #expect(invalid.hasFailure("comment")) }
            try await NominationService.act(nomination, .returnForRevision, comment: "Bổ sung số liệu thành tích", access: unitA)
            #expect(nomination.status == .returned && nomination.currentUnitID == tree.a1.id)
            try await NominationService.act(nomination, .submit, comment: "Đã bổ sung", access: cell)
            try await NominationService.act(nomination, .forward, comment: "Đồng ý đề nghị", access: unitA)
            #expect(nomination.status == .pending && nomination.currentUnitID == tree.root.id)

            // at the root: cannot forward further; a read-only leader 403; the officer decides
            do { try await NominationService.act(nomination, .forward, comment: "", access: province); Issue.record("forwarded past the root") }
            catch { #expect(status(error) == .conflict) }
            let candidates = try await NominationService.candidates(of: nomination, on: app.db)
            let decision = NominationDecision(
                issuerID: issuer.id, decisionNumber: "15-QĐ/TU", decidedOn: "2025-12-20",
                verdicts: [
                    .init(candidateID: candidates[0].id!, accepted: true, formID: nil),
                    .init(candidateID: candidates[1].id!, accepted: true, formID: nil),
                    .init(candidateID: candidates[2].id!, accepted: false, formID: nil),
                ])
            do { try await NominationService.act(nomination, .decide, comment: "", decision: decision, access: leader); Issue.record("leader decided") }
            catch { #expect(status(error) == .forbidden) }
            try await NominationService.act(nomination, .decide, comment: "", decision: decision, access: province)
            #expect(nomination.status == .decided && nomination.decisionNumber == "15-QĐ/TU")

            let created = try await Commendation.query(on: app.db).filter(\.$nominationID == nomination.id!).all()
            #expect(created.count == 2)
            #expect(created.allSatisfy { $0.unitID == tree.a1.id && $0.event == "Tổng kết năm 2025" && $0.fromYear == 2025 })
            #expect(Set(created.map(\.reason)) == ["Hoàn thành xuất sắc nhiệm vụ", "Chi bộ trong sạch, vững mạnh"])
            let counts = try #require(try await CommendationService.counts(CommendationFilter(), access: province))
            #expect(counts == CommendationCounts(collectives: 1, individuals: 1, authorGroups: 0))
            #expect(counts.summary == CommendationCount.summary(collectives: 1, individuals: 1, authorGroups: 0))
            let marked = try await NominationService.candidates(of: nomination, on: app.db)
            #expect(marked.map(\.accepted) == [true, true, false])
            #expect(marked.filter { $0.commendationID != nil }.count == 2)

            // the timeline: submit, return, submit, forward, decide — with units and the reason
            let events = try await NominationService.events(of: nomination, on: app.db)
            #expect(events.map(\.action) == [.submit, .returnForRevision, .submit, .forward, .decide])
            #expect(events[1].fromUnitID == tree.a.id && events[1].toUnitID == tree.a1.id && events[1].comment == "Bổ sung số liệu thành tích")
            #expect(events[3].fromUnitID == tree.a.id && events[3].toUnitID == tree.root.id)
            #expect(events[4].username == "canbo.tu")

            // audit: create, papers, five steps, and the two commendations
            let audit = try await AuditEntry.query(on: app.db).filter(\.$entityType == Audit.Entity.nomination.rawValue).all()
            #expect(audit.count == 7)
            #expect(audit.filter { $0.action == Audit.Action.decide.rawValue }.count == 1)
            let commendationAudit = try await AuditEntry.query(on: app.db)
                .filter(\.$entityType == Audit.Entity.commendation.rawValue).count()
            #expect(commendationAudit == 2)
        }
    }

    @Test func scopeAndRootUnit() async throws {
        try await withTestApp { app in
            let tree = try await Fixtures.tree(app)
            let province = try await access(app, "canbo.tu", .officer, tree.root)
            let officerB = try await access(app, "canbo.b", .officer, tree.b)
            let form = try #require(try await CommendationForm.query(on: app.db).first())
            let draft = NominationDraft(
                unitID: tree.root.id!, title: "Đề nghị của Tỉnh ủy", fromYear: 2025, toYear: 2025, event: "", ruleID: nil,
                candidates: [.init(kind: .collective, personID: nil, unitID: nil, name: "Ban Tuyên giáo", achievements: "Tốt", formID: form.id!)])
            // B may not propose for the root (404 outside its subtree)
            do { _ = try await NominationService.createDraft(draft, access: officerB); Issue.record("out of scope") }
            catch { #expect(status(error) == .notFound) }
            let nomination = try await NominationService.createDraft(draft, access: province)
            do { _ = try await NominationService.readable(nomination.id, access: officerB); Issue.record("B read TU's nomination") }
            catch { #expect(status(error) == .notFound) }
            try await NominationService.setPapers(nomination, NominationPaperKind.required.map { ($0, $0.label) }, access: province)
            // a root unit decides its own: it cannot submit
            do { try await NominationService.act(nomination, .submit, comment: "", access: province); Issue.record("root submitted") }
            catch { #expect(status(error) == .conflict) }
        }
    }
}
