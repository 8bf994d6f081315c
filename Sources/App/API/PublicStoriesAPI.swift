import Domain
import Fluent
import Vapor

/// /api/v1/public-stories: the officer's view of the stories written for the public page.
enum PublicStoriesAPI {
    static let tag = "Gương sáng"

    static func register(_ api: APIBuilder) {
        api.on(APIOperation(
            method: .GET, path: "/public-stories", operationID: "listPublicStories",
            summary: "Bài giới thiệu gương sáng trong phạm vi (đã và chưa công bố)", tag: tag,
            query: [
                ("unit", .string(), "Mã đơn vị giới thiệu (gồm cả cấp dưới)"),
                ("year", .integer(minimum: YearRecordFields.firstYear, maximum: 9999), "Năm"),
                ("published", .enumeration(["true", "false"]), "Chỉ bài đã công bố (true) hoặc chưa công bố (false)"),
            ] + Paging.parameters,
            result: .list(PublicStoryDTO.self))) { req in
            let access = try req.access
            let paging = Paging(req)
            var filter = PublicStoryFilter()
            filter.unitCode = req.query[String.self, at: "unit"] ?? ""
            filter.year = try ProgrammesAPI.queryInt(req, "year")
            switch req.query[String.self, at: "published"] ?? "" {
            case "": break
            case "true": filter.published = true
            case "false": filter.published = false
            default: throw Abort(.badRequest, reason: "Tham số “published” phải là true hoặc false.")
            }
            let result = try await PublicStoryService.search(filter, offset: paging.offset, limit: paging.perPage, access: access)
            if result.unknownUnit { throw ProgrammesAPI.unknownUnit(filter.unitCode) }
            let items = result.stories.map { PublicStoryDTO($0, unit: result.unitsByID[$0.unitID]) }
            return Page(items: items, total: result.total, page: paging.page, perPage: paging.perPage)
        }

        api.on(APIOperation(
            method: .GET, path: "/public-stories/{id}", operationID: "getPublicStory", summary: "Một bài giới thiệu gương sáng", tag: tag,
            result: .object(PublicStoryDTO.self))) { req in
            let story = try await PublicStoryService.readable(req.parameters.get("id", as: Int.self), access: try req.access)
            return PublicStoryDTO(story, unit: try await OrgUnit.find(story.unitID, on: req.db))
        }
    }
}

/// A public story in /api/v1.
struct PublicStoryDTO: Content, APISchema {
    let id: Int
    let unitId: Int
    let unitCode: String
    let unitName: String
    let kind: String
    let kindLabel: String
    let exemplarId: Int?
    let practiceModelId: Int?
    let year: Int
    let title: String
    let summary: String
    let body: String
    let isPublished: Bool
    let publishedAt: Date?

    init(_ s: PublicStory, unit: OrgUnit?) {
        id = s.id!
        unitId = s.unitID
        unitCode = unit?.code ?? ""
        unitName = unit?.name ?? ""
        kind = s.kind.rawValue
        kindLabel = s.kind.label
        exemplarId = s.exemplarID
        practiceModelId = s.practiceModelID
        year = s.year
        title = s.title
        summary = s.summary
        body = s.body
        isPublished = s.isPublished
        publishedAt = s.publishedAt
    }

    static let schemaName = "PublicStory"
    static let schema = JSONSchema.object([
        ("id", .integer(minimum: 1)),
        ("unitId", .integer(minimum: 1)),
        ("unitCode", .string()),
        ("unitName", .string()),
        ("kind", .enumeration(PublicStoryKind.allCases.map(\.rawValue))),
        ("kindLabel", .string()),
        ("exemplarId", .nullable(.integer(minimum: 1))),
        ("practiceModelId", .nullable(.integer(minimum: 1))),
        ("year", .integer(minimum: YearRecordFields.firstYear)),
        ("title", .string()),
        ("summary", .string()),
        ("body", .string()),
        ("isPublished", .boolean),
        ("publishedAt", .nullable(.dateTime)),
    ], required: ["id", "unitId", "unitCode", "unitName", "kind", "kindLabel", "year", "title", "summary", "body", "isPublished"])
}
