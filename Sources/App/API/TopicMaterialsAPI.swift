import Domain
import Vapor

/// GET /api/v1/topics/{id}/materials: a topic's study materials (without their bytes).
enum TopicMaterialsAPI {
    static func register(_ api: APIBuilder) {
        api.on(APIOperation(
            method: .GET, path: "/topics/{id}/materials", operationID: "listTopicMaterials",
            summary: "Tài liệu học tập của một chuyên đề (tải về tại trang /tai-lieu/{id})", tag: ProgrammesAPI.tag,
            query: Paging.parameters, result: .list(TopicMaterialDTO.self))) { req in
            let access = try req.access
            let topic = try await TopicMaterialService.readableTopic(req.parameters.get("id", as: Int.self), access: access)
            let paging = Paging(req)
            let all = try await TopicMaterialService.list(topicID: topic.id!, on: req.db)
            let items = all.dropFirst(paging.offset).prefix(paging.perPage).map(TopicMaterialDTO.init)
            return Page(items: Array(items), total: all.count, page: paging.page, perPage: paging.perPage)
        }
    }
}

struct TopicMaterialDTO: Content, APISchema {
    let id: Int
    let topicId: Int
    let title: String
    let filename: String
    let contentType: String
    let size: Int
    let sha256: String
    let createdAt: Date
    let username: String
    /// The page address that downloads the file (with a browser session).
    let downloadPath: String

    init(_ m: TopicMaterialInfo) {
        id = m.id
        topicId = m.topicID
        title = m.title
        filename = m.filename
        contentType = m.contentType
        size = m.size
        sha256 = m.sha256
        createdAt = m.createdAt
        username = m.username
        downloadPath = SiteURL.topicMaterial(m.id).path
    }

    static let schemaName = "TopicMaterial"
    static let schema = JSONSchema.object([
        ("id", .integer(minimum: 1)),
        ("topicId", .integer(minimum: 1)),
        ("title", .string(maxLength: TopicMaterialService.titleLimit)),
        ("filename", .string(maxLength: MaterialFilename.limit)),
        ("contentType", .string()),
        ("size", .integer(minimum: 1, maximum: TopicMaterialService.maxBytes)),
        ("sha256", .string(pattern: "^[0-9a-f]{64}$")),
        ("createdAt", .dateTime),
        ("username", .string()),
        ("downloadPath", .string()),
    ], required: ["id", "topicId", "title", "filename", "contentType", "size", "sha256", "createdAt", "username", "downloadPath"])
}
