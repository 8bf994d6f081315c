import Domain
import Fluent
import Vapor

/// /api/v1/unit-plans/{id}/goals and /api/v1/breakthrough-goals: breakthrough goals (nội dung
/// đột phá) and their progress notes.
enum UnitPlansGoalsAPI {
    static func register(_ api: APIBuilder) {
        let tag = UnitPlansAPI.tag

        api.on(APIOperation(
            method: .GET, path: "/unit-plans/{id}/goals", operationID: "listUnitPlanGoals",
            summary: "Nội dung đột phá của một kế hoạch, theo thời hạn", tag: tag, query: Paging.parameters,
            result: .list(GoalDTO.self))) { req in
            let access = try req.access
            let plan = try await UnitPlanService.readable(req.parameters.get("id", as: Int.self), access: access)
            let paging = Paging(req)
            let goals = try await GoalService.goals(of: plan, on: access.db)
            let shown = Array(goals.dropFirst(paging.offset).prefix(paging.perPage))
            let notes = try await GoalService.notes(of: shown, on: access.db)
            let items = shown.map { GoalDTO($0, notes: notes[$0.id!] ?? []) }
            return Page(items: items, total: goals.count, page: paging.page, perPage: paging.perPage)
        }

        api.on(APIOperation(
            method: .POST, path: "/unit-plans/{id}/goals", operationID: "createUnitPlanGoal",
            summary: "Đăng ký một nội dung đột phá trong kế hoạch", tag: tag,
            body: .json(GoalBody.self), result: .object(GoalDTO.self), successStatus: .created)) { req in
            let access = try req.access
            let plan = try await UnitPlanService.writable(req.parameters.get("id", as: Int.self), access: access)
            let body = try req.content.decode(GoalBody.self)
            let goal = try await GoalService.create(in: plan, body.input, access: access)
            return GoalDTO(goal, notes: [])
        }

        api.on(APIOperation(
            method: .GET, path: "/breakthrough-goals/{id}", operationID: "getBreakthroughGoal",
            summary: "Một nội dung đột phá, với tiến độ", tag: tag, result: .object(GoalDTO.self))) { req in
            let access = try req.access
            let goal = try await GoalService.readable(req.parameters.get("id", as: Int.self), access: access)
            return GoalDTO(goal, notes: try await GoalService.notes(of: goal, on: access.db))
        }

        api.on(APIOperation(
            method: .PUT, path: "/breakthrough-goals/{id}", operationID: "updateBreakthroughGoal",
            summary: "Sửa nội dung đột phá, cập nhật tình trạng và kết quả", tag: tag,
            body: .json(GoalBody.self), result: .object(GoalDTO.self))) { req in
            let access = try req.access
            let goal = try await GoalService.writable(req.parameters.get("id", as: Int.self), access: access)
            let body = try req.content.decode(GoalBody.self)
            try await GoalService.update(goal, with: body.input, access: access)
            return GoalDTO(goal, notes: try await GoalService.notes(of: goal, on: access.db))
        }

        api.on(APIOperation(
            method: .POST, path: "/breakthrough-goals/{id}/notes", operationID: "addBreakthroughGoalNote",
            summary: "Ghi tiến độ thực hiện nội dung đột phá", tag: tag,
            body: .json(GoalNoteBody.self), result: .object(GoalDTO.self), successStatus: .created)) { req in
            let access = try req.access
            let goal = try await GoalService.writable(req.parameters.get("id", as: Int.self), access: access)
            let body = try req.content.decode(GoalNoteBody.self)
            try await GoalService.addNote(to: goal, onDate: body.onDate, note: body.note, access: access)
            return GoalDTO(goal, notes: try await GoalService.notes(of: goal, on: access.db))
        }
    }
}

/// A breakthrough goal in /api/v1, with its progress notes (latest first).
struct GoalDTO: Content, APISchema {
    struct NoteDTO: Content {
        let onDate: String
        let note: String
        let username: String
    }

    let id: Int
    let planId: Int
    let unitId: Int
    let title: String
    let expectedResult: String
    let deadline: String
    let status: String
    let statusLabel: String
    let finishedOn: String?
    let finalResult: String
    let notes: [NoteDTO]

    init(_ g: BreakthroughGoal, notes: [GoalProgressNote]) {
        id = g.id!
        planId = g.planID
        unitId = g.unitID
        title = g.title
        expectedResult = g.expectedResult
        deadline = g.deadline.iso
        status = g.status.rawValue
        statusLabel = g.status.label
        finishedOn = g.finishedOn?.iso
        finalResult = g.finalResult
        self.notes = notes.map { NoteDTO(onDate: $0.onDate.iso, note: $0.note, username: $0.username) }
    }

    static let schemaName = "BreakthroughGoal"
    static let schema = JSONSchema.object([
        ("id", .integer(minimum: 1)),
        ("planId", .integer(minimum: 1)),
        ("unitId", .integer(minimum: 1)),
        ("title", .string()),
        ("expectedResult", .string()),
        ("deadline", .date),
        ("status", .enumeration(GoalStatus.allCases.map(\.rawValue))),
        ("statusLabel", .string()),
        ("finishedOn", .nullable(.date)),
        ("finalResult", .string()),
        ("notes", .array(.object([("onDate", .date), ("note", .string()), ("username", .string())],
                                 required: ["onDate", "note", "username"]))),
    ], required: ["id", "planId", "unitId", "title", "expectedResult", "deadline", "status", "statusLabel", "finalResult", "notes"])
}

/// POST /unit-plans/{id}/goals and PUT /breakthrough-goals/{id}.
struct GoalBody: Content, APISchema {
    var title: String?
    var expectedResult: String?
    var deadline: String?
    var status: String?
    var finalResult: String?

    var input: GoalInput {
        GoalInput(title: title, expectedResult: expectedResult, deadline: deadline, status: status, finalResult: finalResult)
    }

    static let schemaName = "BreakthroughGoalInput"
    static let schema = JSONSchema.object([
        ("title", .string(maxLength: GoalService.titleLimit)),
        ("expectedResult", .string(maxLength: GoalService.textLimit)),
        ("deadline", .date),
        // null or absent: đang thực hiện
        ("status", .nullable(.enumeration(GoalStatus.allCases.map(\.rawValue)))),
        ("finalResult", .nullable(.string(maxLength: GoalService.textLimit))),
    ], required: ["title", "expectedResult", "deadline"])
}

/// POST /breakthrough-goals/{id}/notes.
struct GoalNoteBody: Content, APISchema {
    var onDate: String?
    var note: String?

    static let schemaName = "BreakthroughGoalNoteInput"
    static let schema = JSONSchema.object([
        ("onDate", .date),
        ("note", .string(maxLength: GoalService.textLimit)),
    ], required: ["onDate", "note"])
}
