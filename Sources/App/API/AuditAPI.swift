import Domain
import Fluent
import Vapor

/// /api/v1/audit: the audit log, with the page's filters and scope.
enum AuditAPI {
    static let tag = "Nhật ký"

    static func register(_ api: APIBuilder) {
        api.on(APIOperation(
            method: .GET, path: "/audit", operationID: "listAuditEntries",
            summary: "Nhật ký thay đổi trong phạm vi của tài khoản, mới nhất trước", tag: tag,
            query: [
                ("unit", .string(), "Mã tổ chức đảng: các mục của tổ chức đó và các tổ chức trực thuộc"),
                ("entity", .enumeration(Audit.Entity.allCases.map(\.rawValue)), "Loại dữ liệu"),
                ("action", .enumeration(Audit.Action.allCases.map(\.rawValue)), "Hành động"),
                ("username", .string(), "Tên đăng nhập của người thực hiện"),
                ("from", .date, "Từ ngày (theo giờ Việt Nam), gồm cả ngày này"),
                ("to", .date, "Đến ngày (theo giờ Việt Nam), gồm cả ngày này"),
            ] + Paging.parameters,
            result: .list(AuditEntryDTO.self))) { req in
            let access = try req.access
            try AuditLog.requireReader(access)
            func text(_ name: String) -> String { (try? req.query.get(String.self, at: name)) ?? "" }
            let filter = AuditLog.Filter(unit: text("unit"), entity: text("entity"), action: text("action"),
                                         username: text("username"), from: text("from"), to: text("to"))
            let (search, problems) = try await AuditLog.resolve(filter, access: access, on: req.db)
            if let problem = problems.first { throw ValidationFailure(field: problem.field, message: problem.message) }
            let paging = Paging(req)
            let result = try await AuditLog.page(search, access: access, page: paging.page, perPage: paging.perPage, on: req.db)
            return Page(items: result.entries.map(AuditEntryDTO.init), total: result.total, page: paging.page, perPage: paging.perPage)
        }

        api.on(APIOperation(
            method: .GET, path: "/audit/{id}", operationID: "getAuditEntry",
            summary: "Một mục nhật ký, với giá trị trước và sau thay đổi", tag: tag,
            result: .object(AuditEntryDetailDTO.self))) { req in
            let access = try req.access
            try AuditLog.requireReader(access)
            guard let id = req.parameters.get("id", as: Int.self) else { throw Abort(.notFound) }
            return AuditEntryDetailDTO(try await AuditLog.entry(id, access: access, on: req.db))
        }
    }
}
