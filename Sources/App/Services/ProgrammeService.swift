import Domain
import Fluent
import Vapor


/// A programme form or API body, as entered.
struct ProgrammeInput: Sendable {
    var documentNumber: String?
    var title: String?
    var issuedOn: String?
    var startsOn: String?
    var endsOn: String?
    var summary: String?
}

/// What the audit log keeps of a programme.
struct ProgrammeSnapshot: Codable, Sendable {
    let documentNumber: String
    let title: String
    let issuedOn: String
    let startsOn: String
    let endsOn: String?
    let summary: String

    init(_ p: Programme) {
        documentNumber = p.documentNumber
        title = p.title
        issuedOn = p.issuedOn.iso
        startsOn = p.startsOn.iso
        endsOn = p.endsOn?.iso
        summary = p.summary
    }
}

extension Programme {
    /// Whether `year` is one of the calendar years the programme runs in: topics must fall inside
    /// them. An open-ended programme (no end date yet) accepts any later year.
    func containsTopicYear(_ year: Int) -> Bool {
        year >= startsOn.year && (endsOn.map { year <= $0.year } ?? true)
    }

    /// "2016–2021", or "từ 2021" while the programme has no end date.
    var topicYearsText: String {
        endsOn.map { "\(startsOn.year)–\($0.year)" } ?? "từ \(startsOn.year)"
    }
}

/// Creates and changes programmes (Chỉ thị 05-CT/TW, Kết luận 01-KL/TW, their successors).
/// Only administrators change them: a programme is national, above every unit.
enum ProgrammeService {
    static let titleLimit = 500

    static func create(_ input: ProgrammeInput, access: Access) async throws -> Programme {
        try access.requireRole(.admin)
        let programme = Programme()
        try await validated(input, for: nil, on: access.db).apply(to: programme)
        try await saving(programme) {
            try await access.db.transaction { tx in
                try await programme.create(on: tx)
                try await Audit.record(
                    on: tx, by: access.user, .create, .programme, id: programme.id, unit: nil,
                    summary: "Thêm chương trình \(programme.documentNumber)", after: ProgrammeSnapshot(programme))
            }
        }
        return programme
    }

    static func update(_ programme: Programme, with input: ProgrammeInput, access: Access) async throws {
        try access.requireRole(.admin)
        let before = ProgrammeSnapshot(programme)
        try await validated(input, for: programme, on: access.db).apply(to: programme)
        try await saving(programme) {
            try await access.db.transaction { tx in
                try await programme.update(on: tx)
                try await Audit.record(
                    on: tx, by: access.user, .update, .programme, id: programme.id, unit: nil,
                    summary: "Sửa chương trình \(programme.documentNumber)", before: before,
                    after: ProgrammeSnapshot(programme))
            }
        }
    }

    /// A concurrent save of the same number passes the check but hits the unique index.
    private static func saving(_ programme: Programme, _ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let error as any DatabaseError where error.isConstraintFailure {
            throw InvalidInput([ValidationFailure(field: "documentNumber", message: duplicateMessage(programme.documentNumber))])
        }
    }

    static func duplicateMessage(_ number: String) -> String {
        "Số hiệu văn bản: đã có chương trình mang số \(number)."
    }

    private struct Values {
        let number: DocumentNumber
        let title: String
        let issuedOn: LocalDate
        let startsOn: LocalDate
        let endsOn: LocalDate?
        let summary: String

        func apply(to p: Programme) {
            p.documentNumber = number.raw
            p.title = title
            p.issuedOn = issuedOn
            p.startsOn = startsOn
            p.endsOn = endsOn
            p.summary = summary
        }
    }

    private static func validated(_ input: ProgrammeInput, for existing: Programme?, on db: any Database) async throws -> Values {
        var problems = InvalidInput()
        var number: DocumentNumber?
        switch DocumentNumber.parse(input.documentNumber ?? "") {
        case .failure(let error):
            problems.add("documentNumber", InvalidInput.labelled("Số hiệu văn bản", error.message))
        case .success(let parsed) where parsed.style != .party:
            problems.add("documentNumber", "Số hiệu văn bản: chương trình là văn bản của Đảng, số hiệu có dạng 05-CT/TW hoặc 01-KL/TW (không dùng dạng văn bản hành chính như \(parsed.raw)).")
        case .success(let parsed):
            var query = Programme.query(on: db).filter(\.$documentNumber == parsed.raw)
            if let id = existing?.id { query = query.filter(\.$id != id) }
            if try await query.first() != nil {
                problems.add("documentNumber", duplicateMessage(parsed.raw))
            } else {
                number = parsed
            }
        }
        let title = VietnameseText.normalize(input.title ?? "")
        if title.isEmpty {
            problems.add("title", "Tên chương trình: chưa nhập.")
        } else if title.count > titleLimit {
            problems.add("title", "Tên chương trình: dài quá \(titleLimit) ký tự.")
        }
        let issuedOn = requiredDate(input.issuedOn, "issuedOn", "Ngày ban hành", &problems)
        if let issuedOn, issuedOn > .today() {
            problems.add("issuedOn", "Ngày ban hành: không được sau ngày hôm nay.")
        }
        let startsOn = requiredDate(input.startsOn, "startsOn", "Ngày bắt đầu", &problems)
        var endsOn: LocalDate?
        let endText = VietnameseText.normalize(input.endsOn ?? "")
        if !endText.isEmpty {
            endsOn = LocalDate.parse(endText)
            if endsOn == nil {
                problems.add("endsOn", "Ngày kết thúc: không đúng dạng ngày (ví dụ 18/5/2021 hoặc 2021-05-18).")
            } else if let startsOn, let end = endsOn, end <= startsOn {
                problems.add("endsOn", "Ngày kết thúc: phải sau ngày bắt đầu (\(VietnameseFormat.date(startsOn))).")
            }
        }
        // Topics already chosen under the programme must stay inside its years.
        if let existing, let id = existing.id, let startsOn {
            let first = try await Topic.query(on: db).filter(\.$programmeID == id).min(\.$year)
            let last = try await Topic.query(on: db).filter(\.$programmeID == id).max(\.$endYear)
            if let first, first < startsOn.year {
                problems.add("startsOn", "Ngày bắt đầu: chương trình đã có chuyên đề từ năm \(first), nên không thể bắt đầu sau năm đó.")
            }
            if let last, let end = endsOn, last > end.year {
                problems.add("endsOn", "Ngày kết thúc: chương trình đã có chuyên đề đến năm \(last), nên không thể kết thúc trước năm đó.")
            }
        }
        try problems.check()
        return Values(
            number: number!, title: title, issuedOn: issuedOn!, startsOn: startsOn!, endsOn: endsOn,
            summary: VietnameseText.normalize(input.summary ?? ""))
    }

    /// A required date, entered as 18/5/2021 or 2021-05-18; the message names the field.
    static func requiredDate(_ text: String?, _ field: String, _ label: String, _ problems: inout InvalidInput) -> LocalDate? {
        let value = VietnameseText.normalize(text ?? "")
        if value.isEmpty {
            problems.add(field, "\(label): chưa nhập.")
            return nil
        }
        guard let date = LocalDate.parse(value) else {
            problems.add(field, "\(label): không đúng dạng ngày (ví dụ 18/5/2021 hoặc 2021-05-18).")
            return nil
        }
        return date
    }
}
