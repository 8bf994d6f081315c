/// Where a nomination for commendation (đề nghị khen thưởng) stands as it climbs the tree.
/// du_thao → cho_xem_xet (at the level above) → (chuyen_len → cho_xem_xet higher)* →
/// da_quyet_dinh; a level may return it (tra_lai) to the proposing unit, which resubmits.
public enum NominationStatus: String, CaseIterable, Codable, Sendable {
    case draft = "du_thao"
    case pending = "cho_xem_xet"
    case returned = "tra_lai"
    case decided = "da_quyet_dinh"

    public var label: String {
        switch self {
        case .draft: "Dự thảo"
        case .pending: "Đang chờ cấp trên xem xét"
        case .returned: "Bị trả lại"
        case .decided: "Đã có quyết định"
        }
    }
}

/// One step of a nomination's way up the tree, kept with its date, units and reason.
public enum NominationAction: String, CaseIterable, Codable, Sendable {
    /// The proposing unit sends it to the level above (again after a return).
    case submit = "gui_de_nghi"
    /// A level sends it back to the proposing unit with a reason.
    case returnForRevision = "tra_lai"
    /// A level agrees and sends it on to the level above itself.
    case forward = "chuyen_len"
    /// The level that decides records the decision; the commendations are created.
    case decide = "quyet_dinh"

    public var label: String {
        switch self {
        case .submit: "Gửi đề nghị"
        case .returnForRevision: "Trả lại"
        case .forward: "Đồng ý, chuyển lên cấp trên"
        case .decide: "Ra quyết định khen thưởng"
        }
    }

    /// The status the action leads to from `status`; nil when not allowed there.
    public func next(from status: NominationStatus) -> NominationStatus? {
        switch (self, status) {
        case (.submit, .draft), (.submit, .returned): .pending
        case (.returnForRevision, .pending): .returned
        case (.forward, .pending): .pending
        case (.decide, .pending): .decided
        default: nil
        }
    }
}

/// The supporting papers a nomination lists (hồ sơ đề nghị khen thưởng).
public enum NominationPaperKind: String, CaseIterable, Codable, Sendable {
    case submission = "to_trinh"
    case minutes = "bien_ban"
    case achievements = "tom_tat_thanh_tich"
    case other = "khac"

    public var label: String {
        switch self {
        case .submission: "Tờ trình"
        case .minutes: "Biên bản họp xét"
        case .achievements: "Báo cáo tóm tắt thành tích"
        case .other: "Giấy tờ khác"
        }
    }

    /// The papers every nomination must list before it is sent up.
    public static let required: [NominationPaperKind] = [.submission, .minutes, .achievements]
}

/// A rule that suggests candidates for commendation from the grading history (DESIGN.md §4,
/// Hướng dẫn 06-HD/TW): who (members or organisations) rated at `level` for `years` years
/// running up to the year asked. Rules are rows, so a change of rules is an edit.
public struct SuggestionCriterion: Equatable, Sendable {
    public let subject: GradingSubject
    public let level: GradingLevel
    public let years: Int

    public init?(subject: GradingSubject, level: GradingLevel, years: Int) {
        guard (1...10).contains(years) else { return nil }
        self.subject = subject
        self.level = level
        self.years = years
    }

    /// The years whose grades must all be `level` for `year` to qualify: year−years+1 … year.
    public func window(endingIn year: Int) -> ClosedRange<Int> { (year - years + 1)...year }

    /// Whether a history (year → level) qualifies in `year`; a missing year breaks the run.
    public func qualifies(_ history: [Int: GradingLevel], in year: Int) -> Bool {
        window(endingIn: year).allSatisfy { history[$0] == level }
    }

    /// "Đảng viên xếp loại HTXSNV 5 năm liên tục" or "… năm 2025".
    public func describe(year: Int) -> String {
        let who = subject.label
        if years == 1 { return "\(who) xếp loại \(level.abbreviation) năm \(year)" }
        return "\(who) xếp loại \(level.abbreviation) \(years) năm liên tục (\(year - years + 1)–\(year))"
    }
}
