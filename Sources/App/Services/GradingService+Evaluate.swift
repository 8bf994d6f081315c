import Domain
import Fluent
import Vapor

/// One row's grade as sent by the form or the API: a level under a four-level regime; a score
/// and "every task done" under a scored regime (the level is then computed, never typed).
struct GradingMark: Sendable {
    var level: String?
    var score: String?
    var allTasksDone: Bool = false
    var note: String?
}

extension GradingService {
    /// Form and body keys of a row's values, for messages beside the right field.
    static func field(_ name: String, _ key: Int) -> String { "\(name)-\(key)" }

    /// Replaces the sheet's grades with `marks` (by row key; a row without a level or score is
    /// ungraded) and its outstanding mark, all or nothing. The sheet stays a draft.
    static func save(_ sheet: GradingSheet, marks: [Int: GradingMark], outstanding: Bool, access: Access) async throws {
        try await access.requireWrite(unit: sheet.unitID)
        guard sheet.status == .draft else {
            throw Abort(.conflict, reason: "Bảng xếp loại đã nộp; cấp trên mở lại thì mới sửa được.")
        }
        let detail = try await detail(sheet, on: access.db)
        let rules = detail.rules
        var problems = InvalidInput()
        var grades: [Int: (level: GradingLevel, score: Double?, done: Bool?, note: String)] = [:]
        for row in detail.rows {
            guard let mark = marks[row.key] else { continue }
            let note = VietnameseText.normalize(mark.note ?? "")
            if note.count > noteLimit { problems.add(field("note", row.key), "Ghi chú của \(row.name): dài quá \(noteLimit) ký tự.") }
            if let bands = rules.bands {
                let text = VietnameseText.normalize(mark.score ?? "")
                guard !text.isEmpty else { continue }
                guard let score = GradingScore.parse(text) else {
                    problems.add(field("score", row.key), "Điểm của \(row.name): nhập số từ 0 đến 100, tối đa một chữ số thập phân (ví dụ 87,5).")
                    continue
                }
                grades[row.key] = (bands.level(score: score, allTasksDone: mark.allTasksDone), score, mark.allTasksDone, note)
            } else {
                let raw = VietnameseText.normalize(mark.level ?? "")
                guard !raw.isEmpty else { continue }
                guard let level = GradingLevel(rawValue: raw) else {
                    problems.add(field("level", row.key), "Mức xếp loại của \(row.name): phải là một trong "
                                 + GradingLevel.allCases.map(\.rawValue).joined(separator: ", ") + ".")
                    continue
                }
                grades[row.key] = (level, nil, nil, note)
            }
        }
        try problems.check()

        let existing = detail.rows.compactMap(\.evaluation)
        let before = GradingSheetSnapshot(sheet, evaluations: existing)
        let isMember = sheet.subject == .member
        var kept: [Evaluation] = [], removed: [Evaluation] = []
        for row in detail.rows {
            guard let grade = grades[row.key] else {
                if let old = row.evaluation { removed.append(old) }
                continue
            }
            let e = row.evaluation ?? Evaluation()
            if row.evaluation == nil {
                e.sheetID = sheet.id!
                e.unitID = sheet.unitID
                e.personID = isMember ? row.key : nil
                e.subjectUnitID = isMember ? nil : row.key
                e.year = sheet.year
                e.subject = sheet.subject
            }
            e.level = grade.level
            e.score = grade.score
            e.allTasksDone = grade.done
            e.note = grade.note
            kept.append(e)
        }
        let (saved, deleted) = (kept, removed)
        try await access.db.transaction { tx in
            for e in deleted { try await e.delete(on: tx) }
            for e in saved { try await e.save(on: tx) }
            sheet.outstanding = rules.outstandingCapPercent != nil && outstanding
            try await sheet.save(on: tx)
            try await Audit.record(on: tx, by: access.user, .update, .gradingSheet, id: sheet.id, unit: sheet.unitID,
                                   summary: "Xếp loại \(sheet.subject.label.lowercased()) năm \(sheet.year) của \(detail.unit.name): "
                                       + "\(saved.count)/\(detail.rows.count) đã xếp loại",
                                   before: before, after: GradingSheetSnapshot(sheet, evaluations: saved))
        }
    }

    /// The cap on HTXSNV, one rule however the grades come (the form, the API, a file): a draft
    /// may be over it — the sheet shows `cap.warning` — and its submission is refused with this.
    static func capRefusal(_ cap: GradingCap?) -> String? {
        cap?.warning.map { $0 + " Hãy sửa trước khi nộp." }
    }

    /// Submits the sheet to the level above: everyone graded and the cap kept, or 422 saying why.
    static func submit(_ sheet: GradingSheet, access: Access, today: LocalDate = .today()) async throws {
        try await access.requireWrite(unit: sheet.unitID)
        guard sheet.status == .draft else { throw Abort(.conflict, reason: "Bảng xếp loại đã nộp.") }
        let detail = try await detail(sheet, on: access.db)
        var problems = InvalidInput()
        if detail.rows.isEmpty { problems.add("sheet", "Bảng xếp loại chưa có ai để xếp loại.") }
        let ungraded = detail.ungraded
        if !ungraded.isEmpty {
            let names = ungraded.prefix(5).map(\.name).joined(separator: ", ") + (ungraded.count > 5 ? "…" : "")
            problems.add("sheet", "Còn \(VietnameseFormat.number(ungraded.count)) chưa xếp loại: \(names).")
        }
        if let refusal = capRefusal(detail.cap) { problems.add("sheet", refusal) }
        try problems.check()
        let before = GradingSheetSnapshot(sheet, evaluations: detail.rows.compactMap(\.evaluation))
        sheet.status = .submitted
        sheet.submittedOn = today
        try await access.db.transaction { tx in
            try await sheet.save(on: tx)
            try await Audit.record(on: tx, by: access.user, .submit, .gradingSheet, id: sheet.id, unit: sheet.unitID,
                                   summary: "Nộp bảng xếp loại \(sheet.subject.label.lowercased()) năm \(sheet.year) của \(detail.unit.name)",
                                   before: before, after: GradingSheetSnapshot(sheet, evaluations: detail.rows.compactMap(\.evaluation)))
        }
    }

    /// The level above reopens a submitted sheet, with a reason; the unit itself may not (403).
    static func reopen(_ sheet: GradingSheet, reason: String?, access: Access) async throws {
        switch try await UnitPlanService.standing(access, unit: sheet.unitID) {
        case .outside: throw Abort(.notFound)
        case .own: throw Abort(.forbidden, reason: "Bảng xếp loại của đơn vị mình không tự mở lại được: cấp trên trực tiếp mở lại.")
        case .above, .admin:
            guard access.user.role.writesUnitRecords else { throw Abort(.forbidden, reason: Access.readOnlyMessage) }
        }
        guard sheet.status == .submitted else { throw Abort(.conflict, reason: "Bảng xếp loại chưa nộp nên không cần mở lại.") }
        let text = VietnameseText.normalize(reason ?? "")
        if text.isEmpty { throw ValidationFailure(field: "reason", message: "Lý do: phải ghi rõ vì sao mở lại bảng xếp loại.") }
        if text.count > noteLimit { throw ValidationFailure(field: "reason", message: "Lý do: dài quá \(noteLimit) ký tự.") }
        let evaluations = try await Evaluation.query(on: access.db).filter(\.$sheetID == sheet.id!).all()
        let before = GradingSheetSnapshot(sheet, evaluations: evaluations)
        let unitName = try await OrgUnit.find(sheet.unitID, on: access.db)?.name ?? ""
        sheet.status = .draft
        sheet.submittedOn = nil
        try await access.db.transaction { tx in
            try await sheet.save(on: tx)
            try await Audit.record(on: tx, by: access.user, .reopen, .gradingSheet, id: sheet.id, unit: sheet.unitID,
                                   summary: "Mở lại bảng xếp loại \(sheet.subject.label.lowercased()) năm \(sheet.year) của \(unitName): \(text)",
                                   before: before, after: GradingSheetSnapshot(sheet, evaluations: evaluations))
        }
    }

    /// Whether the account may reopen the sheet (the level above, writing).
    static func mayReopen(_ sheet: GradingSheet, access: Access) async throws -> Bool {
        guard sheet.status == .submitted, access.user.role.writesUnitRecords else { return false }
        let standing = try await UnitPlanService.standing(access, unit: sheet.unitID)
        return standing == .above || standing == .admin
    }
}
