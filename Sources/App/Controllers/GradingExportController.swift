import Domain
import Vapor

/// `/xep-loai/danh-sach.xlsx` and `.csv`: the grades as the import reads them.
struct GradingExportController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.gradingsXlsx.pattern) { try await self.export(.xlsx, req: $0) }
        routes.get(SiteURL.gradingsCsv.pattern) { try await self.export(.csv, req: $0) }
    }

    func export(_ format: SheetExport.Format, req: Request) async throws -> Response {
        let code = req.query[String.self, at: "don-vi"] ?? ""
        let year = (req.query[String.self, at: "nam"]).flatMap { Int($0) }
        let rows = try await GradingExport.rows(unitCode: code, year: year, access: try req.access)
        let name = "xep-loai" + (year.map { "-\($0)" } ?? "") + "-\(LocalDate.today().iso)"
        return try SheetExport.response(.gradings, rows: rows, format: format, name: name)
    }
}
