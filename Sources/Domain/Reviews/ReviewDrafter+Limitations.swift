/// Parts II–IV: the limitations seeded from the findings, then standard paragraphs for the
/// officer to rewrite.
extension ReviewDrafter {
    func limitations() -> [String] {
        var items: [String] = []
        let f = findings
        if f.missingPlans.count > 0 {
            items.append("- Còn \(Self.number(f.missingPlans.count)) lượt tổ chức đảng chưa xây dựng kế hoạch thực hiện năm"
                         + Self.names(f.missingPlans) + ".")
        }
        if f.latePlans.count > 0 {
            items.append("- \(Self.number(f.latePlans.count)) kế hoạch năm nộp chậm so với hạn cấp trên đặt" + Self.names(f.latePlans) + ".")
        }
        if f.lowContentCells.count > 0 {
            items.append("- \(Self.number(f.lowContentCells.count)) chi bộ đưa nội dung học tập và làm theo Bác vào sinh hoạt thường kỳ "
                         + "dưới \(ReviewFindings.contentThreshold)% số tháng" + Self.names(f.lowContentCells, lead: "thấp nhất") + ".")
        }
        if f.thematicGapCells.count > 0 {
            items.append("- \(Self.number(f.thematicGapCells.count)) chi bộ có quý không tổ chức sinh hoạt chuyên đề"
                         + Self.names(f.thematicGapCells) + ".")
        }
        if let reporting = headline(.reporting), let d = reporting.denominator, d > 0, reporting.numerator < d {
            items.append("- Mức đầy đủ của báo cáo, sổ sách mới đạt \(Self.rate(reporting)) (\(Self.ratio(reporting, "báo cáo")) "
                         + "đã nhận so với số phải có).")
        }
        let opening = items.isEmpty
            ? "Theo số liệu theo dõi trong \(Self.periodText(table.period)), các tổ chức đảng đã xây dựng kế hoạch đúng hạn và các "
                + "chi bộ duy trì nội dung học tập và làm theo Bác trong sinh hoạt. Tuy vậy, việc làm theo ở một số nơi chưa "
                + "thật sự thường xuyên, sâu rộng."
            : "Bên cạnh những kết quả đạt được, việc thực hiện \(programme) trong \(Self.periodText(table.period)) còn một số hạn chế:"
        return [opening] + items + [
            "Nguyên nhân: một số cấp ủy, người đứng đầu chưa quan tâm đúng mức đến việc lãnh đạo, chỉ đạo, kiểm tra, giám sát; "
                + "việc cụ thể hóa nội dung học tập và làm theo Bác vào kế hoạch hằng năm còn chung chung; công tác theo dõi, "
                + "tổng hợp, báo cáo ở một số nơi chưa kịp thời.",
            "Bài học kinh nghiệm: cấp ủy, người đứng đầu phải thường xuyên lãnh đạo, chỉ đạo, gắn học tập và làm theo Bác với "
                + "thực hiện nhiệm vụ chính trị của địa phương, cơ quan, đơn vị; đề cao trách nhiệm nêu gương; kịp thời biểu "
                + "dương, khen thưởng, nhân rộng điển hình tiên tiến.",
        ]
    }

    /// ": A, B, C, D, E và 3 đơn vị khác", or nothing without names.
    static func names(_ units: ReviewFindings.Units, lead: String = "gồm") -> String {
        guard !units.names.isEmpty else { return "" }
        let rest = units.units - units.names.count
        return " (\(lead): " + units.names.joined(separator: ", ") + (rest > 0 ? " và \(number(rest)) đơn vị khác" : "") + ")"
    }

    func directions() -> [String] {
        [
            "Tiếp tục quán triệt, thực hiện nghiêm túc \(programme); gắn học tập và làm theo Bác với thực hiện nghị quyết đại hội "
                + "đảng bộ các cấp và nhiệm vụ chính trị của từng cơ quan, đơn vị.",
            "Các cấp ủy xây dựng kế hoạch thực hiện hằng năm cụ thể, đúng hạn, có nội dung đột phá; mỗi cán bộ, đảng viên "
                + "xây dựng kế hoạch cá nhân gắn với bản cam kết tu dưỡng, rèn luyện, phấn đấu.",
            "Duy trì nội dung học tập và làm theo Bác trong sinh hoạt chi bộ thường kỳ; tổ chức sinh hoạt chuyên đề ít nhất "
                + "mỗi quý một lần, nâng cao chất lượng thảo luận.",
            "Phát huy vai trò nêu gương của cán bộ, đảng viên, trước hết là người đứng đầu; phát hiện, biểu dương, khen thưởng "
                + "và nhân rộng các điển hình tiên tiến, mô hình hay, cách làm hiệu quả.",
        ]
    }

    func proposals() -> [String] {
        [
            "Đề nghị cấp trên tiếp tục ban hành hướng dẫn chuyên đề hằng năm kịp thời, có tài liệu phù hợp với từng đối tượng.",
            "Đề nghị quan tâm biểu dương, khen thưởng các tập thể, cá nhân tiêu biểu trong học tập và làm theo tư tưởng, đạo "
                + "đức, phong cách Hồ Chí Minh.",
        ]
    }
}
