import Domain
import Fluent
import Vapor

/// The review's downloads, from its saved figures: the official .docx and the .xlsx appendix,
/// named after the kind, the unit's code and the period.
extension ReviewController {
    func docx(req: Request) async throws -> Response {
        let review = try await ReviewService.readable(req.parameters.get("id", as: Int.self), access: try req.access)
        let code = try await OrgUnit.find(review.unitID, on: req.db)?.code ?? ""
        return FileDownload.response(try ReviewDocument.docx(review), filename: ReviewDocument.filename(review, unitCode: code, ext: "docx"),
                         type: FileDownload.docx)
    }

    func workbook(req: Request) async throws -> Response {
        let review = try await ReviewService.readable(req.parameters.get("id", as: Int.self), access: try req.access)
        let unit = try await OrgUnit.find(review.unitID, on: req.db)
        return FileDownload.response(try ReviewDocument.xlsx(review, unitName: unit?.name ?? ""),
                         filename: ReviewDocument.filename(review, unitCode: unit?.code ?? "", ext: "xlsx"),
                         type: FileDownload.xlsx)
    }
}
