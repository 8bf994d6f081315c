/// What a unit must hand in by a date (hạn cần làm): the kinds of deadline the system computes
/// from the records, never typed by anyone.
public enum DeadlineKind: String, CaseIterable, Codable, Sendable {
    /// A unit's year plan (kế hoạch năm), due on the date the level above sets.
    case unitPlanYear = "ke_hoach_nam"
    /// A unit's whole-term plan, expected in the programme's first year.
    case unitPlanTerm = "ke_hoach_toan_khoa"
    /// The personal plans of a unit's members (one item per unit, with how many are missing).
    case personalPlans = "ke_hoach_ca_nhan"
    /// The record of a cell's regular monthly meeting (biên bản sinh hoạt chi bộ thường kỳ).
    case meetingRecord = "sinh_hoat_thuong_ky"

    public var label: String {
        switch self {
        case .unitPlanYear: "Kế hoạch năm"
        case .unitPlanTerm: "Kế hoạch toàn khóa"
        case .personalPlans: "Kế hoạch cá nhân của đảng viên"
        case .meetingRecord: "Sinh hoạt chi bộ thường kỳ"
        }
    }

    /// Whether an open item without a due date is still listed (as "chưa có hạn"): only plans,
    /// whose due date the level above has to set; the others always have one or are not listed.
    public var listedWithoutDueDate: Bool { self == .unitPlanYear || self == .unitPlanTerm }
}

/// Where one deadline stands on a day.
public enum DeadlineStatus: Equatable, Sendable {
    /// Handed in by the due date (or with no due date set).
    case done
    /// Handed in after the due date.
    case doneLate(daysLate: Int)
    /// Not yet handed in, due today or later (`daysLeft` 0 on the due day itself).
    case due(daysLeft: Int)
    /// Not handed in and the due date has passed.
    case overdue(daysLate: Int)
    /// Not handed in, and nobody has set a due date.
    case noDueDate

    public var isOpen: Bool {
        switch self {
        case .done, .doneLate: false
        case .due, .overdue, .noDueDate: true
        }
    }

    /// "Quá hạn 12 ngày", "Còn 3 ngày", "Hạn hôm nay", "Nộp trễ 2 ngày"…
    public var label: String {
        switch self {
        case .done: "Đã nộp đúng hạn"
        case .doneLate(let days): "Nộp trễ \(days) ngày"
        case .due(let days): days == 0 ? "Hạn hôm nay" : "Còn \(days) ngày"
        case .overdue(let days): "Quá hạn \(days) ngày"
        case .noDueDate: "Chưa có hạn"
        }
    }
}

/// The group an open deadline is listed under on the deadline pages.
public enum DeadlineGroup: Int, CaseIterable, Codable, Sendable {
    case overdue = 0
    case dueSoon = 1
    case noDueDate = 2

    public var label: String {
        switch self {
        case .overdue: "Quá hạn"
        case .dueSoon: "Sắp đến hạn"
        case .noDueDate: "Chưa có hạn"
        }
    }
}

/// The deadline rules, stated once (issue 3 §9).
public enum Deadlines {
    /// A month's regular meeting must be on record by this day of the following month. The Party's
    /// guidance sets no reporting day for it; the 5th is the day monthly reports usually close at
    /// grassroots level, chosen here (issue 3 §9) and named once so it can become a setting.
    public static let meetingRecordDay = 5

    /// How far ahead an open deadline counts as "sắp đến hạn"; later ones are not listed yet.
    public static let dueSoonDays = 30

    /// The due date of the record of the regular meeting of the month containing `month`.
    public static func meetingRecordDue(month: LocalDate) -> LocalDate {
        month.firstOfMonth.adding(months: 1).adding(days: meetingRecordDay - 1)
    }

    /// Classifies one deadline: `completedOn` is the day it was handed in (nil while it is not).
    /// The due day itself is still on time; the day after it is late.
    public static func status(due: LocalDate?, completedOn: LocalDate?, today: LocalDate) -> DeadlineStatus {
        if let completedOn {
            guard let due, completedOn > due else { return .done }
            return .doneLate(daysLate: due.days(until: completedOn))
        }
        guard let due else { return .noDueDate }
        if today > due { return .overdue(daysLate: due.days(until: today)) }
        return .due(daysLeft: today.days(until: due))
    }

    /// The group an open deadline is listed under on `today`; nil when it is done, or due later
    /// than `dueSoonDays` from today (not listed yet).
    public static func group(_ status: DeadlineStatus) -> DeadlineGroup? {
        switch status {
        case .done, .doneLate: nil
        case .overdue: .overdue
        case .due(let days): days <= dueSoonDays ? .dueSoon : nil
        case .noDueDate: .noDueDate
        }
    }

    /// The last due date listed as "sắp đến hạn" on `today` (for queries that group in SQL).
    public static func lastDueSoon(today: LocalDate) -> LocalDate { today.adding(days: dueSoonDays) }
}
