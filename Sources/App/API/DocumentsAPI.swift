import Domain
import Fluent
import Vapor

/// /api/v1/documents: the register of guidance documents.
enum DocumentsAPI {
    static let tag = "Văn bản"

    static func register(_ api: APIBuilder) {
        api.on(APIOperation(
            method: .GET, path: "/documents", operationID: "listDocuments",
            summary: "Sổ văn bản chỉ đạo trong phạm vi (của đơn vị mình, cấp dưới và cấp trên), mới nhất trước", tag: tag,
            query: [
                ("q", .string(), "Tìm theo trích yếu hoặc số, ký hiệu (có dấu hoặc không dấu)"),
                ("unit", .string(), "Mã tổ chức đảng ban hành (gồm cả cấp dưới)"),
                ("year", .integer(minimum: 1945, maximum: 9999), "Năm ban hành"),
                ("kind", .enumeration(GuidanceKind.allCases.map(\.rawValue)), "Loại văn bản"),
                ("programme", .integer(minimum: 1), "Mã số chương trình"),
            ] + Paging.parameters,
            result: .list(DocumentDTO.self))) { req in
            let access = try req.access
            let paging = Paging(req)
            var filter = DocumentFilter()
            filter.q = req.query[String.self, at: "q"] ?? ""
            filter.unitCode = req.query[String.self, at: "unit"] ?? ""
            filter.year = try ProgrammesAPI.queryInt(req, "year")
            filter.programmeID = try ProgrammesAPI.queryInt(req, "programme")
            if let kind = req.query[String.self, at: "kind"], !kind.isEmpty {
                guard let value = GuidanceKind(rawValue: kind) else {
                    throw Abort(.badRequest, reason: "Tham số “kind” phải là một trong: "
                                + GuidanceKind.allCases.map(\.rawValue).joined(separator: ", ") + ".")
                }
                filter.kind = value
            }
            let result = try await DocumentService.search(filter, offset: paging.offset, limit: paging.perPage, access: access)
            if result.unknownUnit { throw ProgrammesAPI.unknownUnit(filter.unitCode) }
            let items = result.documents.map { d in
                DocumentDTO(d, unit: result.units[d.unitID], programme: d.programmeID.flatMap { result.programmes[$0] })
            }
            return Page(items: items, total: result.total, page: paging.page, perPage: paging.perPage)
        }

        api.on(APIOperation(
            method: .GET, path: "/documents/{id}", operationID: "getDocument", summary: "Một văn bản chỉ đạo", tag: tag,
            result: .object(DocumentDTO.self))) { req in
            let document = try await DocumentService.readable(req.parameters.get("id", as: Int.self), access: try req.access)
            return try await dto(document, on: req.db)
        }

        api.on(APIOperation(
            method: .POST, path: "/documents", operationID: "createDocument", summary: "Thêm văn bản chỉ đạo", tag: tag,
            body: .json(DocumentBody.self), result: .object(DocumentDTO.self), successStatus: .created)) { req in
            let access = try req.access
            try TopicService.requireWriter(access)
            let body = try req.content.decode(DocumentBody.self)
            let document = try await DocumentService.create(body.input, access: access)
            return try await dto(document, on: req.db)
        }

        api.on(APIOperation(
            method: .PUT, path: "/documents/{id}", operationID: "updateDocument", summary: "Sửa văn bản chỉ đạo", tag: tag,
            body: .json(DocumentBody.self), result: .object(DocumentDTO.self))) { req in
            let access = try req.access
            let document = try await DocumentService.writable(req.parameters.get("id", as: Int.self), access: access)
            let body = try req.content.decode(DocumentBody.self)
            try await DocumentService.update(document, with: body.input, access: access)
            return try await dto(document, on: req.db)
        }
    }

    private static func dto(_ document: GuidanceDocument, on db: any Database) async throws -> DocumentDTO {
        let unit = try await OrgUnit.find(document.unitID, on: db)
        var programme: Programme?
        if let id = document.programmeID { programme = try await Programme.find(id, on: db) }
        return DocumentDTO(document, unit: unit, programme: programme)
    }
}
