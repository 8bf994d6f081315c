@testable import App
import Domain
import Fluent
import Foundation
import Testing
import Vapor

/// The demo's register: every year 2021–2025, valid decision numbers, and the 2024 review with
/// collectives and individuals counted as the page says.
@Suite struct CommendationDemoTests {
    @Test func theDemoProvincesCommendations() async throws {
        try await withTestApp { app in
            // setup
            try await DemoLoader.loadIfEmpty(app: app)
            let all = try await Commendation.query(on: app.db).all()
            let review = all.filter { $0.event == DemoCommendations.reviewEvent }

            // act
            var web = try await TestClient.login(app, "tinhuy", password: DemoLoader.password)
            let page = try await web.get(SiteURL.commendations.with([("dot", DemoCommendations.reviewEvent)])).body.string

            // assert
            #expect(Set(all.map(\.decidedOn.year)) == Set(2021...2025))
            #expect(all.allSatisfy { (try? DocumentNumber.parse($0.decisionNumber).get()) != nil })
            let collectives = review.filter { $0.recipientKind.isCollective }.count
            let individuals = review.filter { $0.recipientKind == .person }.count
            #expect(collectives > 3 && individuals > 3)
            #expect(review.allSatisfy { $0.fromYear == 2021 && $0.toYear == 2023 })
            #expect(page.contains("Được khen: " + CommendationCount.summary(collectives: collectives, individuals: individuals)))
        }
    }
}
