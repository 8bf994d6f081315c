import Domain
import Fluent
import Vapor

/// Topic forms. Topics are listed on their programme's page; a provincial committee's officers
/// (and administrators) add and edit them.
struct TopicController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.topicNew.pattern, use: newForm)
        routes.post(SiteURL.topicNew.pattern, use: create)
        routes.get(SiteURL.topicEdit(nil).pattern, use: editForm)
        routes.post(SiteURL.topicEdit(nil).pattern, use: update)
    }

    /// The form's fields, named as in the API.
    struct TopicForm: Content {
        var programmeId: String?
        var unit: String?
        var kind: String?
        var year: String?
        var endYear: String?
        var parentTopicId: String?
        var title: String?
        var description: String?

        var input: TopicInput {
            TopicInput(programmeID: programmeId, unitCode: unit, kind: kind, year: year, endYear: endYear,
                       parentTopicID: parentTopicId, title: title, description: description)
        }
    }

    func newForm(req: Request) async throws -> Response {
        let access = try req.access
        try TopicService.requireWriter(access)
        let provinces = try await TopicService.writableProvinces(access: access)
        guard !provinces.isEmpty else {
            return try await HTMLPage(req.chrome("Thêm chuyên đề", section: .programmes), TopicFormView.noProvince())
                .encodeResponse(for: req)
        }
        var values = TopicInput()
        values.programmeID = try? req.query.get(String.self, at: "chuong-trinh")
        if provinces.count == 1 { values.unitCode = provinces[0].code }
        values.kind = TopicKind.wholeTerm.rawValue
        return try await page(req, id: nil, values: values, provinces: provinces, errors: FormErrors()).encodeResponse(for: req)
    }

    func create(req: Request) async throws -> Response {
        let access = try req.access
        try TopicService.requireWriter(access)
        let form = try req.content.decode(TopicForm.self)
        do {
            let topic = try await TopicService.create(form.input, access: access)
            return req.redirect(to: .programme(topic.programmeID), flash: "Đã thêm chuyên đề “\(topic.title)”.")
        } catch let problems as InvalidInput {
            let provinces = try await TopicService.writableProvinces(access: access)
            return try await page(req, id: nil, values: form.input, provinces: provinces, errors: problems.formErrors,
                                  status: .unprocessableEntity).encodeResponse(for: req)
        }
    }

    func editForm(req: Request) async throws -> HTMLPage {
        let access = try req.access
        let topic = try await TopicService.writable(req.parameters.get("id", as: Int.self), access: access)
        let unitCode = try await OrgUnit.find(topic.unitID, on: req.db)?.code
        let values = TopicInput(
            programmeID: String(topic.programmeID), unitCode: unitCode, kind: topic.kind.rawValue, year: String(topic.year),
            endYear: topic.kind == .wholeTerm ? String(topic.endYear) : nil, parentTopicID: topic.parentTopicID.map(String.init),
            title: topic.title, description: topic.description)
        let provinces = try await TopicService.writableProvinces(access: access)
        return try await page(req, id: topic.id, values: values, provinces: provinces, errors: FormErrors())
    }

    func update(req: Request) async throws -> Response {
        let access = try req.access
        let topic = try await TopicService.writable(req.parameters.get("id", as: Int.self), access: access)
        let form = try req.content.decode(TopicForm.self)
        do {
            try await TopicService.update(topic, with: form.input, access: access)
            return req.redirect(to: .programme(topic.programmeID), flash: "Đã lưu chuyên đề “\(topic.title)”.")
        } catch let problems as InvalidInput {
            let provinces = try await TopicService.writableProvinces(access: access)
            return try await page(req, id: topic.id, values: form.input, provinces: provinces, errors: problems.formErrors,
                                  status: .unprocessableEntity).encodeResponse(for: req)
        }
    }

    /// The form with its choices: all programmes; the provinces the account writes; their
    /// whole-term topics (of the chosen programme, when one is chosen) as parents.
    private func page(
        _ req: Request, id: Int?, values: TopicInput, provinces: [OrgUnit], errors: FormErrors, status: HTTPStatus = .ok
    ) async throws -> HTMLPage {
        let programmes = try await Programme.query(on: req.db).sort(\.$startsOn, .descending).all()
        let numbers = Dictionary(uniqueKeysWithValues: programmes.map { ($0.id!, $0.documentNumber) })
        let provinceIDs = provinces.compactMap(\.id)
        let names = Dictionary(uniqueKeysWithValues: provinces.map { ($0.id!, $0.name) })
        var parentsQuery = Topic.query(on: req.db).filter(\.$kind == .wholeTerm).filter(\.$unitID ~~ provinceIDs)
        if let chosen = values.programmeID.flatMap(Int.init) { parentsQuery = parentsQuery.filter(\.$programmeID == chosen) }
        if let id { parentsQuery = parentsQuery.filter(\.$id != id) }
        let parents = provinceIDs.isEmpty ? [] : try await parentsQuery.sort(\.$year).sort(\.$id).all()
        let choices = TopicFormChoices(
            programmes: programmes.map { (value: String($0.id!), label: "\($0.documentNumber) (\($0.topicYearsText))") },
            provinces: provinces.map { (value: $0.code, label: $0.name) },
            parents: parents.map { t in
                let programme = numbers[t.programmeID] ?? ""
                let unit = provinces.count > 1 ? " · " + (names[t.unitID] ?? "") : ""
                return (value: String(t.id!), label: "\(programme)\(unit) · \(t.yearsText) · \(t.title)")
            })
        let back = values.programmeID.flatMap(Int.init).map { SiteURL.programme($0).path } ?? SiteURL.programmes.path
        let chrome = req.chrome(id == nil ? "Thêm chuyên đề" : "Sửa chuyên đề", section: .programmes)
        let view = TopicFormView.render(id: id, values: values, choices: choices, errors: errors, csrf: chrome.csrf, back: back)
        return HTMLPage(chrome, view, status: status)
    }
}
