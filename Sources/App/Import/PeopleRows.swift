import Domain
import Spreadsheets

/// A sheet of people (cán bộ, đảng viên), one a row, read into the same input the person form
/// sends. Column keys are the form's field names, so a validation message lands on its column.
enum PeopleRows {
    static let columns: [ColumnSpec] = [
        ColumnSpec("fullName", "Họ và tên", spellings: ["Họ tên", "Họ và tên đảng viên", "Họ tên đảng viên", "Họ và tên cán bộ"]),
        ColumnSpec("birthDate", "Ngày sinh", spellings: ["Ngày tháng năm sinh", "Sinh ngày", "Ngày, tháng, năm sinh"], required: false),
        ColumnSpec("gender", "Giới tính", spellings: ["Nam/Nữ", "Nam, nữ", "Phái"], required: false),
        ColumnSpec("unit", "Chi bộ", spellings: ["Mã chi bộ", "Đơn vị", "Mã đơn vị", "Mã tổ chức đảng", "Mã TCĐ", "Đơn vị sinh hoạt"]),
        ColumnSpec("category", "Đối tượng", spellings: ["Loại", "Loại đối tượng", "Phân loại"]),
        ColumnSpec("partyJoinedOn", "Ngày vào Đảng", spellings: ["Ngày kết nạp", "Ngày kết nạp Đảng", "Ngày kết nạp vào Đảng"], required: false),
        ColumnSpec("partyOfficialOn", "Ngày chính thức", spellings: ["Ngày công nhận chính thức", "Ngày chuyển chính thức", "Ngày đảng viên chính thức"], required: false),
        ColumnSpec("identityNumber", "Số CCCD", spellings: ["Số định danh", "Số định danh cá nhân", "CCCD", "Số CMND", "CMND", "Số CCCD/CMND", "CCCD/CMND", "Số căn cước"], required: false),
        ColumnSpec("phone", "Số điện thoại", spellings: ["Điện thoại", "SĐT", "Số ĐT", "Điện thoại di động"], required: false),
        ColumnSpec("email", "Email", spellings: ["Thư điện tử", "E-mail", "Địa chỉ email"], required: false),
        ColumnSpec("note", "Ghi chú", spellings: [], required: false),
    ]

    /// The row as the form's input. A category or gender written as its label ("Đảng viên",
    /// "Nữ") or code becomes the code; anything else is passed on for the form's own message.
    static func input(_ table: Table, _ row: SheetRow) -> (input: PersonService.PersonInput, unitCode: String) {
        func text(_ key: String) -> String { VietnameseText.normalize(table.cell(key, row).inputText) }
        var input = PersonService.PersonInput()
        input.fullName = text("fullName")
        input.birthDate = text("birthDate")
        let gender = text("gender")
        input.gender = (genders[HeaderMatcher.fold(gender)] ?? Gender(rawValue: gender))?.rawValue ?? gender
        let category = text("category")
        input.category = self.category(category)?.rawValue ?? category
        input.partyJoinedOn = text("partyJoinedOn")
        input.partyOfficialOn = text("partyOfficialOn")
        input.identityNumber = identity(table, row)
        input.phone = digits(table.cell("phone", row), lengths: [10])
        input.email = text("email")
        input.note = text("note")
        return (input, unitCode(table, row))
    }

    /// The row's unit code, as `input` reads it.
    static func unitCode(_ table: Table, _ row: SheetRow) -> String {
        VietnameseText.normalize(table.cell("unit", row).inputText)
    }

    /// The row's identity number, as `input` reads it.
    static func identity(_ table: Table, _ row: SheetRow) -> String {
        digits(table.cell("identityNumber", row), lengths: [9, 12])
    }

    /// "Đảng viên", "dang vien", "dang_vien", "ĐV"…
    static func category(_ text: String) -> PersonCategory? {
        categories[HeaderMatcher.fold(text)]
    }

    /// Folded label → gender ("nu" → female), folded once rather than for each row.
    private static let genders = Dictionary(Gender.allCases.map { (HeaderMatcher.fold($0.label), $0) }, uniquingKeysWith: { a, _ in a })

    /// Folded label and folded code → category, the label winning; and "dv".
    private static let categories: [String: PersonCategory] = {
        var byFolded: [String: PersonCategory] = ["dv": .partyMember]
        for category in PersonCategory.allCases.reversed() {
            byFolded[HeaderMatcher.fold(category.rawValue)] = category
            byFolded[HeaderMatcher.fold(category.label)] = category
        }
        return byFolded
    }()

    /// A number cell loses its leading zero in Excel (012345678901 → 12345678901): put it back
    /// when one zero brings it to an expected length.
    private static func digits(_ cell: Cell, lengths: [Int]) -> String {
        let text = VietnameseText.normalize(cell.inputText)
        guard case .number = cell, lengths.contains(text.count + 1), text.allSatisfy(\.isNumber) else { return text }
        return "0" + text
    }

    /// A blank cell, or a column the file lacks, keeps what the person's record holds.
    static func merged(_ input: PersonService.PersonInput, over person: PersonSnapshot) -> PersonService.PersonInput {
        func keep(_ value: String?, _ stored: String?) -> String? { (value ?? "").isEmpty ? stored : value }
        var merged = input
        merged.fullName = keep(input.fullName, person.fullName)
        merged.birthDate = keep(input.birthDate, person.birthDate?.iso)
        merged.gender = keep(input.gender, person.gender?.rawValue)
        merged.category = keep(input.category, person.category.rawValue)
        merged.partyJoinedOn = keep(input.partyJoinedOn, person.partyJoinedOn?.iso)
        merged.partyOfficialOn = keep(input.partyOfficialOn, person.partyOfficialOn?.iso)
        merged.identityNumber = keep(input.identityNumber, person.identityNumber)
        merged.phone = keep(input.phone, person.phone)
        merged.email = keep(input.email, person.email)
        merged.note = keep(input.note, person.note)
        return merged
    }

    /// Labels of the facts that differ, for the preview's note.
    static func changes(_ before: PersonSnapshot, _ after: PersonSnapshot) -> [String] {
        var labels: [String] = []
        if before.fullName != after.fullName { labels.append("họ và tên") }
        if before.birthDate != after.birthDate { labels.append("ngày sinh") }
        if before.gender != after.gender { labels.append("giới tính") }
        if before.category != after.category { labels.append("đối tượng") }
        if before.partyJoinedOn != after.partyJoinedOn { labels.append("ngày vào Đảng") }
        if before.partyOfficialOn != after.partyOfficialOn { labels.append("ngày chính thức") }
        if before.identityNumber != after.identityNumber { labels.append("số CCCD") }
        if before.phone != after.phone { labels.append("số điện thoại") }
        if before.email != after.email { labels.append("email") }
        if before.note != after.note { labels.append("ghi chú") }
        return labels
    }
}
