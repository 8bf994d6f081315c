import Domain
import Fluent
import Vapor

/// The audit log pages: who changed what, when (nhật ký thay đổi), within the reader's scope.
struct AuditController: RouteCollection {
    static let perPage = 50

    /// Query parameter of each filter on the page, by the filter's API name.
    static let parameters: [String: String] = [
        "unit": "don-vi", "entity": "loai", "action": "hanh-dong", "username": "nguoi-dung", "from": "tu", "to": "den",
    ]
    static let pageParameter = "trang"

    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.audit.pattern, use: list)
        routes.get(SiteURL.auditEntry(nil).pattern, use: show)
    }

    func list(req: Request) async throws -> HTMLPage {
        let access = try req.access
        try AuditLog.requireReader(access)
        func text(_ name: String) -> String { (try? req.query.get(String.self, at: Self.parameters[name]!)) ?? "" }
        let filter = AuditLog.Filter(unit: text("unit"), entity: text("entity"), action: text("action"),
                                     username: text("username"), from: text("from"), to: text("to"))
        let page = PageNumber.clamp((try? req.query.get(Int.self, at: Self.pageParameter)) ?? 1)
        let (search, problems) = try await AuditLog.resolve(filter, access: access, on: req.db)
        var errors = FormErrors()
        for problem in problems { errors.add(Self.parameters[problem.field] ?? problem.field, problem.message) }
        var model = AuditListView.Model(filter: filter, errors: errors, rows: [], page: page, perPage: Self.perPage, total: 0)
        guard errors.isEmpty else {
            return HTMLPage(req.chrome("Nhật ký thay đổi", section: .audit), AuditListView.render(model), status: .unprocessableEntity)
        }
        let result = try await AuditLog.page(search, access: access, page: page, perPage: Self.perPage, on: req.db)
        model.total = result.total
        model.rows = result.entries.map { entry in
            AuditListView.Row(
                id: entry.id!, at: entry.at, username: entry.username,
                action: AuditLog.actionLabel(entry.action), entity: AuditLog.entityLabel(entry.entityType),
                entityID: entry.entityID,
                entityLink: AuditLog.link(entity: entry.entityType, id: entry.entityID, viewerIsAdmin: access.isAdmin),
                summary: entry.summary)
        }
        return HTMLPage(req.chrome("Nhật ký thay đổi", section: .audit), AuditListView.render(model))
    }

    func show(req: Request) async throws -> HTMLPage {
        let access = try req.access
        try AuditLog.requireReader(access)
        guard let id = req.parameters.get("id", as: Int.self) else { throw Abort(.notFound) }
        let entry = try await AuditLog.entry(id, access: access, on: req.db)
        var unit: (name: String, link: String)?
        if let unitID = entry.unitID, let found = try await OrgUnit.find(unitID, on: req.db) {
            unit = (found.name, SiteURL.unit(unitID).path)
        }
        let model = AuditEntryView.Model(
            id: id, at: entry.at, username: entry.username, action: AuditLog.actionLabel(entry.action),
            entity: AuditLog.entityLabel(entry.entityType), entityID: entry.entityID,
            entityLink: AuditLog.link(entity: entry.entityType, id: entry.entityID, viewerIsAdmin: access.isAdmin),
            unit: unit, summary: entry.summary,
            changes: AuditChanges.rows(before: entry.beforeJSON, after: entry.afterJSON))
        return HTMLPage(req.chrome("Nhật ký #\(id)", section: .audit), AuditEntryView.render(model))
    }
}
