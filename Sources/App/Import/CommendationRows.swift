import Domain
import Spreadsheets

/// A sheet of the commendation register (khen thưởng), one commendation a row, read into the
/// register form's input. Column keys are the form's field names, so a validation message lands
/// on its column; the form and the issuer are written by name (they are data).
enum CommendationRows {
    static let columns: [ColumnSpec] = [
        ColumnSpec("formId", "Hình thức", spellings: ["Hình thức khen thưởng", "Hình thức khen", "Loại khen thưởng"]),
        ColumnSpec("issuerId", "Cấp khen", spellings: ["Cấp khen thưởng", "Cơ quan khen", "Người ký", "Cấp quyết định"]),
        ColumnSpec("decisionNumber", "Số quyết định", spellings: ["Số QĐ", "Quyết định số", "Số quyết định khen thưởng"]),
        ColumnSpec("decidedOn", "Ngày quyết định", spellings: ["Ngày QĐ", "Ngày ký", "Ngày ký quyết định", "Ngày khen"]),
        ColumnSpec("recipientKind", "Đối tượng", spellings: ["Đối tượng được khen", "Đối tượng khen thưởng", "Loại đối tượng"]),
        ColumnSpec("recipientName", "Tên người hoặc tập thể", spellings: ["Họ và tên", "Họ tên", "Tên tập thể", "Tên người được khen",
                                                                          "Tên tập thể, cá nhân", "Tập thể, cá nhân được khen"], required: false),
        ColumnSpec("recipientUnit", "Mã đơn vị được khen", spellings: ["Mã tập thể được khen", "Mã đơn vị của người được khen"], required: false),
        ColumnSpec("identityNumber", "Số CCCD", spellings: ["Số định danh", "Số định danh cá nhân", "CCCD", "Số CMND", "CMND", "Số CCCD/CMND", "CCCD/CMND"], required: false),
        ColumnSpec("unit", "Mã đơn vị ghi sổ", spellings: ["Đơn vị ghi sổ", "Mã đơn vị ghi nhận", "Đơn vị ghi nhận"]),
        ColumnSpec("fromYear", "Từ năm", spellings: ["Năm", "Năm khen", "Năm thành tích"]),
        ColumnSpec("toYear", "Đến năm", spellings: [], required: false),
        ColumnSpec("event", "Đợt/sự kiện", spellings: ["Đợt", "Sự kiện", "Đợt khen thưởng", "Đợt khen"], required: false),
        ColumnSpec("reason", "Lý do", spellings: ["Thành tích", "Lý do khen thưởng", "Nội dung thành tích", "Lí do"]),
    ]

    static let intro = "Mỗi dòng là một khen thưởng do một đơn vị trong phạm vi của bạn ghi sổ, kiểm tra như khi ghi bằng biểu mẫu. "
        + "Khen thưởng đã có được nhận ra theo số và ngày quyết định cùng người hoặc tập thể được khen; thông tin khác đi thì được cập nhật, "
        + "không khác thì bỏ qua, nên nhập lại cùng một tệp không làm thay đổi gì."

    static func help(_ key: String) -> String {
        switch key {
        case "formId": "Tên hình thức trong danh mục, như “Giấy khen”."
        case "issuerId": "Tên cấp khen trong danh mục, như “Ban Thường vụ Tỉnh ủy”."
        case "decisionNumber": "Như 15-QĐ/ĐUK hoặc 123/QĐ-UBND."
        case "decidedOn": "Ngày/tháng/năm (18/5/2024) hoặc ô kiểu ngày; không sau hôm nay."
        case "recipientKind": "“Tổ chức đảng”, “Tập thể”, “Cá nhân” hoặc “Nhóm tác giả”."
        case "recipientName": "Tên tập thể, các tác giả, hoặc họ và tên người được khen."
        case "recipientUnit": "Với tổ chức đảng: mã của đơn vị được khen; với cá nhân: mã đơn vị nơi người đó sinh hoạt."
        case "identityNumber": "Với cá nhân: 9 hoặc 12 chữ số, để nhận ra người; không có thì theo họ tên và đơn vị."
        case "unit": "Mã đơn vị ghi sổ khen thưởng, trong phạm vi của bạn."
        case "fromYear", "toYear": "Năm của thành tích; để trống “Đến năm” khi chỉ một năm."
        case "event": "Đợt hoặc sự kiện khen thưởng."
        case "reason": "Thành tích được khen."
        default: ""
        }
    }

    /// The row as the form's input, and the person's identity number. The form and the issuer
    /// are named by their names; the person is resolved by the caller (it needs the database).
    static func input(_ table: Table, _ row: SheetRow, forms: [CommendationForm], issuers: [CommendationIssuer])
        -> (input: CommendationInput, identity: String) {
        func text(_ key: String) -> String { VietnameseText.normalize(table.cell(key, row).inputText) }
        var input = CommendationInput()
        input.unitCode = text("unit")
        let form = HeaderMatcher.fold(text("formId"))
        input.formID = forms.first { HeaderMatcher.fold($0.name) == form }?.id.map(String.init) ?? ""
        let issuer = HeaderMatcher.fold(text("issuerId"))
        input.issuerID = issuers.first { HeaderMatcher.fold($0.name) == issuer }?.id.map(String.init) ?? ""
        input.recipientKind = recipient(text("recipientKind"))?.rawValue ?? text("recipientKind")
        input.recipientName = text("recipientName")
        input.recipientUnitCode = text("recipientUnit")
        input.fromYear = text("fromYear")
        input.toYear = text("toYear")
        input.event = text("event")
        input.reason = text("reason")
        input.decisionNumber = text("decisionNumber")
        input.decidedOn = text("decidedOn")
        return (input, text("identityNumber").replacingOccurrences(of: " ", with: ""))
    }

    /// "Tập thể (tổ chức đảng)", "tổ chức đảng", "tập thể", "cá nhân", "nhóm tác giả" or a code.
    static func recipient(_ text: String) -> CommendationRecipient? {
        let folded = HeaderMatcher.fold(text)
        guard !folded.isEmpty else { return nil }
        let aliases: [String: CommendationRecipient] = [
            "tochucdang": .unit, "donvi": .unit, "tapthe": .collective, "canhan": .person, "tacgia": .authors,
        ]
        if let alias = aliases[folded] { return alias }
        return CommendationRecipient.allCases.first { HeaderMatcher.fold($0.label) == folded || HeaderMatcher.fold($0.rawValue) == folded }
    }
}
