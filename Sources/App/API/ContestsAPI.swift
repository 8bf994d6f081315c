import Domain
import Fluent
import Vapor

/// /api/v1/contests and /api/v1/contest-entries: writing contests and their entries (IV.2).
enum ContestsAPI {
    static let tag = "Cuộc thi viết"

    static func register(_ api: APIBuilder) {
        api.on(APIOperation(
            method: .GET, path: "/contests", operationID: "listContests",
            summary: "Cuộc thi viết do đơn vị mình, cấp dưới hoặc cấp trên tổ chức, với số bài dự thi mình thấy", tag: tag,
            query: [
                ("q", .string(), "Tìm theo tên cuộc thi (có dấu hoặc không dấu)"),
                ("year", .integer(minimum: YearRecordFields.firstYear, maximum: 9999), "Năm"),
            ] + Paging.parameters,
            result: .list(ContestDTO.self))) { req in
            let access = try req.access
            let paging = Paging(req)
            let filter = ContestFilter(q: req.query[String.self, at: "q"] ?? "", year: try ProgrammesAPI.queryInt(req, "year"))
            let result = try await ContestService.search(filter, offset: paging.offset, limit: paging.perPage, access: access)
            let items = result.contests.map {
                ContestDTO($0, unit: result.unitsByID[$0.unitID], counts: result.counts[$0.id!] ?? ContestEntryCounts())
            }
            return Page(items: items, total: result.total, page: paging.page, perPage: paging.perPage)
        }

        api.on(APIOperation(
            method: .GET, path: "/contests/{id}", operationID: "getContest", summary: "Một cuộc thi và các bài dự thi mình thấy", tag: tag,
            result: .object(ContestDTO.self))) { req in
            let access = try req.access
            let contest = try await ContestService.readable(req.parameters.get("id", as: Int.self), access: access)
            return try await detail(contest, access: access)
        }

        api.on(APIOperation(
            method: .POST, path: "/contests", operationID: "createContest", summary: "Thêm cuộc thi viết", tag: tag,
            body: .json(ContestBody.self), result: .object(ContestDTO.self), successStatus: .created)) { req in
            let access = try req.access
            try TopicService.requireWriter(access)
            let body = try req.content.decode(ContestBody.self)
            let contest = try await ContestService.create(body.input, access: access)
            return try await detail(contest, access: access)
        }

        api.on(APIOperation(
            method: .PUT, path: "/contests/{id}", operationID: "updateContest", summary: "Sửa cuộc thi viết", tag: tag,
            body: .json(ContestBody.self), result: .object(ContestDTO.self))) { req in
            let access = try req.access
            let contest = try await ContestService.writable(req.parameters.get("id", as: Int.self), access: access)
            let body = try req.content.decode(ContestBody.self)
            try await ContestService.update(contest, with: body.input, access: access)
            return try await detail(contest, access: access)
        }

        api.on(APIOperation(
            method: .POST, path: "/contests/{id}/entries", operationID: "createContestEntry", summary: "Thêm bài dự thi", tag: tag,
            body: .json(ContestEntryBody.self), result: .object(ContestEntryDTO.self), successStatus: .created)) { req in
            let access = try req.access
            let contest = try await ContestService.readable(req.parameters.get("id", as: Int.self), access: access)
            try TopicService.requireWriter(access)
            let body = try req.content.decode(ContestEntryBody.self)
            let entry = try await ContestService.addEntry(to: contest, body.input, access: access)
            return try await entryDTO(entry, on: req.db)
        }

        api.on(APIOperation(
            method: .PUT, path: "/contest-entries/{id}", operationID: "updateContestEntry",
            summary: "Sửa bài dự thi (cả kết quả)", tag: tag,
            body: .json(ContestEntryBody.self), result: .object(ContestEntryDTO.self))) { req in
            let access = try req.access
            let (entry, _) = try await ContestService.writableEntry(req.parameters.get("id", as: Int.self), access: access)
            let body = try req.content.decode(ContestEntryBody.self)
            try await ContestService.updateEntry(entry, with: body.input, access: access)
            return try await entryDTO(entry, on: req.db)
        }
    }

    private static func detail(_ contest: Contest, access: Access) async throws -> ContestDTO {
        let entries = try await ContestService.visibleEntries(of: contest, access: access)
        let counts = ContestEntryCounts(entries: entries.count, selected: entries.filter(\.entry.selectedForHigherLevel).count)
        return ContestDTO(contest, unit: try await OrgUnit.find(contest.unitID, on: access.db), counts: counts, entries: entries)
    }

    private static func entryDTO(_ entry: ContestEntry, on db: any Database) async throws -> ContestEntryDTO {
        ContestEntryDTO(try await ContestService.lines([entry], on: db)[0])
    }
}
