import Domain
import Fluent
import SQLKit
import Vapor

/// The audit log as both the page and the API read it: one set of filters, one scope rule.
enum AuditLog {
    /// The filters as typed (page) or sent (API), before they are checked.
    struct Filter: Sendable, Equatable {
        var unit: String = ""
        var entity: String = ""
        var action: String = ""
        var username: String = ""
        var from: String = ""
        var to: String = ""
    }

    /// The filters checked and resolved: a unit id, enum values, and a time range in Vietnam days.
    struct Search: Sendable {
        var unitID: Int?
        var entity: Audit.Entity?
        var action: Audit.Action?
        var username: String?
        var since: Date?
        /// Exclusive: the first instant after the last day asked for.
        var before: Date?
    }

    /// Who may read the log at all. Members keep no unit records, so they have no log to read.
    static func requireReader(_ access: Access) throws {
        guard access.user.role.seesUnits else {
            throw Abort(.forbidden, reason: "Nhật ký thay đổi chỉ dành cho tài khoản quản lý tổ chức đảng.")
        }
    }

    /// Resolves the filters; each problem names the filter (API names: unit, entity, action, from, to).
    static func resolve(_ filter: Filter, access: Access, on db: any Database) async throws -> (Search, [(field: String, message: String)]) {
        var search = Search()
        var problems: [(field: String, message: String)] = []
        let code = VietnameseText.normalize(filter.unit)
        if !code.isEmpty {
            // A unit outside the scope reads as unknown, so the filter does not reveal which codes exist.
            if let unit = try await OrgUnit.query(on: db).filter(\.$code == code).first(),
               let id = unit.id, try await access.canSee(unit: id) {
                search.unitID = id
            } else {
                problems.append(("unit", "Không tìm thấy tổ chức đảng có mã \(code) trong phạm vi của bạn."))
            }
        }
        if !filter.entity.isEmpty {
            if let entity = Audit.Entity(rawValue: filter.entity) { search.entity = entity }
            else { problems.append(("entity", "Loại dữ liệu không hợp lệ.")) }
        }
        if !filter.action.isEmpty {
            if let action = Audit.Action(rawValue: filter.action) { search.action = action }
            else { problems.append(("action", "Hành động không hợp lệ.")) }
        }
        let username = VietnameseText.normalize(filter.username).lowercased()
        if !username.isEmpty { search.username = username }
        var fromDay: LocalDate?, toDay: LocalDate?
        if !filter.from.isEmpty {
            fromDay = LocalDate.parse(filter.from)
            if fromDay == nil { problems.append(("from", "Ngày bắt đầu không hợp lệ (dạng 18/5/2021).")) }
        }
        if !filter.to.isEmpty {
            toDay = LocalDate.parse(filter.to)
            if toDay == nil { problems.append(("to", "Ngày kết thúc không hợp lệ (dạng 18/5/2021).")) }
        }
        if let fromDay, let toDay, toDay < fromDay {
            problems.append(("to", "Ngày kết thúc phải từ ngày bắt đầu trở đi."))
        }
        search.since = fromDay.map(startOfDay)
        search.before = toDay.map { startOfDay($0.adding(days: 1)) }
        return (search, problems)
    }

    /// One page of entries, newest first, within the account's scope.
    static func page(_ search: Search, access: Access, page: Int, perPage: Int, on db: any Database) async throws -> (entries: [AuditEntry], total: Int) {
        let query = self.query(search, access: access, on: db)
        let total = try await query.count()
        let entries = try await query.sort(\.$at, .descending).sort(\.$id, .descending)
            .offset((page - 1) * perPage).limit(perPage).all()
        return (entries, total)
    }

    /// An entry by id; 404 when it does not exist or lies outside the scope, alike.
    static func entry(_ id: Int, access: Access, on db: any Database) async throws -> AuditEntry {
        guard let entry = try await AuditEntry.query(on: db).filter(\.$id == id)
            .scoped(access.subtreeFilter("unit_id")).first()
        else { throw Abort(.notFound) }
        return entry
    }

    private static func query(_ search: Search, access: Access, on db: any Database) -> QueryBuilder<AuditEntry> {
        // Entries without a unit (accounts of administrators, system events) fail the subtree
        // filter's IN, so only administrators see them.
        var query = AuditEntry.query(on: db).scoped(access.subtreeFilter("unit_id"))
        if let unitID = search.unitID {
            let subtree: SQLQueryString = Access.inSubtree(of: unitID, column: "unit_id")
            query = query.scoped(subtree)
        }
        if let entity = search.entity { query = query.filter(\.$entityType == entity.rawValue) }
        if let action = search.action { query = query.filter(\.$action == action.rawValue) }
        if let username = search.username { query = query.filter(\.$username == username) }
        if let since = search.since { query = query.filter(\.$at >= since) }
        if let before = search.before { query = query.filter(\.$at < before) }
        return query
    }

    /// Midnight in Vietnam at the start of `day`, the instant the stored timestamps compare against.
    static func startOfDay(_ day: LocalDate) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .vietnam
        return calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day))!
    }

    /// The page of a record the log names, where the site has one.
    static func link(entity: String, id: Int?, viewerIsAdmin: Bool) -> String? {
        guard let id, let entity = Audit.Entity(rawValue: entity) else { return nil }
        switch entity {
        case .unit: return SiteURL.unit(id).path
        case .person: return SiteURL.person(id).path
        case .programme: return SiteURL.programme(id).path
        case .document: return SiteURL.document(id).path
        case .user: return viewerIsAdmin ? SiteURL.userEdit(id).path : nil
        // Positions, topics and tokens have no page of their own.
        default: return nil
        }
    }

    static func actionLabel(_ raw: String) -> String { Audit.Action(rawValue: raw)?.label ?? raw }
    static func entityLabel(_ raw: String) -> String { Audit.Entity(rawValue: raw)?.label ?? raw }
}
