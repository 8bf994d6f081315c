import Domain
import Fluent
import Vapor

/// /api/v1/study-sessions: study sessions and their attendance.
enum StudySessionsAPI {
    static let tag = "Học tập chuyên đề"

    static func register(_ api: APIBuilder) {
        api.on(APIOperation(
            method: .GET, path: "/study-sessions", operationID: "listStudySessions",
            summary: "Hội nghị học tập, quán triệt chuyên đề trong phạm vi (của đơn vị mình, cấp dưới và cấp trên), mới nhất trước",
            tag: tag,
            query: [
                ("unit", .string(), "Mã tổ chức đảng tổ chức (gồm cả cấp dưới)"),
                ("year", .integer(minimum: 1945, maximum: 9999), "Năm tổ chức"),
                ("topic", .integer(minimum: 1), "Mã số chuyên đề"),
            ] + Paging.parameters,
            result: .list(StudySessionDTO.self))) { req in
            let access = try req.access
            let paging = Paging(req)
            var filter = StudySessionFilter()
            filter.unitCode = req.query[String.self, at: "unit"] ?? ""
            filter.year = try ProgrammesAPI.queryInt(req, "year")
            filter.topicID = try ProgrammesAPI.queryInt(req, "topic")
            let result = try await StudySessionService.search(filter, offset: paging.offset, limit: paging.perPage, access: access)
            if result.unknownUnit { throw ProgrammesAPI.unknownUnit(filter.unitCode) }
            let sessionIDs = result.sessions.map { $0.id! }
            let links = sessionIDs.isEmpty ? [] : try await StudySessionUnit.query(on: req.db).filter(\.$sessionID ~~ sessionIDs).all()
            let linkedIDs = Array(Set(links.map(\.unitID)))
            let linked = linkedIDs.isEmpty ? [] : try await OrgUnit.query(on: req.db).filter(\.$id ~~ linkedIDs).all()
            let unitsByID = Dictionary(uniqueKeysWithValues: linked.map { ($0.id!, $0) })
            let expectedBySession = Dictionary(grouping: links, by: \.sessionID)
            let items = result.sessions.map { s in
                StudySessionDTO(
                    s, unit: result.units[s.unitID], topic: s.topicID.flatMap { result.topics[$0] },
                    expectedUnits: (expectedBySession[s.id!] ?? []).compactMap { unitsByID[$0.unitID] }.sorted { $0.code < $1.code },
                    counts: nil)
            }
            return Page(items: items, total: result.total, page: paging.page, perPage: paging.perPage)
        }

        api.on(APIOperation(
            method: .GET, path: "/study-sessions/{id}", operationID: "getStudySession",
            summary: "Một hội nghị học tập, với số đảng viên dự kiến, có mặt, vắng", tag: tag,
            result: .object(StudySessionDTO.self))) { req in
            let session = try await StudySessionService.readable(req.parameters.get("id", as: Int.self), access: try req.access)
            return try await dto(session, on: req.db)
        }

        api.on(APIOperation(
            method: .POST, path: "/study-sessions", operationID: "createStudySession", summary: "Thêm hội nghị học tập", tag: tag,
            body: .json(StudySessionBody.self), result: .object(StudySessionDTO.self), successStatus: .created)) { req in
            let access = try req.access
            try TopicService.requireWriter(access)
            let body = try req.content.decode(StudySessionBody.self)
            let session = try await StudySessionService.create(body.input, access: access)
            return try await dto(session, on: req.db)
        }

        api.on(APIOperation(
            method: .PUT, path: "/study-sessions/{id}", operationID: "updateStudySession", summary: "Sửa hội nghị học tập", tag: tag,
            body: .json(StudySessionBody.self), result: .object(StudySessionDTO.self))) { req in
            let access = try req.access
            let session = try await StudySessionService.writable(req.parameters.get("id", as: Int.self), access: access)
            let body = try req.content.decode(StudySessionBody.self)
            try await StudySessionService.update(session, with: body.input, access: access)
            return try await dto(session, on: req.db)
        }

        api.on(APIOperation(
            method: .GET, path: "/study-sessions/{id}/attendance", operationID: "getStudySessionAttendance",
            summary: "Điểm danh: các đảng viên dự kiến tham dự trong phạm vi của tài khoản", tag: tag,
            result: .object(AttendanceSheetDTO.self))) { req in
            let access = try req.access
            let session = try await StudySessionService.readable(req.parameters.get("id", as: Int.self), access: access)
            return try await sheet(session, access: access)
        }

        api.on(APIOperation(
            method: .PUT, path: "/study-sessions/{id}/attendance", operationID: "markStudySessionAttendance",
            summary: "Lưu điểm danh nhiều người một lần (ghi mới hoặc sửa); mỗi người phải thuộc danh sách dự kiến trong phạm vi của tài khoản",
            tag: tag, body: .json(AttendanceMarksBody.self), result: .object(AttendanceSheetDTO.self))) { req in
            let access = try req.access
            let session = try await StudySessionService.readable(req.parameters.get("id", as: Int.self), access: access)
            try TopicService.requireWriter(access)
            let marks = try req.content.decode([AttendanceMarkDTO].self)
            try await StudySessionService.mark(session, marks.map { AttendanceMark(personID: $0.personId, status: $0.status) }, access: access)
            return try await sheet(session, access: access)
        }
    }

    private static func sheet(_ session: StudySession, access: Access) async throws -> AttendanceSheetDTO {
        let lines = try await StudySessionService.visibleLines(session, access: access)
        return AttendanceSheetDTO(
            sessionId: session.id!, editable: access.user.role.writesUnitRecords,
            rows: lines.map { AttendanceRowDTO(personId: $0.personID, name: $0.fullName, unitId: $0.unitID, status: $0.status) })
    }

    private static func dto(_ session: StudySession, on db: any Database) async throws -> StudySessionDTO {
        let unit = try await OrgUnit.find(session.unitID, on: db)
        var topic: Topic?
        if let id = session.topicID { topic = try await Topic.find(id, on: db) }
        return StudySessionDTO(
            session, unit: unit, topic: topic, expectedUnits: try await StudySessionService.expectedUnits(session.id!, on: db),
            counts: try await StudySessionService.counts(session, on: db))
    }
}
