import Domain
import Fluent
import Vapor

/// /api/v1/reviews: review reports (sơ kết, tổng kết), drafted from the records and kept with
/// their figures.
enum ReviewsAPI {
    static let tag = "Sơ kết, tổng kết"

    static func register(_ api: APIBuilder) {
        api.on(APIOperation(
            method: .GET, path: "/reviews", operationID: "listReviews",
            summary: "Các báo cáo sơ kết, tổng kết trong phạm vi, kỳ mới nhất trước", tag: tag,
            query: [
                ("unit", .string(), "Mã tổ chức đảng (gồm các đơn vị trực thuộc)"),
                ("year", .integer(minimum: 1945, maximum: 9999), "Năm mà kỳ báo cáo có ngày thuộc về"),
            ] + Paging.parameters,
            result: .list(ReviewSummaryDTO.self))) { req in
            let access = try req.access
            let paging = Paging(req)
            let filter = ReviewFilter(unitCode: req.query[String.self, at: "unit"] ?? "", year: try ProgrammesAPI.queryInt(req, "year"))
            let result = try await ReviewService.search(filter, offset: paging.offset, limit: paging.perPage, access: access)
            if result.unknownUnit { throw ProgrammesAPI.unknownUnit(filter.unitCode) }
            return Page(items: result.reviews.map { ReviewSummaryDTO($0, unit: result.units[$0.unitID]) }, total: result.total,
                        page: paging.page, perPage: paging.perPage)
        }

        api.on(APIOperation(
            method: .GET, path: "/reviews/{id}", operationID: "getReview",
            summary: "Một báo cáo: thông tin văn bản, các phần và số liệu đã lưu", tag: tag,
            result: .object(ReviewDTO.self))) { req in
            let review = try await ReviewService.readable(req.parameters.get("id", as: Int.self), access: try req.access)
            return try await dto(review, on: req.db)
        }

        api.on(APIOperation(
            method: .POST, path: "/reviews", operationID: "createReview",
            summary: "Lập báo cáo: hệ thống soạn sẵn các phần từ số liệu và lưu số liệu kèm theo", tag: tag,
            body: .json(ReviewCreateBody.self), result: .object(ReviewDTO.self), successStatus: .created)) { req in
            let access = try req.access
            try ReviewService.requireWriter(access)
            let body = try req.content.decode(ReviewCreateBody.self)
            let review = try await ReviewService.create(body.start, access: access)
            return try await dto(review, on: req.db)
        }

        api.on(APIOperation(
            method: .PUT, path: "/reviews/{id}", operationID: "updateReview",
            summary: "Sửa thông tin văn bản, chữ ký, nơi nhận và lời văn các phần (số liệu đã lưu giữ nguyên)", tag: tag,
            body: .json(ReviewUpdateBody.self), result: .object(ReviewDTO.self))) { req in
            let access = try req.access
            let review = try await ReviewService.writable(req.parameters.get("id", as: Int.self), access: access)
            let body = try req.content.decode(ReviewUpdateBody.self)
            try await ReviewService.update(review, with: try body.edit(), access: access)
            return try await dto(review, on: req.db)
        }
    }

    private static func dto(_ review: Review, on db: any Database) async throws -> ReviewDTO {
        ReviewDTO(review, unit: try await OrgUnit.find(review.unitID, on: db))
    }
}
