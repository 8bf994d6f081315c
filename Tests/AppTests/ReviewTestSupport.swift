@testable import App
import Domain
import Fluent
import Foundation
import Vapor
import VaporTesting

/// Review reports over `IndicatorWorld` (TU, A, A1, B, B1, B2, A4, A41 with records of 2024–2025)
/// and the accounts that read and write them.
enum ReviewTestSupport {
    static let year2024: [String: String] = ["unit": "TU", "kind": "bao-cao-nam", "from": "2024-01-01", "to": "2024-12-31"]

    @discardableResult
    static func world(_ app: Application) async throws -> IndicatorWorld.Ids {
        let ids = try await IndicatorWorld.insert(app)
        let unit = { (code: String) in try await OrgUnit.find(ids.units[code], on: app.db) }
        try await Fixtures.user(app, "canbo.tu", .officer, unit: try await unit("TU"))
        try await Fixtures.user(app, "canbo.a", .officer, unit: try await unit("A"))
        try await Fixtures.user(app, "lanhdao.tu", .leader, unit: try await unit("TU"))
        let member = try await Person.find(ids.people["a1.một"], on: app.db)
        try await Fixtures.user(app, "dangvien.a1", .member, person: member)
        return ids
    }

    /// Starts a review through the page as `web`'s account; the new review.
    static func create(_ web: inout TestClient, _ app: Application, _ fields: [String: String] = year2024) async throws -> Review {
        let response = try await web.post(SiteURL.reviewNew.path, fields)
        guard response.status == .seeOther, let location = response.headers.first(name: .location),
              let id = Int(location.split(separator: "/").last ?? "") else {
            throw TestFailure("creating a review: \(response.status) \(response.body.string.prefix(500))")
        }
        return try await Review.find(id, on: app.db)!
    }

    static func api(_ app: Application, _ username: String) async throws -> APIClient {
        try await Fixtures.token(app, for: try await User.query(on: app.db).filter(\.$username == username).first()!)
    }

    /// The text of a .docx's body (word/document.xml, tags dropped), read with `unzip`.
    static func docxText(_ data: Data) throws -> String {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("review-\(UUID().uuidString).docx")
        try data.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/unzip")
        process.arguments = ["-p", file.path, "word/document.xml"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let xml = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return xml.replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression)
            .replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&quot;", with: "\"")
    }

    /// A guidance document, the record whose figure (I.1) has no sub-figures.
    static func document(_ app: Application, unit: Int, _ issued: String) async throws {
        let doc = GuidanceDocument()
        doc.unitID = unit
        doc.number = "77-KH/MOI"
        doc.numberStyle = .party
        doc.kind = .plan
        doc.title = "Kế hoạch thêm sau khi lập báo cáo"
        doc.titleFolded = VietnameseText.fold(doc.title)
        doc.issuedOn = LocalDate(issued)!
        try await doc.create(on: app.db)
    }

    /// A review of B (outside A's scope) whose text carries a secret.
    @Sendable static func scopeRecords(_ app: Application, _ tree: Fixtures.Tree) async throws -> ScopeRecords.Records {
        let programme = try await Programme.query(on: app.db).filter(\.$documentNumber == "01-KL/TW").first()!
        let review = try await ReviewDrafting.draft(programme: programme, unit: tree.b, kind: .annual,
                                                    period: .year(2024, today: LocalDate("2025-01-10")!), on: app.db)
        review.part1 = "Báo cáo sơ kết bí mật của Đảng bộ B."
        try await review.create(on: app.db)
        return (ids: ["so-ket-tong-ket": review.id!, "reviews": review.id!], secrets: ["Báo cáo sơ kết bí mật"])
    }
}
