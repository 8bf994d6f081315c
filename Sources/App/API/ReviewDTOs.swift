import Domain
import Foundation
import Vapor

/// A saved review in /api/v1: its header, parts and saved figures.
struct ReviewDTO: Content, APISchema {
    struct Part: Content, APISchema {
        let title: String
        let text: String

        static let schemaName = "ReviewPart"
        static let schema = JSONSchema.object([("title", .string()), ("text", .string())], required: ["title", "text"])
    }

    let id: Int
    let programmeId: Int
    let unitId: Int
    let unitCode: String
    let unitName: String
    let kind: String
    let kindLabel: String
    let from: String
    let to: String
    let superiorBody: String
    let issuingBody: String
    let number: String
    let place: String
    let issuedOn: String
    let summary: String
    let signatureOnBehalf: String
    let signatureTitle: String
    let signatureName: String
    let recipients: [String]
    let parts: [Part]
    let figuresAt: Date
    let appendix: FigureTable
    let breakdown: FigureTable

    init(_ r: Review, unit: OrgUnit?) {
        id = r.id!
        programmeId = r.programmeID
        unitId = r.unitID
        unitCode = unit?.code ?? ""
        unitName = unit?.name ?? ""
        kind = r.kind.rawValue
        kindLabel = r.kind.label
        from = r.periodFrom.iso
        to = r.periodTo.iso
        superiorBody = r.superiorBody
        issuingBody = r.issuingBody
        number = r.number
        place = r.place
        issuedOn = r.issuedOn.iso
        summary = r.summary
        signatureOnBehalf = r.signatureOnBehalf
        signatureTitle = r.signatureTitle
        signatureName = r.signatureName
        recipients = r.recipients.split(separator: "\n").map(String.init)
        parts = r.parts.map { Part(title: $0.title, text: $0.text) }
        figuresAt = r.figuresAt
        appendix = r.appendix
        breakdown = r.breakdown
    }

    static let schemaName = "Review"
    static let nestedSchemas: [any APISchema.Type] = [Part.self, FigureTable.self, FigureRow.self]
    static let schema = JSONSchema.object([
        ("id", .integer(minimum: 1)),
        ("programmeId", .integer(minimum: 1)),
        ("unitId", .integer(minimum: 1)),
        ("unitCode", .string()),
        ("unitName", .string()),
        ("kind", .enumeration(ReviewKind.allCases.map(\.rawValue))),
        ("kindLabel", .string()),
        ("from", .date),
        ("to", .date),
        ("superiorBody", .string()),
        ("issuingBody", .string()),
        ("number", .string()),
        ("place", .string()),
        ("issuedOn", .date),
        ("summary", .string()),
        ("signatureOnBehalf", .string()),
        ("signatureTitle", .string()),
        ("signatureName", .string()),
        ("recipients", .array(.string())),
        ("parts", .array(.ref(Part.schemaName))),
        ("figuresAt", .dateTime),
        ("appendix", .ref(FigureTable.schemaName)),
        ("breakdown", .ref(FigureTable.schemaName)),
    ], required: ["id", "programmeId", "unitId", "unitCode", "unitName", "kind", "kindLabel", "from", "to", "superiorBody",
                  "issuingBody", "number", "place", "issuedOn", "summary", "signatureOnBehalf", "signatureTitle", "signatureName",
                  "recipients", "parts", "figuresAt", "appendix", "breakdown"])
}

/// A review in the list: what it is, not its text.
struct ReviewSummaryDTO: Content, APISchema {
    let id: Int
    let unitCode: String
    let unitName: String
    let kind: String
    let from: String
    let to: String
    let number: String
    let issuedOn: String
    let summary: String

    init(_ r: Review, unit: OrgUnit?) {
        id = r.id!
        unitCode = unit?.code ?? ""
        unitName = unit?.name ?? ""
        kind = r.kind.rawValue
        from = r.periodFrom.iso
        to = r.periodTo.iso
        number = r.number
        issuedOn = r.issuedOn.iso
        summary = r.summary
    }

    static let schemaName = "ReviewSummary"
    static let schema = JSONSchema.object([
        ("id", .integer(minimum: 1)), ("unitCode", .string()), ("unitName", .string()),
        ("kind", .enumeration(ReviewKind.allCases.map(\.rawValue))), ("from", .date), ("to", .date), ("number", .string()),
        ("issuedOn", .date), ("summary", .string()),
    ], required: ["id", "unitCode", "unitName", "kind", "from", "to", "number", "issuedOn", "summary"])
}

extension FigureTable: APISchema {
    static let schemaName = "FigureTable"
    static let schema = JSONSchema.object([
        ("columns", .array(.string())), ("rows", .array(.ref(FigureRow.schemaName))),
    ], required: ["columns", "rows"])
}

extension FigureRow: APISchema {
    static let schemaName = "FigureRow"
    static let schema = JSONSchema.object([
        ("key", .string()), ("stt", .string()), ("label", .string()), ("unit", .string()),
        ("values", .array(.nullable(.number))), ("note", .string()), ("isHeading", .boolean),
    ], required: ["key", "stt", "label", "unit", "values", "note", "isHeading"])
}

/// POST /reviews: what to draft. Optional in Swift so a missing field gets a 422 naming it.
struct ReviewCreateBody: Content, APISchema {
    var programmeId: Int?
    var unit: String?
    var kind: String?
    var from: String?
    var to: String?

    var start: ReviewStart {
        ReviewStart(programmeID: programmeId.map(String.init), unitCode: unit, kind: kind, from: from, to: to)
    }

    static let schemaName = "ReviewCreate"
    static let schema = JSONSchema.object([
        ("programmeId", .integer(minimum: 1)), ("unit", .string()), ("kind", .enumeration(ReviewKind.allCases.map(\.rawValue))),
        ("from", .date), ("to", .date),
    ], required: ["unit", "kind", "from", "to"])
}

/// PUT /reviews/{id}: the header, signature, recipients and parts; a field left out keeps its value.
struct ReviewUpdateBody: Content, APISchema {
    var superiorBody: String?
    var issuingBody: String?
    var number: String?
    var place: String?
    var issuedOn: String?
    var summary: String?
    var signatureOnBehalf: String?
    var signatureTitle: String?
    var signatureName: String?
    var recipients: [String]?
    /// The four parts' texts, in order (paragraphs separated by blank lines).
    var parts: [String]?

    func edit() throws -> ReviewEdit {
        if let parts, parts.count != 4 {
            throw InvalidInput([ValidationFailure(field: "parts", message: "Các phần: phải gửi đủ 4 phần theo thứ tự.")])
        }
        return ReviewEdit(superiorBody: superiorBody, issuingBody: issuingBody, number: number, place: place, issuedOn: issuedOn,
                          summary: summary, signatureOnBehalf: signatureOnBehalf, signatureTitle: signatureTitle,
                          signatureName: signatureName, recipients: recipients?.joined(separator: "\n"),
                          parts: parts ?? [nil, nil, nil, nil])
    }

    static let schemaName = "ReviewUpdate"
    static let schema = JSONSchema.object([
        ("superiorBody", .string(maxLength: ReviewService.lineLimit)),
        ("issuingBody", .string(maxLength: ReviewService.lineLimit)),
        ("number", .string(maxLength: ReviewService.lineLimit)),
        ("place", .string(maxLength: ReviewService.lineLimit)),
        ("issuedOn", .date),
        ("summary", .string(maxLength: ReviewService.lineLimit)),
        ("signatureOnBehalf", .string(maxLength: ReviewService.lineLimit)),
        ("signatureTitle", .string(maxLength: ReviewService.lineLimit)),
        ("signatureName", .string(maxLength: ReviewService.lineLimit)),
        ("recipients", .array(.string())),
        ("parts", .array(.string(maxLength: ReviewService.partLimit))),
    ], required: [])
}
