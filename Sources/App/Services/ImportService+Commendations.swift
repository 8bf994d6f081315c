import Domain
import Fluent
import Foundation
import Spreadsheets
import Vapor

/// Commendations from a file: each row checked by `CommendationService.validated`, the register
/// form's own rules. A row is the commendation with its decision's number and date and its
/// recipient; that one is updated when the row says something else, left alone when not, and a
/// row matching none creates one. Importing a file again changes nothing.
enum CommendationImport {
    struct Write: Sendable {
        let row: Int
        /// The commendation updated; nil for a new one.
        let commendationID: Int?
        let input: CommendationInput
    }

    struct Plan: Sendable {
        var preview: ImportPreview
        var writes: [Write] = []
    }

    static func plan(_ upload: ImportUpload, sha256: String, access: Access) async throws -> Plan {
        let (table, preview) = try ImportService.open(upload, sha256: sha256, kind: .commendations)
        var plan = Plan(preview: preview)
        let forms = try await CommendationForm.query(on: access.db).all()
        let issuers = try await CommendationIssuer.query(on: access.db).all()
        var seen: [String: Int] = [:]
        for sheetRow in table.rows {
            upload.rowChecked()
            var (input, identity) = CommendationRows.input(table, sheetRow, forms: forms, issuers: issuers)
            var problems: [ImportProblem] = []
            func fail(_ key: String, _ reason: String) {
                guard !problems.contains(where: { $0.column == table.label(key) && table.has(key) }) else { return }
                problems.append(table.has(key) ? ImportProblem(table, sheetRow, key, reason) : ImportProblem(row: sheetRow.number, reason: reason))
            }
            for (key, names) in [("formId", forms.map(\.name)), ("issuerId", issuers.map(\.name))] {
                let written = VietnameseText.normalize(table.cell(key, sheetRow).inputText)
                let id = key == "formId" ? input.formID : input.issuerID
                if !written.isEmpty, (id ?? "").isEmpty {
                    fail(key, "Không có trong danh mục; ghi một trong: " + names.map { "“\($0)”" }.joined(separator: ", ") + ".")
                }
            }
            if CommendationRecipient(rawValue: input.recipientKind ?? "") == .person {
                input.personID = try await person(input, identity: identity, fail: fail, access: access)
            }
            var values: CommendationService.Values?
            do {
                values = try await CommendationService.validated(input, access: access)
            } catch let invalid as InvalidInput {
                for failure in invalid.failures {
                    fail(failure.field == "personId" ? "recipientName" : failure.field, ImportProblem.reason(fromMessage: failure.message))
                }
            }
            guard let values else {
                plan.preview.problems += problems
                continue
            }
            let key = [values.decisionNumber, values.decidedOn.iso, values.recipientKind.rawValue, recipientKey(values)].joined(separator: "|")
            if let first = seen[key] {
                fail("decisionNumber", "Trùng quyết định và người hoặc tập thể được khen với dòng \(first).")
            } else {
                seen[key] = sheetRow.number
            }
            plan.preview.problems += problems
            guard problems.isEmpty else { continue }
            let text = "\(values.recipientName): quyết định \(values.decisionNumber) ngày \(VietnameseFormat.date(values.decidedOn))"
            if let existing = try await match(values, access: access) {
                let scratch = Commendation()
                values.apply(to: scratch)
                if try same(CommendationSnapshot(existing), CommendationSnapshot(scratch)) {
                    plan.preview.add(ImportLine(row: sheetRow.number, action: .skip, text: text, note: "Đã có, không đổi."))
                } else {
                    plan.writes.append(Write(row: sheetRow.number, commendationID: existing.id, input: input))
                    plan.preview.add(ImportLine(row: sheetRow.number, action: .update, text: text, note: "Đã có; cập nhật các thông tin khác."))
                }
            } else {
                plan.writes.append(Write(row: sheetRow.number, commendationID: nil, input: input))
                plan.preview.add(ImportLine(row: sheetRow.number, action: .create, text: text))
            }
        }
        return plan
    }

    /// Creates and updates through the register's own service (its checks, its audit entries),
    /// inside the caller's transaction.
    static func write(_ plan: Plan, access: Access) async throws {
        for write in plan.writes {
            do {
                if let id = write.commendationID {
                    let existing = try await CommendationService.writable(id, access: access)
                    try await CommendationService.update(existing, with: write.input, access: access)
                } else {
                    _ = try await CommendationService.create(write.input, access: access)
                }
            } catch {
                throw ImportService.writeFailure(plan.preview, row: write.row, error)
            }
        }
    }

    /// The person a row names: by identity number in scope, else by name in the unit given
    /// (the recipient's unit, or the recording unit). Its id as the form sends it, or nil.
    private static func person(_ input: CommendationInput, identity: String, fail: (String, String) -> Void,
                               access: Access) async throws -> String? {
        let code = (input.recipientUnitCode ?? "").isEmpty ? (input.unitCode ?? "") : (input.recipientUnitCode ?? "")
        var unit = code.isEmpty ? nil : try await OrgUnit.query(on: access.db).filter(\.$code == code).first()
        if let found = unit, try await !access.canSee(unit: found.id!) { unit = nil }
        var search = PersonService.PersonInput()
        search.fullName = input.recipientName
        search.identityNumber = identity
        switch try await PeopleImport.match(search, unit: unit, access: access) {
        case .one(let person): return person.id.map(String.init)
        case .many(let count):
            fail("recipientName", "Có \(count) người cùng họ tên này ở đơn vị \(code); ghi số CCCD để biết là ai.")
        case .none:
            fail("recipientName", "Không tìm thấy người này trong phạm vi của bạn: ghi số CCCD, hoặc họ và tên đúng như hồ sơ cùng mã đơn vị nơi người đó sinh hoạt.")
        }
        return nil
    }

    private static func recipientKey(_ values: CommendationService.Values) -> String {
        switch values.recipientKind {
        case .unit: "u\(values.recipientUnitID ?? 0)"
        case .person: "p\(values.personID ?? 0)"
        case .collective, .authors: VietnameseText.fold(values.recipientName)
        }
    }

    /// The commendation in scope with the same decision (number and date) and recipient.
    private static func match(_ values: CommendationService.Values, access: Access) async throws -> Commendation? {
        let found = try await Commendation.query(on: access.db)
            .filter(\.$decisionNumber == values.decisionNumber).filter(\.$decidedOn == values.decidedOn)
            .filter(\.$recipientKind == values.recipientKind).all()
        let key = recipientKey(values)
        for commendation in found where recipientKey(of: commendation) == key {
            if try await access.canSee(unit: commendation.unitID) { return commendation }
        }
        return nil
    }

    private static func recipientKey(of c: Commendation) -> String {
        switch c.recipientKind {
        case .unit: "u\(c.recipientUnitID ?? 0)"
        case .person: "p\(c.personID ?? 0)"
        case .collective, .authors: VietnameseText.fold(c.recipientName)
        }
    }

    private static func same(_ a: CommendationSnapshot, _ b: CommendationSnapshot) throws -> Bool {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return try encoder.encode(a) == encoder.encode(b)
    }
}
