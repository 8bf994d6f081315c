@testable import App
import Domain
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// Turning suggestions into a draft nomination with one action.
@Suite struct SuggestionNominationTests {
    @Test func oneActionMakesADraftNominationAndTheListShowsThemProposed() async throws {
        try await withTestApp { app in
            // setup
            let world = try await SuggestionWorld.build(app, seed: SuggestionTests.seed)
            try await SuggestionTests.accounts(app, world.tree)
            var officer = try await TestClient.login(app, "canbo.a")
            var leader = try await TestClient.login(app, "lanhdao.a")
            let api = try await SuggestionTests.api(app, "canbo.a")
            let rule = try #require(try await SuggestionTests.rules(app).first { $0.years == 1 && $0.subject == .member })
            let expected = world.expected(subject: .member, level: rule.level, years: 1, root: world.tree.a.id!, year: 2025)
            var fields = ["don-vi": "A", "nam": "2025", "ruleId": String(rule.id!)]
            for id in expected { fields["chon-\(id)"] = "1" }

            // act
            let leaderPage = try await leader.get(SiteURL.suggestions.with([("nam", "2025")])).body.string
            let leaderPost = try await leader.post(SiteURL.suggestions.path, fields)
            let none = try await officer.post(SiteURL.suggestions.path, ["don-vi": "A", "nam": "2025", "ruleId": String(rule.id!)])
            let created = try await officer.post(SiteURL.suggestions.path, fields)
            let again = try await api.send(.POST, "/commendation-suggestions/nominations",
                                           json: #"{"unit":"A","year":2025,"ruleId":\#(rule.id!),"personIds":[\#(expected.first!)]}"#)
            let relisted = try await officer.get(SiteURL.suggestions.with([("nam", "2025")])).body.string

            // assert
            #expect(expected.count >= 2)
            #expect(!leaderPage.contains("Lập đề nghị khen thưởng") && leaderPost.status == .forbidden)
            #expect(none.status == .unprocessableEntity && none.body.string.contains("Chưa chọn"))
            let nomination = try #require(try await Nomination.query(on: app.db).first())
            #expect(created.status == .seeOther)
            #expect(created.headers.first(name: .location) == SiteURL.nomination(nomination.id).path)
            #expect(nomination.status == .draft && nomination.unitID == world.tree.a.id && nomination.ruleID == rule.id)
            #expect(nomination.fromYear == 2025 && nomination.toYear == 2025)
            let candidates = try await NominationCandidate.query(on: app.db).filter(\.$nominationID == nomination.id!).all()
            #expect(Set(candidates.compactMap(\.personID)) == expected)
            #expect(candidates.allSatisfy { $0.achievements == "Đảng viên xếp loại HTXSNV năm 2025" && $0.formID == rule.formID })
            #expect(again.status == .unprocessableEntity && again.body.string.contains("ids"))
            let start = try #require(relisted.range(of: "id=\"de-xuat-\(rule.id!)\""))
            let rest = relisted[start.upperBound...]
            let section = String(rest[..<(rest.range(of: "</section>")?.lowerBound ?? rest.endIndex)])
            #expect(!section.contains("name=\"chon-") && !section.contains("Lập đề nghị khen thưởng"))
            #expect(SuggestionWorld.pageCandidates(relisted, ruleID: rule.id!) == expected)
            #expect(section.contains(SiteURL.nomination(nomination.id).path))
            let audited = try await AuditEntry.query(on: app.db).filter(\.$entityType == Audit.Entity.nomination.rawValue).count()
            #expect(audited == 1)
        }
    }

    @Test func theAPIProposesOrganisationsOfTheSubtree() async throws {
        try await withTestApp { app in
            // setup
            let world = try await SuggestionWorld.build(app, seed: SuggestionTests.seed)
            try await SuggestionTests.accounts(app, world.tree)
            let api = try await SuggestionTests.api(app, "quantri")
            let rule = try #require(try await SuggestionTests.rules(app).first { $0.subject == .organisation })
            let expected = world.expected(subject: .organisation, level: rule.level, years: rule.years, root: world.tree.root.id!, year: 2025)
            let ids = expected.map(String.init).joined(separator: ",")

            // act
            let response = try await api.send(.POST, "/commendation-suggestions/nominations",
                                              json: #"{"unit":"TU","year":2025,"ruleId":\#(rule.id!),"unitIds":[\#(ids)]}"#)
            let listed = try SuggestionWorld.apiCandidates(
                try await api.get("/commendation-suggestions?unit=TU&year=2025").body.string)

            // assert
            #expect(!expected.isEmpty)
            #expect(response.status == .created)
            let candidates = try await NominationCandidate.query(on: app.db).all()
            #expect(Set(candidates.compactMap(\.recipientUnitID)) == expected && candidates.allSatisfy { $0.recipientKind == .unit })
            #expect(listed[rule.id!] == expected)
            let body = try await api.get("/commendation-suggestions?unit=TU&year=2025").body.string
            let json = try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any] ?? [:]
            let section = (json["rules"] as? [[String: Any]] ?? []).first { $0["ruleId"] as? Int == rule.id }
            let flags = (section?["candidates"] as? [[String: Any]] ?? []).map { $0["proposed"] as? Bool }
            #expect(flags.count == expected.count && flags.allSatisfy { $0 == true })
        }
    }
}
