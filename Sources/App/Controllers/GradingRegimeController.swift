import Domain
import Fluent
import Vapor

/// The administrators' page of grading regimes and the regime of each year.
struct GradingRegimeController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.gradingRegimes.pattern, use: list)
        routes.post(SiteURL.gradingRegimes.pattern, use: create)
        routes.get(SiteURL.gradingRegimeEdit(nil).pattern, use: edit)
        routes.post(SiteURL.gradingRegimeEdit(nil).pattern, use: update)
        routes.post(SiteURL.gradingYear.pattern, use: setYear)
    }

    private func input(_ f: [String: String]) -> GradingRegimeInput {
        GradingRegimeInput(name: f["name"], isScored: f["isScored"] != nil, excellentFrom: f["excellentFrom"], goodFrom: f["goodFrom"],
                           fulfilledFrom: f["fulfilledFrom"], capPercent: f["capPercent"], outstandingCapPercent: f["outstandingCapPercent"])
    }

    func list(req: Request) async throws -> HTMLPage {
        try req.access.requireRole(.admin)
        return try await listPage(req)
    }

    private func listPage(_ req: Request, values: GradingRegimeInput = GradingRegimeInput(), errors: FormErrors = FormErrors(),
                          yearErrors: FormErrors = FormErrors(), status: HTTPStatus = .ok) async throws -> HTMLPage {
        let chrome = req.chrome("Quy định xếp loại", section: .records)
        let view = GradingRegimeView.list(regimes: try await GradingRegimeService.regimes(on: req.db),
                                          years: try await GradingRegimeService.years(on: req.db),
                                          values: values, errors: errors, yearErrors: yearErrors, csrf: chrome.csrf)
        return HTMLPage(chrome, view, status: status)
    }

    func create(req: Request) async throws -> Response {
        let access = try req.access
        try access.requireRole(.admin)
        let values = input(try req.content.decode([String: String].self))
        do {
            let regime = try await GradingRegimeService.save(nil, values, access: access)
            return req.redirect(to: .gradingRegimes, flash: "Đã thêm quy định “\(regime.name)”.")
        } catch let problems as InvalidInput {
            return try await listPage(req, values: values, errors: problems.formErrors, status: .unprocessableEntity).encodeResponse(for: req)
        }
    }

    func edit(req: Request) async throws -> HTMLPage {
        let regime = try await GradingRegimeService.regime(req.parameters.get("id", as: Int.self), access: try req.access)
        return editPage(req, regime: regime, values: GradingRegimeService.input(of: regime), errors: FormErrors())
    }

    private func editPage(_ req: Request, regime: GradingRegime, values: GradingRegimeInput, errors: FormErrors,
                          status: HTTPStatus = .ok) -> HTMLPage {
        let chrome = req.chrome("Sửa quy định xếp loại", section: .records)
        return HTMLPage(chrome, GradingRegimeView.edit(id: regime.id!, values: values, errors: errors, csrf: chrome.csrf), status: status)
    }

    func update(req: Request) async throws -> Response {
        let access = try req.access
        let regime = try await GradingRegimeService.regime(req.parameters.get("id", as: Int.self), access: access)
        let values = input(try req.content.decode([String: String].self))
        do {
            try await GradingRegimeService.save(regime, values, access: access)
            return req.redirect(to: .gradingRegimes, flash: "Đã lưu quy định “\(regime.name)”.")
        } catch let problems as InvalidInput {
            return try await editPage(req, regime: regime, values: values, errors: problems.formErrors, status: .unprocessableEntity)
                .encodeResponse(for: req)
        }
    }

    func setYear(req: Request) async throws -> Response {
        let access = try req.access
        try access.requireRole(.admin)
        let f = try req.content.decode([String: String].self)
        do {
            let (year, regime) = try await GradingRegimeService.setYear(f["year"], regimeID: f["regimeId"], access: access)
            return req.redirect(to: .gradingRegimes, flash: "Năm \(year) xếp loại theo “\(regime.name)”.")
        } catch let problems as InvalidInput {
            return try await listPage(req, yearErrors: problems.formErrors, status: .unprocessableEntity).encodeResponse(for: req)
        }
    }
}
