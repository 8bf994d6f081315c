import Domain
import Fluent
import Vapor

/// The organisation tree pages: the tree as of a day, search, a unit's page, and the forms that
/// create, edit, move, merge and dissolve units. Every rule lives in `UnitService`.
struct UnitController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.units.pattern, use: index)
        routes.get(SiteURL.unitNew.pattern, use: newForm)
        routes.post(SiteURL.unitNew.pattern, use: create)
        routes.get(SiteURL.unit(nil).pattern, use: show)
        routes.get(SiteURL.unitEdit(nil).pattern, use: editForm)
        routes.post(SiteURL.unitEdit(nil).pattern, use: update)
        routes.get(SiteURL.unitMove(nil).pattern, use: moveForm)
        routes.post(SiteURL.unitMove(nil).pattern, use: move)
        routes.get(SiteURL.unitMerge(nil).pattern, use: mergeForm)
        routes.post(SiteURL.unitMerge(nil).pattern, use: merge)
        routes.get(SiteURL.unitDissolve(nil).pattern, use: dissolveForm)
        routes.post(SiteURL.unitDissolve(nil).pattern, use: dissolve)
        routes.get(SiteURL.unitsXlsx.pattern) { try await self.export(.xlsx, req: $0) }
        routes.get(SiteURL.unitsCsv.pattern) { try await self.export(.csv, req: $0) }
    }

    static let perPage = 50

    /// `/don-vi?ngay=…` shows the tree of that day; `?q=…` lists matching units instead.
    func index(req: Request) async throws -> Response {
        let service = try UnitService(req)
        let user = try req.user
        let rawDay = VietnameseText.normalize((try? req.query.get(String.self, at: "ngay")) ?? "")
        let query = VietnameseText.normalize((try? req.query.get(String.self, at: "q")) ?? "")
        let page = PageNumber.clamp((try? req.query.get(Int.self, at: "trang")) ?? 1)
        let canCreate = user.role.restructures
        let createLink = SiteURL.unitNew.with([("cap-tren", service.access.scopeRoot.map(String.init))])

        var day = LocalDate.today()
        var dateError: String?
        if !rawDay.isEmpty {
            if let parsed = LocalDate.parse(rawDay) { day = parsed } else {
                dateError = "Ngày xem cây tổ chức không hợp lệ: nhập ngày/tháng/năm (ví dụ 18/5/2021)."
            }
        }
        let header = UnitTreeView.Header(day: day, rawDay: rawDay, dateError: dateError, query: query,
                                         createLink: canCreate ? createLink : nil)
        if dateError != nil {
            let content = UnitTreeView.render(header: header, body: .empty)
            return try await HTMLPage(req.chrome("Tổ chức đảng", section: .units), content, status: .unprocessableEntity)
                .encodeResponse(for: req)
        }
        let body: Markup
        if !query.isEmpty {
            let found = try await service.search(query, page: page, perPage: Self.perPage)
            let kinds = try await service.kindsByCode()
            body = UnitTreeView.results(found.units.map { UnitTreeView.Hit(unit: $0, kindName: kinds[$0.kindCode]?.name ?? $0.kindCode) },
                                        total: found.total, page: page, perPage: Self.perPage, query: query)
        } else {
            body = UnitTreeView.tree(try await service.tree(on: day))
        }
        return try await HTMLPage(req.chrome("Tổ chức đảng", section: .units), UnitTreeView.render(header: header, body: body))
            .encodeResponse(for: req)
    }

    /// `/don-vi/danh-sach.xlsx|csv?ngay=…|q=…`: the units of the list as filtered, in the import's columns.
    func export(_ format: SheetExport.Format, req: Request) async throws -> Response {
        let service = try UnitService(req)
        let rawDay = VietnameseText.normalize((try? req.query.get(String.self, at: "ngay")) ?? "")
        let query = VietnameseText.normalize((try? req.query.get(String.self, at: "q")) ?? "")
        let day = rawDay.isEmpty ? LocalDate.today() : try LocalDate.parse(rawDay) ?? { throw Abort(.badRequest) }()
        let rows = try await UnitExport.rows(query: query, day: day, service: service)
        return try SheetExport.response(.units, rows: rows, format: format, name: "to-chuc-dang-\(day.iso)")
    }

    func show(req: Request) async throws -> HTMLPage {
        let service = try UnitService(req)
        let id = try Self.id(req)
        let detail = try await service.detail(id)
        let user = try req.user
        var actions = UnitPageView.Actions()
        if user.role.restructures {
            actions.edit = true
            if detail.dissolvedOn == nil {
                actions.addChild = true
                actions.move = true
                actions.merge = true
                // Dissolving hands the children to the parent: only for those who may change it too.
                actions.dissolve = try await detail.currentParent.asyncFlatMap { try await service.access.canSee(unit: $0.id) }
                    ?? service.access.isAdmin
            }
        }
        let deadlines = try await DeadlineService.counts(unitID: id, year: LocalDate.today().year, access: service.access)
        return HTMLPage(req.chrome(detail.ref.name, section: .units), UnitPageView.render(detail, actions: actions, deadlines: deadlines))
    }

    static func id(_ req: Request) throws -> Int {
        guard let id = req.parameters.get("id", as: Int.self), id > 0 else { throw Abort(.notFound) }
        return id
    }
}

private extension Optional {
    /// `flatMap` for an async transform, so a page can ask a question only when there is a value.
    func asyncFlatMap<T>(_ transform: (Wrapped) async throws -> T?) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
