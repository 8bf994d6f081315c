import Domain
import Fluent
import Vapor

/// Exemplars: read and written in the account's subtree.
struct ExemplarController: RouteCollection {
    static let perPage = 50
    /// Above this many people in scope the form asks for a person's id instead of a list, so the
    /// page stays light on a phone.
    static let pickerLimit = 1000

    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.exemplars.pattern, use: list)
        routes.get(SiteURL.exemplarNew.pattern, use: newForm)
        routes.post(SiteURL.exemplarNew.pattern, use: create)
        routes.get(SiteURL.exemplar(nil).pattern, use: show)
        routes.get(SiteURL.exemplarEdit(nil).pattern, use: editForm)
        routes.post(SiteURL.exemplarEdit(nil).pattern, use: update)
    }

    struct ExemplarForm: Content {
        var unit: String?
        var year: String?
        var subject: String?
        var subjectUnit: String?
        var personId: String?
        var story: String?
        var recognisedOn: String?
        var recognisedBy: String?

        var input: ExemplarInput {
            ExemplarInput(unitCode: unit, year: year, subject: subject, subjectUnitCode: subjectUnit, personID: personId,
                          story: story, recognisedOn: recognisedOn, recognisedBy: recognisedBy)
        }
    }

    struct ListParameters: Content {
        var donVi: String?
        var nam: String?
        var doiTuong: String?
        var trang: String?

        enum CodingKeys: String, CodingKey {
            case nam, trang
            case donVi = "don-vi"
            case doiTuong = "doi-tuong"
        }
    }

    func list(req: Request) async throws -> HTMLPage {
        let access = try req.access
        let p = try req.query.decode(ListParameters.self)
        let query = ExemplarListQuery(unit: p.donVi ?? "", year: p.nam ?? "", subject: p.doiTuong ?? "")
        let filter = ExemplarFilter(
            unitCode: query.unit, year: Int(query.year.trimmingCharacters(in: .whitespaces)),
            subject: ExemplarSubject(rawValue: query.subject))
        let page = PageNumber.from(p.trang)
        let result = try await ExemplarService.search(filter, offset: (page - 1) * Self.perPage, limit: Self.perPage, access: access)
        let lines = result.exemplars.map { e in
            ExemplarLine(id: e.id!, year: e.year, subject: e.subject, name: e.name, recognisedOn: e.recognisedOn,
                         unitName: result.unitsByID[e.unitID]?.name ?? "")
        }
        let view = ExemplarListView.render(
            query: query, lines: lines, total: result.total, page: page, perPage: Self.perPage,
            unknownUnit: result.unknownUnit, canCreate: access.user.role.writesUnitRecords)
        return HTMLPage(req.chrome("Điển hình tiên tiến"), view)
    }

    func show(req: Request) async throws -> HTMLPage {
        let access = try req.access
        let exemplar = try await ExemplarService.readable(req.parameters.get("id", as: Int.self), access: access)
        let unit = try await OrgUnit.find(exemplar.unitID, on: req.db)
        // The subject's own page is linked only when it is still in scope (a person may have moved away).
        var subjectLink: String?
        if let id = exemplar.subjectUnitID, try await access.canSee(unit: id) { subjectLink = SiteURL.unit(id).path }
        if let id = exemplar.personID, let person = try await Person.find(id, on: req.db),
           let unitID = person.currentUnitID, try await access.canSee(unit: unitID) {
            subjectLink = SiteURL.person(id).path
        }
        let view = ExemplarDetailView.render(
            exemplar: exemplar, unitName: unit?.name ?? "", subjectLink: subjectLink, canEdit: access.user.role.writesUnitRecords)
        return HTMLPage(req.chrome("Điển hình: \(exemplar.name)"), view)
    }

    func newForm(req: Request) async throws -> HTMLPage {
        let access = try req.access
        try TopicService.requireWriter(access)
        var values = ExemplarInput()
        if let root = access.scopeRoot { values.unitCode = try await OrgUnit.find(root, on: req.db)?.code }
        values.year = String(LocalDate.today().year)
        values.subject = ExemplarSubject.individual.rawValue
        return try await page(req, id: nil, values: values, errors: FormErrors())
    }

    func create(req: Request) async throws -> Response {
        let access = try req.access
        try TopicService.requireWriter(access)
        let form = try req.content.decode(ExemplarForm.self)
        do {
            let exemplar = try await ExemplarService.create(form.input, access: access)
            return req.redirect(to: .exemplar(exemplar.id), flash: "Đã thêm điển hình \(exemplar.name).")
        } catch let problems as InvalidInput {
            return try await page(req, id: nil, values: form.input, errors: problems.formErrors, status: .unprocessableEntity)
                .encodeResponse(for: req)
        }
    }

    func editForm(req: Request) async throws -> HTMLPage {
        let access = try req.access
        let e = try await ExemplarService.writable(req.parameters.get("id", as: Int.self), access: access)
        let unitCode = try await OrgUnit.find(e.unitID, on: req.db)?.code
        var subjectCode: String?
        if let id = e.subjectUnitID { subjectCode = try await OrgUnit.find(id, on: req.db)?.code }
        let values = ExemplarInput(
            unitCode: unitCode, year: String(e.year), subject: e.subject.rawValue, subjectUnitCode: subjectCode,
            personID: e.personID.map(String.init), story: e.story, recognisedOn: e.recognisedOn.iso, recognisedBy: e.recognisedBy)
        return try await page(req, id: e.id, values: values, errors: FormErrors())
    }

    func update(req: Request) async throws -> Response {
        let access = try req.access
        let exemplar = try await ExemplarService.writable(req.parameters.get("id", as: Int.self), access: access)
        let form = try req.content.decode(ExemplarForm.self)
        do {
            try await ExemplarService.update(exemplar, with: form.input, access: access)
            return req.redirect(to: .exemplar(exemplar.id), flash: "Đã lưu điển hình \(exemplar.name).")
        } catch let problems as InvalidInput {
            return try await page(req, id: exemplar.id, values: form.input, errors: problems.formErrors, status: .unprocessableEntity)
                .encodeResponse(for: req)
        }
    }

    private func page(_ req: Request, id: Int?, values: ExemplarInput, errors: FormErrors, status: HTTPStatus = .ok) async throws -> HTMLPage {
        let people = try await Self.peopleInScope(try req.access)
        let chrome = req.chrome(id == nil ? "Thêm điển hình tiên tiến" : "Sửa điển hình tiên tiến")
        let view = ExemplarFormView.render(id: id, values: values, people: people, errors: errors, csrf: chrome.csrf)
        return HTMLPage(chrome, view, status: status)
    }

    /// The people the account may name, as select options; nil when there are too many for a list.
    static func peopleInScope(_ access: Access) async throws -> [(value: String, label: String)]? {
        let scope = access.subtreeFilter("current_unit_id")
        let query = Person.query(on: access.db).scoped(scope).filter(\.$currentUnitID != nil)
        guard try await query.count() <= pickerLimit else { return nil }
        let people = try await Person.query(on: access.db).scoped(scope).filter(\.$currentUnitID != nil).sort(\.$sortKey).all()
        let units = try await YearRecordFields.units(people.compactMap(\.currentUnitID), on: access.db)
        return people.map { p in (value: String(p.id!), label: "\(p.fullName) — \(p.currentUnitID.flatMap { units[$0]?.name } ?? "")") }
    }
}
