import Domain
import Fluent
import Vapor

/// /api/v1/outreach: outreach activities and the totals of a filtered set.
enum OutreachAPI {
    static let tag = "Tuyên truyền"

    static let filters: [(name: String, schema: JSONSchema, description: String)] = [
        ("unit", .string(), "Mã tổ chức đảng tổ chức (gồm cả cấp dưới)"),
        ("year", .integer(minimum: 1945, maximum: 9999), "Năm tổ chức"),
        ("form", .enumeration(OutreachForm.allCases.map(\.rawValue)), "Hình thức tuyên truyền"),
    ]

    static func register(_ api: APIBuilder) {
        api.on(APIOperation(
            method: .GET, path: "/outreach", operationID: "listOutreach",
            summary: "Hoạt động tuyên truyền của các đơn vị trong phạm vi, mới nhất trước", tag: tag,
            query: filters + Paging.parameters, result: .list(OutreachDTO.self))) { req in
            let access = try req.access
            let paging = Paging(req)
            let filter = try filter(req)
            let result = try await OutreachService.search(filter, offset: paging.offset, limit: paging.perPage, access: access)
            if result.unknownUnit { throw ProgrammesAPI.unknownUnit(filter.unitCode) }
            let items = result.activities.map { OutreachDTO($0, unit: result.units[$0.unitID]) }
            return Page(items: items, total: result.total, page: paging.page, perPage: paging.perPage)
        }

        api.on(APIOperation(
            method: .GET, path: "/outreach/totals", operationID: "outreachTotals",
            summary: "Số hoạt động tuyên truyền và tổng lượt người tham gia của tập đã lọc (mọi trang)", tag: tag,
            query: filters, result: .object(OutreachTotalsDTO.self))) { req in
            let filter = try filter(req)
            guard let totals = try await OutreachService.totals(filter, access: try req.access) else {
                throw ProgrammesAPI.unknownUnit(filter.unitCode)
            }
            return OutreachTotalsDTO(activities: totals.activities, participants: totals.participants)
        }

        api.on(APIOperation(
            method: .GET, path: "/outreach/{id}", operationID: "getOutreach", summary: "Một hoạt động tuyên truyền", tag: tag,
            result: .object(OutreachDTO.self))) { req in
            let activity = try await OutreachService.readable(req.parameters.get("id", as: Int.self), access: try req.access)
            return OutreachDTO(activity, unit: try await OrgUnit.find(activity.unitID, on: req.db))
        }

        api.on(APIOperation(
            method: .POST, path: "/outreach", operationID: "createOutreach", summary: "Thêm hoạt động tuyên truyền", tag: tag,
            body: .json(OutreachBody.self), result: .object(OutreachDTO.self), successStatus: .created)) { req in
            let access = try req.access
            try TopicService.requireWriter(access)
            let body = try req.content.decode(OutreachBody.self)
            let activity = try await OutreachService.create(body.input, access: access)
            return OutreachDTO(activity, unit: try await OrgUnit.find(activity.unitID, on: req.db))
        }

        api.on(APIOperation(
            method: .PUT, path: "/outreach/{id}", operationID: "updateOutreach", summary: "Sửa hoạt động tuyên truyền", tag: tag,
            body: .json(OutreachBody.self), result: .object(OutreachDTO.self))) { req in
            let access = try req.access
            let activity = try await OutreachService.writable(req.parameters.get("id", as: Int.self), access: access)
            let body = try req.content.decode(OutreachBody.self)
            try await OutreachService.update(activity, with: body.input, access: access)
            return OutreachDTO(activity, unit: try await OrgUnit.find(activity.unitID, on: req.db))
        }
    }

    private static func filter(_ req: Request) throws -> OutreachFilter {
        var filter = OutreachFilter()
        filter.unitCode = req.query[String.self, at: "unit"] ?? ""
        filter.year = try ProgrammesAPI.queryInt(req, "year")
        if let form = req.query[String.self, at: "form"], !form.isEmpty { filter.form = OutreachForm(rawValue: form) }
        return filter
    }
}
