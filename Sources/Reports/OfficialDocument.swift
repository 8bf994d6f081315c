import Domain

/// A Party document in the format of Hướng dẫn 36-HD/VPTW (DESIGN.md §5), as plain values:
/// `DocxWriter` lays it out on A4 in Times New Roman.
public struct OfficialDocument: Hashable, Sendable {
    /// Top left, first line (14): the superior body, "ĐẢNG BỘ TỈNH BÌNH ĐỊNH". Empty for a root.
    public var superiorBody: String
    /// Top left, bold (14), with "*" beneath: "BAN THƯỜNG VỤ ĐẢNG ỦY XÃ ĐẠI LỘC".
    public var issuingBody: String
    /// "Số 12-BC/ĐUK" (no colon); "Số    -BC/ĐUK" when not yet numbered.
    public var number: String
    /// The place of the place-and-date line ("Bình Định"); `dateLine` joins it to the date,
    /// written italic: "Bình Định, ngày 15 tháng 5 năm 2024".
    public var place: String
    public var date: LocalDate
    /// "BÁO CÁO" (bold, upper case).
    public var type: String
    /// The summary line (bold) under the type.
    public var summary: String
    public var body: [DocumentBlock]
    public var signature: Signature
    /// "Nơi nhận:" lines ("- Ban Tuyên giáo Tỉnh ủy,", "- Lưu Văn phòng.").
    public var recipients: [String]

    public struct Signature: Hashable, Sendable {
        /// "T/M BAN THƯỜNG VỤ"
        public var onBehalfOf: String
        /// "BÍ THƯ", "PHÓ BÍ THƯ"
        public var title: String
        public var name: String

        public init(onBehalfOf: String, title: String, name: String) {
            self.onBehalfOf = onBehalfOf
            self.title = title
            self.name = name
        }
    }

    public init(superiorBody: String, issuingBody: String, number: String, place: String, date: LocalDate, type: String,
                summary: String, body: [DocumentBlock], signature: Signature, recipients: [String]) {
        self.superiorBody = superiorBody
        self.issuingBody = issuingBody
        self.number = number
        self.place = place
        self.date = date
        self.type = type
        self.summary = summary
        self.body = body
        self.signature = signature
        self.recipients = recipients
    }
}

/// One block of a document's body.
public enum DocumentBlock: Hashable, Sendable {
    /// "I. KẾT QUẢ THỰC HIỆN" (level 1, bold), "1. Công tác lãnh đạo, chỉ đạo" (level 2, bold),
    /// level 3 bold italic.
    case heading(String, level: Int)
    /// A body paragraph (14, justified, first-line indent).
    case paragraph(String)
    /// A centred bold caption line ("PHỤ LỤC", "Biểu 1: …") and its table.
    case table(DocumentTable)
    case pageBreak
}

/// A table inside a document: header rows (bold, centred) and body rows of text cells.
public struct DocumentTable: Hashable, Sendable {
    public var caption: String
    public var header: [String]
    public var rows: [[String]]
    /// Rows shown bold (a group's heading row), by index into `rows`.
    public var boldRows: Set<Int>
    /// Relative widths, one per column.
    public var widths: [Int]
    /// Columns whose cells are right-aligned (numbers), by index.
    public var numericColumns: Set<Int>

    public init(caption: String, header: [String], rows: [[String]], boldRows: Set<Int> = [], widths: [Int],
                numericColumns: Set<Int> = []) {
        self.caption = caption
        self.header = header
        self.rows = rows
        self.boldRows = boldRows
        self.widths = widths
        self.numericColumns = numericColumns
    }
}
