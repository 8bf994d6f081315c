import Domain
import Foundation
import Reports

/// A review as the files it is downloaded as: the official .docx (Hướng dẫn 36-HD/VPTW, with the
/// appendix inside) and the .xlsx appendix, both from the SAVED figures. The page, the command
/// line and the API's callers all go through here.
enum ReviewDocument {
    /// The indicators the document's breakdown table shows (the full breakdown is in the .xlsx).
    static let keyIndicators: [IndicatorCode] = [.unitPlans, .studySessions, .studyParticipation, .monthlyContent,
                                                 .personalPlans, .commendations]

    static func official(_ review: Review) -> OfficialDocument {
        var body: [DocumentBlock] = []
        for part in review.parts {
            body.append(.heading(part.title, level: 1))
            for paragraph in ReviewPart.paragraphs(part.text) {
                body.append(ReviewPart.isSubheading(paragraph) ? .heading(paragraph, level: 2) : .paragraph(paragraph))
            }
        }
        let breakdown = review.breakdown
        let columns = keyIndicators.compactMap { code in breakdown.columns.firstIndex { $0.hasPrefix(code.rawValue + " ") } }
        body.append(.pageBreak)
        body.append(.table(FigureDocumentTables.appendix(review.appendix, caption: "PHỤ LỤC")))
        if !breakdown.rows.isEmpty {
            body.append(.table(FigureDocumentTables.breakdown(
                breakdown, caption: "Biểu 2: Một số chỉ tiêu chia theo đơn vị trực thuộc", columns: columns)))
        }
        return OfficialDocument(
            superiorBody: review.superiorBody, issuingBody: review.issuingBody, number: review.number, place: review.place,
            date: review.issuedOn, type: "BÁO CÁO", summary: review.summary, body: body,
            signature: .init(onBehalfOf: review.signatureOnBehalf, title: review.signatureTitle, name: review.signatureName),
            recipients: review.recipients.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
    }

    static func docx(_ review: Review) throws -> Data {
        try DocxWriter.write(official(review))
    }

    static func workbook(_ review: Review, unitName: String) -> Workbook {
        FigureWorkbook.make(
            title: "PHỤ LỤC SỐ LIỆU – \(review.kind.label.uppercased()) \(unitName.uppercased())",
            subtitle: "\(review.summary) (\(ReviewDrafter.periodText(review.period)))",
            appendix: review.appendix, breakdown: review.breakdown)
    }

    static func xlsx(_ review: Review, unitName: String) throws -> Data {
        try XlsxWriter.write(workbook(review, unitName: unitName))
    }

    /// "so-ket-3-nam_TU_2021-05-18_2024-05-18.docx"
    static func filename(_ review: Review, unitCode: String, ext: String) -> String {
        "\(review.kind.rawValue)_\(unitCode)_\(review.periodFrom.iso)_\(review.periodTo.iso).\(ext)"
    }

    /// The JSON the `report` command writes: { unit, period, kind, parts, appendix, breakdown }.
    struct JSON: Codable {
        struct Unit: Codable { let code: String; let name: String }
        struct Period: Codable { let from: String; let to: String }
        struct Part: Codable { let title: String; let paragraphs: [String] }
        let unit: Unit
        let period: Period
        let kind: String
        let summary: String
        let parts: [Part]
        let appendix: FigureTable
        let breakdown: FigureTable
    }

    static func json(_ review: Review, unitCode: String, unitName: String) throws -> Data {
        let value = JSON(
            unit: .init(code: unitCode, name: unitName), period: .init(from: review.periodFrom.iso, to: review.periodTo.iso),
            kind: review.kind.rawValue, summary: review.summary,
            parts: review.parts.map { .init(title: $0.title, paragraphs: ReviewPart.paragraphs($0.text)) },
            appendix: review.appendix, breakdown: review.breakdown)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }
}
