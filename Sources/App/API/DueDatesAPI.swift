import Domain
import Fluent
import Vapor

/// /api/v1/due-dates: due dates set in the account's subtree, and those set above that bind it.
enum DueDatesAPI {
    static func register(_ api: APIBuilder) {
        let tag = UnitPlansAPI.tag

        api.on(APIOperation(
            method: .GET, path: "/due-dates", operationID: "listDueDates",
            summary: "Hạn nộp do các đơn vị trong phạm vi đặt, và hạn do cấp trên đặt ràng buộc phạm vi (chỉ xem)", tag: tag,
            query: [
                ("year", .integer(minimum: 1945, maximum: 9999), "Năm"),
                ("kind", .enumeration(DueKind.allCases.map(\.rawValue)), "Loại hạn nộp"),
            ] + Paging.parameters,
            result: .list(DueDateDTO.self))) { req in
            let access = try req.access
            let paging = Paging(req)
            let filter = DueDateFilter(year: try ProgrammesAPI.queryInt(req, "year"),
                                       kind: req.query[String.self, at: "kind"].flatMap(DueKind.init(rawValue:)))
            let result = try await DueDateService.search(filter, offset: paging.offset, limit: paging.perPage, access: access)
            return Page(items: result.lines.map(DueDateDTO.init), total: result.total, page: paging.page, perPage: paging.perPage)
        }

        api.on(APIOperation(
            method: .POST, path: "/due-dates", operationID: "createDueDate", summary: "Đặt hạn nộp cho cấp dưới", tag: tag,
            body: .json(DueDateBody.self), result: .object(DueDateDTO.self), successStatus: .created)) { req in
            let access = try req.access
            try TopicService.requireWriter(access)
            let body = try req.content.decode(DueDateBody.self)
            let due = try await DueDateService.create(body.input, access: access)
            return try await dto(due, access: access)
        }

        api.on(APIOperation(
            method: .GET, path: "/due-dates/{id}", operationID: "getDueDate", summary: "Một hạn nộp", tag: tag,
            result: .object(DueDateDTO.self))) { req in
            let access = try req.access
            let due = try await DueDateService.readable(req.parameters.get("id", as: Int.self), access: access)
            return try await dto(due, access: access)
        }

        api.on(APIOperation(
            method: .PUT, path: "/due-dates/{id}", operationID: "updateDueDate", summary: "Sửa hạn nộp do đơn vị trong phạm vi đặt",
            tag: tag, body: .json(DueDateBody.self), result: .object(DueDateDTO.self))) { req in
            let access = try req.access
            let due = try await DueDateService.writable(req.parameters.get("id", as: Int.self), access: access)
            let body = try req.content.decode(DueDateBody.self)
            try await DueDateService.update(due, with: body.input, access: access)
            return try await dto(due, access: access)
        }
    }

    private static func dto(_ due: DueDate, access: Access) async throws -> DueDateDTO {
        let unit = try await OrgUnit.find(due.unitID, on: access.db)
        return DueDateDTO(DueDateLine(due: due, unit: unit, fromAbove: try await !access.canSee(unit: due.unitID)))
    }
}

/// A due date in /api/v1.
struct DueDateDTO: Content, APISchema {
    let id: Int
    let unitId: Int
    let unitCode: String
    let unitName: String
    let kind: String
    let kindLabel: String
    let year: Int
    let dueOn: String
    let note: String
    /// Set above the account's scope: it binds the account's units and is read-only to it.
    let fromAbove: Bool

    init(_ line: DueDateLine) {
        let d = line.due
        id = d.id!
        unitId = d.unitID
        unitCode = line.unit?.code ?? ""
        unitName = line.unit?.name ?? ""
        kind = d.kind.rawValue
        kindLabel = d.kind.label
        year = d.year
        dueOn = d.dueOn.iso
        note = d.note
        fromAbove = line.fromAbove
    }

    static let schemaName = "DueDate"
    static let schema = JSONSchema.object([
        ("id", .integer(minimum: 1)),
        ("unitId", .integer(minimum: 1)),
        ("unitCode", .string()),
        ("unitName", .string()),
        ("kind", .enumeration(DueKind.allCases.map(\.rawValue))),
        ("kindLabel", .string()),
        ("year", .integer(minimum: 1945, maximum: 9999)),
        ("dueOn", .date),
        ("note", .string()),
        ("fromAbove", .boolean),
    ], required: ["id", "unitId", "unitCode", "unitName", "kind", "kindLabel", "year", "dueOn", "note", "fromAbove"])
}

/// POST and PUT /due-dates. `unit` is the setting unit's code.
struct DueDateBody: Content, APISchema {
    var unit: String?
    var kind: String?
    var year: Int?
    var dueOn: String?
    var note: String?

    var input: DueDateInput {
        DueDateInput(unitCode: unit, kind: kind, year: year.map(String.init), dueOn: dueOn, note: note)
    }

    static let schemaName = "DueDateInput"
    static let schema = JSONSchema.object([
        ("unit", .string()),
        ("kind", .enumeration(DueKind.allCases.map(\.rawValue))),
        ("year", .integer(minimum: 1945, maximum: 9999)),
        ("dueOn", .date),
        ("note", .string(maxLength: DueDateService.noteLimit)),
    ], required: ["unit", "kind", "year", "dueOn"])
}
