import Domain
import Fluent
import Vapor

/// A due-date form or API body, as entered.
struct DueDateInput: Sendable {
    var unitCode: String?
    var kind: String?
    var year: String?
    var dueOn: String?
    var note: String?
}

/// What the audit log keeps of a due date.
struct DueDateSnapshot: Codable, Sendable {
    let unitID: Int
    let kind: String
    let year: Int
    let dueOn: String
    let note: String

    init(_ d: DueDate) {
        unitID = d.unitID
        kind = d.kind.rawValue
        year = d.year
        dueOn = d.dueOn.iso
        note = d.note
    }
}

/// Due dates (hạn nộp) a unit sets for what the units and members below it submit. A writer sets
/// them for units of their subtree; the ones set above the account's scope bind it and are
/// shown, read-only.
enum DueDateService {
    static let noteLimit = 1000

    static func create(_ input: DueDateInput, access: Access) async throws -> DueDate {
        try TopicService.requireWriter(access)
        let due = DueDate()
        try await validated(input, for: nil, access: access).apply(to: due)
        try await saving(due) {
            try await access.db.transaction { tx in
                try await due.create(on: tx)
                try await Audit.record(
                    on: tx, by: access.user, .create, .dueDate, id: due.id, unit: due.unitID,
                    summary: "Đặt hạn nộp \(due.kind.label.lowercased()) năm \(due.year): ngày \(VietnameseFormat.date(due.dueOn))",
                    after: DueDateSnapshot(due))
            }
        }
        return due
    }

    static func update(_ due: DueDate, with input: DueDateInput, access: Access) async throws {
        try await access.requireWrite(unit: due.unitID)
        let before = DueDateSnapshot(due)
        try await validated(input, for: due, access: access).apply(to: due)
        try await saving(due) {
            try await access.db.transaction { tx in
                try await due.update(on: tx)
                try await Audit.record(
                    on: tx, by: access.user, .update, .dueDate, id: due.id, unit: due.unitID,
                    summary: "Sửa hạn nộp \(due.kind.label.lowercased()) năm \(due.year): ngày \(VietnameseFormat.date(due.dueOn))",
                    before: before, after: DueDateSnapshot(due))
            }
        }
    }

    /// A due date set in the account's subtree or above it (those bind the subtree); 404 otherwise.
    static func readable(_ id: Int?, access: Access) async throws -> DueDate {
        try UnitPlanService.requireLister(access)
        guard let id, let due = try await DueDate.find(id, on: access.db),
              try await access.canSeeFromAbove(unit: due.unitID)
        else { throw Abort(.notFound) }
        return due
    }

    /// A due date the account may change: only those set in its subtree (one set above is read-only).
    static func writable(_ id: Int?, access: Access) async throws -> DueDate {
        let due = try await readable(id, access: access)
        guard try await access.canSee(unit: due.unitID) else {
            throw Abort(.forbidden, reason: "Hạn nộp này do cấp trên đặt; bạn chỉ xem được.")
        }
        try await access.requireWrite(unit: due.unitID)
        return due
    }

    struct Values {
        let unitID: Int
        let kind: DueKind
        let year: Int
        let dueOn: LocalDate
        let note: String

        func apply(to d: DueDate) {
            d.unitID = unitID
            d.kind = kind
            d.year = year
            d.dueOn = dueOn
            d.note = note
        }
    }

    static func validated(_ input: DueDateInput, for existing: DueDate?, access: Access) async throws -> Values {
        var problems = InvalidInput()
        let unit = try await UnitLookup.resolve(input.unitCode, label: "Đơn vị đặt hạn", access: access, &problems)
        let kind = DueKind(rawValue: input.kind ?? "")
        if kind == nil { problems.add("kind", "Loại hạn nộp: chưa chọn.") }

        var year: Int?
        let yearText = VietnameseText.normalize(input.year ?? "")
        if yearText.isEmpty {
            problems.add("year", "Năm: chưa nhập.")
        } else if let value = Int(yearText), (1945...9999).contains(value) {
            year = value
        } else {
            problems.add("year", "Năm: phải là một năm từ 1945 đến 9999.")
        }
        if let unit, let value = year, !UnitPlanService.alive(unit, in: value) {
            problems.add("year", "Năm: \(unit.name) không tồn tại trong năm \(value).")
        }

        let dueOn = ProgrammeService.requiredDate(input.dueOn, "dueOn", "Hạn nộp", &problems)
        if let dueOn, let value = year, abs(dueOn.year - value) > 1 {
            problems.add("dueOn", "Hạn nộp: phải trong năm \(value), hoặc cuối năm trước, đầu năm sau.")
        }

        let note = VietnameseText.normalize(input.note ?? "")
        if note.count > noteLimit { problems.add("note", "Ghi chú: dài quá \(VietnameseFormat.number(noteLimit)) ký tự.") }

        if let unit, let kind, let value = year, !problems.hasFailure("year") {
            var query = DueDate.query(on: access.db).filter(\.$unitID == unit.id!).filter(\.$kind == kind).filter(\.$year == value)
            if let id = existing?.id { query = query.filter(\.$id != id) }
            if let other = try await query.first() {
                problems.add("year", duplicateMessage(unitName: unit.name, kind: kind, year: value, dueOn: other.dueOn))
            }
        }
        try problems.check()
        return Values(unitID: unit!.id!, kind: kind!, year: year!, dueOn: dueOn!, note: note)
    }

    static func duplicateMessage(unitName: String, kind: DueKind, year: Int, dueOn: LocalDate?) -> String {
        let day = dueOn.map { " (ngày \(VietnameseFormat.date($0)))" } ?? ""
        return "Năm: \(unitName) đã đặt hạn nộp “\(kind.label)” năm \(year)\(day); mỗi loại mỗi năm chỉ một hạn, hãy sửa hạn đã có."
    }

    /// A concurrent save of the same (unit, kind, year) passes the check but hits the unique index.
    private static func saving(_ due: DueDate, _ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let error as any DatabaseError where error.isConstraintFailure {
            throw InvalidInput([ValidationFailure(field: "year", message: "Năm: đơn vị đã đặt hạn nộp “\(due.kind.label)” năm \(due.year); "
                + "mỗi loại mỗi năm chỉ một hạn, hãy sửa hạn đã có.")])
        }
    }
}
