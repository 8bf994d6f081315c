import Domain
import Fluent
import Vapor

/// /api/v1/unit-plans: unit plans and their review; goals in UnitPlansGoalsAPI.
enum UnitPlansAPI {
    static let tag = "Kế hoạch"

    static func register(_ api: APIBuilder) {
        api.on(APIOperation(
            method: .GET, path: "/unit-plans", operationID: "listUnitPlans",
            summary: "Kế hoạch thực hiện của các tổ chức đảng trong phạm vi, năm mới nhất trước", tag: tag,
            query: [
                ("unit", .string(), "Mã tổ chức đảng (gồm cấp dưới)"),
                ("year", .integer(minimum: 1945, maximum: 9999), "Năm của kế hoạch"),
                ("scope", .enumeration(PlanScope.allCases.map(\.rawValue)), "Kế hoạch năm hoặc toàn khóa"),
                ("status", .enumeration(PlanStatus.allCases.map(\.rawValue)), "Trạng thái"),
            ] + Paging.parameters,
            result: .list(UnitPlanDTO.self))) { req in
            let access = try req.access
            let paging = Paging(req)
            var filter = UnitPlanFilter()
            filter.unitCode = req.query[String.self, at: "unit"] ?? ""
            filter.year = try ProgrammesAPI.queryInt(req, "year")
            filter.scope = req.query[String.self, at: "scope"].flatMap(PlanScope.init(rawValue:))
            filter.status = req.query[String.self, at: "status"].flatMap(PlanStatus.init(rawValue:))
            let result = try await UnitPlanService.search(filter, offset: paging.offset, limit: paging.perPage, access: access)
            if result.unknownUnit { throw ProgrammesAPI.unknownUnit(filter.unitCode) }
            return Page(items: result.lines.map(UnitPlanDTO.init), total: result.total, page: paging.page, perPage: paging.perPage)
        }

        api.on(APIOperation(
            method: .POST, path: "/unit-plans", operationID: "createUnitPlan", summary: "Thêm kế hoạch (dự thảo)", tag: tag,
            body: .json(UnitPlanBody.self), result: .object(UnitPlanDetailDTO.self), successStatus: .created)) { req in
            let access = try req.access
            try TopicService.requireWriter(access)
            let body = try req.content.decode(UnitPlanBody.self)
            let plan = try await UnitPlanService.create(body.input, access: access)
            return try await detail(plan, access: access)
        }

        api.on(APIOperation(
            method: .GET, path: "/unit-plans/{id}", operationID: "getUnitPlan", summary: "Một kế hoạch, với quá trình xem xét",
            tag: tag, result: .object(UnitPlanDetailDTO.self))) { req in
            let access = try req.access
            let plan = try await UnitPlanService.readable(req.parameters.get("id", as: Int.self), access: access)
            return try await detail(plan, access: access)
        }

        api.on(APIOperation(
            method: .PUT, path: "/unit-plans/{id}", operationID: "updateUnitPlan",
            summary: "Sửa kế hoạch (khi còn dự thảo hoặc bị trả lại)", tag: tag,
            body: .json(UnitPlanBody.self), result: .object(UnitPlanDetailDTO.self), conflicts: true)) { req in
            let access = try req.access
            let plan = try await UnitPlanService.writable(req.parameters.get("id", as: Int.self), access: access)
            try UnitPlanService.requireEditable(plan)
            let body = try req.content.decode(UnitPlanBody.self)
            try await UnitPlanService.update(plan, with: body.input, access: access)
            return try await detail(plan, access: access)
        }

        api.on(APIOperation(
            method: .POST, path: "/unit-plans/{id}/actions", operationID: "actOnUnitPlan",
            summary: "Nộp (đơn vị), trả lại hoặc duyệt (cấp trên) kế hoạch; trả lại phải có ý kiến", tag: tag,
            body: .json(UnitPlanActionBody.self), result: .object(UnitPlanDetailDTO.self), conflicts: true)) { req in
            let access = try req.access
            let plan = try await UnitPlanService.readable(req.parameters.get("id", as: Int.self), access: access)
            let body = try req.content.decode(UnitPlanActionBody.self)
            guard let action = PlanAction(rawValue: body.action ?? "") else {
                throw ValidationFailure(field: "action", message: "Thao tác: phải là một trong "
                                        + PlanAction.allCases.map(\.rawValue).joined(separator: ", ") + ".")
            }
            try await UnitPlanService.perform(action, comment: body.comment, on: plan, access: access)
            return try await detail(plan, access: access)
        }

        UnitPlansGoalsAPI.register(api)
    }

    static func detail(_ plan: UnitPlan, access: Access) async throws -> UnitPlanDetailDTO {
        guard let line = try await UnitPlanService.lines([plan], on: access.db).first else { throw Abort(.notFound) }
        return UnitPlanDetailDTO(
            plan: UnitPlanDTO(line),
            events: try await UnitPlanService.events(plan, on: access.db).map(UnitPlanEventDTO.init),
            allowedActions: try await UnitPlanService.allowedActions(plan, access: access).map(\.rawValue))
    }
}
