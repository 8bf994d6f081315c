import Domain
import Vapor

/// `/quy-tac-de-xuat`: the administrators' pages for the suggestion rules.
struct SuggestionRuleController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.suggestionRules.pattern, use: list)
        routes.get(SiteURL.suggestionRuleNew.pattern, use: new)
        routes.post(SiteURL.suggestionRuleNew.pattern, use: create)
        routes.get(SiteURL.suggestionRuleEdit(nil).pattern, use: edit)
        routes.post(SiteURL.suggestionRuleEdit(nil).pattern, use: update)
    }

    struct Fields: Content {
        var name, subject, level, years, formId, issuerId, active, sortOrder: String?
        var input: SuggestionRuleInput {
            SuggestionRuleInput(name: name, subject: subject, level: level, years: years, formId: formId, issuerId: issuerId,
                                active: active, sortOrder: sortOrder)
        }
    }

    func list(req: Request) async throws -> HTMLPage {
        try req.access.requireRole(.admin)
        let rules = try await SuggestionRuleService.rules(on: req.db)
        let vocabulary = try await CommendationService.vocabulary(on: req.db)
        let rows = rules.map { r in
            SuggestionRuleViews.Row(id: r.id!, name: r.name, subject: r.subject, level: r.level, years: r.years,
                                    form: vocabulary.forms[r.formID]?.name ?? "", issuer: vocabulary.issuers[r.issuerID]?.name ?? "",
                                    active: r.active, sortOrder: r.sortOrder)
        }
        return HTMLPage(req.chrome("Quy tắc đề xuất khen thưởng", section: .records), SuggestionRuleViews.list(rows))
    }

    func new(req: Request) async throws -> HTMLPage {
        try req.access.requireRole(.admin)
        return try await formPage(req, url: .suggestionRuleNew, values: SuggestionRuleInput(), errors: FormErrors())
    }

    func create(req: Request) async throws -> Response {
        let access = try req.access
        try access.requireRole(.admin)
        let input = try req.content.decode(Fields.self).input
        do {
            let rule = try await SuggestionRuleService.save(nil, input, access: access)
            return req.redirect(to: .suggestionRules, flash: "Đã thêm quy tắc “\(rule.name)”.")
        } catch let problems as InvalidInput {
            return try await formPage(req, url: .suggestionRuleNew, values: input, errors: problems.formErrors,
                                      status: .unprocessableEntity).encodeResponse(for: req)
        }
    }

    func edit(req: Request) async throws -> HTMLPage {
        let rule = try await SuggestionRuleService.rule(req.parameters.get("id", as: Int.self), access: try req.access)
        return try await formPage(req, url: .suggestionRuleEdit(rule.id), values: SuggestionRuleInput(rule), errors: FormErrors())
    }

    func update(req: Request) async throws -> Response {
        let access = try req.access
        let rule = try await SuggestionRuleService.rule(req.parameters.get("id", as: Int.self), access: access)
        let input = try req.content.decode(Fields.self).input
        do {
            try await SuggestionRuleService.save(rule, input, access: access)
            return req.redirect(to: .suggestionRules, flash: "Đã lưu quy tắc “\(rule.name)”.")
        } catch let problems as InvalidInput {
            return try await formPage(req, url: .suggestionRuleEdit(rule.id), values: input, errors: problems.formErrors,
                                      status: .unprocessableEntity).encodeResponse(for: req)
        }
    }

    private func formPage(_ req: Request, url: SiteURL, values: SuggestionRuleInput, errors: FormErrors,
                          status: HTTPStatus = .ok) async throws -> HTMLPage {
        let isNew = url == .suggestionRuleNew
        let chrome = req.chrome(isNew ? "Thêm quy tắc đề xuất" : "Sửa quy tắc đề xuất", section: .records)
        let forms = try await CommendationVocabularyService.forms(on: req.db).map { (String($0.id!), $0.name) }
        let issuers = try await CommendationVocabularyService.issuers(on: req.db).map { (String($0.id!), $0.name) }
        let view = SuggestionRuleViews.form(action: url.path, isNew: isNew, values: values, errors: errors,
                                            forms: forms, issuers: issuers, csrf: chrome.csrf)
        return HTMLPage(chrome, view, status: status)
    }
}
