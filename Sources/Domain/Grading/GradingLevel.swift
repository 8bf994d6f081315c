/// The four grading levels of members and organisations (xếp loại chất lượng), the same under
/// Quy định 132-QĐ/TW, 124-QĐ/TW and 366-QĐ/TW (DESIGN.md §4).
public enum GradingLevel: String, CaseIterable, Codable, Sendable, Comparable {
    case excellent = "htxsnv"
    case good = "httnv"
    case fulfilled = "htnv"
    case unfulfilled = "khtnv"

    public var label: String {
        switch self {
        case .excellent: "Hoàn thành xuất sắc nhiệm vụ"
        case .good: "Hoàn thành tốt nhiệm vụ"
        case .fulfilled: "Hoàn thành nhiệm vụ"
        case .unfulfilled: "Không hoàn thành nhiệm vụ"
        }
    }

    /// HTXSNV, HTTNV, HTNV, KHTNV: how documents and tables abbreviate the levels.
    public var abbreviation: String {
        switch self {
        case .excellent: "HTXSNV"
        case .good: "HTTNV"
        case .fulfilled: "HTNV"
        case .unfulfilled: "KHTNV"
        }
    }

    /// Highest first: excellent < good in this order, so sorting puts the best grade first.
    private var rank: Int { Self.allCases.firstIndex(of: self)! }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }
}

/// Who is graded: a Party member, or a Party organisation (a cell or a committee).
public enum GradingSubject: String, CaseIterable, Codable, Sendable {
    case member = "dang_vien"
    case organisation = "to_chuc"

    public var label: String { self == .member ? "Đảng viên" : "Tổ chức đảng" }
}

/// Where a unit's grading sheet for a year stands: the unit fills it, then submits it to the
/// level above, which may reopen it with a reason.
public enum GradingSheetStatus: String, CaseIterable, Codable, Sendable {
    case draft = "du_thao"
    case submitted = "da_nop"

    public var label: String { self == .draft ? "Đang xếp loại" : "Đã nộp" }
}
