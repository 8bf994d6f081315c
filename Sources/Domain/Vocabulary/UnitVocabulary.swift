/// The kinds of Party organisation that ship with a new installation. The list lives in the
/// database (`unit_kinds`) so an administrator can add kinds; these are its first rows.
public struct UnitKindSeed: Sendable {
    public let code: String
    public let name: String
    /// Depth order used to sort kinds from the province down to the cell.
    public let rank: Int
    /// A TCCS (tổ chức cơ sở đảng): Đảng bộ cơ sở or Chi bộ cơ sở.
    public let isGrassroots: Bool
    /// A chi bộ: holds the monthly meetings.
    public let isCell: Bool

    public static let defaults: [UnitKindSeed] = [
        .init(code: "TINH", name: "Tỉnh ủy, Thành ủy", rank: 1, isGrassroots: false, isCell: false),
        .init(code: "TRUC_THUOC", name: "Đảng bộ trực thuộc", rank: 2, isGrassroots: false, isCell: false),
        .init(code: "DB_CO_SO", name: "Đảng bộ cơ sở", rank: 3, isGrassroots: true, isCell: false),
        .init(code: "CB_CO_SO", name: "Chi bộ cơ sở", rank: 3, isGrassroots: true, isCell: true),
        .init(code: "DB_BO_PHAN", name: "Đảng bộ bộ phận", rank: 4, isGrassroots: false, isCell: false),
        .init(code: "CB_TRUC_THUOC", name: "Chi bộ trực thuộc", rank: 5, isGrassroots: false, isCell: true),
    ]
}

/// What a unit is attached to (loại hình).
public enum UnitAttachment: String, CaseIterable, Codable, Sendable {
    case agency = "co_quan"
    case publicService = "don_vi_su_nghiep"
    case enterprise = "doanh_nghiep"
    case commune = "xa_phuong"
    case armedForces = "luc_luong_vu_trang"
    case other = "khac"

    public var label: String {
        switch self {
        case .agency: "Cơ quan"
        case .publicService: "Đơn vị sự nghiệp"
        case .enterprise: "Doanh nghiệp"
        case .commune: "Xã, phường, thị trấn"
        case .armedForces: "Lực lượng vũ trang"
        case .other: "Khác"
        }
    }
}

/// The kind of a guidance document (văn bản chỉ đạo).
public enum GuidanceKind: String, CaseIterable, Codable, Sendable {
    case plan = "ke_hoach"
    case guide = "huong_dan"
    case directive = "chi_thi"
    case resolution = "nghi_quyet"
    case decision = "quyet_dinh"
    case conclusion = "ket_luan"
    case dispatch = "cong_van"
    case report = "bao_cao"

    public var label: String {
        switch self {
        case .plan: "Kế hoạch"
        case .guide: "Hướng dẫn"
        case .directive: "Chỉ thị"
        case .resolution: "Nghị quyết"
        case .decision: "Quyết định"
        case .conclusion: "Kết luận"
        case .dispatch: "Công văn"
        case .report: "Báo cáo"
        }
    }
}

/// Whole-term (toàn khóa) or annual (hằng năm) study topic.
public enum TopicKind: String, CaseIterable, Codable, Sendable {
    case wholeTerm = "toan_khoa"
    case annual = "hang_nam"

    public var label: String { self == .wholeTerm ? "Chuyên đề toàn khóa" : "Chuyên đề hằng năm" }
}
