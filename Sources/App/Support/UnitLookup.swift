import Domain
import Fluent
import Vapor

/// Units named by code in forms, bodies and list filters, resolved within the account's scope.
enum UnitLookup {
    /// The unit a form or body names by code: one in the account's subtree, which it may write. A
    /// code outside the subtree gets the same message as an unknown one, so codes cannot be probed.
    static func resolve(
        _ code: String?, label: String, field: String = "unit", access: Access, _ problems: inout InvalidInput
    ) async throws -> OrgUnit? {
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
        try await access.requireWrite(unit: unit.id!)
        return unit
    }

    /// The root of a list's unit filter: a unit of the account's subtree, or nil with `unknown` set.
    static func filterRoot(_ code: String, access: Access) async throws -> (root: Int?, unknown: Bool) {
        let code = VietnameseText.normalize(code)
        guard !code.isEmpty else { return (nil, false) }
        guard let unit = try await OrgUnit.query(on: access.db).filter(\.$code == code).first(),
              try await access.canSee(unit: unit.id!)
        else { return (nil, true) }
        return (unit.id, false)
    }
}
