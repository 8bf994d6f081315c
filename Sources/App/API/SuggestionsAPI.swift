import Domain
import Fluent
import Vapor

/// /api/v1/commendation-suggestions: who the grading history suggests for commendation, and
/// turning a choice of them into a draft nomination.
enum SuggestionsAPI {
    static let tag = "Khen thưởng"

    static func register(_ api: APIBuilder) {
        api.on(APIOperation(
            method: .GET, path: "/commendation-suggestions", operationID: "listCommendationSuggestions",
            summary: "Đề xuất khen thưởng theo kết quả xếp loại: mỗi quy tắc đang áp dụng và những ai đủ điều kiện", tag: tag,
            query: [
                ("unit", .string(), "Mã tổ chức đảng (gồm cả cấp dưới); để trống: đơn vị của tài khoản"),
                ("year", .integer(minimum: 1945, maximum: 9999), "Năm xét (năm cuối của chuỗi năm liên tục); mặc định năm trước"),
            ] + Paging.parameters,
            result: .object(SuggestionsDTO.self))) { req in
            let access = try req.access
            let paging = Paging(req)
            let unit = req.query[String.self, at: "unit"] ?? ""
            let year = try ProgrammesAPI.queryInt(req, "year") ?? LocalDate.today().year - 1
            let report = try await SuggestionService.report(
                unitCode: unit, year: year, offset: paging.offset, limit: paging.perPage, access: access)
            if report.unknownUnit { throw ProgrammesAPI.unknownUnit(unit) }
            return SuggestionsDTO(report, paging: paging)
        }

        api.on(APIOperation(
            method: .POST, path: "/commendation-suggestions/nominations", operationID: "createNominationFromSuggestions",
            summary: "Lập một dự thảo đề nghị khen thưởng từ những người hoặc tổ chức được đề xuất theo một quy tắc", tag: tag,
            body: .json(SuggestionNominationBody.self), result: .object(SuggestionNominationDTO.self), successStatus: .created)) { req in
            let access = try req.access
            let body = try req.content.decode(SuggestionNominationBody.self)
            let n = try await SuggestionService.nominate(body.choice, access: access)
            let count = try await NominationCandidate.query(on: req.db).filter(\.$nominationID == n.id!).count()
            return SuggestionNominationDTO(nominationId: n.id!, title: n.title, status: n.status.rawValue, unitId: n.unitID,
                                           ruleId: n.ruleID, fromYear: n.fromYear, toYear: n.toYear, candidates: count)
        }
    }
}
