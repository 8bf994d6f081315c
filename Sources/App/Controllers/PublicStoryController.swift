import Domain
import Fluent
import Vapor

/// Officer side of the public page: stories of the subtree's exemplars and models, written,
/// published and withdrawn by writers, read by leaders.
struct PublicStoryController: RouteCollection {
    static let perPage = 50

    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.publicStories.pattern, use: list)
        routes.get(SiteURL.publicStoryNew.pattern, use: newForm)
        routes.post(SiteURL.publicStoryNew.pattern, use: create)
        routes.get(SiteURL.publicStory(nil).pattern, use: show)
        routes.get(SiteURL.publicStoryEdit(nil).pattern, use: editForm)
        routes.post(SiteURL.publicStoryEdit(nil).pattern, use: update)
        routes.post(SiteURL.publicStoryPublish(nil).pattern) { try await self.publish($0, true) }
        routes.post(SiteURL.publicStoryUnpublish(nil).pattern) { try await self.publish($0, false) }
    }

    struct StoryForm: Content {
        var exemplar: String?
        var model: String?
        var unit: String?
        var year: String?
        var title: String?
        var summary: String?
        var body: String?

        var input: PublicStoryInput {
            PublicStoryInput(exemplarID: exemplar, practiceModelID: model, unitCode: unit, year: year,
                             title: title, summary: summary, body: body)
        }
    }

    struct ListParameters: Content {
        var donVi: String?
        var nam: String?
        var trangThai: String?
        var trang: String?

        enum CodingKeys: String, CodingKey {
            case nam, trang
            case donVi = "don-vi"
            case trangThai = "trang-thai"
        }
    }

    func list(req: Request) async throws -> HTMLPage {
        let access = try req.access
        let p = try req.query.decode(ListParameters.self)
        let query = PublicStoryListQuery(unit: p.donVi ?? "", year: p.nam ?? "", status: p.trangThai ?? "")
        let filter = PublicStoryFilter(
            unitCode: query.unit, year: Int(query.year.trimmingCharacters(in: .whitespaces)),
            published: PublicStoryListQuery.statuses.first { $0.value == query.status }?.published)
        let page = PageNumber.from(p.trang)
        let result = try await PublicStoryService.search(filter, offset: (page - 1) * Self.perPage, limit: Self.perPage, access: access)
        let view = PublicStoryListView.render(
            query: query, stories: result.stories, unitsByID: result.unitsByID, total: result.total, page: page,
            perPage: Self.perPage, unknownUnit: result.unknownUnit)
        return HTMLPage(req.chrome("Giới thiệu gương sáng", section: .records), view)
    }

    func show(req: Request) async throws -> HTMLPage {
        let access = try req.access
        let story = try await PublicStoryService.readable(req.parameters.get("id", as: Int.self), access: access)
        let unit = try await OrgUnit.find(story.unitID, on: req.db)
        let chrome = req.chrome("Bài giới thiệu: \(story.title)", section: .records)
        let view = PublicStoryDetailView.render(
            story: story, unitName: unit?.name ?? "", canEdit: access.user.role.writesUnitRecords, csrf: chrome.csrf)
        return HTMLPage(chrome, view)
    }

    func newForm(req: Request) async throws -> HTMLPage {
        let access = try req.access
        try TopicService.requireWriter(access)
        let exemplar = req.query[String.self, at: "dien-hinh"].flatMap { Int($0) }
        let model = req.query[String.self, at: "mo-hinh"].flatMap { Int($0) }
        guard let values = try await PublicStoryService.draft(exemplarID: exemplar, practiceModelID: model, access: access) else {
            return HTMLPage(req.chrome("Thêm bài giới thiệu", section: .records), PublicStoryFormView.chooseSource())
        }
        return page(req, id: nil, values: values, errors: FormErrors())
    }

    func create(req: Request) async throws -> Response {
        let access = try req.access
        try TopicService.requireWriter(access)
        let form = try req.content.decode(StoryForm.self)
        do {
            let story = try await PublicStoryService.create(form.input, access: access)
            return req.redirect(to: .publicStory(story.id), flash: "Đã thêm bài giới thiệu (chưa công bố).")
        } catch let problems as InvalidInput {
            return try await page(req, id: nil, values: form.input, errors: problems.formErrors, status: .unprocessableEntity)
                .encodeResponse(for: req)
        }
    }

    func editForm(req: Request) async throws -> HTMLPage {
        let access = try req.access
        let s = try await PublicStoryService.writable(req.parameters.get("id", as: Int.self), access: access)
        let values = PublicStoryInput(
            unitCode: try await OrgUnit.find(s.unitID, on: req.db)?.code, year: String(s.year),
            title: s.title, summary: s.summary, body: s.body)
        return page(req, id: s.id, values: values, errors: FormErrors())
    }

    func update(req: Request) async throws -> Response {
        let access = try req.access
        let story = try await PublicStoryService.writable(req.parameters.get("id", as: Int.self), access: access)
        let form = try req.content.decode(StoryForm.self)
        do {
            try await PublicStoryService.update(story, with: form.input, access: access)
            return req.redirect(to: .publicStory(story.id), flash: "Đã lưu bài giới thiệu.")
        } catch let problems as InvalidInput {
            return try await page(req, id: story.id, values: form.input, errors: problems.formErrors, status: .unprocessableEntity)
                .encodeResponse(for: req)
        }
    }

    func publish(_ req: Request, _ published: Bool) async throws -> Response {
        let access = try req.access
        let story = try await PublicStoryService.writable(req.parameters.get("id", as: Int.self), access: access)
        try await PublicStoryService.setPublished(story, published, access: access)
        return req.redirect(to: .publicStory(story.id), flash: published
            ? "Đã công bố bài trên trang Gương sáng." : "Đã thôi công bố bài; bài không còn trên trang Gương sáng.")
    }

    private func page(_ req: Request, id: Int?, values: PublicStoryInput, errors: FormErrors, status: HTTPStatus = .ok) -> HTMLPage {
        let chrome = req.chrome(id == nil ? "Thêm bài giới thiệu" : "Sửa bài giới thiệu", section: .records)
        return HTMLPage(chrome, PublicStoryFormView.render(id: id, values: values, errors: errors, csrf: chrome.csrf), status: status)
    }
}
