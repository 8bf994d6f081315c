import Domain
import Spreadsheets

/// A sheet of organisation units (tổ chức đảng), one a row, read into the unit form's input.
/// Column keys are the form's field names, so a validation message lands on its column.
enum UnitRows {
    static let columns: [ColumnSpec] = [
        ColumnSpec("code", "Mã", spellings: ["Mã đơn vị", "Mã tổ chức đảng", "Mã TCĐ", "Mã số", "Mã tổ chức"]),
        ColumnSpec("name", "Tên tổ chức đảng", spellings: ["Tên đơn vị", "Tên", "Tên tổ chức", "Tên TCĐ"]),
        ColumnSpec("kindCode", "Loại", spellings: ["Loại tổ chức đảng", "Loại đơn vị", "Loại TCĐ", "Loại tổ chức"]),
        ColumnSpec("parentCode", "Mã đơn vị cấp trên", spellings: ["Mã cấp trên", "Đơn vị cấp trên", "Cấp trên", "Trực thuộc", "Mã đơn vị trực thuộc"], required: false),
        ColumnSpec("foundedOn", "Ngày thành lập", spellings: ["Thành lập", "Ngày thành lập tổ chức"]),
        ColumnSpec("dissolvedOn", "Ngày giải thể", spellings: ["Giải thể"], required: false),
        ColumnSpec("attachment", "Gắn với", spellings: ["Loại hình", "Loại hình đơn vị", "Gắn với loại hình"], required: false),
        ColumnSpec("note", "Ghi chú", spellings: [], required: false),
    ]

    static let intro = "Mỗi dòng là một tổ chức đảng, nhận ra theo mã. Mã mới thì tạo đơn vị dưới đơn vị cấp trên trong phạm vi của bạn "
        + "(hoặc một đơn vị ở dòng trên của tệp); mã đã có thì cập nhật tên, loại, gắn với, ghi chú khi khác (ô để trống giữ nguyên), "
        + "không khác thì bỏ qua, nên nhập lại cùng một tệp không làm thay đổi gì. Nhập từ tệp không chuyển, sáp nhập hay giải thể "
        + "đơn vị: đơn vị cấp trên hoặc ngày khác với hệ thống được báo để bạn làm trên trang của đơn vị."

    static func help(_ key: String) -> String {
        switch key {
        case "code": "Mã đơn vị: chữ in hoa không dấu, chữ Đ, chữ số và . _ - (tối đa 32 ký tự)."
        case "name": "Tên đầy đủ, có dấu."
        case "kindCode": "Tên loại (như “Chi bộ trực thuộc”) hoặc mã loại trong danh mục."
        case "parentCode": "Mã đơn vị cấp trên, trong phạm vi của bạn; để trống với đơn vị đã có thì giữ nguyên."
        case "foundedOn": "Ngày/tháng/năm (18/5/2021) hoặc ô kiểu ngày."
        case "dissolvedOn": "Chỉ để đối chiếu với hệ thống; để trống với đơn vị mới."
        case "attachment": UnitAttachment.allCases.map { "“\($0.label)”" }.joined(separator: ", ") + "."
        case "note": "Ghi chú về đơn vị."
        default: ""
        }
    }

    struct Row: Sendable {
        var input: UnitService.Input
        /// The code as written, upper case ("" when blank).
        let code: String
        let parentCode: String
        let dissolvedOn: String
    }

    /// The row as the form's input. A kind written as its name ("Chi bộ trực thuộc") or code
    /// becomes the code, an attachment written as its label or code becomes the code; anything
    /// else is passed on for the form's own message.
    static func row(_ table: Table, _ row: SheetRow, kinds: [UnitKind]) -> Row {
        func text(_ key: String) -> String { VietnameseText.normalize(table.cell(key, row).inputText) }
        var input = UnitService.Input()
        input.code = text("code").uppercased()
        input.name = text("name")
        let kind = text("kindCode")
        input.kindCode = kinds.first { $0.code == kind || HeaderMatcher.fold($0.name) == HeaderMatcher.fold(kind) }?.code ?? kind
        let attachment = text("attachment")
        input.attachment = UnitAttachment.allCases.first {
            $0.rawValue == attachment || HeaderMatcher.fold($0.label) == HeaderMatcher.fold(attachment)
        }?.rawValue ?? attachment
        input.foundedOn = text("foundedOn")
        input.note = text("note")
        input.parentCode = text("parentCode").uppercased()
        return Row(input: input, code: input.code ?? "", parentCode: input.parentCode ?? "", dissolvedOn: text("dissolvedOn"))
    }

    /// A blank cell, or a column the file lacks, keeps what the unit's record holds.
    static func merged(_ input: UnitService.Input, over unit: OrgUnit) -> UnitService.Input {
        func keep(_ value: String?, _ stored: String) -> String { (value ?? "").isEmpty ? stored : value! }
        var merged = input
        merged.name = keep(input.name, unit.name)
        merged.kindCode = keep(input.kindCode, unit.kindCode)
        merged.attachment = keep(input.attachment, unit.attachment.rawValue)
        merged.foundedOn = keep(input.foundedOn, unit.foundedOn.iso)
        merged.note = keep(input.note, unit.note)
        return merged
    }

    /// Labels of the facts that differ, for the preview's note.
    static func changes(_ unit: OrgUnit, _ fields: UnitService.Fields) -> [String] {
        var labels: [String] = []
        if unit.name != fields.name { labels.append("tên") }
        if unit.kindCode != fields.kindCode { labels.append("loại") }
        if unit.attachment != fields.attachment { labels.append("gắn với") }
        if unit.note != fields.note { labels.append("ghi chú") }
        return labels
    }
}
