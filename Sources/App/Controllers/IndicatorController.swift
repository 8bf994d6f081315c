import Domain
import Vapor

/// `/chi-tieu?don-vi=CODE&nam=YYYY` (or `tu`/`den` for any period): the indicators of a unit's
/// subtree. Any unit the account reads; members have their own records only (403).
struct IndicatorController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.indicators.pattern, use: page)
    }

    struct Parameters: Content {
        var donVi: String?
        var nam: String?
        var tu: String?
        var den: String?

        enum CodingKeys: String, CodingKey {
            case nam, tu, den
            case donVi = "don-vi"
        }
    }

    func page(req: Request) async throws -> HTMLPage {
        let access = try req.access
        let p = try req.query.decode(Parameters.self)
        var model = IndicatorPageModel()
        model.values = ["don-vi": p.donVi, "nam": p.nam, "tu": p.tu, "den": p.den].compactMapValues { $0 }
        let input = IndicatorReport.Input(unit: p.donVi, year: p.nam, from: p.tu, to: p.den)
        var status = HTTPStatus.ok
        do {
            model.report = try await IndicatorReport.load(input, access: access)
        } catch let problems as InvalidInput {
            for failure in problems.failures {
                model.errors.add(IndicatorPageModel.fields[failure.field] ?? failure.field, failure.message)
            }
            status = .unprocessableEntity
        }
        let title = model.report.map { "Chỉ tiêu: \($0.unit.name), \($0.period.text)" } ?? "Chỉ tiêu thực hiện"
        return HTMLPage(req.chrome(title, section: .indicators), IndicatorPageView.render(model), status: status)
    }
}
