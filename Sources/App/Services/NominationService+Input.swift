import Domain
import Fluent
import Vapor

/// A nomination as the form holds it: text as typed, so a refused form shows it again.
/// Candidate rows are numbered from 1 (fields c1-kind, c1-personId, c1-unit, c1-name,
/// c1-achievements, c1-formId); papers are fields paper-<kind>.
struct NominationInput: Sendable {
    struct Row: Sendable {
        var kind = ""
        var personID = ""
        var unitCode = ""
        var name = ""
        var achievements = ""
        var formID = ""

        var isBlank: Bool {
            [personID, unitCode, name, achievements].allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty }
        }
    }
    static let blankRows = 5

    var unitCode = ""
    var title = ""
    var fromYear = ""
    var toYear = ""
    var event = ""
    var rows: [Row] = Array(repeating: Row(), count: blankRows)
    var papers: [NominationPaperKind: String] = [:]

    init() {}

    init(fields: [String: String]) {
        unitCode = fields["unit"] ?? ""
        title = fields["title"] ?? ""
        fromYear = fields["fromYear"] ?? ""
        toYear = fields["toYear"] ?? ""
        event = fields["event"] ?? ""
        rows = []
        var n = 1
        while n <= 200, fields.keys.contains(where: { $0.hasPrefix("c\(n)-") }) {
            func v(_ key: String) -> String { fields["c\(n)-\(key)"] ?? "" }
            rows.append(Row(kind: v("kind"), personID: v("personId"), unitCode: v("unit"), name: v("name"),
                            achievements: v("achievements"), formID: v("formId")))
            n += 1
        }
        for kind in NominationPaperKind.allCases { papers[kind] = fields["paper-\(kind.rawValue)"] ?? "" }
    }

    /// Blank rows after the filled ones, so the form always offers room for more.
    mutating func padRows() {
        let filled = rows.filter { !$0.isBlank }
        rows = filled + Array(repeating: Row(), count: max(Self.blankRows - filled.count, 2))
    }
}

extension NominationService {
    /// The typed form as a draft for `unitID` (nil: resolve the unit code), with the row number
    /// of each draft candidate; 422 naming the form's fields.
    static func draft(from input: NominationInput, unitID: Int?, access: Access) async throws -> (NominationDraft, [Int]) {
        var problems = InvalidInput()
        var unit = unitID
        if unit == nil {
            unit = try await UnitLookup.resolve(input.unitCode, label: "Đơn vị đề nghị", access: access, &problems)?.id
        }
        func year(_ text: String, _ field: String, _ label: String) -> Int? {
            let t = text.trimmingCharacters(in: .whitespaces)
            guard let y = Int(t), ListYear.range.contains(y) else {
                problems.add(field, t.isEmpty ? "\(label): chưa nhập." : "\(label): “\(t)” không phải là năm.")
                return nil
            }
            return y
        }
        let from = year(input.fromYear, "fromYear", "Từ năm")
        let to = input.toYear.trimmingCharacters(in: .whitespaces).isEmpty ? from : year(input.toYear, "toYear", "Đến năm")
        var candidates: [NominationDraft.Candidate] = []
        var numbers: [Int] = []
        for (index, row) in input.rows.enumerated() where !row.isBlank {
            let n = index + 1
            guard let kind = CommendationRecipient(rawValue: row.kind) else {
                problems.add("c\(n)-kind", "Dòng \(n): chưa chọn loại đối tượng.")
                continue
            }
            guard let form = Int(row.formID) else {
                problems.add("c\(n)-formId", "Dòng \(n): chưa chọn hình thức khen thưởng.")
                continue
            }
            var unitID: Int?
            let code = VietnameseText.normalize(row.unitCode)
            if kind == .unit {
                unitID = try await OrgUnit.query(on: access.db).filter(\.$code == code).first()?.id
                if unitID == nil {
                    problems.add("c\(n)-unit", "Dòng \(n): không có tổ chức đảng mã “\(code)” trong đơn vị đề nghị.")
                    continue
                }
            }
            let person = kind == .person ? Int(row.personID.trimmingCharacters(in: .whitespaces)) : nil
            if kind == .person, person == nil {
                problems.add("c\(n)-personId", "Dòng \(n): mã số đảng viên phải là số.")
                continue
            }
            candidates.append(.init(kind: kind, personID: person, unitID: unitID, name: row.name,
                                    achievements: row.achievements, formID: form))
            numbers.append(n)
        }
        if !problems.isEmpty, let unit, let from, let to {
            // report the other rows' problems too, so one correction round is enough
            let partial = NominationDraft(unitID: unit, title: input.title, fromYear: from, toYear: to, event: input.event,
                                          ruleID: nil, candidates: candidates)
            do { _ = try await validatedCandidates(partial, on: access.db) } catch let more as InvalidInput {
                for failure in renamed(more, rows: numbers).failures where failure.field != "candidates" {
                    problems.add(failure.field, failure.message)
                }
            }
        }
        try problems.check()
        let draft = NominationDraft(unitID: unit!, title: input.title, fromYear: from!, toYear: to!, event: input.event,
                                    ruleID: nil, candidates: candidates)
        return (draft, numbers)
    }

    /// The service's "candidates[i].field" errors renamed to the form's "c<row>-field".
    static func renamed(_ problems: InvalidInput, rows: [Int]) -> InvalidInput {
        var out = InvalidInput()
        for failure in problems.failures {
            var field = failure.field
            if field.hasPrefix("candidates["), let close = field.firstIndex(of: "]"),
               let index = Int(field[field.index(field.startIndex, offsetBy: 11)..<close]), rows.indices.contains(index) {
                var rest = String(field[field.index(after: close)...]).replacingOccurrences(of: ".", with: "")
                if rest == "unitId" { rest = "unit" }
                field = "c\(rows[index])-\(rest)"
            }
            out.add(field, failure.message)
        }
        return out
    }

    static func formErrors(_ problems: InvalidInput, rows: [Int]) -> FormErrors {
        renamed(problems, rows: rows).formErrors
    }

    /// The papers as the service stores them, in the vocabulary's order.
    static func paperList(_ input: NominationInput) -> [(NominationPaperKind, String)] {
        NominationPaperKind.allCases.map { ($0, input.papers[$0] ?? "") }
    }
}
