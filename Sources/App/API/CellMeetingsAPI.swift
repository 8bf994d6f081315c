import Domain
import Fluent
import Vapor

/// /api/v1/cell-meetings: chi bộ meetings and the meeting rules per cell.
enum CellMeetingsAPI {
    static let tag = "Sinh hoạt chi bộ"

    static func register(_ api: APIBuilder) {
        api.on(APIOperation(
            method: .GET, path: "/cell-meetings/compliance", operationID: "cellMeetingCompliance",
            summary: "Theo dõi sinh hoạt chi bộ: mỗi chi bộ trong phạm vi, từng tháng (thường kỳ, có nội dung) và từng quý (chuyên đề)",
            tag: tag,
            query: [
                ("unit", .string(), "Mã tổ chức đảng (các chi bộ thuộc đơn vị này); mặc định: phạm vi của tài khoản"),
                ("year", .integer(minimum: 1945, maximum: 9999), "Năm; mặc định: năm nay"),
            ] + Paging.parameters,
            result: .list(CellComplianceDTO.self))) { req in
            let access = try req.access
            let paging = Paging(req)
            let unit = req.query[String.self, at: "unit"] ?? ""
            let year = try ProgrammesAPI.queryInt(req, "year") ?? LocalDate.today().year
            let result = try await CellMeetingService.compliance(
                unitCode: unit, year: year, offset: paging.offset, limit: paging.perPage, access: access)
            if result.unknownUnit { throw ProgrammesAPI.unknownUnit(unit) }
            return Page(items: result.rows.map(CellComplianceDTO.init), total: result.total, page: paging.page, perPage: paging.perPage)
        }

        api.on(APIOperation(
            method: .GET, path: "/cell-meetings", operationID: "listCellMeetings",
            summary: "Các lần sinh hoạt chi bộ trong phạm vi, mới nhất trước", tag: tag,
            query: [
                ("unit", .string(), "Mã tổ chức đảng (gồm các chi bộ trực thuộc)"),
                ("year", .integer(minimum: 1945, maximum: 9999), "Năm sinh hoạt"),
                ("kind", .enumeration(CellMeetingKind.allCases.map(\.rawValue)), "Loại sinh hoạt"),
            ] + Paging.parameters,
            result: .list(CellMeetingDTO.self))) { req in
            let access = try req.access
            let paging = Paging(req)
            var filter = CellMeetingFilter()
            filter.unitCode = req.query[String.self, at: "unit"] ?? ""
            filter.year = try ProgrammesAPI.queryInt(req, "year")
            if let kind = req.query[String.self, at: "kind"], !kind.isEmpty {
                guard let value = CellMeetingKind(rawValue: kind) else {
                    throw Abort(.badRequest, reason: "Tham số “kind” phải là một trong: "
                                + CellMeetingKind.allCases.map(\.rawValue).joined(separator: ", ") + ".")
                }
                filter.kind = value
            }
            let result = try await CellMeetingService.search(filter, offset: paging.offset, limit: paging.perPage, access: access)
            if result.unknownUnit { throw ProgrammesAPI.unknownUnit(filter.unitCode) }
            let items = result.meetings.map { m in
                CellMeetingDTO(m, unit: result.units[m.unitID], topic: m.topicID.flatMap { result.topics[$0] })
            }
            return Page(items: items, total: result.total, page: paging.page, perPage: paging.perPage)
        }

        api.on(APIOperation(
            method: .GET, path: "/cell-meetings/{id}", operationID: "getCellMeeting", summary: "Một lần sinh hoạt chi bộ", tag: tag,
            result: .object(CellMeetingDTO.self))) { req in
            let meeting = try await CellMeetingService.readable(req.parameters.get("id", as: Int.self), access: try req.access)
            return try await dto(meeting, on: req.db)
        }

        api.on(APIOperation(
            method: .POST, path: "/cell-meetings", operationID: "createCellMeeting", summary: "Ghi một lần sinh hoạt chi bộ", tag: tag,
            body: .json(CellMeetingBody.self), result: .object(CellMeetingDTO.self), successStatus: .created)) { req in
            let access = try req.access
            try TopicService.requireWriter(access)
            let body = try req.content.decode(CellMeetingBody.self)
            let meeting = try await CellMeetingService.create(body.input, access: access)
            return try await dto(meeting, on: req.db)
        }

        api.on(APIOperation(
            method: .PUT, path: "/cell-meetings/{id}", operationID: "updateCellMeeting", summary: "Sửa một lần sinh hoạt chi bộ", tag: tag,
            body: .json(CellMeetingBody.self), result: .object(CellMeetingDTO.self))) { req in
            let access = try req.access
            let meeting = try await CellMeetingService.writable(req.parameters.get("id", as: Int.self), access: access)
            let body = try req.content.decode(CellMeetingBody.self)
            try await CellMeetingService.update(meeting, with: body.input, access: access)
            return try await dto(meeting, on: req.db)
        }
    }

    private static func dto(_ meeting: CellMeeting, on db: any Database) async throws -> CellMeetingDTO {
        let unit = try await OrgUnit.find(meeting.unitID, on: db)
        var topic: Topic?
        if let id = meeting.topicID { topic = try await Topic.find(id, on: db) }
        return CellMeetingDTO(meeting, unit: unit, topic: topic)
    }
}
