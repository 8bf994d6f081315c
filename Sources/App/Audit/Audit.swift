import Fluent
import Foundation

/// Records who changed what. Called inside the same transaction as the change, so a change is
/// never written without its entry, nor an entry without its change.
enum Audit {
    enum Action: String, Codable, CaseIterable, Sendable {
        case create = "tao_moi"
        case update = "cap_nhat"
        case move = "chuyen_don_vi"
        case merge = "sap_nhap"
        case dissolve = "giai_the"
        case transfer = "chuyen_sinh_hoat"
        case revoke = "thu_hoi"
        case submit = "nop"
        case returnForRevision = "tra_lai"
        case approve = "duyet"
        case assess = "danh_gia"
        case remove = "xoa"
        case importData = "nhap"
        case forward = "chuyen_len"
        case decide = "quyet_dinh"
        case reopen = "mo_lai"
        case publish = "cong_bo"
        case unpublish = "thu_hoi_cong_bo"

        var label: String {
            switch self {
            case .create: "Tạo mới"
            case .update: "Cập nhật"
            case .move: "Chuyển đơn vị cấp trên"
            case .merge: "Sáp nhập"
            case .dissolve: "Giải thể"
            case .transfer: "Chuyển sinh hoạt"
            case .revoke: "Thu hồi"
            case .submit: "Nộp"
            case .returnForRevision: "Trả lại"
            case .approve: "Duyệt"
            case .assess: "Đánh giá"
            case .remove: "Xóa"
            case .importData: "Nhập từ tệp"
            case .forward: "Chuyển lên cấp trên"
            case .decide: "Ra quyết định"
            case .reopen: "Mở lại"
            case .publish: "Công bố"
            case .unpublish: "Thôi công bố"
            }
        }
    }

    /// The kinds of record the log names, with their Vietnamese labels.
    enum Entity: String, Codable, CaseIterable, Sendable {
        case unit = "don_vi"
        case person = "nguoi"
        case position = "chuc_vu"
        case programme = "chuong_trinh"
        case topic = "chuyen_de"
        case document = "van_ban"
        case user = "tai_khoan"
        case apiToken = "khoa_api"
        case cellMeeting = "sinh_hoat_chi_bo"
        case studySession = "hoc_tap"
        case conductCode = "chuan_muc"
        case outreach = "tuyen_truyen"
        case practiceModel = "mo_hinh"
        case exemplar = "dien_hinh"
        case contest = "cuoc_thi"
        case contestEntry = "bai_du_thi"
        case unitPlan = "ke_hoach"
        case breakthroughGoal = "dot_pha"
        case dueDate = "han_nop"
        case personalPlan = "ke_hoach_ca_nhan"
        case planTemplate = "mau_ke_hoach"
        case topicMaterial = "tai_lieu"
        case dataImport = "nhap_du_lieu"
        case commendation = "khen_thuong"
        case commendationForm = "hinh_thuc_khen_thuong"
        case commendationIssuer = "cap_khen_thuong"
        case gradingRegime = "quy_dinh_xep_loai"
        case gradingSheet = "xep_loai"
        case nomination = "de_nghi_khen_thuong"
        case suggestionRule = "quy_tac_de_xuat"
        case publicStory = "bai_cong_khai"
        case review = "bao_cao_so_ket"

        var label: String {
            switch self {
            case .unit: "Tổ chức đảng"
            case .person: "Người"
            case .position: "Chức vụ"
            case .programme: "Chương trình"
            case .topic: "Chuyên đề"
            case .document: "Văn bản"
            case .user: "Tài khoản"
            case .apiToken: "Khóa API"
            case .cellMeeting: "Sinh hoạt chi bộ"
            case .studySession: "Hội nghị học tập"
            case .conductCode: "Chuẩn mực đạo đức"
            case .outreach: "Tuyên truyền"
            case .practiceModel: "Mô hình, cách làm hay"
            case .exemplar: "Điển hình tiên tiến"
            case .contest: "Cuộc thi"
            case .contestEntry: "Bài dự thi"
            case .unitPlan: "Kế hoạch thực hiện"
            case .breakthroughGoal: "Nội dung đột phá"
            case .dueDate: "Hạn nộp"
            case .personalPlan: "Kế hoạch cá nhân"
            case .planTemplate: "Mẫu kế hoạch cá nhân"
            case .topicMaterial: "Tài liệu học tập"
            case .dataImport: "Nhập dữ liệu"
            case .commendation: "Khen thưởng"
            case .commendationForm: "Hình thức khen thưởng"
            case .commendationIssuer: "Cấp khen"
            case .gradingRegime: "Quy định xếp loại"
            case .gradingSheet: "Xếp loại chất lượng"
            case .nomination: "Đề nghị khen thưởng"
            case .suggestionRule: "Quy tắc đề xuất khen thưởng"
            case .publicStory: "Bài giới thiệu công khai"
            case .review: "Báo cáo sơ kết, tổng kết"
            }
        }
    }

    static func record(
        on db: any Database, by user: CurrentUser?, _ action: Action, _ entity: Entity, id: Int?,
        unit: Int?, summary: String, before: (any Encodable)? = nil, after: (any Encodable)? = nil
    ) async throws {
        let entry = AuditEntry()
        entry.at = Date()
        entry.userID = user?.id
        entry.username = user?.username ?? "hệ thống"
        entry.action = action.rawValue
        entry.entityType = entity.rawValue
        entry.entityID = id
        entry.unitID = unit
        entry.summary = summary
        entry.beforeJSON = try before.map(json)
        entry.afterJSON = try after.map(json)
        try await entry.create(on: db)
    }

    /// A record as the audit log stores it (keys sorted); the bulk writers use it too.
    static func json(_ value: any Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
