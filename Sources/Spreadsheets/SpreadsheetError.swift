import Domain

/// What a reader refuses, and why, in Vietnamese: the message is shown to the person who
/// uploaded the file.
public enum SpreadsheetError: Error, Equatable, Sendable, CustomStringConvertible {
    case empty
    case tooLarge(bytes: Int, limit: Int)
    case tooManyRows(limit: Int)
    case unsupportedFormat
    case legacyExcel
    case damaged(String)
    case sheetNotFound(String, available: [String])
    case notUTF8
    /// A CSV not in UTF-8 whose legacy encoding could not be decided, and why.
    case undecidedEncoding(String)
    /// Columns an import reads whose encoding could not be decided: "“Họ và tên” (cột A): why".
    case undecidedColumns([String])
    case unclosedQuote(row: Int)
    case noHeader(expected: [String])
    case missingColumns([String])
    case duplicateColumn(String, columns: [String])

    public var description: String {
        switch self {
        case .empty:
            "Tệp không có dữ liệu."
        case .tooLarge(let bytes, let limit):
            "Tệp quá lớn (\(Self.megabytes(bytes))); chỉ nhận tệp đến \(Self.megabytes(limit))."
        case .tooManyRows(let limit):
            "Tệp có hơn \(VietnameseFormat.number(limit)) dòng; mỗi lần chỉ nhập được tối đa "
                + "\(VietnameseFormat.number(limit)) dòng. Hãy chia tệp thành nhiều phần."
        case .unsupportedFormat:
            "Không đọc được tệp: chỉ nhận tệp Excel (.xlsx) hoặc CSV (.csv)."
        case .legacyExcel:
            "Tệp Excel 97–2003 (.xls) chưa đọc được: hãy mở tệp bằng Excel hoặc LibreOffice và lưu lại dạng .xlsx."
        case .damaged(let detail):
            "Tệp .xlsx bị hỏng hoặc không đúng định dạng (\(detail))."
        case .sheetNotFound(let name, let available):
            "Tệp không có trang tính “\(name)”; các trang tính có trong tệp: "
                + available.map { "“\($0)”" }.joined(separator: ", ") + "."
        case .notUTF8:
            "Tệp CSV không ở bảng mã UTF-8: hãy mở tệp và lưu lại với kiểu “CSV UTF-8 (phân cách bằng dấu phẩy)”."
        case .undecidedEncoding(let reason):
            "Tệp CSV không ở bảng mã UTF-8 và không xác định được bảng mã cũ của tệp: \(reason) "
                + "Hãy mở tệp và lưu lại với kiểu “CSV UTF-8 (phân cách bằng dấu phẩy)”."
        case .undecidedColumns(let columns):
            "Không xác định được bảng mã của "
                + (columns.count == 1 ? "cột " : "các cột ") + columns.joined(separator: "; ")
                + " Chưa nhập được tệp khi chưa rõ bảng mã của cột."
        case .unclosedQuote(let row):
            "Tệp CSV có dấu ngoặc kép mở ở dòng \(VietnameseFormat.number(row)) mà không đóng."
        case .noHeader(let expected):
            "Không tìm thấy dòng tiêu đề: cần các cột " + expected.map { "“\($0)”" }.joined(separator: ", ") + "."
        case .missingColumns(let titles):
            "Dòng tiêu đề thiếu cột " + titles.map { "“\($0)”" }.joined(separator: ", ") + "."
        case .duplicateColumn(let title, let columns):
            "Cột “\(title)” có nhiều lần trong dòng tiêu đề (cột \(columns.joined(separator: ", "))); chỉ giữ một."
        }
    }

    /// "10 MB", "12,5 MB": the way a file manager shows a size (1 MB = 1.048.576 bytes),
    /// rounded up, so a file just over the limit never reads as the limit itself.
    static func megabytes(_ bytes: Int) -> String {
        let mb = (Double(bytes) / 1_048_576 * 10).rounded(.up) / 10
        return VietnameseFormat.number(mb, fractionDigits: mb == mb.rounded() ? 0 : 1) + " MB"
    }
}

/// Bounds on what one read accepts, so one upload cannot exhaust the server.
public struct SpreadsheetLimits: Equatable, Sendable {
    /// The file as uploaded.
    public var maxBytes: Int
    /// Rows holding anything (the header included).
    public var maxRows: Int
    /// One XLSX part once unpacked: XML compresses about tenfold, so 10 MB of XLSX unpacks to
    /// roughly 100 MB; more than this is a ZIP bomb, not a sheet.
    public var maxUnpackedBytes: Int

    public init(maxBytes: Int = 10 * 1_048_576, maxRows: Int = 100_000, maxUnpackedBytes: Int = 512 * 1_048_576) {
        self.maxBytes = maxBytes
        self.maxRows = maxRows
        self.maxUnpackedBytes = maxUnpackedBytes
    }
}
