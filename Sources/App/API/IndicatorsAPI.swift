import Domain
import Vapor

/// /api/v1/indicators: the indicators of DESIGN.md §3 for a unit's subtree and a period.
enum IndicatorsAPI {
    static let tag = "Chỉ tiêu"

    static func register(_ api: APIBuilder) {
        api.on(APIOperation(
            method: .GET, path: "/indicators", operationID: "getIndicators",
            summary: "Các chỉ tiêu thực hiện của một tổ chức đảng (gồm các tổ chức trực thuộc theo cây tổ chức ngày cuối kỳ) trong một năm hoặc một kỳ",
            tag: tag,
            query: query, result: .object(IndicatorReportDTO.self))) { req in
            IndicatorReportDTO(try await IndicatorReport.load(input(req), access: try req.access))
        }
        api.on(APIOperation(
            method: .GET, path: "/indicators/rollup", operationID: "getIndicatorRollup",
            summary: "Phụ lục số liệu của một tổ chức đảng trong một năm hoặc một kỳ: một cột mỗi năm, cột tổng, và bảng theo các tổ chức đảng trực thuộc",
            tag: tag, query: query, result: .object(RollupDTO.self))) { req in
            RollupDTO(table: try await IndicatorReport.rollup(input(req), access: try req.access).table)
        }
    }

    static let query: [(String, JSONSchema, String)] = [
        ("unit", .string(), "Mã tổ chức đảng; mặc định: phạm vi của tài khoản"),
        ("year", .integer(minimum: 1945, maximum: 9999), "Năm; mặc định: năm nay (đến hôm nay)"),
        ("from", .date, "Ngày bắt đầu kỳ (cùng với to, thay cho year)"),
        ("to", .date, "Ngày kết thúc kỳ (cùng với from)"),
    ]

    static func input(_ req: Request) -> IndicatorReport.Input {
        IndicatorReport.Input(unit: req.query[String.self, at: "unit"], year: req.query[String.self, at: "year"],
                              from: req.query[String.self, at: "from"], to: req.query[String.self, at: "to"])
    }
}
