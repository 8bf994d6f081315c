/// The indicators of DESIGN.md §3 that the records support.
public enum IndicatorCode: String, CaseIterable, Codable, Sendable {
    case guidanceDocuments = "I.1"
    case unitPlans = "I.2"
    case breakthroughGoals = "I.3"
    case conductCodes = "I.4"
    case studySessions = "II.1"
    case studyParticipation = "II.2"
    case grassrootsStudy = "II.3"
    case monthlyContent = "II.4"
    case thematicMeetings = "II.5"
    case thematicDiscussion = "II.6"
    case personalPlans = "III.1"
    case personalPlansFulfilled = "III.2"
    case practiceModels = "III.3"
    case exemplars = "III.4"
    case gradings = "III.5"
    case outreach = "IV.1"
    case contests = "IV.2"
    case commendations = "V.1"
    case praise = "V.2"
    case reporting = "C.1"

    public var definition: IndicatorDefinition { IndicatorDefinition.byCode[self]! }

    public var group: IndicatorGroup {
        switch self {
        case .guidanceDocuments, .unitPlans, .breakthroughGoals, .conductCodes: .leadership
        case .studySessions, .studyParticipation, .grassrootsStudy, .monthlyContent, .thematicMeetings, .thematicDiscussion: .study
        case .personalPlans, .personalPlansFulfilled, .practiceModels, .exemplars, .gradings: .practice
        case .outreach, .contests: .outreach
        case .commendations, .praise: .commendation
        case .reporting: .reporting
        }
    }
}

/// The parts of a review report the indicators belong to (DESIGN.md §5).
public enum IndicatorGroup: String, CaseIterable, Sendable {
    case leadership = "I"
    case study = "II"
    case practice = "III"
    case outreach = "IV"
    case commendation = "V"
    /// Not a part of the report's body: how complete and timely the records behind it are.
    case reporting = "C"

    public var label: String {
        switch self {
        case .leadership: "Công tác lãnh đạo, chỉ đạo"
        case .study: "Học tập, quán triệt chuyên đề"
        case .practice: "Xây dựng kế hoạch và làm theo, nêu gương"
        case .outreach: "Tuyên truyền"
        case .commendation: "Biểu dương, khen thưởng"
        case .reporting: "Mức đầy đủ, kịp thời của báo cáo"
        }
    }
}

/// The records an indicator reads.
public enum IndicatorSource: String, CaseIterable, Sendable {
    case units, memberships, guidanceDocuments, unitPlans, breakthroughGoals, dueDates, conductCodes
    case studySessions, attendance, cellMeetings, personalPlans, practiceModels, exemplars, outreach, contests
    case evaluations, commendations

    public var label: String {
        switch self {
        case .units: "Tổ chức đảng và thời gian tồn tại"
        case .memberships: "Quá trình sinh hoạt đảng của đảng viên"
        case .guidanceDocuments: "Văn bản chỉ đạo, hướng dẫn"
        case .unitPlans: "Kế hoạch thực hiện của tổ chức đảng"
        case .breakthroughGoals: "Nội dung đột phá"
        case .dueDates: "Hạn nộp do cấp trên đặt"
        case .conductCodes: "Chuẩn mực đạo đức"
        case .studySessions: "Hội nghị học tập, quán triệt chuyên đề"
        case .attendance: "Điểm danh hội nghị học tập"
        case .cellMeetings: "Sinh hoạt chi bộ"
        case .personalPlans: "Kế hoạch cá nhân, bản cam kết"
        case .practiceModels: "Mô hình, cách làm hay"
        case .exemplars: "Điển hình tiên tiến"
        case .outreach: "Hoạt động tuyên truyền"
        case .contests: "Cuộc thi viết, bài dự thi"
        case .evaluations: "Bảng xếp loại chất lượng đã nộp"
        case .commendations: "Sổ khen thưởng, biểu dương"
        }
    }
}

/// One indicator, defined once (DESIGN.md §3): what it is called, what it counts and how.
/// Its query (one per indicator, in the App's Queries) follows `formula` word for word.
public struct IndicatorDefinition: Hashable, Sendable {
    public let code: IndicatorCode
    public let label: String
    /// Đơn vị tính, as the appendix tables write it ("văn bản", "%", "ý kiến/cuộc").
    public let unit: String
    public let measure: IndicatorMeasure
    /// What the headline figure counts ("tổ chức" in "42/45 tổ chức (93,3%)").
    public let noun: String
    /// How the figure is made, in words, for the page and the reports.
    public let formula: String
    public let sources: [IndicatorSource]

    /// In report order.
    public static var all: [IndicatorDefinition] { IndicatorCode.allCases.map(\.definition) }

    static let byCode: [IndicatorCode: IndicatorDefinition] = Dictionary(
        uniqueKeysWithValues: IndicatorCatalog.definitions.map { ($0.code, $0) })

    /// The headline figure of this indicator.
    public func figure(_ numerator: Int, of denominator: Int? = nil) -> IndicatorFigure {
        IndicatorFigure(label: "", measure: measure, numerator: numerator, denominator: denominator, noun: noun)
    }
}
