import Domain
import Fluent
import Vapor

/// Practice models: read and written in the account's subtree.
struct PracticeModelController: RouteCollection {
    static let perPage = 50

    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.practiceModels.pattern, use: list)
        routes.get(SiteURL.practiceModelNew.pattern, use: newForm)
        routes.post(SiteURL.practiceModelNew.pattern, use: create)
        routes.get(SiteURL.practiceModel(nil).pattern, use: show)
        routes.get(SiteURL.practiceModelEdit(nil).pattern, use: editForm)
        routes.post(SiteURL.practiceModelEdit(nil).pattern, use: update)
    }

    /// The form's fields, named as in the API.
    struct ModelForm: Content {
        var unit: String?
        var year: String?
        var kind: String?
        var title: String?
        var description: String?
        var results: String?

        var input: PracticeModelInput {
            PracticeModelInput(unitCode: unit, year: year, kind: kind, title: title, description: description, results: results)
        }
    }

    struct ListParameters: Content {
        var q: String?
        var donVi: String?
        var nam: String?
        var loai: String?
        var trang: String?

        enum CodingKeys: String, CodingKey {
            case q, nam, loai, trang
            case donVi = "don-vi"
        }
    }

    func list(req: Request) async throws -> HTMLPage {
        let access = try req.access
        let p = try req.query.decode(ListParameters.self)
        let query = PracticeModelListQuery(q: p.q ?? "", unit: p.donVi ?? "", year: p.nam ?? "", kind: p.loai ?? "")
        let filter = PracticeModelFilter(
            q: query.q, unitCode: query.unit, year: Int(query.year.trimmingCharacters(in: .whitespaces)),
            kind: PracticeModelKind(rawValue: query.kind))
        let page = PageNumber.from(p.trang)
        let result = try await PracticeModelService.search(filter, offset: (page - 1) * Self.perPage, limit: Self.perPage, access: access)
        let lines = result.models.map { m in
            PracticeModelLine(id: m.id!, year: m.year, kind: m.kind, title: m.title, unitName: result.unitsByID[m.unitID]?.name ?? "")
        }
        let view = PracticeModelListView.render(
            query: query, lines: lines, total: result.total, units: result.units, page: page, perPage: Self.perPage,
            unknownUnit: result.unknownUnit, canCreate: access.user.role.writesUnitRecords)
        return HTMLPage(req.chrome("Mô hình, cách làm hay"), view)
    }

    func show(req: Request) async throws -> HTMLPage {
        let access = try req.access
        let model = try await PracticeModelService.readable(req.parameters.get("id", as: Int.self), access: access)
        let unit = try await OrgUnit.find(model.unitID, on: req.db)
        let view = PracticeModelDetailView.render(
            model: model, unitName: unit?.name ?? "", canEdit: access.user.role.writesUnitRecords)
        return HTMLPage(req.chrome(model.title), view)
    }

    func newForm(req: Request) async throws -> HTMLPage {
        let access = try req.access
        try TopicService.requireWriter(access)
        var values = PracticeModelInput()
        if let root = access.scopeRoot { values.unitCode = try await OrgUnit.find(root, on: req.db)?.code }
        values.year = String(LocalDate.today().year)
        return page(req, id: nil, values: values, errors: FormErrors())
    }

    func create(req: Request) async throws -> Response {
        let access = try req.access
        try TopicService.requireWriter(access)
        let form = try req.content.decode(ModelForm.self)
        do {
            let model = try await PracticeModelService.create(form.input, access: access)
            return req.redirect(to: .practiceModel(model.id), flash: "Đã thêm mô hình “\(model.title)”.")
        } catch let problems as InvalidInput {
            return try await page(req, id: nil, values: form.input, errors: problems.formErrors, status: .unprocessableEntity)
                .encodeResponse(for: req)
        }
    }

    func editForm(req: Request) async throws -> HTMLPage {
        let access = try req.access
        let model = try await PracticeModelService.writable(req.parameters.get("id", as: Int.self), access: access)
        let unitCode = try await OrgUnit.find(model.unitID, on: req.db)?.code
        let values = PracticeModelInput(
            unitCode: unitCode, year: String(model.year), kind: model.kind.rawValue, title: model.title,
            description: model.description, results: model.results)
        return page(req, id: model.id, values: values, errors: FormErrors())
    }

    func update(req: Request) async throws -> Response {
        let access = try req.access
        let model = try await PracticeModelService.writable(req.parameters.get("id", as: Int.self), access: access)
        let form = try req.content.decode(ModelForm.self)
        do {
            try await PracticeModelService.update(model, with: form.input, access: access)
            return req.redirect(to: .practiceModel(model.id), flash: "Đã lưu mô hình “\(model.title)”.")
        } catch let problems as InvalidInput {
            return try await page(req, id: model.id, values: form.input, errors: problems.formErrors, status: .unprocessableEntity)
                .encodeResponse(for: req)
        }
    }

    private func page(_ req: Request, id: Int?, values: PracticeModelInput, errors: FormErrors, status: HTTPStatus = .ok) -> HTMLPage {
        let chrome = req.chrome(id == nil ? "Thêm mô hình" : "Sửa mô hình")
        return HTMLPage(chrome, PracticeModelFormView.render(id: id, values: values, errors: errors, csrf: chrome.csrf), status: status)
    }
}
