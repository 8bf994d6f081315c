import Domain
import Fluent
import Vapor

/// The people pages: list and search, a person's page, and the forms that change them.
struct PersonController: RouteCollection {
    static let perPage = 50

    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.people.pattern, use: list)
        routes.get(SiteURL.peopleXlsx.pattern) { try await self.download(.xlsx, req: $0) }
        routes.get(SiteURL.peopleCsv.pattern) { try await self.download(.csv, req: $0) }
        routes.get(SiteURL.personNew.pattern, use: createForm)
        routes.post(SiteURL.personNew.pattern, use: create)
        routes.get(SiteURL.person(nil).pattern, use: show)
        routes.get(SiteURL.personEdit(nil).pattern, use: editForm)
        routes.post(SiteURL.personEdit(nil).pattern, use: edit)
        routes.get(SiteURL.personTransfer(nil).pattern, use: transferForm)
        routes.post(SiteURL.personTransfer(nil).pattern, use: transfer)
        routes.get(SiteURL.personPositions(nil).pattern, use: positionsPage)
        routes.post(SiteURL.personPositions(nil).pattern, use: positions)
    }

    /// `GET /nguoi?q=&don-vi=&loai=&chuc-vu=&page=`.
    func list(req: Request) async throws -> HTMLPage {
        let service = try PersonService(req)
        guard service.user.role.seesUnits else { throw Abort(.forbidden, reason: Access.readOnlyMessage) }
        var (model, filter) = try await Self.filter(req, service: service)
        model.page = PageNumber.from(req.query[String.self, at: "page"])
        model.perPage = Self.perPage
        if model.unitError == nil {
            let result = try await service.list(filter, page: model.page, perPage: Self.perPage)
            model.rows = result.rows
            model.total = result.total
        }
        model.units = try await service.unitChoices()
        model.canCreate = service.writes
        return HTMLPage(req.chrome("Cán bộ, đảng viên", section: .people), PeopleListView.render(model))
    }

    /// `GET /nguoi/danh-sach.xlsx|csv?q=&don-vi=&loai=&chuc-vu=`: every person of the filtered
    /// list, with the people import's columns.
    func download(_ format: SheetExport.Format, req: Request) async throws -> Response {
        let service = try PersonService(req)
        guard service.user.role.seesUnits else { throw Abort(.forbidden, reason: Access.readOnlyMessage) }
        let (model, filter) = try await Self.filter(req, service: service)
        if let error = model.unitError { throw Abort(.notFound, reason: error) }
        return try SheetExport.response(.people, rows: try await service.export(filter), format: format,
                                        name: "can-bo-dang-vien-\(LocalDate.today().iso)")
    }

    /// The list's filters from the address, as the page shows them back and as the query reads
    /// them. A value the selects never offer (an edited address) is dropped rather than refused.
    static func filter(_ req: Request, service: PersonService) async throws -> (PeopleListView.Model, PersonService.Filter) {
        var model = PeopleListView.Model()
        model.query = VietnameseText.normalize(req.query[String.self, at: "q"] ?? "")
        model.unitCode = VietnameseText.normalize(req.query[String.self, at: "don-vi"] ?? "")
        var filter = PersonService.Filter(query: model.query)
        if let category = req.query[String.self, at: "loai"].flatMap(PersonCategory.init(rawValue:)) {
            filter.category = category
            model.category = category.rawValue
        }
        if let title = req.query[String.self, at: "chuc-vu"].flatMap(PositionTitle.init(rawValue:)) {
            filter.title = title
            model.title = title.rawValue
        }
        if !model.unitCode.isEmpty {
            if let unit = try await service.visibleUnit(code: model.unitCode) {
                filter.unitID = unit.id
            } else {
                model.unitError = "Không tìm thấy tổ chức đảng có mã “\(model.unitCode)” trong phạm vi của bạn."
            }
        }
        return (model, filter)
    }

    /// `GET /nguoi/:id`.
    func show(req: Request) async throws -> HTMLPage {
        let service = try PersonService(req)
        let detail = try await service.detail(try Self.id(req))
        let model = PersonPageView.Model(
            detail: detail, canWrite: service.writes, linksUnits: service.user.role.seesUnits,
            csrf: CSRF.token(for: req))
        return HTMLPage(req.chrome(detail.person.fullName, section: .people), PersonPageView.render(model))
    }

    static func id(_ req: Request) throws -> Int {
        guard let id = req.parameters.get("id", as: Int.self) else { throw Abort(.notFound) }
        return id
    }

    /// Re-renders a form with the messages of a validation failure (422, nothing written);
    /// any other error goes on to the error page.
    static func invalid(
        _ error: any Error, req: Request, title: String, _ render: (FormErrors) -> Markup
    ) async throws -> Response {
        guard let errors = InvalidInput.formErrors(from: error) else { throw error }
        return try await HTMLPage(req.chrome(title, section: .people), render(errors), status: .unprocessableEntity)
            .encodeResponse(for: req)
    }
}
