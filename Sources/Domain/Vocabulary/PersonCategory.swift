/// Who a person is in the programme's records (DESIGN.md §1, `Person`).
public enum PersonCategory: String, CaseIterable, Codable, Sendable {
    case partyMember = "dang_vien"
    case cadre = "can_bo"
    case civilServant = "ccvc"
    case worker = "nld"
    case youthUnionMember = "doan_vien"
    case associationMember = "hoi_vien"
    case citizen = "quan_chung"

    public var label: String {
        switch self {
        case .partyMember: "Đảng viên"
        case .cadre: "Cán bộ"
        case .civilServant: "Công chức, viên chức"
        case .worker: "Người lao động"
        case .youthUnionMember: "Đoàn viên"
        case .associationMember: "Hội viên"
        case .citizen: "Quần chúng"
        }
    }
}

/// A post a person holds in a unit, for a period.
public enum PositionTitle: String, CaseIterable, Codable, Sendable {
    case secretary = "bi_thu"
    case deputySecretary = "pho_bi_thu"
    case committeeMember = "cap_uy_vien"
    case head = "nguoi_dung_dau"

    public var label: String {
        switch self {
        case .secretary: "Bí thư"
        case .deputySecretary: "Phó Bí thư"
        case .committeeMember: "Cấp ủy viên"
        case .head: "Người đứng đầu cơ quan, đơn vị"
        }
    }
}

public enum Gender: String, CaseIterable, Codable, Sendable {
    case male = "nam"
    case female = "nu"

    public var label: String { self == .male ? "Nam" : "Nữ" }
}
