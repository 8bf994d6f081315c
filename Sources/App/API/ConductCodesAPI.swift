import Domain
import Fluent
import Vapor

/// /api/v1/conduct-codes: the codes of conduct units issue and revise.
enum ConductCodesAPI {
    static let tag = "Chuẩn mực đạo đức"

    static func register(_ api: APIBuilder) {
        api.on(APIOperation(
            method: .GET, path: "/conduct-codes", operationID: "listConductCodes",
            summary: "Chuẩn mực đạo đức của các đơn vị trong phạm vi, mới nhất trước", tag: tag,
            query: [
                ("unit", .string(), "Mã tổ chức đảng ban hành (gồm cả cấp dưới)"),
                ("inForce", .boolean, "true: chỉ chuẩn mực còn hiệu lực; false: chỉ chuẩn mực đã được thay thế"),
                ("year", .integer(minimum: 1945, maximum: 9999), "Năm ban hành"),
            ] + Paging.parameters,
            result: .list(ConductCodeDTO.self))) { req in
            let access = try req.access
            let paging = Paging(req)
            var filter = ConductCodeFilter()
            filter.unitCode = req.query[String.self, at: "unit"] ?? ""
            filter.year = try ProgrammesAPI.queryInt(req, "year")
            if let inForce = req.query[String.self, at: "inForce"], !inForce.isEmpty { filter.inForce = inForce == "true" }
            let result = try await ConductCodeService.search(filter, offset: paging.offset, limit: paging.perPage, access: access)
            if result.unknownUnit { throw ProgrammesAPI.unknownUnit(filter.unitCode) }
            let items = result.codes.map { c in
                ConductCodeDTO(c, unit: result.units[c.unitID], replacedBy: result.replacedBy[c.id!]?.id)
            }
            return Page(items: items, total: result.total, page: paging.page, perPage: paging.perPage)
        }

        api.on(APIOperation(
            method: .GET, path: "/conduct-codes/{id}", operationID: "getConductCode", summary: "Một chuẩn mực đạo đức", tag: tag,
            result: .object(ConductCodeDTO.self))) { req in
            let code = try await ConductCodeService.readable(req.parameters.get("id", as: Int.self), access: try req.access)
            return try await dto(code, on: req.db)
        }

        api.on(APIOperation(
            method: .POST, path: "/conduct-codes", operationID: "createConductCode",
            summary: "Thêm chuẩn mực đạo đức (hoặc bản sửa đổi, với replacesId)", tag: tag,
            body: .json(ConductCodeBody.self), result: .object(ConductCodeDTO.self), successStatus: .created)) { req in
            let access = try req.access
            try TopicService.requireWriter(access)
            let body = try req.content.decode(ConductCodeBody.self)
            let code = try await ConductCodeService.create(body.input, access: access)
            return try await dto(code, on: req.db)
        }

        api.on(APIOperation(
            method: .PUT, path: "/conduct-codes/{id}", operationID: "updateConductCode", summary: "Sửa chuẩn mực đạo đức", tag: tag,
            body: .json(ConductCodeBody.self), result: .object(ConductCodeDTO.self))) { req in
            let access = try req.access
            let code = try await ConductCodeService.writable(req.parameters.get("id", as: Int.self), access: access)
            let body = try req.content.decode(ConductCodeBody.self)
            try await ConductCodeService.update(code, with: body.input, access: access)
            return try await dto(code, on: req.db)
        }
    }

    private static func dto(_ code: ConductCode, on db: any Database) async throws -> ConductCodeDTO {
        let unit = try await OrgUnit.find(code.unitID, on: db)
        let replacedBy = try await ConductCode.query(on: db).filter(\.$replacesID == code.id).first()
        return ConductCodeDTO(code, unit: unit, replacedBy: replacedBy?.id)
    }
}
