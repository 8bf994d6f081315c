import Domain
import Vapor

/// `/de-xuat-khen-thuong?don-vi=CODE&nam=YYYY`: who the grading history suggests for
/// commendation under each active rule, and the one action that proposes them.
struct SuggestionController: RouteCollection {
    static let perPage = 50

    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.suggestions.pattern, use: list)
        routes.post(SiteURL.suggestions.pattern, use: propose)
    }

    /// The year asked for; by default last year, whose grading is the one finished.
    static func year(_ text: String?) -> Int {
        VietnameseText.normalize(text ?? "").isEmpty ? LocalDate.today().year - 1 : ListYear.from(text)
    }

    func list(req: Request) async throws -> HTMLPage {
        let p = try req.query.decode(UnitYearPageQuery.self)
        return try await page(req, unit: p.donVi ?? "", year: Self.year(p.nam), page: PageNumber.from(p.trang))
    }

    func propose(req: Request) async throws -> Response {
        let access = try req.access
        let fields = try req.content.decode([String: String].self)
        let ids = fields.keys.filter { $0.hasPrefix("chon-") }.compactMap { Int($0.dropFirst("chon-".count)) }
        let choice = SuggestionChoice(unitCode: fields["don-vi"], year: Int(fields["nam"] ?? ""),
                                      ruleID: Int(fields["ruleId"] ?? ""), ids: ids)
        do {
            let nomination = try await SuggestionService.nominate(choice, access: access)
            return req.redirect(to: .nomination(nomination.id), flash: "Đã lập dự thảo đề nghị khen thưởng “\(nomination.title)”.")
        } catch let problems as InvalidInput {
            return try await page(req, unit: fields["don-vi"] ?? "", year: Self.year(fields["nam"]), page: 1,
                                  errors: problems.formErrors, status: .unprocessableEntity).encodeResponse(for: req)
        }
    }

    private func page(_ req: Request, unit: String, year: Int, page: Int, errors: FormErrors = .init(),
                      status: HTTPStatus = .ok) async throws -> HTMLPage {
        let access = try req.access
        let report = try await SuggestionService.report(
            unitCode: unit, year: year, offset: (page - 1) * Self.perPage, limit: Self.perPage, access: access)
        let chrome = req.chrome("Đề xuất khen thưởng", section: .records)
        var canPropose = false
        if let unit = report.root, access.user.role.writesUnitRecords { canPropose = try await access.canSee(unit: unit.id!) }
        let model = SuggestionPageModel(unit: unit, year: String(year), report: report, page: page, perPage: Self.perPage,
                                        canPropose: canPropose, csrf: chrome.csrf, showRules: access.isAdmin, errors: errors)
        return HTMLPage(chrome, SuggestionListView.render(model), status: status)
    }
}
