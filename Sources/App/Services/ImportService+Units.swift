import Domain
import Fluent
import Spreadsheets
import Vapor

/// Organisation units from a file, matched by code: each row checked by `UnitService.validate`,
/// the unit form's own rules. A new code creates the unit under its parent (in the account's
/// scope, or a unit created by an earlier row); a known code updates the unit's name, kind,
/// attachment and note when they differ and is left alone when not. A parent or dates other
/// than the tree's are reported, never applied: moving, merging and dissolving are restructures
/// with their own pages. Importing a file again changes nothing.
enum UnitImport {
    struct Write: Sendable {
        let row: Int
        /// The unit updated; nil for a new one.
        let unitID: Int?
        let fields: UnitService.Fields
        /// The parent of a new unit: by id when it exists, by code when an earlier row creates it.
        let parentID: Int?
        let parentCode: String
    }

    struct Plan: Sendable {
        var preview: ImportPreview
        var writes: [Write] = []
    }

    static func plan(_ upload: ImportUpload, sha256: String, access: Access) async throws -> Plan {
        let (table, preview) = try ImportService.open(upload, sha256: sha256, kind: .units)
        var plan = Plan(preview: preview)
        guard access.user.role.restructures else {
            plan.preview.problems = [ImportProblem(row: nil, reason: "Tài khoản của bạn không được thay đổi cây tổ chức đảng.")]
            return plan
        }
        let service = UnitService(access: access)
        let kinds = try await UnitKind.query(on: access.db).all()
        var seen: [String: Int] = [:]
        /// Units created by earlier rows: code → founding day.
        var created: [String: LocalDate] = [:]
        for sheetRow in table.rows {
            upload.rowChecked()
            let row = UnitRows.row(table, sheetRow, kinds: kinds)
            var problems: [ImportProblem] = []
            func fail(_ key: String, _ reason: String) {
                problems.append(table.has(key) ? ImportProblem(table, sheetRow, key, reason) : ImportProblem(row: sheetRow.number, reason: reason))
            }
            if !row.code.isEmpty, let first = seen[row.code] {
                fail("code", "Trùng mã với dòng \(first).")
            } else if !row.code.isEmpty {
                seen[row.code] = sheetRow.number
            }
            let existing = row.code.isEmpty ? nil : try await OrgUnit.query(on: access.db).filter(\.$code == row.code).first()
            if let existing, try await !access.canSee(unit: existing.id!) {
                fail("code", "Mã “\(row.code)” đã được dùng cho một tổ chức đảng ngoài phạm vi của bạn.")
                plan.preview.problems += problems
                continue
            }
            let input = existing.map { UnitRows.merged(row.input, over: $0) } ?? row.input
            var failures: [ValidationFailure] = []
            let fields = try await service.validate(input, existingID: existing?.id, errors: &failures)
            // The unit form's messages are whole sentences ("Ngày thành lập không hợp lệ: …"), kept as they are.
            for failure in failures { fail(failure.field, failure.message) }
            var parentID: Int?
            if let existing {
                try await compare(existing, row, fields: fields, fail: fail, on: access.db)
            } else {
                parentID = try await newParent(row, fields: fields, created: created, service: service, fail: fail)
                if !row.dissolvedOn.isEmpty {
                    fail("dissolvedOn", "Nhập từ tệp không giải thể tổ chức đảng: để trống cột này, rồi dùng “Giải thể” trên trang của đơn vị.")
                }
            }
            plan.preview.problems += problems
            guard problems.isEmpty, let fields else { continue }
            let text = "\(fields.name) (\(fields.code))"
            if let existing {
                let changed = UnitRows.changes(existing, fields)
                if changed.isEmpty {
                    plan.preview.add(ImportLine(row: sheetRow.number, action: .skip, text: text, note: "Đã có, không đổi."))
                } else {
                    plan.writes.append(Write(row: sheetRow.number, unitID: existing.id, fields: fields, parentID: nil, parentCode: ""))
                    plan.preview.add(ImportLine(row: sheetRow.number, action: .update, text: text, note: "Đổi " + changed.joined(separator: ", ") + "."))
                }
            } else {
                created[fields.code] = fields.foundedOn
                plan.writes.append(Write(row: sheetRow.number, unitID: nil, fields: fields, parentID: parentID, parentCode: row.parentCode))
                let under = row.parentCode.isEmpty ? "cấp cao nhất" : "trực thuộc \(row.parentCode)"
                plan.preview.add(ImportLine(row: sheetRow.number, action: .create, text: text,
                                                     note: "Thành lập \(VietnameseFormat.date(fields.foundedOn)), \(under)."))
            }
        }
        return plan
    }

    /// A known unit: a parent or dates other than the tree's are problems pointing at the pages
    /// that make those changes.
    private static func compare(_ unit: OrgUnit, _ row: UnitRows.Row, fields: UnitService.Fields?,
                                fail: (String, String) -> Void, on db: any Database) async throws {
        if !row.parentCode.isEmpty {
            let link = try await UnitParentLink.query(on: db).filter(\.$unitID == unit.id!).sort(\.$validFrom, .descending).first()
            let parent = try await link?.parentID.asyncMap { try await OrgUnit.find($0, on: db) } ?? nil
            if parent?.code != row.parentCode {
                let now = parent.map { "đang trực thuộc \($0.name) (\($0.code))" } ?? "là đơn vị cấp cao nhất"
                fail("parentCode", "Đơn vị \(now); nhập từ tệp không chuyển đơn vị, hãy dùng “Chuyển đơn vị cấp trên” trên trang của đơn vị.")
            }
        }
        if let fields, fields.foundedOn != unit.foundedOn {
            fail("foundedOn", "Hệ thống ghi ngày thành lập \(VietnameseFormat.date(unit.foundedOn)); nhập từ tệp không đổi ngày này, hãy sửa trên trang của đơn vị.")
        }
        guard !row.dissolvedOn.isEmpty else { return }
        guard let day = LocalDate.parse(row.dissolvedOn) else {
            fail("dissolvedOn", "Không hợp lệ: nhập ngày/tháng/năm (ví dụ 1/7/2025).")
            return
        }
        if day != unit.dissolvedOn {
            let now = unit.dissolvedOn.map { "ghi ngày giải thể \(VietnameseFormat.date($0))" } ?? "ghi đơn vị chưa giải thể"
            fail("dissolvedOn", "Hệ thống \(now); nhập từ tệp không giải thể đơn vị, hãy dùng “Giải thể” hoặc “Sáp nhập” trên trang của đơn vị.")
        }
    }

    /// The parent of a new unit: a unit of the account's scope that exists on the founding day
    /// and is not dissolved (the unit form's rule), or a unit an earlier row creates.
    private static func newParent(_ row: UnitRows.Row, fields: UnitService.Fields?, created: [String: LocalDate],
                                  service: UnitService, fail: (String, String) -> Void) async throws -> Int? {
        if row.parentCode.isEmpty {
            if let message = service.topLevelRefusal { fail("parentCode", message) }
            return nil
        }
        if let founded = created[row.parentCode] {
            if let day = fields?.foundedOn, day < founded {
                fail("foundedOn", "Đơn vị cấp trên \(row.parentCode) (dòng trên) thành lập ngày \(VietnameseFormat.date(founded)), sau ngày này.")
            }
            return nil
        }
        var failures: [ValidationFailure] = []
        guard let parent = try await service.resolveTarget(id: nil, code: row.parentCode, role: .parent, errors: &failures) else {
            let later = "; nếu đơn vị cấp trên cũng có trong tệp, hãy đặt dòng của nó lên trước"
            for failure in failures {
                let reason = failure.message
                fail("parentCode", (reason.hasSuffix(".") ? String(reason.dropLast()) : reason) + later + ".")
            }
            return nil
        }
        if let day = fields?.foundedOn, let message = UnitService.parentRefusal(parent, founded: day) { fail("parentCode", message) }
        return parent.id
    }

    /// Creates and updates the units with their audit entries, inside the caller's transaction,
    /// then rebuilds the tree index once.
    static func write(_ plan: Plan, access: Access) async throws {
        let tx = access.db
        var ids: [String: Int] = [:]
        for write in plan.writes {
            do {
                if let id = write.unitID {
                    guard let unit = try await OrgUnit.find(id, on: tx) else { throw Abort(.notFound) }
                    let link = try await UnitParentLink.query(on: tx).filter(\.$unitID == id).filter(\.$validTo == nil).first()
                    let before = UnitAuditSnapshot(unit, parentID: link?.parentID, parentSince: link?.validFrom)
                    UnitService.apply(write.fields, to: unit)
                    try await unit.save(on: tx)
                    try await Audit.record(on: tx, by: access.user, .update, .unit, id: id, unit: id,
                                           summary: "Cập nhật thông tin \(unit.name) (\(unit.code))", before: before,
                                           after: UnitAuditSnapshot(unit, parentID: link?.parentID, parentSince: link?.validFrom))
                } else {
                    let unit = OrgUnit()
                    UnitService.apply(write.fields, to: unit)
                    try await unit.create(on: tx)
                    ids[unit.code] = unit.id
                    let parentID = write.parentID ?? ids[write.parentCode]
                    try await UnitParentLink(unitID: unit.id!, parentID: parentID, validFrom: write.fields.foundedOn).create(on: tx)
                    try await Audit.record(on: tx, by: access.user, .create, .unit, id: unit.id, unit: unit.id,
                                           summary: "Tạo tổ chức đảng \(unit.name) (\(unit.code))",
                                           after: UnitAuditSnapshot(unit, parentID: parentID, parentSince: write.fields.foundedOn))
                }
            } catch {
                throw ImportService.writeFailure(plan.preview, row: write.row, error)
            }
        }
        if plan.writes.contains(where: { $0.unitID == nil }) { try await TreeIndex.rebuild(on: tx) }
    }
}

private extension Optional {
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
