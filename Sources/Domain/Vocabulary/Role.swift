/// What an account may do. The scope (a unit's subtree, or one person) is kept beside the role.
public enum Role: String, CaseIterable, Codable, Sendable {
    /// quản trị hệ thống: everything, everywhere.
    case admin = "quan_tri"
    /// cán bộ theo dõi: reads and writes a subtree.
    case officer = "can_bo_theo_doi"
    /// lãnh đạo: reads a subtree.
    case leader = "lanh_dao"
    /// bí thư chi bộ: reads and writes their own cell.
    case cellSecretary = "bi_thu_chi_bo"
    /// đảng viên: their own records only.
    case member = "dang_vien"

    public var label: String {
        switch self {
        case .admin: "Quản trị hệ thống"
        case .officer: "Cán bộ theo dõi"
        case .leader: "Lãnh đạo"
        case .cellSecretary: "Bí thư chi bộ"
        case .member: "Đảng viên"
        }
    }

    /// Whether the role is bound to a unit's subtree (all but admin and member).
    public var needsScopeUnit: Bool { self == .officer || self == .leader || self == .cellSecretary }

    /// Whether the role works with units and their people at all.
    public var seesUnits: Bool { self != .member }

    /// Whether the role changes records of the units in its scope.
    public var writesUnitRecords: Bool { self == .admin || self == .officer || self == .cellSecretary }

    /// Whether the role may restructure the tree (create, move, merge, dissolve units).
    public var restructures: Bool { self == .admin || self == .officer }
}
