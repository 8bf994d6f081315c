import Domain
import Fluent
import Vapor

/// /api/v1/programmes and /api/v1/topics.
enum ProgrammesAPI {
    static let tag = "Chương trình, chuyên đề"

    static func register(_ api: APIBuilder) {
        api.registry.addSchema(TopicDTO.self)

        api.on(APIOperation(
            method: .GET, path: "/programmes", operationID: "listProgrammes",
            summary: "Danh sách chương trình (mới nhất trước)", tag: tag, query: Paging.parameters,
            result: .list(ProgrammeDTO.self))) { req in
            _ = try req.user
            let paging = Paging(req)
            let total = try await Programme.query(on: req.db).count()
            let programmes = try await Programme.query(on: req.db).sort(\.$startsOn, .descending).sort(\.$id)
                .range(paging.offset..<(paging.offset + paging.perPage)).all()
            return Page(items: programmes.map(ProgrammeDTO.init), total: total, page: paging.page, perPage: paging.perPage)
        }

        api.on(APIOperation(
            method: .GET, path: "/programmes/{id}", operationID: "getProgramme",
            summary: "Một chương trình, với các chuyên đề trong phạm vi", tag: tag,
            result: .object(ProgrammeDetailDTO.self))) { req in
            let access = try req.access
            let programme = try await ProgrammeController.programme(req)
            let result = try await TopicService.search(TopicFilter(programmeID: programme.id), access: access)
            return ProgrammeDetailDTO(programme, topics: result.topics.map { TopicDTO($0, unit: result.units[$0.unitID]) })
        }

        api.on(APIOperation(
            method: .POST, path: "/programmes", operationID: "createProgramme",
            summary: "Thêm chương trình (quản trị hệ thống)", tag: tag, body: .json(ProgrammeBody.self),
            result: .object(ProgrammeDTO.self), successStatus: .created)) { req in
            let access = try req.access
            try access.requireRole(.admin)
            let body = try req.content.decode(ProgrammeBody.self)
            return ProgrammeDTO(try await ProgrammeService.create(body.input, access: access))
        }

        api.on(APIOperation(
            method: .PUT, path: "/programmes/{id}", operationID: "updateProgramme",
            summary: "Sửa chương trình (quản trị hệ thống)", tag: tag, body: .json(ProgrammeBody.self),
            result: .object(ProgrammeDTO.self))) { req in
            let access = try req.access
            try access.requireRole(.admin)
            let programme = try await ProgrammeController.programme(req)
            let body = try req.content.decode(ProgrammeBody.self)
            try await ProgrammeService.update(programme, with: body.input, access: access)
            return ProgrammeDTO(programme)
        }

        registerTopics(api)
    }

    private static func registerTopics(_ api: APIBuilder) {
        api.on(APIOperation(
            method: .GET, path: "/topics", operationID: "listTopics",
            summary: "Danh sách chuyên đề trong phạm vi (của đơn vị mình và cấp trên)", tag: tag,
            query: [
                ("programme", .integer(minimum: 1), "Mã số chương trình"),
                ("unit", .string(), "Mã tổ chức đảng: các chuyên đề áp dụng cho tổ chức đó (do nó hoặc cấp trên lựa chọn)"),
                ("year", .integer(minimum: 1945, maximum: 9999), "Năm: chuyên đề hằng năm của năm đó và chuyên đề toàn khóa bao gồm năm đó"),
            ] + Paging.parameters,
            result: .list(TopicDTO.self))) { req in
            let access = try req.access
            let paging = Paging(req)
            let filter = TopicFilter(
                programmeID: try queryInt(req, "programme"), unitCode: req.query[String.self, at: "unit"] ?? "",
                year: try queryInt(req, "year"))
            let result = try await TopicService.search(filter, offset: paging.offset, limit: paging.perPage, access: access)
            if result.unknownUnit { throw unknownUnit(filter.unitCode) }
            return Page(items: result.topics.map { TopicDTO($0, unit: result.units[$0.unitID]) }, total: result.total,
                        page: paging.page, perPage: paging.perPage)
        }

        api.on(APIOperation(
            method: .POST, path: "/topics", operationID: "createTopic",
            summary: "Thêm chuyên đề toàn khóa hoặc hằng năm của một tỉnh ủy, thành ủy", tag: tag,
            body: .json(TopicBody.self), result: .object(TopicDTO.self), successStatus: .created)) { req in
            let access = try req.access
            try TopicService.requireWriter(access)
            let body = try req.content.decode(TopicBody.self)
            let topic = try await TopicService.create(body.input, access: access)
            return TopicDTO(topic, unit: try await OrgUnit.find(topic.unitID, on: req.db))
        }

        api.on(APIOperation(
            method: .PUT, path: "/topics/{id}", operationID: "updateTopic", summary: "Sửa chuyên đề", tag: tag,
            body: .json(TopicBody.self), result: .object(TopicDTO.self))) { req in
            let access = try req.access
            let topic = try await TopicService.writable(req.parameters.get("id", as: Int.self), access: access)
            let body = try req.content.decode(TopicBody.self)
            try await TopicService.update(topic, with: body.input, access: access)
            return TopicDTO(topic, unit: try await OrgUnit.find(topic.unitID, on: req.db))
        }
    }
}

extension ProgrammesAPI {
    /// An integer query parameter of a list operation: a malformed value is a 400 naming it.
    static func queryInt(_ req: Request, _ name: String) throws -> Int? {
        guard let raw = req.query[String.self, at: name]?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else { return nil }
        guard let value = Int(raw) else { throw Abort(.badRequest, reason: "Tham số “\(name)” phải là một số nguyên.") }
        return value
    }

    static func unknownUnit(_ code: String) -> Abort {
        Abort(.badRequest, reason: "Tham số “unit”: không tìm thấy tổ chức đảng có mã “\(code)” trong phạm vi của bạn.")
    }
}
