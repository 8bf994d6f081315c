/// Whether a unit plan covers one year (kế hoạch năm) or the whole term of the programme (toàn khóa).
public enum PlanScope: String, CaseIterable, Codable, Sendable {
    case year = "nam"
    case term = "toan_khoa"

    public var label: String { self == .year ? "Kế hoạch năm" : "Kế hoạch toàn khóa" }
}

/// Where a unit plan stands in its review by the level above (DESIGN.md §1 UnitPlan).
/// du_thao → da_nop → (tra_lai → da_nop)* → da_duyet.
public enum PlanStatus: String, CaseIterable, Codable, Sendable {
    case draft = "du_thao"
    case submitted = "da_nop"
    case returned = "tra_lai"
    case approved = "da_duyet"

    public var label: String {
        switch self {
        case .draft: "Dự thảo"
        case .submitted: "Đã nộp, chờ duyệt"
        case .returned: "Trả lại để sửa"
        case .approved: "Đã duyệt"
        }
    }

    /// Whether the plan has reached the level above at least once and is not back with its unit.
    public var isSubmitted: Bool { self == .submitted || self == .approved }
}

/// A step of a unit plan's review, kept with its date (nộp, trả lại, duyệt).
public enum PlanAction: String, CaseIterable, Codable, Sendable {
    case submit = "nop"
    case returnForRevision = "tra_lai"
    case approve = "duyet"

    public var label: String {
        switch self {
        case .submit: "Nộp"
        case .returnForRevision: "Trả lại"
        case .approve: "Duyệt"
        }
    }

    /// The status the action leads to, from `status`; nil when the action is not allowed there.
    public func next(from status: PlanStatus) -> PlanStatus? {
        switch (self, status) {
        case (.submit, .draft), (.submit, .returned): .submitted
        case (.returnForRevision, .submitted): .returned
        case (.approve, .submitted): .approved
        default: nil
        }
    }
}

/// Where a breakthrough goal (nội dung đột phá) stands.
public enum GoalStatus: String, CaseIterable, Codable, Sendable {
    case inProgress = "dang_thuc_hien"
    case completed = "hoan_thanh"
    case notCompleted = "chua_hoan_thanh"

    public var label: String {
        switch self {
        case .inProgress: "Đang thực hiện"
        case .completed: "Hoàn thành"
        case .notCompleted: "Không hoàn thành"
        }
    }
}

/// What a due date (hạn nộp) set by a unit applies to.
public enum DueKind: String, CaseIterable, Codable, Sendable {
    /// The yearly plans of the units below the setter.
    case unitPlanYear = "ke_hoach_nam"
    /// The whole-term plans of the units below the setter; `year` is the programme's first year.
    case unitPlanTerm = "ke_hoach_toan_khoa"
    /// The personal plans of the members of the setter's subtree, the setter included.
    case personalPlan = "ke_hoach_ca_nhan"

    public var label: String {
        switch self {
        case .unitPlanYear: "Kế hoạch năm của tổ chức đảng cấp dưới"
        case .unitPlanTerm: "Kế hoạch toàn khóa của tổ chức đảng cấp dưới"
        case .personalPlan: "Kế hoạch cá nhân, bản cam kết của đảng viên"
        }
    }

    /// Whether the setter's own records are bound by it (personal plans of its own members), or
    /// only those of the units strictly below it (the level above sets a unit's due date).
    public var includesSetter: Bool { self == .personalPlan }
}

/// Where a member's personal plan (kế hoạch cá nhân và bản cam kết) stands.
public enum PersonalPlanStatus: String, CaseIterable, Codable, Sendable {
    case draft = "du_thao"
    case submitted = "da_nop"

    public var label: String { self == .draft ? "Chưa nộp (đang soạn)" : "Đã nộp" }
}

/// The cell's year-end assessment of a personal plan.
public enum PlanAssessment: String, CaseIterable, Codable, Sendable {
    case fulfilled = "hoan_thanh"
    case notFulfilled = "khong_hoan_thanh"

    public var label: String { self == .fulfilled ? "Hoàn thành" : "Không hoàn thành" }
}
