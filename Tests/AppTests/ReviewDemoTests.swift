@testable import App
import Domain
import Fluent
import Foundation
import Testing
import Vapor

/// The demo's sơ kết 3 năm of the province: listed, read with figures that still match the
/// records, and a grassroots unit's review started by its officer as a new user would.
@Suite struct ReviewDemoTests {
    @Test func theProvincesThreeYearReview() async throws {
        try await withTestApp { app in
            // setup
            try await DemoLoader.loadIfEmpty(app: app)
            let review = try #require(try await Review.query(on: app.db).first())
            var province = try await TestClient.login(app, "tinhuy", password: DemoLoader.password)
            var commune = try await TestClient.login(app, "canbo.dl", password: DemoLoader.password)

            // act
            let list = try await province.get(SiteURL.reviews.path)
            let page = try await province.get(SiteURL.review(review.id).path)
            let created = try await commune.post(SiteURL.reviewNew.path, [
                "unit": "X-DL", "kind": "so-ket-3-nam", "from": "2021-05-18", "to": "2024-05-18"])

            // assert
            #expect(list.body.string.contains(SiteURL.review(review.id).path) && list.body.string.contains("Số 125-BC/TU"))
            #expect(page.status == .ok && !page.body.string.contains("Số liệu đã thay đổi"))
            let unit = try await OrgUnit.find(review.unitID, on: app.db)!
            let table = try await IndicatorTables.rollup(UnitRef(id: unit.id!, code: unit.code, name: unit.name), review.period, on: app.db)
            #expect(review.appendix == table.appendix() && review.breakdown == table.breakdown())
            #expect(review.appendix.columns == ["2021 (từ 18/5)", "2022", "2023", "2024 (đến 18/5)", "Tổng"])
            #expect(created.status == .seeOther)
            let mine = try #require(try await Review.query(on: app.db).filter(\.$id != review.id!).first())
            #expect(mine.issuingBody == "BAN THƯỜNG VỤ ĐẢNG ỦY XÃ ĐÔNG LẠC" && mine.number == "Số    -BC/X-DL")
        }
    }
}
