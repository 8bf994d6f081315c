import Domain

/// The Tỉnh ủy's study topics under Kết luận 01-KL/TW, and the documents units issued to carry
/// it out, numbered the way Party and state offices number them.
enum DemoDocuments {
    static let programmeNumber = "01-KL/TW"
    static let topicsUnit = "TU"

    private static let lead = "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh về "

    static let topics: [DemoDataset.TopicEntry] = [
        .init(kind: .wholeTerm, year: 2021, endYear: 2025,
              title: lead + "ý chí tự lực, tự cường và khát vọng phát triển đất nước phồn vinh, hạnh phúc",
              description: "Chuyên đề toàn khóa nhiệm kỳ 2020 – 2025, học tập trong toàn Đảng bộ tỉnh."),
        .init(kind: .annual, year: 2021, endYear: 2021,
              title: lead + "khát vọng xây dựng tỉnh Lạc Hồng phát triển nhanh và bền vững",
              description: "Chuyên đề năm 2021, gắn với việc học tập, quán triệt Nghị quyết Đại hội Đảng bộ tỉnh."),
        .init(kind: .annual, year: 2022, endYear: 2022,
              title: lead + "tinh thần trách nhiệm, gần dân, trọng dân, vì Nhân dân phục vụ",
              description: "Chuyên đề năm 2022; mỗi chi bộ chọn ít nhất một việc làm cụ thể phục vụ Nhân dân."),
        .init(kind: .annual, year: 2023, endYear: 2023,
              title: lead + "xây dựng đội ngũ cán bộ đủ phẩm chất, năng lực và uy tín, ngang tầm nhiệm vụ",
              description: "Chuyên đề năm 2023, gắn với trách nhiệm nêu gương của người đứng đầu."),
        .init(kind: .annual, year: 2024, endYear: 2024,
              title: lead + "xây dựng văn hóa và con người Lạc Hồng phát triển toàn diện",
              description: "Chuyên đề năm 2024, gắn với phong trào xây dựng nông thôn mới và đô thị văn minh."),
        .init(kind: .annual, year: 2025, endYear: 2025,
              title: lead + "đổi mới, sáng tạo, xây dựng bộ máy tinh gọn, hoạt động hiệu lực, hiệu quả",
              description: "Chuyên đề năm 2025, năm sắp xếp tổ chức bộ máy và tổ chức đại hội đảng bộ các cấp."),
    ]

    private static let conclusion = "Kết luận số 01-KL/TW ngày 18/5/2021 của Bộ Chính trị"

    static let guidance: [DemoDataset.GuidanceEntry] = [
        // Tỉnh ủy
        .init(unit: "TU", number: "34-KH/TU", kind: .plan, title: "Kế hoạch thực hiện \(conclusion) về tiếp tục thực hiện Chỉ thị số 05-CT/TW", issued: day("2021-07-12")),
        .init(unit: "TU", number: "08-HD/BTGTU", kind: .guide, title: "Hướng dẫn học tập chuyên đề toàn khóa nhiệm kỳ 2020 – 2025", issued: day("2021-08-02")),
        .init(unit: "TU", number: "15-CT/TU", kind: .directive, title: "Chỉ thị về tăng cường sự lãnh đạo của cấp ủy đối với việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh giai đoạn 2021 – 2025", issued: day("2021-09-20")),
        .init(unit: "TU", number: "52-KH/TU", kind: .plan, title: "Kế hoạch học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh năm 2022", issued: day("2022-01-18")),
        .init(unit: "TU", number: "71-KH/TU", kind: .plan, title: "Kế hoạch học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh năm 2023", issued: day("2023-01-16")),
        .init(unit: "TU", number: "89-KH/TU", kind: .plan, title: "Kế hoạch học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh năm 2024", issued: day("2024-01-22")),
        .init(unit: "TU", number: "120-BC/TU", kind: .report, title: "Báo cáo sơ kết 3 năm thực hiện \(conclusion)", issued: day("2024-05-10")),
        .init(unit: "TU", number: "96-KL/TU", kind: .conclusion, title: "Kết luận của Ban Thường vụ Tỉnh ủy về kết quả sơ kết 3 năm thực hiện \(conclusion)", issued: day("2024-06-14")),
        .init(unit: "TU", number: "105-KH/TU", kind: .plan, title: "Kế hoạch học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh năm 2025", issued: day("2025-01-20")),
        // Đảng ủy Khối các cơ quan tỉnh (until 2025)
        .init(unit: "DUK", number: "12-HD/ĐUK", kind: .guide, title: "Hướng dẫn thực hiện \(conclusion) trong Đảng bộ Khối các cơ quan tỉnh", issued: day("2021-08-05")),
        .init(unit: "DUK", number: "15-KH/ĐUK", kind: .plan, title: "Kế hoạch thực hiện \(conclusion) giai đoạn 2021 – 2025", issued: day("2021-08-20")),
        .init(unit: "DUK", number: "27-KH/ĐUK", kind: .plan, title: "Kế hoạch thực hiện chuyên đề năm 2022 trong Đảng bộ Khối", issued: day("2022-02-15")),
        .init(unit: "DUK", number: "41-KH/ĐUK", kind: .plan, title: "Kế hoạch thực hiện chuyên đề năm 2023 trong Đảng bộ Khối", issued: day("2023-02-20")),
        .init(unit: "DUK", number: "58-KH/ĐUK", kind: .plan, title: "Kế hoạch thực hiện chuyên đề năm 2024 trong Đảng bộ Khối", issued: day("2024-02-01")),
        .init(unit: "DUK", number: "63-BC/ĐUK", kind: .report, title: "Báo cáo sơ kết 3 năm thực hiện \(conclusion) trong Đảng bộ Khối", issued: day("2024-04-20")),
        // Huyện ủy Đông Lạc (until 2025)
        .init(unit: "HU-DL", number: "05-KH/HU", kind: .plan, title: "Kế hoạch thực hiện \(conclusion) trên địa bàn huyện Đông Lạc", issued: day("2021-08-10")),
        .init(unit: "HU-DL", number: "18-KH/HU", kind: .plan, title: "Kế hoạch học tập chuyên đề năm 2022 trong Đảng bộ huyện", issued: day("2022-02-22")),
        .init(unit: "HU-DL", number: "33-KH/HU", kind: .plan, title: "Kế hoạch học tập chuyên đề năm 2023 trong Đảng bộ huyện", issued: day("2023-03-01")),
        .init(unit: "HU-DL", number: "52-BC/HU", kind: .report, title: "Báo cáo sơ kết 3 năm thực hiện \(conclusion) trên địa bàn huyện", issued: day("2024-04-25")),
        // Communes, the city, departments and the 2025 committees
        .init(unit: "X-DL", number: "07-KH/ĐU", kind: .plan, title: "Kế hoạch thực hiện \(conclusion) trong Đảng bộ xã Đông Lạc", issued: day("2021-09-05")),
        .init(unit: "X-DL", number: "123/KH-UBND", kind: .plan, title: "Kế hoạch tuyên truyền, nhân rộng gương người tốt, việc tốt trên địa bàn xã Đông Lạc năm 2022", issued: day("2022-03-15")),
        .init(unit: "X-DL", number: "19-KH/ĐU", kind: .plan, title: "Kế hoạch thực hiện chuyên đề năm 2025 sau khi Đảng bộ xã trực thuộc Tỉnh ủy", issued: day("2025-08-12")),
        .init(unit: "X-DH", number: "09-KH/ĐU", kind: .plan, title: "Kế hoạch thực hiện \(conclusion) trong Đảng bộ xã Đông Hải", issued: day("2021-09-10")),
        .init(unit: "TP-LH", number: "21-KH/TU", kind: .plan, title: "Kế hoạch thực hiện \(conclusion) trong Đảng bộ thành phố Lạc Hồng", issued: day("2021-08-18")),
        .init(unit: "CQ-SGD", number: "456/KH-SGDĐT", kind: .plan, title: "Kế hoạch đưa nội dung học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh vào trường học năm học 2022 – 2023", issued: day("2022-09-05")),
        .init(unit: "DU-CQD", number: "03-KH/ĐU", kind: .plan, title: "Kế hoạch thực hiện chuyên đề năm 2025 trong Đảng bộ các cơ quan Đảng tỉnh", issued: day("2025-08-20")),
        .init(unit: "DU-UBND", number: "05-KH/ĐU", kind: .plan, title: "Kế hoạch thực hiện chuyên đề năm 2025 trong Đảng bộ Ủy ban nhân dân tỉnh", issued: day("2025-08-25")),
    ]
}

private func day(_ iso: String) -> LocalDate { LocalDate(iso)! }
