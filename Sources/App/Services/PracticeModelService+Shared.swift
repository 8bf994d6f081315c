import Domain
import Fluent
import SQLKit
import Vapor

/// Checks shared by the records units register by year (models, exemplars): the unit by code,
/// the year, texts. Messages start with the field's label.
enum YearRecordFields {
    /// The programme started with Chỉ thị 05-CT/TW in 2016; nothing is recorded before it.
    static let firstYear = 2016

    static func requireLister(_ access: Access) throws {
        guard access.user.role.seesUnits else { throw Abort(.forbidden, reason: Access.readOnlyMessage) }
    }

    /// The unit by code, in the account's subtree and writable. A code outside the subtree gets
    /// the same message as an unknown one, so codes cannot be probed.
    static func writableUnit(_ code: String?, field: String = "unit", label: String, access: Access,
                             _ problems: inout InvalidInput) async throws -> OrgUnit? {
        guard let unit = try await readableUnit(code, field: field, label: label, access: access, &problems) else { return nil }
        try await access.requireWrite(unit: unit.id!)
        return unit
    }

    static func readableUnit(_ code: String?, field: String, label: String, access: Access,
                             _ problems: inout InvalidInput) async throws -> OrgUnit? {
        let code = VietnameseText.normalize(code ?? "")
        guard !code.isEmpty else {
            problems.add(field, "\(label): chưa nhập mã tổ chức đảng.")
            return nil
        }
        guard let unit = try await OrgUnit.query(on: access.db).filter(\.$code == code).first(),
              try await access.canSee(unit: unit.id!)
        else {
            problems.add(field, "\(label): không tìm thấy tổ chức đảng có mã “\(code)” trong phạm vi của bạn.")
            return nil
        }
        return unit
    }

    static func year(_ text: String?, _ problems: inout InvalidInput) -> Int? {
        let value = VietnameseText.normalize(text ?? "")
        let last = LocalDate.today().year
        guard !value.isEmpty else {
            problems.add("year", "Năm: chưa nhập.")
            return nil
        }
        guard let year = Int(value), (firstYear...last).contains(year) else {
            problems.add("year", "Năm: phải là một năm từ \(firstYear) đến \(last).")
            return nil
        }
        return year
    }

    static func text(_ input: String?, field: String, label: String, limit: Int, required: Bool,
                     _ problems: inout InvalidInput) -> String {
        let value = VietnameseText.normalize(input ?? "")
        if required && value.isEmpty {
            problems.add(field, "\(label): chưa nhập.")
        } else if value.count > limit {
            problems.add(field, "\(label): dài quá \(VietnameseFormat.number(limit)) ký tự.")
        }
        return value
    }

    /// Units by id, for the names a page shows.
    static func units(_ ids: [Int], on db: any Database) async throws -> [Int: OrgUnit] {
        let ids = Array(Set(ids))
        guard !ids.isEmpty else { return [:] }
        let units = try await OrgUnit.query(on: db).filter(\.$id ~~ ids).all()
        return Dictionary(uniqueKeysWithValues: units.map { ($0.id!, $0) })
    }
}
