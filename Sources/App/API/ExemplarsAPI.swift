import Domain
import Fluent
import Vapor

/// /api/v1/exemplars: exemplary collectives and individuals (III.4).
enum ExemplarsAPI {
    static let tag = "Điển hình"

    static func register(_ api: APIBuilder) {
        api.on(APIOperation(
            method: .GET, path: "/exemplars", operationID: "listExemplars",
            summary: "Điển hình tiên tiến trong phạm vi, mới nhất trước", tag: tag,
            query: [
                ("unit", .string(), "Mã tổ chức đảng ghi nhận (gồm cả cấp dưới)"),
                ("year", .integer(minimum: YearRecordFields.firstYear, maximum: 9999), "Năm"),
                ("subject", .enumeration(ExemplarSubject.allCases.map(\.rawValue)), "Tập thể hay cá nhân"),
            ] + Paging.parameters,
            result: .list(ExemplarDTO.self))) { req in
            let access = try req.access
            let paging = Paging(req)
            var filter = ExemplarFilter()
            filter.unitCode = req.query[String.self, at: "unit"] ?? ""
            filter.year = try ProgrammesAPI.queryInt(req, "year")
            if let subject = req.query[String.self, at: "subject"], !subject.isEmpty {
                guard let value = ExemplarSubject(rawValue: subject) else {
                    throw Abort(.badRequest, reason: "Tham số “subject” phải là một trong: "
                                + ExemplarSubject.allCases.map(\.rawValue).joined(separator: ", ") + ".")
                }
                filter.subject = value
            }
            let result = try await ExemplarService.search(filter, offset: paging.offset, limit: paging.perPage, access: access)
            if result.unknownUnit { throw ProgrammesAPI.unknownUnit(filter.unitCode) }
            let items = result.exemplars.map { ExemplarDTO($0, unit: result.unitsByID[$0.unitID]) }
            return Page(items: items, total: result.total, page: paging.page, perPage: paging.perPage)
        }

        api.on(APIOperation(
            method: .GET, path: "/exemplars/{id}", operationID: "getExemplar", summary: "Một điển hình tiên tiến", tag: tag,
            result: .object(ExemplarDTO.self))) { req in
            let exemplar = try await ExemplarService.readable(req.parameters.get("id", as: Int.self), access: try req.access)
            return ExemplarDTO(exemplar, unit: try await OrgUnit.find(exemplar.unitID, on: req.db))
        }

        api.on(APIOperation(
            method: .POST, path: "/exemplars", operationID: "createExemplar", summary: "Thêm điển hình tiên tiến", tag: tag,
            body: .json(ExemplarBody.self), result: .object(ExemplarDTO.self), successStatus: .created)) { req in
            let access = try req.access
            try TopicService.requireWriter(access)
            let body = try req.content.decode(ExemplarBody.self)
            let exemplar = try await ExemplarService.create(body.input, access: access)
            return ExemplarDTO(exemplar, unit: try await OrgUnit.find(exemplar.unitID, on: req.db))
        }

        api.on(APIOperation(
            method: .PUT, path: "/exemplars/{id}", operationID: "updateExemplar", summary: "Sửa điển hình tiên tiến", tag: tag,
            body: .json(ExemplarBody.self), result: .object(ExemplarDTO.self))) { req in
            let access = try req.access
            let exemplar = try await ExemplarService.writable(req.parameters.get("id", as: Int.self), access: access)
            let body = try req.content.decode(ExemplarBody.self)
            try await ExemplarService.update(exemplar, with: body.input, access: access)
            return ExemplarDTO(exemplar, unit: try await OrgUnit.find(exemplar.unitID, on: req.db))
        }
    }
}
