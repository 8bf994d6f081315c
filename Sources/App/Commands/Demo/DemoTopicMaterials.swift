import Domain
import Fluent
import Foundation
import Vapor

/// Study materials for the demo: each annual topic of the Tỉnh ủy gets an outline as a one-page
/// PDF and discussion questions as a UTF-8 text file, uploaded by the province's officer in
/// mid-January of the topic's year.
enum DemoTopicMaterials {
    static let uploader = "tinhuy"

    static func build(_ tx: any Database) async throws {
        guard let tu = try await OrgUnit.query(on: tx).filter(\.$code == DemoDocuments.topicsUnit).first() else { return }
        let topics = try await Topic.query(on: tx).filter(\.$unitID == tu.id!).filter(\.$kind == .annual)
            .sort(\.$year).sort(\.$id).all()
        for topic in topics {
            let outline = [
                "DE CUONG GIOI THIEU CHUYEN DE NAM \(topic.year)",
                "",
                MaterialFilename.ascii(topic.title),
                "",
                "I. Muc dich, yeu cau",
                "II. Noi dung chu yeu cua chuyen de",
                "III. Lien he thuc tien cua dia phuong, co quan, don vi",
                "IV. To chuc hoc tap, quan triet va dang ky lam theo",
                "",
                "Ban Tuyen giao Tinh uy Lac Hong",
            ]
            let questions = """
                Câu hỏi thảo luận chuyên đề năm \(topic.year)

                1. Những nội dung cốt lõi của chuyên đề “\(topic.title)” là gì?
                2. Liên hệ với nhiệm vụ của chi bộ, cơ quan, đơn vị: những việc làm cụ thể nào cần đăng ký làm theo?
                3. Mỗi đảng viên nêu gương bằng việc làm gì trong năm \(topic.year)?

                Ban Tuyên giáo Tỉnh ủy Lạc Hồng
                """
            let uploaded = DateComponents(
                calendar: Calendar(identifier: .gregorian), timeZone: .vietnam, year: topic.year, month: 1, day: 15, hour: 8).date!
            try await material(topic, title: "Đề cương giới thiệu chuyên đề năm \(topic.year)",
                               filename: "Đề cương chuyên đề năm \(topic.year).pdf", type: .pdf,
                               data: MinimalPDF.make(lines: outline), at: uploaded, on: tx)
            try await material(topic, title: "Câu hỏi thảo luận",
                               filename: "Câu hỏi thảo luận \(topic.year).txt", type: .txt,
                               data: Data(questions.utf8), at: uploaded.addingTimeInterval(600), on: tx)
        }
    }

    private static func material(
        _ topic: Topic, title: String, filename: String, type: MaterialFileType, data: Data, at: Date, on tx: any Database
    ) async throws {
        let m = TopicMaterial()
        m.topicID = topic.id!
        m.createdAt = at
        m.title = title
        m.filename = filename
        m.contentType = type.contentType
        m.size = data.count
        m.sha256 = SHA256.hash(data: data).hex
        m.data = data
        m.username = uploader
        try await m.create(on: tx)
    }
}

/// A one-page PDF of plain ASCII lines in Helvetica: enough for a demo handout, and a real file
/// any reader opens (the cross-reference offsets are computed).
enum MinimalPDF {
    /// Characters a line holds between the margins at 12 pt (Helvetica averages about 6 pt a character).
    static let lineWidth = 80

    static func make(lines: [String]) -> Data {
        let text = lines.flatMap(wrapped).map { "(" + escaped($0) + ") Tj T*" }.joined(separator: "\n")
        let content = "BT /F1 12 Tf 16 TL 56 786 Td\n\(text)\nET"
        let objects = [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
            "<< /Length \(content.utf8.count) >>\nstream\n\(content)\nendstream",
        ]
        var pdf = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (index, body) in objects.enumerated() {
            offsets.append(pdf.utf8.count)
            pdf += "\(index + 1) 0 obj\n\(body)\nendobj\n"
        }
        let xref = pdf.utf8.count
        pdf += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets { pdf += String(format: "%010d 00000 n \n", offset) }
        pdf += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return Data(pdf.utf8)
    }

    /// A long line broken between words.
    private static func wrapped(_ line: String) -> [String] {
        var out: [String] = [], current = ""
        for word in line.split(separator: " ") {
            if !current.isEmpty, current.count + 1 + word.count > lineWidth {
                out.append(current)
                current = ""
            }
            current += (current.isEmpty ? "" : " ") + word
        }
        return out + [current]
    }

    /// Printable ASCII only, with the string delimiters escaped.
    private static func escaped(_ line: String) -> String {
        var out = ""
        for ch in MaterialFilename.ascii(line) {
            if ch == "(" || ch == ")" || ch == "\\" { out.append("\\") }
            out.append(ch)
        }
        return out
    }
}
