import Domain
import Reports
import Vapor

/// `/chi-tieu?don-vi=CODE&nam=YYYY` (or `tu`/`den` for any period): the indicators of a unit's
/// subtree rolled up by year and by the units directly below. Any unit the account reads;
/// members have their own records only (403). `/chi-tieu/phu-luc.xlsx` with the same parameters:
/// the same rollup as a workbook.
struct IndicatorController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.indicators.pattern, use: page)
        routes.get(SiteURL.indicatorsWorkbook.pattern, use: workbook)
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

        var input: IndicatorReport.Input { IndicatorReport.Input(unit: donVi, year: nam, from: tu, to: den) }
    }

    func page(req: Request) async throws -> HTMLPage {
        let access = try req.access
        let p = try req.query.decode(Parameters.self)
        let today = LocalDate.today()
        var model = IndicatorPageModel()
        model.values = ["don-vi": p.donVi, "nam": p.nam, "tu": p.tu, "den": p.den].compactMapValues { $0 }
        var status = HTTPStatus.ok
        do {
            let (unit, table) = try await IndicatorReport.rollup(p.input, access: access, today: today)
            let byDates = [p.tu, p.den].contains { !($0 ?? "").trimmingCharacters(in: .whitespaces).isEmpty }
            model.rollup = IndicatorRollupModel(unit: unit, table: table, byDates: byDates)
        } catch let problems as InvalidInput {
            for failure in problems.failures {
                model.errors.add(IndicatorPageModel.fields[failure.field] ?? failure.field, failure.message)
            }
            status = .unprocessableEntity
        }
        model.years = IndicatorQuickPeriod.recentYears(today: today)
        // the programme in force: the latest that has started (a handful of rows)
        let programmes = try await Programme.query(on: req.db).sort(\.$startsOn, .descending).all()
        if let programme = programmes.first(where: { $0.startsOn <= today }) {
            model.programme = programme.documentNumber
            model.stages = IndicatorQuickPeriod.stages(start: programme.startsOn, end: programme.endsOn, today: today)
        }
        let title = model.rollup.map { "Chỉ tiêu: \($0.unit.name), \($0.table.period.text)" } ?? "Chỉ tiêu thực hiện"
        return HTMLPage(req.chrome(title, section: .indicators), IndicatorPageView.render(model), status: status)
    }

    func workbook(req: Request) async throws -> Response {
        let p = try req.query.decode(Parameters.self)
        let (unit, table) = try await IndicatorReport.rollup(p.input, access: try req.access)
        let workbook = FigureWorkbook.make(
            title: "PHỤ LỤC SỐ LIỆU – \(unit.name.uppercased())",
            subtitle: "Kỳ báo cáo: \(table.period.text); các tổ chức đảng thuộc đơn vị theo cây tổ chức ngày "
                + VietnameseFormat.date(table.period.to),
            appendix: table.appendix(), breakdown: table.breakdown())
        return FileDownload.response(try XlsxWriter.write(workbook), filename: Self.filename(unit.code, table.period),
                                     type: FileDownload.xlsx)
    }

    /// "chi-tieu-TU-2021-05-18-2024-05-18.xlsx".
    static func filename(_ code: String, _ period: IndicatorPeriod) -> String {
        "chi-tieu-\(code)-\(period.from.iso)-\(period.to.iso).xlsx"
    }
}
