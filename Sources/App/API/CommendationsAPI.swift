import Domain
import Fluent
import Vapor

/// /api/v1/commendations: the commendation register, its counts, its forms and issuers.
enum CommendationsAPI {
    static let tag = "Khen thưởng"

    static let filters: [(name: String, schema: JSONSchema, description: String)] = [
        ("unit", .string(), "Mã tổ chức đảng ghi nhận (gồm cả cấp dưới)"),
        ("year", .integer(minimum: 1945, maximum: 9999), "Năm của quyết định"),
        ("formId", .integer(minimum: 1), "Hình thức khen thưởng"),
        ("issuerId", .integer(minimum: 1), "Cấp khen"),
        ("event", .string(), "Đợt khen thưởng (một phần tên, không phân biệt dấu)"),
    ]

    static func register(_ api: APIBuilder) {
        api.on(APIOperation(
            method: .GET, path: "/commendations", operationID: "listCommendations",
            summary: "Khen thưởng do các đơn vị trong phạm vi ghi nhận, quyết định mới nhất trước", tag: tag,
            query: filters + Paging.parameters, result: .list(CommendationDTO.self))) { req in
            let access = try req.access
            let paging = Paging(req)
            let filter = try filter(req)
            let result = try await CommendationService.search(filter, offset: paging.offset, limit: paging.perPage, access: access)
            if result.unknownUnit { throw ProgrammesAPI.unknownUnit(filter.unitCode) }
            let vocabulary = try await CommendationService.vocabulary(on: req.db)
            let items = result.commendations.map {
                CommendationDTO($0, unit: result.units[$0.unitID], form: vocabulary.forms[$0.formID], issuer: vocabulary.issuers[$0.issuerID])
            }
            return Page(items: items, total: result.total, page: paging.page, perPage: paging.perPage)
        }

        api.on(APIOperation(
            method: .GET, path: "/commendations/counts", operationID: "commendationCounts",
            summary: "Số tập thể, cá nhân, nhóm tác giả được khen của tập đã lọc (mọi trang)", tag: tag,
            query: filters, result: .object(CommendationCountsDTO.self))) { req in
            let filter = try filter(req)
            guard let counts = try await CommendationService.counts(filter, access: try req.access) else {
                throw ProgrammesAPI.unknownUnit(filter.unitCode)
            }
            return CommendationCountsDTO(counts)
        }

        api.on(APIOperation(
            method: .GET, path: "/commendations/{id}", operationID: "getCommendation", summary: "Một khen thưởng", tag: tag,
            result: .object(CommendationDTO.self))) { req in
            let commendation = try await CommendationService.readable(req.parameters.get("id", as: Int.self), access: try req.access)
            return try await dto(commendation, on: req.db)
        }

        api.on(APIOperation(
            method: .POST, path: "/commendations", operationID: "createCommendation", summary: "Thêm khen thưởng", tag: tag,
            body: .json(CommendationBody.self), result: .object(CommendationDTO.self), successStatus: .created)) { req in
            let access = try req.access
            try TopicService.requireWriter(access)
            let body = try req.content.decode(CommendationBody.self)
            return try await dto(try await CommendationService.create(body.input, access: access), on: req.db)
        }

        api.on(APIOperation(
            method: .PUT, path: "/commendations/{id}", operationID: "updateCommendation", summary: "Sửa khen thưởng", tag: tag,
            body: .json(CommendationBody.self), result: .object(CommendationDTO.self))) { req in
            let access = try req.access
            let commendation = try await CommendationService.writable(req.parameters.get("id", as: Int.self), access: access)
            let body = try req.content.decode(CommendationBody.self)
            try await CommendationService.update(commendation, with: body.input, access: access)
            return try await dto(commendation, on: req.db)
        }

        api.on(APIOperation(
            method: .GET, path: "/commendation-forms", operationID: "listCommendationForms",
            summary: "Hình thức khen thưởng (giấy khen, bằng khen, biểu dương…)", tag: tag,
            result: .object(CommendationTermsDTO.self))) { req in
            try ConductCodeService.requireReader(try req.access)
            let forms = try await CommendationVocabularyService.forms(on: req.db)
            return CommendationTermsDTO(items: forms.map { .init(id: $0.id!, name: $0.name, isPraise: $0.isPraise) })
        }

        api.on(APIOperation(
            method: .GET, path: "/commendation-issuers", operationID: "listCommendationIssuers",
            summary: "Cấp khen (Ban Thường vụ Tỉnh ủy, Chủ tịch UBND tỉnh…)", tag: tag,
            result: .object(CommendationTermsDTO.self))) { req in
            try ConductCodeService.requireReader(try req.access)
            let issuers = try await CommendationVocabularyService.issuers(on: req.db)
            return CommendationTermsDTO(items: issuers.map { .init(id: $0.id!, name: $0.name, isPraise: nil) })
        }
    }

    static func dto(_ c: Commendation, on db: any Database) async throws -> CommendationDTO {
        CommendationDTO(
            c, unit: try await OrgUnit.find(c.unitID, on: db), form: try await CommendationForm.find(c.formID, on: db),
            issuer: try await CommendationIssuer.find(c.issuerID, on: db))
    }

    private static func filter(_ req: Request) throws -> CommendationFilter {
        var filter = CommendationFilter()
        filter.unitCode = req.query[String.self, at: "unit"] ?? ""
        filter.year = try ProgrammesAPI.queryInt(req, "year")
        filter.formID = try ProgrammesAPI.queryInt(req, "formId")
        filter.issuerID = try ProgrammesAPI.queryInt(req, "issuerId")
        filter.event = req.query[String.self, at: "event"] ?? ""
        return filter
    }
}
