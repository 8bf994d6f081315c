import Domain
import Fluent
import Vapor

/// A guidance-document form or API body, as entered.
struct DocumentInput: Sendable {
    var unitCode: String?
    var number: String?
    var kind: String?
    var title: String?
    var issuedOn: String?
    var programmeID: String?
}

/// What the audit log keeps of a guidance document.
struct DocumentSnapshot: Codable, Sendable {
    let unitID: Int
    let number: String
    let numberStyle: String
    let kind: String
    let title: String
    let issuedOn: String
    let programmeID: Int?

    init(_ d: GuidanceDocument) {
        unitID = d.unitID
        number = d.number
        numberStyle = d.numberStyle.rawValue
        kind = d.kind.rawValue
        title = d.title
        issuedOn = d.issuedOn.iso
        programmeID = d.programmeID
    }
}

/// The register of guidance documents (văn bản chỉ đạo): the plans, guides and directives a unit
/// issues to carry out a programme. Numbers are validated and kept as entered.
enum DocumentService {
    static let titleLimit = 1000

    static func create(_ input: DocumentInput, access: Access) async throws -> GuidanceDocument {
        try TopicService.requireWriter(access)
        let document = GuidanceDocument()
        try await validated(input, for: nil, access: access).apply(to: document)
        try await saving(document) {
            try await access.db.transaction { tx in
                try await document.create(on: tx)
                try await Audit.record(
                    on: tx, by: access.user, .create, .document, id: document.id, unit: document.unitID,
                    summary: "Thêm văn bản \(document.number)", after: DocumentSnapshot(document))
            }
        }
        return document
    }

    static func update(_ document: GuidanceDocument, with input: DocumentInput, access: Access) async throws {
        try TopicService.requireWriter(access)
        try await access.requireWrite(unit: document.unitID)
        let before = DocumentSnapshot(document)
        try await validated(input, for: document, access: access).apply(to: document)
        try await saving(document) {
            try await access.db.transaction { tx in
                try await document.update(on: tx)
                try await Audit.record(
                    on: tx, by: access.user, .update, .document, id: document.id, unit: document.unitID,
                    summary: "Sửa văn bản \(document.number)", before: before, after: DocumentSnapshot(document))
            }
        }
    }

    /// A document the account may read (its subtree, or a level above it); 404 otherwise.
    static func readable(_ id: Int?, access: Access) async throws -> GuidanceDocument {
        guard let id, let document = try await GuidanceDocument.find(id, on: access.db),
              try await access.canSeeFromAbove(unit: document.unitID)
        else { throw Abort(.notFound) }
        return document
    }

    /// A document of the account's subtree that it may change: 404 outside, 403 when read-only.
    static func writable(_ id: Int?, access: Access) async throws -> GuidanceDocument {
        guard let id, let document = try await GuidanceDocument.find(id, on: access.db) else { throw Abort(.notFound) }
        try await access.requireWrite(unit: document.unitID)
        return document
    }

    static func duplicateMessage(_ number: String, unitName: String) -> String {
        "Số, ký hiệu văn bản: \(unitName) đã có văn bản số \(number)."
    }

    /// A concurrent save of the same number passes the check but hits the unique index.
    private static func saving(_ document: GuidanceDocument, _ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let error as any DatabaseError where error.isConstraintFailure {
            throw InvalidInput([ValidationFailure(field: "number", message: duplicateMessage(document.number, unitName: "Đơn vị ban hành"))])
        }
    }

    private struct Values {
        let unitID: Int
        let number: DocumentNumber
        let kind: GuidanceKind
        let title: String
        let issuedOn: LocalDate
        let programmeID: Int?

        func apply(to d: GuidanceDocument) {
            d.unitID = unitID
            d.number = number.raw
            d.numberStyle = number.style
            d.kind = kind
            d.title = title
            d.titleFolded = VietnameseText.fold(title)
            d.issuedOn = issuedOn
            d.programmeID = programmeID
        }
    }

    private static func validated(_ input: DocumentInput, for existing: GuidanceDocument?, access: Access) async throws -> Values {
        let db = access.db
        var problems = InvalidInput()

        let unit = try await UnitLookup.resolve(input.unitCode, label: "Đơn vị ban hành", access: access, &problems)

        var number: DocumentNumber?
        switch DocumentNumber.parse(input.number ?? "") {
        case .failure(let error):
            problems.add("number", InvalidInput.labelled("Số, ký hiệu văn bản", error.message))
        case .success(let parsed):
            if let unit {
                var query = GuidanceDocument.query(on: db).filter(\.$unitID == unit.id!).filter(\.$number == parsed.raw)
                if let id = existing?.id { query = query.filter(\.$id != id) }
                if try await query.first() != nil {
                    problems.add("number", duplicateMessage(parsed.raw, unitName: unit.name))
                }
            }
            number = parsed
        }

        let kind = GuidanceKind(rawValue: input.kind ?? "")
        if kind == nil { problems.add("kind", "Loại văn bản: chưa chọn.") }

        let title = VietnameseText.normalize(input.title ?? "")
        if title.isEmpty {
            problems.add("title", "Trích yếu: chưa nhập.")
        } else if title.count > titleLimit {
            problems.add("title", "Trích yếu: dài quá \(titleLimit) ký tự.")
        }

        let issuedOn = ProgrammeService.requiredDate(input.issuedOn, "issuedOn", "Ngày ban hành", &problems)
        if let issuedOn, issuedOn > .today() {
            problems.add("issuedOn", "Ngày ban hành: không được sau ngày hôm nay.")
        }

        var programmeID: Int?
        let programmeText = VietnameseText.normalize(input.programmeID ?? "")
        if !programmeText.isEmpty {
            if let id = Int(programmeText), try await Programme.find(id, on: db) != nil {
                programmeID = id
            } else {
                problems.add("programmeId", "Chương trình: không tồn tại.")
            }
        }

        try problems.check()
        return Values(unitID: unit!.id!, number: number!, kind: kind!, title: title, issuedOn: issuedOn!, programmeID: programmeID)
    }
}
