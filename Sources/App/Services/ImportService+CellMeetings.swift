import Domain
import Fluent
import Spreadsheets
import Vapor

/// Cell meetings from a file: each row checked by `CellMeetingService.validated`, the form's own
/// rules, plus what only a file can get wrong (the same cell-month twice); a row that matches a
/// meeting already recorded is skipped, so importing a file again changes nothing.
enum CellMeetingImport {
    struct Plan: Sendable {
        var preview: ImportPreview
        var creates: [(row: Int, input: CellMeetingInput)] = []
    }

    static func plan(_ upload: ImportUpload, sha256: String, access: Access) async throws -> Plan {
        let (table, preview) = try ImportService.open(upload, sha256: sha256, kind: .cellMeetings)
        var plan = Plan(preview: preview)
        var cells = CellCache()
        var signatures: [String: Int] = [:]
        var months: [String: Int] = [:]
        for row in table.rows {
            upload.rowChecked()
            var (input, problems) = CellMeetingRows.input(table, row)
            if let first = signatures[CellMeetingRows.signature(input)] {
                problems.append(ImportProblem(row: row.number, reason: "Trùng hoàn toàn với dòng \(first)."))
            } else {
                signatures[CellMeetingRows.signature(input)] = row.number
                if let key = CellMeetingRows.monthKey(input) {
                    if let first = months[key] {
                        problems.append(ImportProblem(table, row, "heldOn",
                            "Dòng \(first) đã ghi sinh hoạt thường kỳ của chi bộ này trong cùng tháng; mỗi tháng chỉ ghi một lần."))
                    } else {
                        months[key] = row.number
                    }
                }
            }
            let cell = try await cells.unit(input.unitCode ?? "", access: access)
            if problems.isEmpty, let cell, try await exists(input, in: cell, on: access.db) {
                plan.preview.add(ImportLine(row: row.number, action: .skip, text: describe(input, cell), note: "Đã có, bỏ qua."))
                continue
            }
            do {
                _ = try await CellMeetingService.validated(input, for: nil, access: access)
            } catch let invalid as InvalidInput {
                for failure in invalid.failures where table.has(failure.field) || failure.field == "contentNote" {
                    // A column already reported (an unknown kind) is not reported twice.
                    guard !problems.contains(where: { $0.column == table.label(failure.field) }) else { continue }
                    problems.append(ImportProblem(table, row, failure.field, ImportProblem.reason(fromMessage: failure.message)))
                }
            }
            if problems.isEmpty, let cell {
                plan.creates.append((row.number, input))
                plan.preview.add(ImportLine(row: row.number, action: .create, text: describe(input, cell)))
            }
            plan.preview.problems += problems
        }
        return plan
    }

    /// Creates the meetings through the form's own service (its checks, its audit entries),
    /// inside the caller's transaction.
    static func write(_ plan: Plan, access: Access) async throws {
        for (row, input) in plan.creates {
            do {
                _ = try await CellMeetingService.create(input, access: access)
            } catch {
                throw ImportService.writeFailure(plan.preview, row: row, error)
            }
        }
    }

    /// Whether the cell already has this meeting: same kind and day, same figures and texts.
    private static func exists(_ input: CellMeetingInput, in cell: OrgUnit, on db: any Database) async throws -> Bool {
        guard let kind = CellMeetingKind(rawValue: input.kind ?? ""), let day = LocalDate.parse(input.heldOn ?? "") else { return false }
        return try await CellMeeting.query(on: db).filter(\.$unitID == cell.id!).filter(\.$kind == kind)
            .filter(\.$heldOn == day).all()
            .contains { CellMeetingRows.same($0, input) }
    }

    private static func describe(_ input: CellMeetingInput, _ cell: OrgUnit) -> String {
        let kind = CellMeetingKind(rawValue: input.kind ?? "")?.label ?? "Sinh hoạt"
        let day = LocalDate.parse(input.heldOn ?? "").map(VietnameseFormat.date) ?? input.heldOn ?? ""
        return "\(cell.name) (\(cell.code)): \(kind.lowercased()) ngày \(day)"
    }

    /// Units by code, looked up once a file: only those the account sees.
    private struct CellCache {
        var byCode: [String: OrgUnit?] = [:]

        mutating func unit(_ code: String, access: Access) async throws -> OrgUnit? {
            guard !code.isEmpty else { return nil }
            if let known = byCode[code] { return known }
            var unit = try await OrgUnit.query(on: access.db).filter(\.$code == code).first()
            if let found = unit, try await !access.canSee(unit: found.id!) { unit = nil }
            byCode[code] = unit
            return unit
        }
    }
}
