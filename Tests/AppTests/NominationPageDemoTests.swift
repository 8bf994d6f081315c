@testable import App
import Domain
import Fluent
import Foundation
import Testing
import Vapor

/// The demo's nominations as the demo accounts meet them: the cell secretary sees a decided one
/// (with its commendations) and a returned one it may resubmit; the province sees one waiting.
@Suite struct NominationPageDemoTests {
    @Test func theDemoNominations() async throws {
        try await withTestApp { app in
            // setup
            try await DemoLoader.loadIfEmpty(app: app)
            let all = try await Nomination.query(on: app.db).sort(\.$id).all()
            let decided = try #require(all.first { $0.status == .decided })
            let returned = try #require(all.first { $0.status == .returned })
            let made = try await Commendation.query(on: app.db).filter(\.$nominationID == decided.id!).count()
            let accepted = try await NominationCandidate.query(on: app.db).filter(\.$nominationID == decided.id!)
                .filter(\.$accepted == true).count()

            // act
            var province = try await TestClient.login(app, "tinhuy", password: DemoLoader.password)
            let waiting = try await province.get(SiteURL.nominations.with([("cho-toi", "1")])).body.string
            var cell = try await TestClient.login(app, "bithu.x-dl-01", password: DemoLoader.password)
            let returnedPage = try await cell.get(SiteURL.nomination(returned.id).path).body.string
            let decidedPage = try await cell.get(SiteURL.nomination(decided.id).path).body.string

            // assert
            #expect(Set(all.map(\.status)) == Set(NominationStatus.allCases) && all.count == 4)
            #expect(made == accepted && made > 0)
            #expect(waiting.contains("1 đề nghị"))
            #expect(returnedPage.contains("id=\"nomination-submit\"") && returnedPage.contains("Bổ sung biên bản họp xét"))
            #expect(decidedPage.contains("215-QĐ/TU") && decidedPage.contains("Đảng ủy xã Đông Lạc → Tỉnh ủy Lạc Hồng"))
        }
    }
}
