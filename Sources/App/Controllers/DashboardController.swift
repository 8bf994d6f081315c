import Domain
import Vapor

/// `/tong-quan?don-vi=CODE&nam=YYYY`: a unit's year at a glance. Any unit the account reads;
/// members have their own records only (403).
struct DashboardController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.dashboard.pattern, use: page)
    }

    struct Parameters: Content {
        var donVi: String?
        var nam: String?

        enum CodingKeys: String, CodingKey {
            case nam
            case donVi = "don-vi"
        }
    }

    func page(req: Request) async throws -> HTMLPage {
        let access = try req.access
        let p = try req.query.decode(Parameters.self)
        var model = DashboardPageModel(unitCode: p.donVi, year: p.nam)
        var status = HTTPStatus.ok
        do {
            model.dashboard = try await DashboardService.load(unit: p.donVi, year: p.nam, access: access,
                                                                 cache: req.application.dashboardCache, shown: RenderedDashboard.init)
        } catch let problems as InvalidInput {
            for failure in problems.failures {
                model.errors.add(DashboardPageModel.fields[failure.field] ?? failure.field, failure.message)
            }
            status = .unprocessableEntity
        }
        let title = model.dashboard.map(\.dashboard).map { "Tổng quan: \($0.unit.name), \($0.period.text)" } ?? "Tổng quan"
        return HTMLPage(req.chrome(title, section: .dashboard), DashboardView.render(model), status: status)
    }
}
