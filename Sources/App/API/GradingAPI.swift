import Domain
import Fluent
import Vapor

/// /api/v1/grading-sheets and /api/v1/grading-regimes: yearly grading.
enum GradingAPI {
    static let tag = "Xếp loại chất lượng"

    static func register(_ api: APIBuilder) {
        api.on(APIOperation(
            method: .GET, path: "/grading-regimes", operationID: "listGradingRegimes",
            summary: "Các quy định xếp loại và các năm áp dụng", tag: tag, result: .list(GradingRegimeDTO.self))) { req in
            try GradingService.requireReader(try req.access)
            let years = Dictionary(grouping: try await GradingRegimeService.years(on: req.db), by: \.regimeID).mapValues { $0.map(\.year) }
            let items = try await GradingRegimeService.regimes(on: req.db).map { GradingRegimeDTO($0, years: years[$0.id!] ?? []) }
            return Page(items: items, total: items.count, page: 1, perPage: max(1, items.count))
        }

        api.on(APIOperation(
            method: .GET, path: "/grading-sheets", operationID: "listGradingSheets",
            summary: "Bảng xếp loại của các tổ chức đảng trong phạm vi, năm mới nhất trước", tag: tag,
            query: [
                ("unit", .string(), "Mã tổ chức đảng (gồm cấp dưới)"),
                ("year", .integer(minimum: 1945, maximum: 9999), "Năm xếp loại"),
            ] + Paging.parameters,
            result: .list(GradingSheetDTO.self))) { req in
            let paging = Paging(req)
            let code = req.query[String.self, at: "unit"] ?? ""
            let result = try await GradingService.search(unitCode: code, year: try ProgrammesAPI.queryInt(req, "year"),
                                                         offset: paging.offset, limit: paging.perPage, access: try req.access)
            if result.unknownUnit { throw ProgrammesAPI.unknownUnit(code) }
            return Page(items: result.lines.map(GradingSheetDTO.init), total: result.total, page: paging.page, perPage: paging.perPage)
        }

        api.on(APIOperation(
            method: .POST, path: "/grading-sheets", operationID: "openGradingSheet",
            summary: "Mở bảng xếp loại của đơn vị cho một năm, theo quy định của năm đó", tag: tag,
            body: .json(GradingOpenBody.self), result: .object(GradingSheetDetailDTO.self), successStatus: .created,
            conflicts: true)) { req in
            let body = try req.content.decode(GradingOpenBody.self)
            let sheet = try await GradingService.open(unitCode: body.unit, year: body.year.map(String.init), subject: body.subject,
                                                      access: try req.access)
            return GradingSheetDetailDTO(try await GradingService.detail(sheet, on: req.db))
        }

        api.on(APIOperation(
            method: .GET, path: "/grading-sheets/{id}", operationID: "getGradingSheet",
            summary: "Một bảng xếp loại: từng người hoặc đơn vị, mức, điểm, đánh giá kế hoạch cá nhân, giới hạn HTXSNV", tag: tag,
            result: .object(GradingSheetDetailDTO.self))) { req in
            let sheet = try await GradingService.readable(req.parameters.get("id", as: Int.self), access: try req.access)
            return GradingSheetDetailDTO(try await GradingService.detail(sheet, on: req.db))
        }

        api.on(APIOperation(
            method: .PUT, path: "/grading-sheets/{id}/evaluations", operationID: "putGradingEvaluations",
            summary: "Ghi toàn bộ kết quả xếp loại của bảng (dự thảo); ai không có trong danh sách là chưa xếp loại", tag: tag,
            body: .json(GradingEvaluationsBody.self), result: .object(GradingSheetDetailDTO.self), conflicts: true)) { req in
            let access = try req.access
            let sheet = try await GradingService.writable(req.parameters.get("id", as: Int.self), access: access)
            let body = try req.content.decode(GradingEvaluationsBody.self)
            let member = sheet.subject == .member
            var marks: [Int: GradingMark] = [:]
            for (index, e) in (body.evaluations ?? []).enumerated() {
                guard let key = member ? e.personId : e.unitId else {
                    throw ValidationFailure(field: "evaluations[\(index)].\(member ? "personId" : "unitId")",
                                            message: member ? "Kết quả: thiếu mã người (personId)." : "Kết quả: thiếu mã đơn vị (unitId).")
                }
                marks[key] = GradingMark(level: e.level, score: e.score.map { String($0) },
                                         allTasksDone: e.allTasksDone ?? false, note: e.note)
            }
            let detail = try await GradingService.detail(sheet, on: req.db)
            let keys = Set(detail.rows.map(\.key))
            if let stray = marks.keys.first(where: { !keys.contains($0) }) {
                throw ValidationFailure(field: "evaluations", message: "Kết quả: mã \(stray) không có trong bảng xếp loại này.")
            }
            try await GradingService.save(sheet, marks: marks, outstanding: body.outstanding ?? false, access: access)
            return GradingSheetDetailDTO(try await GradingService.detail(sheet, on: req.db))
        }

        api.on(APIOperation(
            method: .POST, path: "/grading-sheets/{id}/submit", operationID: "submitGradingSheet",
            summary: "Nộp bảng xếp loại lên cấp trên: mọi người đã xếp loại và không vượt giới hạn HTXSNV", tag: tag,
            result: .object(GradingSheetDetailDTO.self), conflicts: true)) { req in
            let access = try req.access
            let sheet = try await GradingService.writable(req.parameters.get("id", as: Int.self), access: access)
            try await GradingService.submit(sheet, access: access)
            return GradingSheetDetailDTO(try await GradingService.detail(sheet, on: req.db))
        }
    }
}
