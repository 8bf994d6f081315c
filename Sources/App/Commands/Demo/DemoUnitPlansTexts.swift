import Domain

/// The words of the demo plans: their content, the abbreviation in their numbers, and the
/// comments a reviewer writes when returning a plan as too vague.
enum DemoPlanTexts {
    /// A year plan follows the year's topic; the whole-term plan, the whole-term topic.
    static func content(unit: String, scope: PlanScope, year: Int, theme: String, rng: inout DemoRandom) -> String {
        let period = scope == .year ? "năm \(year)" : "giai đoạn 2021 – 2025"
        let topic = scope == .year ? theme : DemoDocuments.topics.first { $0.kind == .wholeTerm }?.title ?? theme
        let study = scope == .year ? "chuyên đề năm \(year); hoàn thành trong quý I" : "chuyên đề toàn khóa và chuyên đề từng năm"
        return """
            I. MỤC ĐÍCH, YÊU CẦU
            Tiếp tục đẩy mạnh việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh trong \(unit) \(period), \
            gắn với chủ đề: \(topic).
            II. NHIỆM VỤ, GIẢI PHÁP
            1. Tổ chức học tập, quán triệt \(study) cho 100% cán bộ, đảng viên.
            2. Mỗi đảng viên xây dựng kế hoạch cá nhân và bản cam kết tu dưỡng, rèn luyện, phấn đấu; chi bộ đánh giá cuối năm.
            3. Đưa nội dung học tập và làm theo Bác vào sinh hoạt chi bộ hằng tháng; sinh hoạt chuyên đề ít nhất mỗi quý một lần.
            4. \(rng.pick(focus))
            III. TỔ CHỨC THỰC HIỆN
            Văn phòng cấp ủy theo dõi, đôn đốc; sơ kết 6 tháng, tổng kết \(scope == .year ? "năm" : "giai đoạn"), biểu dương tập thể, cá nhân tiêu biểu.
            """
    }

    /// The issuer part of a plan's number (12-KH/ĐU): Tỉnh ủy and Thành ủy TU, Huyện ủy HU, a
    /// bloc committee ĐUK, a chi bộ cơ sở CB, any other committee ĐU.
    static func issuer(_ unit: OrgUnit) -> String {
        switch unit.kindCode {
        case "TINH": "TU"
        case "CB_CO_SO": "CB"
        default:
            unit.code.hasPrefix("HU-") ? "HU" : unit.code.hasPrefix("TP-") ? "TU" : unit.code == "DUK" ? "ĐUK" : "ĐU"
        }
    }

    static let focus = [
        "Đẩy mạnh cải cách hành chính, nâng cao chất lượng phục vụ Nhân dân; công khai thời gian giải quyết hồ sơ.",
        "Thực hiện trách nhiệm nêu gương của người đứng đầu, cán bộ chủ chốt; đăng ký và công khai việc làm theo Bác.",
        "Xây dựng và nhân rộng mô hình \u{201C}Dân vận khéo\u{201D}, điển hình tiên tiến trong học tập và làm theo Bác.",
        "Thực hành tiết kiệm, chống lãng phí; giữ gìn đoàn kết nội bộ, khắc phục biểu hiện hình thức.",
        "Tăng cường tuyên truyền trên mạng xã hội, trang thông tin điện tử về các tấm gương làm theo Bác.",
    ]

    /// Why the level above returns a plan: vague, or copied.
    static func vague(_ scope: PlanScope) -> [String] {
        scope == .year ? [
            "Kế hoạch còn chung chung, chưa nêu việc làm cụ thể của cấp ủy và từng chi bộ; đề nghị bổ sung.",
            "Chưa cụ thể hóa chủ đề năm thành nội dung đột phá; thời gian, người chịu trách nhiệm còn chung chung.",
            "Nội dung sao chép kế hoạch năm trước, chưa bám chủ đề năm; đề nghị xây dựng lại phần nhiệm vụ, giải pháp.",
        ] : [
            "Kế hoạch còn chung chung, chưa đăng ký nội dung đột phá cho cả nhiệm kỳ; đề nghị bổ sung.",
            "Chưa phân kỳ thực hiện theo từng năm, chưa phân công người chịu trách nhiệm; đề nghị cụ thể hóa.",
        ]
    }
}
