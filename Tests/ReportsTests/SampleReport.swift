import Domain
@testable import Reports

/// A hand-made review report and its figures, shared by the writer tests.
enum SampleReport {
    static let appendix = FigureTable(columns: ["Năm 2023", "Năm 2024", "Tổng"], rows: [
        FigureRow(key: "I", stt: "I", label: "Lãnh đạo, chỉ đạo", unit: "", values: [], note: "", isHeading: true),
        FigureRow(key: "I.2", stt: "1", label: "Tổ chức đảng có kế hoạch thực hiện năm", unit: "%",
                  values: [90, 95.3, 93], note: "42/45 tổ chức", isHeading: false),
        FigureRow(key: "I.3", stt: "2", label: "Chuyên đề được học tập", unit: "Chuyên đề",
                  values: [12, 14, 26], note: "", isHeading: false),
        FigureRow(key: "V", stt: "V", label: "Biểu dương, khen thưởng", unit: "", values: [], note: "", isHeading: true),
        FigureRow(key: "V.1", stt: "3", label: "Tập thể, cá nhân được khen thưởng", unit: "Lượt",
                  values: [1234, nil, 1234.5], note: "Ước tính", isHeading: false),
    ])

    static let breakdown = FigureTable(columns: [
        "I.2 Tổ chức đảng có kế hoạch thực hiện năm (%)", "II.1 Chuyên đề được học tập (chuyên đề)", "V.1 Khen thưởng (lượt)",
    ], rows: [
        FigureRow(key: "X-DL", stt: "1", label: "Đảng ủy xã Đại Lộc", unit: "X-DL", values: [100, 7, 3], note: "", isHeading: false),
        FigureRow(key: "X-HT", stt: "2", label: "Đảng ủy xã Hòa Tiến", unit: "X-HT", values: [87, 5, nil], note: "", isHeading: false),
    ])

    static let issuingBody = "BAN THƯỜNG VỤ ĐẢNG ỦY XÃ ĐẠI LỘC"

    static var document: OfficialDocument {
        OfficialDocument(
            superiorBody: "ĐẢNG BỘ TỈNH LẠC HỒNG", issuingBody: issuingBody, number: "Số 12-BC/ĐU", place: "Đại Lộc",
            date: LocalDate(year: 2024, month: 5, day: 15)!, type: "BÁO CÁO",
            summary: "Sơ kết 3 năm thực hiện Chỉ thị 05-CT/TW của Bộ Chính trị",
            body: [
                .heading("I. Kết quả thực hiện", level: 1),
                .heading("1. Công tác lãnh đạo, chỉ đạo", level: 2),
                .paragraph("Có 95,3% tổ chức đảng xây dựng kế hoạch thực hiện năm; 26 chuyên đề được học tập."),
                .heading("a) Học tập chuyên đề", level: 3),
                .paragraph("Đảng ủy đã tổ chức quán triệt đầy đủ, nghiêm túc các chuyên đề hằng năm."),
                .heading("II. Hạn chế, nguyên nhân", level: 1),
                .paragraph("Một số chi bộ còn chậm xây dựng kế hoạch <đúng hạn> & báo cáo."),
                .pageBreak,
                .table(FigureDocumentTables.appendix(appendix, caption: "PHỤ LỤC")),
                .table(FigureDocumentTables.breakdown(breakdown, caption: "Biểu 2: Kết quả theo đơn vị", columns: [0, 2])),
            ],
            signature: .init(onBehalfOf: "T/M BAN THƯỜNG VỤ", title: "BÍ THƯ", name: "Nguyễn Văn Minh"),
            recipients: ["- Ban Tuyên giáo Tỉnh ủy,", "- Lưu Văn phòng Đảng ủy."])
    }
}
