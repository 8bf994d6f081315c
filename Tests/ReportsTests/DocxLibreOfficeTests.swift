import Foundation
import Testing
@testable import Reports

/// The written files open in LibreOffice: the report converts to a PDF with the expected text,
/// the workbook to CSV with numbers as numbers.
@Suite(.serialized) struct DocxLibreOfficeTests {
    static func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("reports-lo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Copies what a test produced to $REPORTS_KEEP_DIR, when set, for a person to look at.
    static func keep(_ directory: URL) {
        guard let keep = ProcessInfo.processInfo.environment["REPORTS_KEEP_DIR"] else { return }
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        for file in files where file != "lo" {
            let target = URL(fileURLWithPath: keep).appendingPathComponent(file)
            try? FileManager.default.removeItem(at: target)
            try? FileManager.default.copyItem(at: directory.appendingPathComponent(file), to: target)
        }
    }

    /// `soffice --headless --convert-to <filter>` of `file` into `directory`, with its own profile.
    static func convert(_ file: URL, to filter: String, in directory: URL) throws {
        let soffice = try ExternalTool.find("soffice", package: "libreoffice-writer-nogui (and libreoffice-calc-nogui)")
        try ExternalTool.run(soffice, [
            "--headless", "-env:UserInstallation=file://\(directory.path)/lo", "--convert-to", filter,
            "--outdir", directory.path, file.path,
        ])
        let format = String(filter.prefix { $0 != ":" })
        let output = file.deletingPathExtension().appendingPathExtension(format).lastPathComponent
        guard FileManager.default.fileExists(atPath: directory.appendingPathComponent(output).path) else {
            let package = format == "pdf" ? "libreoffice-writer-nogui" : "libreoffice-calc-nogui"
            throw ExternalTool.Failed(description: "LibreOffice wrote no \(output): install the Debian package \(package)")
        }
    }

    @Test func reportConvertsToPDFWithItsText() throws {
        let directory = try Self.scratch()
        defer { Self.keep(directory); try? FileManager.default.removeItem(at: directory) }
        let docx = directory.appendingPathComponent("bao-cao.docx")
        try DocxWriter.write(SampleReport.document).write(to: docx)
        try Self.convert(docx, to: "pdf", in: directory)
        let pdftotext = try ExternalTool.find("pdftotext", package: "poppler-utils")
        let textFile = directory.appendingPathComponent("bao-cao.txt")
        try ExternalTool.run(pdftotext, ["-layout", directory.appendingPathComponent("bao-cao.pdf").path, textFile.path])
        let text = try String(contentsOf: textFile, encoding: .utf8).precomposedStringWithCanonicalMapping
        let expected = [
            "ĐẢNG CỘNG SẢN VIỆT NAM", "ĐẢNG BỘ TỈNH LẠC HỒNG", "Số 12-BC/ĐU", "Đại Lộc, ngày 15 tháng 5 năm 2024", "BÁO CÁO",
            "Sơ kết 3 năm thực hiện Chỉ thị 05-CT/TW", "I. KẾT QUẢ THỰC HIỆN", "Có 95,3% tổ chức đảng", "PHỤ LỤC",
            "Tổ chức đảng có kế hoạch", "42/45 tổ chức", "1.234,5", "Đảng ủy xã Hòa Tiến", "Nơi nhận:",
            "T/M BAN THƯỜNG VỤ", "Nguyễn Văn Minh",
        ]
        let missing = expected.filter { !text.contains($0) }
        #expect(missing.isEmpty, "PDF text lacks \(missing)")
        let issuing = text.contains("BAN THƯỜNG VỤ ĐẢNG ỦY") && text.contains("ĐẠI LỘC")
        #expect(issuing, "the issuing body (may wrap)")
        let escaped = text.contains("<đúng hạn> & báo cáo")
        #expect(escaped)
        // Page 2 (after the page break) carries its number at the top; page 1 none.
        let pages = text.components(separatedBy: "\u{0C}")
        #expect(pages.count >= 2)
        if pages.count >= 2 {
            #expect(pages[1].split(separator: "\n").first { !$0.allSatisfy(\.isWhitespace) }?.trimmingCharacters(in: .whitespaces) == "2")
        }
    }

    @Test func workbookConvertsToCSVWithNumbers() throws {
        let directory = try Self.scratch()
        defer { Self.keep(directory); try? FileManager.default.removeItem(at: directory) }
        let xlsx = directory.appendingPathComponent("phu-luc.xlsx")
        try XlsxWriter.write(FigureWorkbookTests.workbook).write(to: xlsx)
        // Comma, double quote, UTF-8, from line 1, quote every text cell, cells as shown.
        try Self.convert(xlsx, to: "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,true,false,true", in: directory)
        let csv = try String(contentsOf: directory.appendingPathComponent("phu-luc.csv"), encoding: .utf8)
        let lines = csv.components(separatedBy: .newlines)
        #expect(lines.first?.hasPrefix("\"KẾT QUẢ THỰC HIỆN CHỈ THỊ 05\"") == true)
        // Text quoted, numbers bare with the sheet's number formats.
        #expect(lines.contains("\"1\",\"Tổ chức đảng có kế hoạch thực hiện năm\",\"%\",90.0,95.3,93.0,\"42/45 tổ chức\""), "\(csv)")
        #expect(lines.contains("\"2\",\"Chuyên đề được học tập\",\"Chuyên đề\",12,14,26,"), "\(csv)")
    }
}
