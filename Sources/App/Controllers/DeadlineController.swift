import Domain
import Vapor

/// `/han-can-lam?don-vi=CODE&nam=YYYY`: the open deadlines of a unit's subtree (default: the
/// account's scope), computed from the records.
struct DeadlineController: RouteCollection {
    static let perPage = 50

    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.deadlines.pattern, use: list)
    }

    func list(req: Request) async throws -> HTMLPage {
        let access = try req.access
        try DeadlineService.requireLister(access)
        let p = try req.query.decode(UnitYearPageQuery.self)
        let unit = p.donVi ?? "", yearText = p.nam ?? ""
        let year = ListYear.from(yearText)
        let page = PageNumber.from(p.trang)
        let report = try await DeadlineService.report(
            unitCode: unit, year: year, offset: (page - 1) * Self.perPage, limit: Self.perPage, access: access)
        let model = DeadlinePageModel(unit: unit, year: yearText, report: report, page: page, perPage: Self.perPage)
        return HTMLPage(req.chrome("Hạn cần làm", section: .records), DeadlineListView.render(model))
    }

}
