import Domain
import Fluent
import Vapor

/// The administrators' pages for the forms and issuers of commendations.
struct CommendationVocabularyController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.commendationVocabulary.pattern, use: overview)
        routes.post(SiteURL.commendationFormNew.pattern, use: createForm)
        routes.post(SiteURL.commendationIssuerNew.pattern, use: createIssuer)
        routes.get(SiteURL.commendationFormEdit(nil).pattern, use: editForm)
        routes.post(SiteURL.commendationFormEdit(nil).pattern, use: updateForm)
        routes.get(SiteURL.commendationIssuerEdit(nil).pattern, use: editIssuer)
        routes.post(SiteURL.commendationIssuerEdit(nil).pattern, use: updateIssuer)
    }

    struct TermFields: Content {
        var name, isPraise, sortOrder: String?
        var input: CommendationTermInput { CommendationTermInput(name: name, isPraise: isPraise, sortOrder: sortOrder) }
    }

    func overview(req: Request) async throws -> HTMLPage {
        try req.access.requireRole(.admin)
        return try await overviewPage(req)
    }

    func createForm(req: Request) async throws -> Response {
        let access = try req.access
        try access.requireRole(.admin)
        let fields = try req.content.decode(TermFields.self)
        do {
            let form = try await CommendationVocabularyService.saveForm(nil, fields.input, access: access)
            return req.redirect(to: .commendationVocabulary, flash: "Đã thêm hình thức “\(form.name)”.")
        } catch let problems as InvalidInput {
            return try await overviewPage(req, formValues: fields.input, formErrors: problems.formErrors, status: .unprocessableEntity)
                .encodeResponse(for: req)
        }
    }

    func createIssuer(req: Request) async throws -> Response {
        let access = try req.access
        try access.requireRole(.admin)
        let fields = try req.content.decode(TermFields.self)
        do {
            let issuer = try await CommendationVocabularyService.saveIssuer(nil, fields.input, access: access)
            return req.redirect(to: .commendationVocabulary, flash: "Đã thêm cấp khen “\(issuer.name)”.")
        } catch let problems as InvalidInput {
            return try await overviewPage(req, issuerValues: fields.input, issuerErrors: problems.formErrors, status: .unprocessableEntity)
                .encodeResponse(for: req)
        }
    }

    func editForm(req: Request) async throws -> HTMLPage {
        let form = try await CommendationVocabularyService.form(req.parameters.get("id", as: Int.self), access: try req.access)
        let values = CommendationTermInput(name: form.name, isPraise: form.isPraise ? "on" : nil, sortOrder: String(form.sortOrder))
        return editPage(req, url: .commendationFormEdit(form.id), isForm: true, values: values, errors: FormErrors())
    }

    func updateForm(req: Request) async throws -> Response {
        let access = try req.access
        let form = try await CommendationVocabularyService.form(req.parameters.get("id", as: Int.self), access: access)
        let fields = try req.content.decode(TermFields.self)
        do {
            try await CommendationVocabularyService.saveForm(form, fields.input, access: access)
            return req.redirect(to: .commendationVocabulary, flash: "Đã lưu hình thức “\(form.name)”.")
        } catch let problems as InvalidInput {
            return try await editPage(req, url: .commendationFormEdit(form.id), isForm: true, values: fields.input,
                                      errors: problems.formErrors, status: .unprocessableEntity).encodeResponse(for: req)
        }
    }

    func editIssuer(req: Request) async throws -> HTMLPage {
        let issuer = try await CommendationVocabularyService.issuer(req.parameters.get("id", as: Int.self), access: try req.access)
        let values = CommendationTermInput(name: issuer.name, sortOrder: String(issuer.sortOrder))
        return editPage(req, url: .commendationIssuerEdit(issuer.id), isForm: false, values: values, errors: FormErrors())
    }

    func updateIssuer(req: Request) async throws -> Response {
        let access = try req.access
        let issuer = try await CommendationVocabularyService.issuer(req.parameters.get("id", as: Int.self), access: access)
        let fields = try req.content.decode(TermFields.self)
        do {
            try await CommendationVocabularyService.saveIssuer(issuer, fields.input, access: access)
            return req.redirect(to: .commendationVocabulary, flash: "Đã lưu cấp khen “\(issuer.name)”.")
        } catch let problems as InvalidInput {
            return try await editPage(req, url: .commendationIssuerEdit(issuer.id), isForm: false, values: fields.input,
                                      errors: problems.formErrors, status: .unprocessableEntity).encodeResponse(for: req)
        }
    }

    private func overviewPage(
        _ req: Request, formValues: CommendationTermInput = .init(), formErrors: FormErrors = .init(),
        issuerValues: CommendationTermInput = .init(), issuerErrors: FormErrors = .init(), status: HTTPStatus = .ok
    ) async throws -> HTMLPage {
        let chrome = req.chrome("Hình thức khen thưởng và cấp khen", section: .records)
        let forms = try await CommendationVocabularyService.forms(on: req.db).map {
            CommendationVocabularyView.Term(id: $0.id!, name: $0.name, isPraise: $0.isPraise, sortOrder: $0.sortOrder)
        }
        let issuers = try await CommendationVocabularyService.issuers(on: req.db).map {
            CommendationVocabularyView.Term(id: $0.id!, name: $0.name, isPraise: nil, sortOrder: $0.sortOrder)
        }
        let view = CommendationVocabularyView.render(
            forms: forms, issuers: issuers, formValues: formValues, formErrors: formErrors,
            issuerValues: issuerValues, issuerErrors: issuerErrors, csrf: chrome.csrf)
        return HTMLPage(chrome, view, status: status)
    }

    private func editPage(_ req: Request, url: SiteURL, isForm: Bool, values: CommendationTermInput, errors: FormErrors,
                          status: HTTPStatus = .ok) -> HTMLPage {
        let chrome = req.chrome(isForm ? "Sửa hình thức khen thưởng" : "Sửa cấp khen", section: .records)
        return HTMLPage(chrome, CommendationVocabularyView.edit(action: url.path, isForm: isForm, values: values, errors: errors,
                                                                 csrf: chrome.csrf), status: status)
    }
}
