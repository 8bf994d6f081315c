@testable import App
import Domain
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// Suggested candidates for commendation: the lists match a plain computation from a random
/// grading history; rules are data an administrator edits; scope.
@Suite struct SuggestionTests {
    static let seed: UInt64 = 20_251_121

    static func accounts(_ app: Application, _ tree: Fixtures.Tree) async throws {
        try await Fixtures.user(app, "quantri", .admin)
        try await Fixtures.user(app, "canbo.a", .officer, unit: tree.a)
        try await Fixtures.user(app, "lanhdao.a", .leader, unit: tree.a)
    }

    static func api(_ app: Application, _ username: String) async throws -> APIClient {
        try await Fixtures.token(app, for: try await User.query(on: app.db).filter(\.$username == username).first()!)
    }

    static func rules(_ app: Application) async throws -> [SuggestionRule] {
        try await SuggestionRule.query(on: app.db).sort(\.$sortOrder).all()
    }

    @Test func theListsMatchAnIndependentComputationFromTheGradingHistory() async throws {
        try await withTestApp { app in
            // setup
            let world = try await SuggestionWorld.build(app, seed: Self.seed)
            try await Self.accounts(app, world.tree)
            let admin = try await Self.api(app, "quantri")
            let officer = try await Self.api(app, "canbo.a")
            var web = try await TestClient.login(app, "canbo.a")
            let rules = try await Self.rules(app)
            let asks: [(APIClient, String, Int, Int)] = [
                (admin, "TU", 2025, world.tree.root.id!), (admin, "B", 2024, world.tree.b.id!), (admin, "A", 2023, world.tree.a.id!),
                (officer, "", 2025, world.tree.a.id!), (officer, "A1", 2024, world.tree.a1.id!), (officer, "A", 2022, world.tree.a.id!),
            ]
            var nonEmpty = 0

            for (client, unit, year, root) in asks {
                // act
                let response = try await client.get("/commendation-suggestions?unit=\(unit)&year=\(year)&perPage=200")
                let listed = try SuggestionWorld.apiCandidates(response.body.string)

                // assert
                #expect(response.status == .ok)
                #expect(Set(listed.keys) == Set(rules.map { $0.id! }))
                for rule in rules {
                    let expected = world.expected(subject: rule.subject, level: rule.level, years: rule.years, root: root, year: year)
                    #expect(listed[rule.id!] == expected, "rule \(rule.name), unit \(unit), year \(year)")
                    if !expected.isEmpty { nonEmpty += 1 }
                }
            }
            // The page shows the same lists as the API (the officer's own unit, last complete year).
            let page = try await web.get(SiteURL.suggestions.with([("nam", "2025")])).body.string
            for rule in rules {
                let expected = world.expected(subject: rule.subject, level: rule.level, years: rule.years, root: world.tree.a.id!, year: 2025)
                #expect(SuggestionWorld.pageCandidates(page, ruleID: rule.id!) == expected, "page, rule \(rule.name)")
            }
            #expect(nonEmpty >= 8, "the random history should qualify someone under most asks")
            // Scope: nobody of B is listed for an account of A, and B cannot be asked for.
            for (id, name) in world.names where name.contains(" B1 ") { #expect(!page.contains(name), "\(id)") }
            let outside = try await officer.get("/commendation-suggestions?unit=B&year=2025")
            #expect(outside.status == .badRequest)
            let outsidePage = try await web.get(SiteURL.suggestions.with([("don-vi", "B1"), ("nam", "2025")])).body.string
            #expect(outsidePage.contains("Không tìm thấy tổ chức đảng có mã “B1”"))
        }
    }

    @Test func anAdministratorChangesARuleAndTheListFollowsAudited() async throws {
        try await withTestApp { app in
            // setup
            let world = try await SuggestionWorld.build(app, seed: Self.seed)
            try await Self.accounts(app, world.tree)
            let admin = try await Self.api(app, "quantri")
            var web = try await TestClient.login(app, "quantri")
            var officer = try await TestClient.login(app, "canbo.a")
            let rule = try #require(try await Self.rules(app).first { $0.years == 5 && $0.subject == .member })
            let fields: [String: String] = [
                "name": rule.name, "subject": rule.subject.rawValue, "level": rule.level.rawValue, "years": "3",
                "formId": String(rule.formID), "issuerId": String(rule.issuerID), "active": "on", "sortOrder": String(rule.sortOrder),
            ]

            // act
            let refused = try await web.post(SiteURL.suggestionRuleEdit(rule.id).path, fields.merging(["years": "0"]) { $1 })
            let officerList = try await officer.get(SiteURL.suggestionRules.path)
            let saved = try await web.post(SiteURL.suggestionRuleEdit(rule.id).path, fields)
            let listed = try SuggestionWorld.apiCandidates(
                try await admin.get("/commendation-suggestions?unit=TU&year=2025&perPage=200").body.string)
            var off = fields
            off["active"] = nil
            _ = try await web.post(SiteURL.suggestionRuleEdit(rule.id).path, off)
            let afterOff = try SuggestionWorld.apiCandidates(
                try await admin.get("/commendation-suggestions?unit=TU&year=2025&perPage=200").body.string)
            let rulesPage = try await web.get(SiteURL.suggestionRules.path).body.string

            // assert
            #expect(refused.status == .unprocessableEntity && refused.body.string.contains("Số năm liên tục"))
            #expect(officerList.status == .forbidden)
            #expect(saved.status == .seeOther)
            let three = world.expected(subject: .member, level: rule.level, years: 3, root: world.tree.root.id!, year: 2025)
            let five = world.expected(subject: .member, level: rule.level, years: 5, root: world.tree.root.id!, year: 2025)
            #expect(listed[rule.id!] == three && three != five && three.isSuperset(of: five))
            #expect(afterOff[rule.id!] == nil)
            #expect(rulesPage.contains("Thôi áp dụng"))
            let entries = try await AuditEntry.query(on: app.db)
                .filter(\.$entityType == Audit.Entity.suggestionRule.rawValue).filter(\.$entityID == rule.id).sort(\.$id).all()
            #expect(entries.count == 2)
            #expect(entries.first?.beforeJSON?.contains("\"years\":5") == true && entries.first?.afterJSON?.contains("\"years\":3") == true)
        }
    }
}
