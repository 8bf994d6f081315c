@testable import App
import ConsoleKit
import Domain
import Foundation
import Spreadsheets
import Testing
import Vapor

/// `lamtheobac report`: the same documents as the pages, drafted in memory and written to a file.
@Suite struct ReviewCommandTests {
    static func run(_ app: Application, _ arguments: [String]) async throws {
        var context = CommandContext(console: Terminal(), input: CommandInput(arguments: ["lamtheobac"] + arguments))
        context.application = app
        try await ReportCommand().run(using: &context)
    }

    static func arguments(_ format: String, _ output: String, kind: String = "bao-cao-nam") -> [String] {
        ["--unit", "TU", "--from", "1/1/2024", "--to", "31/12/2024", "--kind", kind, "--format", format, "--output", output]
    }

    @Test func writesTheThreeFormats() async throws {
        try await withTestApp { app in
            // setup
            let ids = try await ReviewTestSupport.world(app)
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("report-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let file = { (ext: String) in folder.appendingPathComponent("bao-cao.\(ext)").path }

            // act
            for format in ["docx", "xlsx", "json"] { try await Self.run(app, Self.arguments(format, file(format))) }

            // assert
            let table = try await ReviewTests.rollup(app, ids)
            let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: file("json")))) as! [String: Any]
            #expect((json["unit"] as? [String: Any])?["code"] as? String == "TU")
            #expect((json["period"] as? [String: Any])?["from"] as? String == "2024-01-01" && json["kind"] as? String == "bao-cao-nam")
            let parts = json["parts"] as? [[String: Any]] ?? []
            #expect(parts.map { $0["title"] as? String } == ReviewPart.titles)
            let sessions = table.total(.studySessions)!.value.numerator
            #expect((parts.first?["paragraphs"] as? [String])?.contains { $0.contains("đã tổ chức \(sessions) hội nghị học tập chuyên đề") } == true)
            let appendix = try JSONDecoder().decode(FigureTable.self, from: JSONSerialization.data(withJSONObject: json["appendix"]!))
            #expect(appendix == table.appendix())
            let text = try ReviewTestSupport.docxText(Data(contentsOf: URL(fileURLWithPath: file("docx"))))
            #expect(text.contains("BÁO CÁO") && text.contains("đã tổ chức \(sessions) hội nghị học tập chuyên đề"))
            let sheet = try XLSXReader.read(Data(contentsOf: URL(fileURLWithPath: file("xlsx"))), sheet: "Phụ lục")
            #expect(sheet.rows.contains { $0[0] == .text("STT") && $0[1] == .text("Nội dung") })
            #expect(try await Review.query(on: app.db).count() == 0)
        }
    }

    @Test func badOptionsAreToldInVietnamese() async throws {
        try await withTestApp { app in
            // setup
            try await ReviewTestSupport.world(app)
            let output = FileManager.default.temporaryDirectory.appendingPathComponent("x-\(UUID().uuidString).pdf").path

            // act
            var messages: [String] = []
            for arguments in [
                Self.arguments("pdf", output), Self.arguments("docx", output, kind: "so-ket-2-nam"),
                ["--unit", "KHONG-CO", "--from", "2024-01-01", "--to", "2024-12-31", "--kind", "bao-cao-nam", "--format", "json",
                 "--output", output],
                ["--unit", "TU", "--from", "2024-13-01", "--to", "2024-01-01", "--kind", "bao-cao-nam", "--format", "json", "--output", output],
                Self.arguments("json", "/khong-co-thu-muc-nay/bao-cao.json"),
            ] {
                do {
                    try await Self.run(app, arguments)
                    messages.append("")
                } catch {
                    messages.append("\(error)")
                }
            }

            // assert
            #expect(messages[0].contains("--format: định dạng “pdf” không có; chọn docx, xlsx hoặc json."))
            #expect(messages[1].contains("--kind: loại báo cáo “so-ket-2-nam” không có"))
            #expect(messages[2].contains("--unit: không tìm thấy tổ chức đảng có mã “KHONG-CO”."))
            #expect(messages[3].contains("--from (từ ngày): không đúng dạng ngày"))
            #expect(messages[4].contains("Không có thư mục “/khong-co-thu-muc-nay” để ghi tệp."), "\(messages[4])")
            #expect(!FileManager.default.fileExists(atPath: output))
        }
    }
}
