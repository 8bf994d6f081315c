import Domain
import Fluent
import Vapor

/// Writing contests and their entries.
struct ContestController: RouteCollection {
    static let perPage = 50

    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.contests.pattern, use: list)
        routes.get(SiteURL.contestNew.pattern, use: newForm)
        routes.post(SiteURL.contestNew.pattern, use: create)
        routes.get(SiteURL.contest(nil).pattern, use: show)
        routes.get(SiteURL.contestEdit(nil).pattern, use: editForm)
        routes.post(SiteURL.contestEdit(nil).pattern, use: update)
        routes.get(SiteURL.contestEntryNew(nil).pattern, use: newEntryForm)
        routes.post(SiteURL.contestEntryNew(nil).pattern, use: createEntry)
        routes.get(SiteURL.contestEntryEdit(nil).pattern, use: editEntryForm)
        routes.post(SiteURL.contestEntryEdit(nil).pattern, use: updateEntry)
    }

    struct ContestForm: Content {
        var unit: String?
        var year: String?
        var title: String?
        var rounds: String?
        var note: String?

        var input: ContestInput { ContestInput(unitCode: unit, year: year, title: title, rounds: rounds, note: note) }
    }

    struct ListParameters: Content {
        var q: String?
        var nam: String?
        var trang: String?
    }

    func list(req: Request) async throws -> HTMLPage {
        let access = try req.access
        let p = try req.query.decode(ListParameters.self)
        let query = ContestListQuery(q: p.q ?? "", year: p.nam ?? "")
        let filter = ContestFilter(q: query.q, year: Int(query.year.trimmingCharacters(in: .whitespaces)))
        let page = PageNumber.from(p.trang)
        let result = try await ContestService.search(filter, offset: (page - 1) * Self.perPage, limit: Self.perPage, access: access)
        let lines = result.contests.map { c in
            ContestLine(id: c.id!, year: c.year, title: c.title, unitName: result.unitsByID[c.unitID]?.name ?? "",
                        counts: result.counts[c.id!] ?? ContestEntryCounts())
        }
        let view = ContestListView.render(
            query: query, lines: lines, total: result.total, totals: result.totals, page: page, perPage: Self.perPage,
            canCreate: access.user.role.writesUnitRecords)
        return HTMLPage(req.chrome("Cuộc thi viết"), view)
    }

    func show(req: Request) async throws -> HTMLPage {
        let access = try req.access
        let contest = try await ContestService.readable(req.parameters.get("id", as: Int.self), access: access)
        let unit = try await OrgUnit.find(contest.unitID, on: req.db)
        let entries = try await ContestService.visibleEntries(of: contest, access: access)
        let organises = try await access.canSee(unit: contest.unitID)
        let view = ContestDetailView.render(
            contest: contest, unitName: unit?.name ?? "", linkUnit: organises, entries: entries,
            canEdit: organises && access.user.role.writesUnitRecords, canWrite: access.user.role.writesUnitRecords)
        return HTMLPage(req.chrome(contest.title), view)
    }

    func newForm(req: Request) async throws -> HTMLPage {
        let access = try req.access
        try TopicService.requireWriter(access)
        var values = ContestInput()
        if let root = access.scopeRoot { values.unitCode = try await OrgUnit.find(root, on: req.db)?.code }
        values.year = String(LocalDate.today().year)
        return page(req, id: nil, values: values, errors: FormErrors())
    }

    func create(req: Request) async throws -> Response {
        let access = try req.access
        try TopicService.requireWriter(access)
        let form = try req.content.decode(ContestForm.self)
        do {
            let contest = try await ContestService.create(form.input, access: access)
            return req.redirect(to: .contest(contest.id), flash: "Đã thêm cuộc thi “\(contest.title)”.")
        } catch let problems as InvalidInput {
            return try await page(req, id: nil, values: form.input, errors: problems.formErrors, status: .unprocessableEntity)
                .encodeResponse(for: req)
        }
    }

    func editForm(req: Request) async throws -> HTMLPage {
        let access = try req.access
        let contest = try await ContestService.writable(req.parameters.get("id", as: Int.self), access: access)
        let unitCode = try await OrgUnit.find(contest.unitID, on: req.db)?.code
        let values = ContestInput(unitCode: unitCode, year: String(contest.year), title: contest.title, rounds: contest.rounds, note: contest.note)
        return page(req, id: contest.id, values: values, errors: FormErrors())
    }

    func update(req: Request) async throws -> Response {
        let access = try req.access
        let contest = try await ContestService.writable(req.parameters.get("id", as: Int.self), access: access)
        let form = try req.content.decode(ContestForm.self)
        do {
            try await ContestService.update(contest, with: form.input, access: access)
            return req.redirect(to: .contest(contest.id), flash: "Đã lưu cuộc thi “\(contest.title)”.")
        } catch let problems as InvalidInput {
            return try await page(req, id: contest.id, values: form.input, errors: problems.formErrors, status: .unprocessableEntity)
                .encodeResponse(for: req)
        }
    }

    private func page(_ req: Request, id: Int?, values: ContestInput, errors: FormErrors, status: HTTPStatus = .ok) -> HTMLPage {
        let chrome = req.chrome(id == nil ? "Thêm cuộc thi" : "Sửa cuộc thi")
        return HTMLPage(chrome, ContestFormView.render(id: id, values: values, errors: errors, csrf: chrome.csrf), status: status)
    }
}
