import Domain
import Fluent
import Vapor

/// /api/v1/practice-models: models units register (III.3).
enum PracticeModelsAPI {
    static let tag = "Mô hình"

    static func register(_ api: APIBuilder) {
        api.on(APIOperation(
            method: .GET, path: "/practice-models", operationID: "listPracticeModels",
            summary: "Mô hình “Dân vận khéo”, mô hình hay, cách làm hiệu quả trong phạm vi, năm mới nhất trước", tag: tag,
            query: [
                ("q", .string(), "Tìm theo tên mô hình (có dấu hoặc không dấu)"),
                ("unit", .string(), "Mã tổ chức đảng (gồm cả cấp dưới)"),
                ("year", .integer(minimum: YearRecordFields.firstYear, maximum: 9999), "Năm"),
                ("kind", .enumeration(PracticeModelKind.allCases.map(\.rawValue)), "Loại mô hình"),
            ] + Paging.parameters,
            result: .list(PracticeModelDTO.self))) { req in
            let access = try req.access
            let paging = Paging(req)
            var filter = PracticeModelFilter()
            filter.q = req.query[String.self, at: "q"] ?? ""
            filter.unitCode = req.query[String.self, at: "unit"] ?? ""
            filter.year = try ProgrammesAPI.queryInt(req, "year")
            if let kind = req.query[String.self, at: "kind"], !kind.isEmpty {
                guard let value = PracticeModelKind(rawValue: kind) else {
                    throw Abort(.badRequest, reason: "Tham số “kind” phải là một trong: "
                                + PracticeModelKind.allCases.map(\.rawValue).joined(separator: ", ") + ".")
                }
                filter.kind = value
            }
            let result = try await PracticeModelService.search(filter, offset: paging.offset, limit: paging.perPage, access: access)
            if result.unknownUnit { throw ProgrammesAPI.unknownUnit(filter.unitCode) }
            let items = result.models.map { PracticeModelDTO($0, unit: result.unitsByID[$0.unitID]) }
            return Page(items: items, total: result.total, page: paging.page, perPage: paging.perPage)
        }

        api.on(APIOperation(
            method: .GET, path: "/practice-models/{id}", operationID: "getPracticeModel", summary: "Một mô hình", tag: tag,
            result: .object(PracticeModelDTO.self))) { req in
            let model = try await PracticeModelService.readable(req.parameters.get("id", as: Int.self), access: try req.access)
            return PracticeModelDTO(model, unit: try await OrgUnit.find(model.unitID, on: req.db))
        }

        api.on(APIOperation(
            method: .POST, path: "/practice-models", operationID: "createPracticeModel", summary: "Đăng ký mô hình", tag: tag,
            body: .json(PracticeModelBody.self), result: .object(PracticeModelDTO.self), successStatus: .created)) { req in
            let access = try req.access
            try TopicService.requireWriter(access)
            let body = try req.content.decode(PracticeModelBody.self)
            let model = try await PracticeModelService.create(body.input, access: access)
            return PracticeModelDTO(model, unit: try await OrgUnit.find(model.unitID, on: req.db))
        }

        api.on(APIOperation(
            method: .PUT, path: "/practice-models/{id}", operationID: "updatePracticeModel", summary: "Sửa mô hình", tag: tag,
            body: .json(PracticeModelBody.self), result: .object(PracticeModelDTO.self))) { req in
            let access = try req.access
            let model = try await PracticeModelService.writable(req.parameters.get("id", as: Int.self), access: access)
            let body = try req.content.decode(PracticeModelBody.self)
            try await PracticeModelService.update(model, with: body.input, access: access)
            return PracticeModelDTO(model, unit: try await OrgUnit.find(model.unitID, on: req.db))
        }
    }
}
