import Domain
import Fluent
import Foundation
import Spreadsheets
import SQLKit
import Vapor

/// Gradings from a file: each row a grade on the sheet of its unit and year, under the rules of
/// the grading screen (the regime of the year, or the sheet's own once opened; its cap on
/// HTXSNV, which a draft may exceed — a warning — and submission may not; a submitted sheet is
/// never overwritten). The sheets are opened and saved through
/// `GradingService`, with its audit entries. A grade already recorded alike is skipped, so
/// importing a file again changes nothing.
enum GradingImport {
    /// One sheet's grades to write: the file's marks over what the sheet already holds.
    struct Write: Sendable {
        let row: Int
        let unitCode: String
        let year: Int
        let subject: GradingSubject
        let marks: [Int: GradingMark]
    }

    struct Plan: Sendable {
        var preview: ImportPreview
        var writes: [Write] = []
    }

    /// A sheet the file writes to, as it stands and as the file would leave it.
    private struct Target {
        let unit: OrgUnit
        let year: Int
        let subject: GradingSubject
        let rules: GradingRules
        let outstanding: Bool
        /// Who may be graded on it (row keys) and their grades so far.
        let keys: Set<Int>
        let existing: [Int: Evaluation]
        var levels: [Int: GradingLevel]
        var marks: [Int: GradingMark] = [:]
        var rows: [Int: Int] = [:]
        var changed = false
    }

    static func plan(_ upload: ImportUpload, sha256: String, access: Access) async throws -> Plan {
        let (table, preview) = try ImportService.open(upload, sha256: sha256, kind: .gradings)
        var plan = Plan(preview: preview)
        var targets: [String: Target] = [:]
        var refused: [String: String] = [:]
        var units: [String: OrgUnit?] = [:]
        for sheetRow in table.rows {
            upload.rowChecked()
            let row = GradingRows.row(table, sheetRow)
            var problems: [ImportProblem] = []
            func fail(_ key: String, _ reason: String) {
                problems.append(table.has(key) ? ImportProblem(table, sheetRow, key, reason) : ImportProblem(row: sheetRow.number, reason: reason))
            }
            let year = Int(row.year).flatMap { GradingService.yearRange.contains($0) ? $0 : nil }
            if year == nil { fail("year", "Phải là một năm từ \(GradingService.yearRange.lowerBound) đến \(GradingService.yearRange.upperBound).") }
            if row.subject == nil { fail("subject", "Ghi “Đảng viên” hoặc “Tổ chức đảng”.") }
            if units[row.unitCode] == nil { units[row.unitCode] = try await unit(row.unitCode, access: access) }
            let unit = units[row.unitCode] ?? nil
            if unit == nil {
                fail("unit", row.unitCode.isEmpty ? "Chưa ghi mã đơn vị." : "Không tìm thấy tổ chức đảng có mã “\(row.unitCode)” trong phạm vi của bạn.")
            }
            guard let year, let subject = row.subject, let unit else { plan.preview.problems += problems; continue }

            // who is graded, and on whose sheet
            var key: Int?, grader: OrgUnit?, name = ""
            if subject == .member {
                switch try await PeopleImport.match(row.person, unit: unit, access: access) {
                case .one(let person): (key, grader, name) = (person.id, unit, person.fullName)
                case .many(let count): fail("fullName", "Có \(count) người cùng họ tên này ở \(unit.code); ghi ngày sinh hoặc số CCCD để biết là ai.")
                case .none: fail("fullName", row.namesPerson
                    ? "Không tìm thấy người này ở \(unit.code) trong phạm vi của bạn: ghi số CCCD, hoặc họ và tên, ngày sinh đúng như hồ sơ."
                    : "Chưa ghi họ và tên hoặc số CCCD của đảng viên.")
                }
            } else {
                (key, name) = (unit.id, "\(unit.code) — \(unit.name)")
                grader = try await parent(of: unit, year: year, access: access)
                if grader == nil { fail("unit", "\(unit.name) không có tổ chức cấp trên trong phạm vi của bạn năm \(year) để xếp loại.") }
            }
            guard let key, let grader else { plan.preview.problems += problems; continue }
            let sheetKey = "\(grader.id!)|\(year)|\(subject.rawValue)"
            if targets[sheetKey] == nil, refused[sheetKey] == nil {
                do { targets[sheetKey] = try await target(grader, year: year, subject: subject, access: access) } catch let failure as ValidationFailure {
                    refused[sheetKey] = failure.message
                }
            }
            if let reason = refused[sheetKey] { fail(subject == .member ? "unit" : "year", reason); plan.preview.problems += problems; continue }
            guard var target = targets[sheetKey] else { continue }
            guard target.keys.contains(key) else {
                fail(subject == .member ? "fullName" : "unit", subject == .member
                    ? "\(name) không sinh hoạt ở \(grader.name) năm \(year), nên không có trong bảng xếp loại của chi bộ."
                    : "\(unit.name) không trực thuộc \(grader.name) năm \(year).")
                plan.preview.problems += problems
                continue
            }
            if let first = target.rows[key] { fail(subject == .member ? "fullName" : "unit", "Trùng với dòng \(first): cùng người (tổ chức) và năm.") }

            // the grade, under the sheet's rules
            guard let mark = mark(row, rules: target.rules, year: year, fail: fail), problems.isEmpty else {
                plan.preview.problems += problems
                continue
            }
            target.rows[key] = sheetRow.number
            let level = mark.level.flatMap(GradingLevel.init(rawValue:)) ?? mark.computed
            let text = "\(name): \(level.label) năm \(year)" + (mark.scoreValue.map { " (\(GradingScore.format($0)) điểm)" } ?? "")
            var stored = mark.form
            if let old = target.existing[key], (stored.note ?? "").isEmpty { stored.note = old.note }
            target.marks[key] = stored
            target.levels[key] = level
            if let old = target.existing[key], old.level == level, old.score == mark.scoreValue, old.note == (stored.note ?? ""),
               !target.rules.isScored || (old.allTasksDone ?? false) == stored.allTasksDone {
                plan.preview.add(ImportLine(row: sheetRow.number, action: .skip, text: text, note: "Đã có, không đổi."))
            } else {
                target.changed = true
                let note = target.existing[key].map { "Thay \($0.level.abbreviation)" + ($0.score.map { " (\(GradingScore.format($0)) điểm)" } ?? "") + "." }
                plan.preview.add(ImportLine(row: sheetRow.number, action: target.existing[key] == nil ? .create : .update,
                                                     text: text, note: note ?? ""))
            }
            targets[sheetKey] = target
        }
        for target in targets.values.sorted(by: { ($0.rows.values.min() ?? 0) < ($1.rows.values.min() ?? 0) }) where target.changed {
            let counts = Dictionary(grouping: target.levels.values, by: { $0 }).mapValues(\.count)
            // The grading screen's rule: a draft may be over the cap; submitting it is refused.
            if let warning = target.rules.cap(excellent: counts[.excellent] ?? 0, good: counts[.good] ?? 0, outstanding: target.outstanding)?.warning {
                plan.preview.warnings.append("Bảng xếp loại \(target.subject.label.lowercased()) năm \(target.year) của \(target.unit.name): "
                    + "\(warning) Bảng vẫn được ghi (nháp) nhưng phải sửa trước khi nộp.")
            }
            plan.writes.append(Write(row: target.rows.values.min() ?? 0, unitCode: target.unit.code, year: target.year,
                                     subject: target.subject, marks: target.marks))
        }
        return plan
    }

    /// Opens the sheets the file needs and saves each through the grading screen's own service,
    /// inside the caller's transaction.
    static func write(_ plan: Plan, access: Access) async throws {
        for write in plan.writes {
            do {
                let unitID = try await OrgUnit.query(on: access.db).filter(\.$code == write.unitCode).first()?.id
                var sheet = try await GradingSheet.query(on: access.db).filter(\.$unitID == unitID ?? 0).filter(\.$year == write.year)
                    .filter(\.$subject == write.subject).first()
                if sheet == nil {
                    sheet = try await GradingService.open(unitCode: write.unitCode, year: String(write.year), subject: write.subject.rawValue, access: access)
                }
                guard let sheet else { continue }
                let detail = try await GradingService.detail(sheet, on: access.db)
                var marks: [Int: GradingMark] = [:]
                for row in detail.rows { if let e = row.evaluation { marks[row.key] = GradingMark(e) } }
                marks.merge(write.marks) { _, new in new }
                try await GradingService.save(sheet, marks: marks, outstanding: sheet.outstanding, access: access)
            } catch {
                throw ImportService.writeFailure(plan.preview, row: write.row, error)
            }
        }
    }

    /// A row's grade as the grading screen would take it, or nil after saying why.
    private static func mark(_ row: GradingRows.Row, rules: GradingRules, year: Int, fail: (String, String) -> Void)
        -> (form: GradingMark, level: String?, computed: GradingLevel, scoreValue: Double?)? {
        if !row.levelText.isEmpty, row.level == nil {
            fail("level", "Không hiểu mức xếp loại này: ghi " + GradingLevel.allCases.map { "“\($0.label)” (\($0.abbreviation))" }.joined(separator: ", ") + ".")
            return nil
        }
        if !row.doneText.isEmpty, row.allTasksDone == nil { fail("allTasksDone", "Ghi “Có” (hoặc “x”) hoặc “Không”."); return nil }
        guard let bands = rules.bands else {
            if !row.score.isEmpty { fail("score", "Năm \(year) xếp loại theo mức, không chấm điểm: để trống cột điểm."); return nil }
            guard let level = row.level else { fail("level", "Chưa ghi mức xếp loại."); return nil }
            return (GradingMark(level: level.rawValue, note: row.note), level.rawValue, level, nil)
        }
        guard !row.score.isEmpty else { fail("score", "Năm \(year) chấm theo thang 100 điểm: ghi điểm từ 0 đến 100."); return nil }
        guard let score = GradingScore.parse(row.score) else {
            fail("score", "Nhập số từ 0 đến 100, tối đa một chữ số thập phân (ví dụ 87,5)."); return nil
        }
        let done = row.allTasksDone ?? (row.level == .excellent)
        let computed = bands.level(score: score, allTasksDone: done)
        if let level = row.level, level != computed {
            fail("level", "\(GradingScore.format(score)) điểm" + (done ? ", hoàn thành mọi nhiệm vụ" : "")
                 + " là \(computed.abbreviation), không phải \(level.abbreviation).")
            return nil
        }
        return (GradingMark(score: row.score, allTasksDone: done, note: row.note), nil, computed, score)
    }

    /// The sheet of `unit` for the year as the file would find it; a ValidationFailure says why
    /// nothing can be written to it (no regime, nothing to grade, already submitted).
    private static func target(_ unit: OrgUnit, year: Int, subject: GradingSubject, access: Access) async throws -> Target {
        guard access.user.role.writesUnitRecords else { throw ValidationFailure(field: "unit", message: Access.readOnlyMessage) }
        if let sheet = try await GradingSheet.query(on: access.db).filter(\.$unitID == unit.id!).filter(\.$year == year)
            .filter(\.$subject == subject).first() {
            guard sheet.status == .draft else {
                throw ValidationFailure(field: "unit", message: "Bảng xếp loại \(subject.label.lowercased()) năm \(year) của \(unit.name) "
                    + "ở trạng thái “\(sheet.status.label)”: không ghi đè; cấp trên mở lại thì mới nhập được.")
            }
            let detail = try await GradingService.detail(sheet, on: access.db)
            let existing = Dictionary(detail.rows.compactMap { r in r.evaluation.map { (r.key, $0) } }, uniquingKeysWith: { a, _ in a })
            return Target(unit: unit, year: year, subject: subject, rules: detail.rules, outstanding: sheet.outstanding,
                          keys: Set(detail.rows.map(\.key)), existing: existing, levels: existing.mapValues(\.level))
        }
        guard let regime = try await GradingService.regime(forYear: year, on: access.db) else {
            throw ValidationFailure(field: "year", message: GradingService.noRegimeMessage(year))
        }
        let keys = subject == .member
            ? try await GradingService.memberIDs(unit: unit.id!, year: year, on: access.db)
            : try await GradingService.childIDs(unit: unit.id!, year: year, on: access.db)
        return Target(unit: unit, year: year, subject: subject, rules: regime.rules, outstanding: false,
                      keys: Set(keys), existing: [:], levels: [:])
    }

    private static func unit(_ code: String, access: Access) async throws -> OrgUnit? {
        guard !code.isEmpty, let unit = try await OrgUnit.query(on: access.db).filter(\.$code == code).first(),
              try await access.canSee(unit: unit.id!) else { return nil }
        return unit
    }

    /// The unit `unit` stood under in the year (the latest link of the year), when the account sees it.
    private static func parent(of unit: OrgUnit, year: Int, access: Access) async throws -> OrgUnit? {
        struct Row: Decodable { let parent_id: Int }
        let first = LocalDate.firstOf(year: year), last = LocalDate.lastOf(year: year)
        let row = try await (access.db as! any SQLDatabase).raw("""
            SELECT parent_id FROM unit_parent_links WHERE unit_id = \(bind: unit.id!) AND valid_from <= \(bind: last.iso) \
            AND (valid_to IS NULL OR valid_to > \(bind: first.iso)) ORDER BY valid_from DESC LIMIT 1
            """).first(decoding: Row.self)
        guard let id = row?.parent_id, try await access.canSee(unit: id) else { return nil }
        return try await OrgUnit.find(id, on: access.db)
    }
}

extension GradingMark {
    /// A recorded grade as the form would send it again.
    init(_ e: Evaluation) {
        self.init(level: e.level.rawValue, score: e.score.map(GradingScore.format), allTasksDone: e.allTasksDone ?? false, note: e.note)
    }
}
