/// The definitions, in words. Common to all: the records counted are those dated in the period of
/// the units under the chosen unit in the tree as it stood on the period's last day (a unit
/// dissolved before then counts through its successors); a unit or member is expected only for the
/// time it existed; indicators about a year's plans take every year the period touches.
enum IndicatorCatalog {
    static let definitions: [IndicatorDefinition] = [
        .init(
            code: .guidanceDocuments, label: "Văn bản chỉ đạo, hướng dẫn ban hành", unit: "văn bản", measure: .count,
            noun: "văn bản",
            formula: "Số văn bản chỉ đạo, hướng dẫn, kế hoạch do các tổ chức đảng ban hành trong kỳ.",
            sources: [.guidanceDocuments]),
        .init(
            code: .unitPlans, label: "Tổ chức đảng có kế hoạch thực hiện năm", unit: "%", measure: .share, noun: "tổ chức",
            formula: "Số tổ chức đảng phải xây dựng kế hoạch năm (mọi cấp trừ chi bộ trực thuộc, tồn tại ít nhất một ngày "
                + "trong năm) đã nộp kế hoạch năm (đã nộp hoặc đã duyệt) / số tổ chức đảng phải xây dựng kế hoạch, "
                + "cộng các năm của kỳ. Nộp đúng hạn: ngày nộp lần đầu không muộn hơn hạn do cấp trên gần nhất đặt "
                + "(cấp trên không đặt hạn: tính là đúng hạn).",
            sources: [.units, .unitPlans, .dueDates]),
        .init(
            code: .breakthroughGoals, label: "Tổ chức đảng đăng ký nội dung đột phá", unit: "%", measure: .share,
            noun: "tổ chức",
            formula: "Số tổ chức đảng phải xây dựng kế hoạch có ít nhất một nội dung đột phá trong kế hoạch năm của năm "
                + "đó hoặc trong kế hoạch toàn khóa / số tổ chức đảng phải xây dựng kế hoạch, cộng các năm của kỳ. "
                + "Hoàn thành: số nội dung đột phá (của các kế hoạch năm trong kỳ và kế hoạch toàn khóa) hoàn thành "
                + "trong kỳ / số nội dung đột phá đó.",
            sources: [.units, .unitPlans, .breakthroughGoals]),
        .init(
            code: .conductCodes, label: "Tổ chức đảng ban hành chuẩn mực đạo đức", unit: "%", measure: .share,
            noun: "tổ chức",
            formula: "Số tổ chức đảng phải xây dựng kế hoạch còn tồn tại vào ngày cuối kỳ có chuẩn mực đạo đức đang có "
                + "hiệu lực vào ngày đó (đã ban hành, chưa bị bản sửa đổi thay thế) / số tổ chức đảng đó.",
            sources: [.units, .conductCodes]),
        .init(
            code: .studySessions, label: "Hội nghị học tập, quán triệt chuyên đề", unit: "hội nghị", measure: .count,
            noun: "hội nghị",
            formula: "Số hội nghị học tập, quán triệt chuyên đề tổ chức trong kỳ, chia theo hình thức (trực tiếp, trực "
                + "tuyến, kết hợp) và cách thức (tập trung, lồng ghép sinh hoạt chi bộ, gửi tài liệu).",
            sources: [.studySessions]),
        .init(
            code: .studyParticipation, label: "Tỉ lệ cán bộ, đảng viên tham gia học tập chuyên đề", unit: "%",
            measure: .share, noun: "đảng viên",
            formula: "Số đảng viên sinh hoạt trong phạm vi ít nhất một ngày của kỳ có mặt ở ít nhất một hội nghị học "
                + "tập có chuyên đề trong kỳ (do bất kỳ cấp nào tổ chức) / số đảng viên đó. Lượt quần chúng: tổng số "
                + "quần chúng dự các hội nghị có chuyên đề do các tổ chức đảng trong phạm vi tổ chức trong kỳ.",
            sources: [.memberships, .studySessions, .attendance]),
        .init(
            code: .grassrootsStudy, label: "Tổ chức cơ sở đảng triển khai học tập chuyên đề", unit: "%", measure: .share,
            noun: "tổ chức cơ sở đảng",
            formula: "Số tổ chức cơ sở đảng (đảng bộ cơ sở, chi bộ cơ sở) tồn tại trong kỳ có ít nhất một hội nghị học "
                + "tập có chuyên đề trong kỳ do chính mình hoặc tổ chức trực thuộc tổ chức / số tổ chức cơ sở đảng "
                + "tồn tại trong kỳ.",
            sources: [.units, .studySessions]),
        .init(
            code: .monthlyContent, label: "Chi bộ đưa nội dung học tập và làm theo Bác vào sinh hoạt hằng tháng",
            unit: "%", measure: .share, noun: "chi bộ-tháng",
            formula: "Số chi bộ-tháng có sinh hoạt thường kỳ với nội dung học tập và làm theo Bác / số chi bộ-tháng phải "
                + "sinh hoạt (mỗi tháng của kỳ mà chi bộ tồn tại ít nhất một ngày). Có ghi sinh hoạt thường kỳ: số "
                + "chi bộ-tháng đã ghi / số phải sinh hoạt.",
            sources: [.units, .cellMeetings]),
        .init(
            code: .thematicMeetings, label: "Sinh hoạt chuyên đề", unit: "cuộc", measure: .count, noun: "cuộc",
            formula: "Số cuộc sinh hoạt chuyên đề của các chi bộ trong kỳ. Chi bộ đạt yêu cầu mỗi quý ít nhất một lần: "
                + "số chi bộ tồn tại trong kỳ có sinh hoạt chuyên đề trong mọi quý của kỳ mà chi bộ tồn tại ít nhất "
                + "một ngày / số chi bộ tồn tại trong kỳ.",
            sources: [.units, .cellMeetings]),
        .init(
            code: .thematicDiscussion, label: "Thảo luận trong sinh hoạt chuyên đề", unit: "ý kiến/cuộc",
            measure: .average, noun: "ý kiến/cuộc",
            formula: "Tổng số ý kiến phát biểu trong các cuộc sinh hoạt chuyên đề của kỳ / số cuộc sinh hoạt chuyên đề "
                + "đó, lấy một chữ số thập phân.",
            sources: [.cellMeetings]),
        .init(
            code: .personalPlans, label: "Đảng viên có kế hoạch cá nhân, bản cam kết", unit: "%", measure: .share,
            noun: "đảng viên",
            formula: "Số đảng viên phải xây dựng kế hoạch cá nhân (sinh hoạt trong phạm vi ít nhất một ngày của năm) đã "
                + "nộp kế hoạch cá nhân và bản cam kết của năm / số đảng viên đó, cộng các năm của kỳ. Nộp đúng hạn: "
                + "ngày nộp không muộn hơn hạn do chi bộ hoặc cấp trên gần nhất đặt (không đặt hạn: đúng hạn).",
            sources: [.memberships, .personalPlans, .dueDates]),
        .init(
            code: .personalPlansFulfilled, label: "Đảng viên hoàn thành kế hoạch cá nhân", unit: "%", measure: .share,
            noun: "kế hoạch",
            formula: "Số kế hoạch cá nhân của các năm của kỳ, của chi bộ trong phạm vi, được đánh giá hoàn thành / số "
                + "kế hoạch đã được đánh giá.",
            sources: [.personalPlans]),
        .init(
            code: .practiceModels, label: "Mô hình “Dân vận khéo”, mô hình hay, cách làm hiệu quả", unit: "mô hình",
            measure: .count, noun: "mô hình",
            formula: "Số mô hình đăng ký cho các năm của kỳ, chia theo loại; số tổ chức đảng có đăng ký mô hình.",
            sources: [.practiceModels]),
        .init(
            code: .exemplars, label: "Điển hình tiên tiến", unit: "điển hình", measure: .count, noun: "điển hình",
            formula: "Số tập thể, cá nhân điển hình tiên tiến được ghi nhận trong kỳ.",
            sources: [.exemplars]),
        .init(
            code: .gradings, label: "Xếp loại chất lượng", unit: "đảng viên", measure: .count, noun: "đảng viên",
            formula: "Số đảng viên được xếp loại trên các bảng xếp loại đã nộp của các năm của kỳ (bảng của tổ chức đảng trong "
                + "phạm vi), chia theo bốn mức; số tổ chức đảng cấp dưới được xếp loại trên các bảng đã nộp, chia theo bốn mức.",
            sources: [.evaluations, .units]),
        .init(
            code: .outreach, label: "Hoạt động tuyên truyền", unit: "hoạt động", measure: .count, noun: "hoạt động",
            formula: "Số hoạt động tuyên truyền trong kỳ, chia theo hình thức; tổng số lượt người tham gia.",
            sources: [.outreach]),
        .init(
            code: .contests, label: "Cuộc thi viết", unit: "cuộc thi", measure: .count, noun: "cuộc thi",
            formula: "Số cuộc thi viết tổ chức trong các năm của kỳ; số bài dự thi các tổ chức đảng trong phạm vi gửi "
                + "tới cuộc thi các năm đó; trong đó số bài được chọn dự thi cấp trên.",
            sources: [.contests]),
        .init(
            code: .commendations, label: "Tập thể, cá nhân được khen thưởng", unit: "tập thể, cá nhân", measure: .count,
            noun: "tập thể, cá nhân",
            formula: "Số lượt khen thưởng (mọi hình thức trừ biểu dương) theo quyết định ký trong kỳ, do các tổ chức đảng "
                + "trong phạm vi ghi sổ; chia theo tập thể (tổ chức đảng, tập thể khác), cá nhân và nhóm tác giả, theo "
                + "hình thức khen thưởng và theo cấp khen.",
            sources: [.commendations]),
        .init(
            code: .praise, label: "Tập thể, cá nhân được biểu dương", unit: "tập thể, cá nhân", measure: .count,
            noun: "tập thể, cá nhân",
            formula: "Số lượt biểu dương theo quyết định ký trong kỳ, do các tổ chức đảng trong phạm vi ghi sổ; chia theo "
                + "tập thể, cá nhân và nhóm tác giả, theo cấp khen.",
            sources: [.commendations]),
        .init(
            code: .reporting, label: "Mức đầy đủ, kịp thời của báo cáo", unit: "%", measure: .share, noun: "báo cáo",
            formula: "Như tỉ lệ báo cáo của DHIS2: số báo cáo đã nhận / số báo cáo phải có, cộng ba loại: kế hoạch năm "
                + "của tổ chức đảng (như I.2), kế hoạch cá nhân của đảng viên (như III.1) và sinh hoạt thường kỳ của chi "
                + "bộ-tháng (như II.4, có ghi sinh hoạt). Đúng hạn: số kế hoạch nộp không muộn hơn hạn (như "
                + "I.2, III.1) / số kế hoạch đã nộp. Mỗi loại có tỉ lệ riêng.",
            sources: [.units, .memberships, .unitPlans, .personalPlans, .cellMeetings, .dueDates]),
    ]
}
