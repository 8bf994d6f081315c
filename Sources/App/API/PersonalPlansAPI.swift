import Domain
import Fluent
import Vapor

/// /api/v1/personal-plans and /personal-plan-templates: members' plans, commitments and the
/// cell's assessment; the cells' templates. A member's token reaches their own plans only.
enum PersonalPlansAPI {
    static let tag = "Kế hoạch cá nhân"

    static func register(_ api: APIBuilder) {
        api.on(APIOperation(
            method: .GET, path: "/personal-plans", operationID: "listPersonalPlans",
            summary: "Kế hoạch cá nhân trong phạm vi (đảng viên: của chính mình), năm mới nhất trước", tag: tag,
            query: [
                ("unit", .string(), "Mã tổ chức đảng (gồm các đơn vị trực thuộc)"),
                ("year", .integer(minimum: 1945, maximum: 9999), "Năm của kế hoạch"),
                ("status", .enumeration(PersonalPlanStatus.allCases.map(\.rawValue)), "Trạng thái"),
            ] + Paging.parameters,
            result: .list(PersonalPlanDTO.self))) { req in
            let access = try req.access
            let paging = Paging(req)
            var filter = PersonalPlanFilter()
            filter.unitCode = req.query[String.self, at: "unit"] ?? ""
            filter.year = try ProgrammesAPI.queryInt(req, "year")
            filter.status = req.query[String.self, at: "status"].flatMap(PersonalPlanStatus.init(rawValue:))
            let result = try await PersonalPlanService.search(filter, offset: paging.offset, limit: paging.perPage, access: access)
            if result.unknown { throw ProgrammesAPI.unknownUnit(filter.unitCode) }
            let items = try await PersonalPlanService.facts(result.plans, on: req.db).map(PersonalPlanDTO.init)
            return Page(items: items, total: result.total, page: paging.page, perPage: paging.perPage)
        }

        api.on(APIOperation(
            method: .POST, path: "/personal-plans", operationID: "createPersonalPlan",
            summary: "Lập kế hoạch cá nhân năm cho một đảng viên (đảng viên: cho chính mình)", tag: tag,
            body: .json(PersonalPlanCreateBody.self), result: .object(PersonalPlanDTO.self), successStatus: .created)) { req in
            let access = try req.access
            let body = try req.content.decode(PersonalPlanCreateBody.self)
            var problems = InvalidInput()
            let person = try await visiblePerson(body.personId, access: access, &problems)
            if body.year == nil { problems.add("year", "Năm: chưa nhập.") }
            try problems.check()
            let plan = try await PersonalPlanService.create(person: person!, year: body.year!, try body.plan.input(), access: access)
            return PersonalPlanDTO(try await PersonalPlanService.facts(plan, on: req.db))
        }

        api.on(APIOperation(
            method: .GET, path: "/personal-plans/{id}", operationID: "getPersonalPlan", summary: "Một kế hoạch cá nhân", tag: tag,
            result: .object(PersonalPlanDTO.self))) { req in
            let plan = try await PersonalPlanService.readable(req.parameters.get("id", as: Int.self), access: try req.access)
            return PersonalPlanDTO(try await PersonalPlanService.facts(plan, on: req.db))
        }

        api.on(APIOperation(
            method: .PUT, path: "/personal-plans/{id}", operationID: "updatePersonalPlan",
            summary: "Sửa các việc, cam kết, tự đánh giá; nộp kế hoạch (status da_nop)", tag: tag,
            body: .json(PersonalPlanBody.self), result: .object(PersonalPlanDTO.self))) { req in
            let access = try req.access
            let plan = try await PersonalPlanService.editable(req.parameters.get("id", as: Int.self), access: access)
            let body = try req.content.decode(PersonalPlanBody.self)
            try await PersonalPlanService.update(plan, with: try body.input(), access: access)
            return PersonalPlanDTO(try await PersonalPlanService.facts(plan, on: req.db))
        }

        api.on(APIOperation(
            method: .PUT, path: "/personal-plans/{id}/assessment", operationID: "assessPersonalPlan",
            summary: "Chi bộ đánh giá kế hoạch cuối năm: hoàn thành hoặc không hoàn thành, kèm nhận xét", tag: tag,
            body: .json(PlanAssessmentBody.self), result: .object(PersonalPlanDTO.self))) { req in
            let access = try req.access
            let plan = try await PersonalPlanService.readable(req.parameters.get("id", as: Int.self), access: access)
            let body = try req.content.decode(PlanAssessmentBody.self)
            guard body.assessmentGiven else {
                throw InvalidInput([ValidationFailure(field: "assessment",
                    message: "Đánh giá: chưa có; gửi “hoan_thanh”, “khong_hoan_thanh”, hoặc null để bỏ đánh giá.")])
            }
            try await PersonalPlanService.assess([(plan, PlanAssessmentMark(assessment: body.assessment, comment: body.comment))],
                                                 access: access) { _, name in name }
            return PersonalPlanDTO(try await PersonalPlanService.facts(plan, on: req.db))
        }

        registerTemplates(api)
    }

    private static func registerTemplates(_ api: APIBuilder) {
        api.on(APIOperation(
            method: .GET, path: "/personal-plan-templates", operationID: "listPersonalPlanTemplates",
            summary: "Mẫu kế hoạch cá nhân của các chi bộ trong phạm vi", tag: tag,
            query: [
                ("unit", .string(), "Mã tổ chức đảng (gồm các chi bộ trực thuộc)"),
                ("year", .integer(minimum: 1945, maximum: 9999), "Năm"),
            ] + Paging.parameters,
            result: .list(PlanTemplateDTO.self))) { req in
            let access = try req.access
            let paging = Paging(req)
            let unit = req.query[String.self, at: "unit"] ?? ""
            let result = try await PersonalPlanService.searchTemplates(
                unitCode: unit, year: try ProgrammesAPI.queryInt(req, "year"), offset: paging.offset, limit: paging.perPage, access: access)
            if result.unknown { throw ProgrammesAPI.unknownUnit(unit) }
            let ids = Array(Set(result.templates.map(\.unitID)))
            let units = ids.isEmpty ? [:] : Dictionary(uniqueKeysWithValues: try await OrgUnit.query(on: req.db)
                .filter(\.$id ~~ ids).all().map { ($0.id!, $0) })
            return Page(items: result.templates.map { PlanTemplateDTO($0, unit: units[$0.unitID]) }, total: result.total,
                        page: paging.page, perPage: paging.perPage)
        }

        api.on(APIOperation(
            method: .PUT, path: "/personal-plan-templates", operationID: "savePersonalPlanTemplate",
            summary: "Soạn hoặc sửa mẫu kế hoạch cá nhân năm của một chi bộ", tag: tag,
            body: .json(PlanTemplateBody.self), result: .object(PlanTemplateDTO.self))) { req in
            let access = try req.access
            let body = try req.content.decode(PlanTemplateBody.self)
            let template = try await PersonalPlanService.saveTemplate(body.input, access: access)
            return PlanTemplateDTO(template, unit: try await OrgUnit.find(template.unitID, on: req.db))
        }
    }

    /// The member a body names: the caller's own person, or one in a unit of the caller's subtree;
    /// anything else gets the same message as an unknown id.
    private static func visiblePerson(_ id: Int?, access: Access, _ problems: inout InvalidInput) async throws -> Person? {
        guard let id else {
            problems.add("personId", "Đảng viên: chưa nhập mã đảng viên (personId).")
            return nil
        }
        if let person = try await Person.find(id, on: access.db) {
            if access.user.personID == id { return person }
            if let unit = person.currentUnitID, try await access.canSee(unit: unit) { return person }
        }
        problems.add("personId", "Đảng viên: không tìm thấy đảng viên có mã \(id) trong phạm vi của bạn.")
        return nil
    }
}
