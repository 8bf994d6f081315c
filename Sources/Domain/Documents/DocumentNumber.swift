import Foundation

/// Why a document number was refused; `message` is shown to the user.
public enum DocumentNumberError: Error, Equatable, Sendable {
    /// Nothing was entered.
    case empty
    /// The input starts with "Số", "Số:" or "Số " — only the number itself is wanted.
    case numberPrefix
    /// The number would be valid in upper case, but was written (partly) in lower case.
    case lowercase
    /// Neither the Party form nor the state form.
    case invalidFormat

    static let examples =
        "Ví dụ: 34-KH/ĐUK (văn bản của Đảng) hoặc 123/QĐ-UBND (văn bản hành chính)."

    public var message: String {
        switch self {
        case .empty:
            return "Chưa nhập số văn bản. " + Self.examples
        case .numberPrefix:
            return "Chỉ nhập số và ký hiệu văn bản, không nhập chữ “Số”. "
                + "Ví dụ: nhập 34-KH/ĐUK thay cho “Số 34-KH/ĐUK”, nhập 123/QĐ-UBND thay cho “Số: 123/QĐ-UBND”."
        case .lowercase:
            return "Ký hiệu văn bản phải viết bằng chữ in hoa. "
                + "Ví dụ: 34-KH/ĐUK (không viết 34-kh/đuk) hoặc 123/QĐ-UBND."
        case .invalidFormat:
            return "Số văn bản không đúng định dạng. " + Self.examples
        }
    }
}

/// The number and symbol of a Party document (`34-KH/ĐUK`, Hướng dẫn 36-HD/VPTW) or a state
/// document (`123/QĐ-UBND`, `30/2020/NĐ-CP`, Nghị định 30/2020), validated and kept as entered.
public struct DocumentNumber: Hashable, Sendable, CustomStringConvertible, LosslessStringConvertible, Codable {

    public enum Style: String, Sendable, Codable {
        /// ordinal-TYPE/ISSUER, e.g. 34-KH/ĐUK.
        case party
        /// ordinal/[year/]TYPE-ISSUER, e.g. 123/QĐ-UBND, 30/2020/NĐ-CP.
        case state
    }

    /// NFC-normalised, trimmed, as entered ("05-CT/TW" keeps its leading zero).
    public let raw: String
    public let style: Style
    /// The number's value: 5 for "05-CT/TW".
    public let ordinal: Int
    /// "KH", "QĐ", "CT", "NĐ"…
    public let typeCode: String
    /// "ĐUK", "TW", "UBND", "ĐU-BCĐ"…
    public let issuer: String
    /// The year part of a state number such as "30/2020/NĐ-CP"; nil otherwise.
    public let year: Int?

    public var description: String { raw }

    /// The number as printed in a document header: "Số 34-KH/ĐUK" for Party documents
    /// (no colon), "Số: 123/QĐ-UBND" for state documents.
    public var withPrefix: String {
        switch style {
        case .party: return "Số " + raw
        case .state: return "Số: " + raw
        }
    }

    public init?(_ description: String) {
        guard case .success(let number) = DocumentNumber.parse(description) else { return nil }
        self = number
    }

    public static func parse(_ s: String) -> Result<DocumentNumber, DocumentNumberError> {
        let input = cleaned(s)
        if input.isEmpty { return .failure(.empty) }
        if hasNumberPrefix(input) { return .failure(.numberPrefix) }
        if let number = parseStrict(input) { return .success(number) }
        if input.contains(where: { $0.isLowercase }), parseStrict(input.uppercased()) != nil {
            return .failure(.lowercase)
        }
        return .failure(.invalidFormat)
    }

    // MARK: Codable (a single string)

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let string = try container.decode(String.self)
        switch DocumentNumber.parse(string) {
        case .success(let number): self = number
        case .failure(let error):
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.message)
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(raw)
    }

    // MARK: Parsing internals

    private init(raw: String, style: Style, ordinal: Int, typeCode: String, issuer: String, year: Int?) {
        self.raw = raw
        self.style = style
        self.ordinal = ordinal
        self.typeCode = typeCode
        self.issuer = issuer
        self.year = year
    }

    /// NFC, trimmed; look-alike characters that word processors and old encodings produce are
    /// mapped to what they stand for: Ð (U+00D0, Icelandic eth) → Đ, typographic dashes → "-".
    private static func cleaned(_ s: String) -> String {
        let nfc = s.precomposedStringWithCanonicalMapping
            .trimmingCharacters(in: .whitespacesAndNewlines)
        var scalars = String.UnicodeScalarView()
        for scalar in nfc.unicodeScalars {
            switch scalar.value {
            case 0x00D0: scalars.append("\u{0110}")
            case 0x2010, 0x2011, 0x2012, 0x2013, 0x2212: scalars.append("-")
            default: scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// "Số", "Số:", "Số " (any case, with or without diacritics) before the number.
    private static func hasNumberPrefix(_ s: String) -> Bool {
        let folded = VietnameseText.fold(s)
        guard folded.hasPrefix("so") else { return false }
        let rest = folded.dropFirst(2)
        guard let next = rest.first else { return true }
        return !next.isLetter
    }

    private static func parseStrict(_ s: String) -> DocumentNumber? {
        let slashParts = s.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        switch slashParts.count {
        case 2:
            // Party: "34-KH" / "ĐUK", or state: "123" / "QĐ-UBND".
            if case let (ordinalText, typeCode)? = splitOnce(slashParts[0], "-"),
               let ordinal = ordinalValue(ordinalText), isCode(typeCode), isIssuer(slashParts[1]) {
                return DocumentNumber(raw: s, style: .party, ordinal: ordinal, typeCode: typeCode,
                                      issuer: slashParts[1], year: nil)
            }
            return state(raw: s, ordinalText: slashParts[0], yearText: nil, symbol: slashParts[1])
        case 3:
            return state(raw: s, ordinalText: slashParts[0], yearText: slashParts[1], symbol: slashParts[2])
        default:
            return nil
        }
    }

    private static func state(raw: String, ordinalText: String, yearText: String?, symbol: String) -> DocumentNumber? {
        guard let ordinal = ordinalValue(ordinalText),
              case let (typeCode, issuer)? = splitOnce(symbol, "-"),
              isCode(typeCode), isIssuer(issuer)
        else { return nil }
        var year: Int?
        if let yearText {
            guard yearText.count == 4, yearText.allSatisfy(isASCIIDigit), let y = Int(yearText),
                  y >= 1945
            else { return nil }
            year = y
        }
        return DocumentNumber(raw: raw, style: .state, ordinal: ordinal, typeCode: typeCode,
                              issuer: issuer, year: year)
    }

    /// Splits at the first `separator`; nil when it does not occur.
    private static func splitOnce(_ s: String, _ separator: Character) -> (String, String)? {
        guard let i = s.firstIndex(of: separator) else { return nil }
        return (String(s[..<i]), String(s[s.index(after: i)...]))
    }

    /// 1 to 9 ASCII digits, not all zero.
    private static func ordinalValue(_ s: String) -> Int? {
        guard (1...9).contains(s.count), s.allSatisfy(isASCIIDigit), let n = Int(s), n > 0 else { return nil }
        return n
    }

    private static func isASCIIDigit(_ c: Character) -> Bool {
        guard c.unicodeScalars.count == 1, let v = c.unicodeScalars.first?.value else { return false }
        return v >= 0x30 && v <= 0x39
    }

    /// A–Z or Đ (U+0110), as a single scalar: no combining marks.
    private static func isUpperLetter(_ c: Character) -> Bool {
        guard c.unicodeScalars.count == 1, let v = c.unicodeScalars.first?.value else { return false }
        return (v >= 0x41 && v <= 0x5A) || v == 0x0110
    }

    /// A type code: one or more of A–Z and Đ.
    private static func isCode(_ s: String) -> Bool {
        !s.isEmpty && s.allSatisfy(isUpperLetter)
    }

    /// An issuer: parts of A–Z, Đ and digits, separated by single "-", starting with a letter.
    private static func isIssuer(_ s: String) -> Bool {
        let parts = s.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first?.first, isUpperLetter(first) else { return false }
        return parts.allSatisfy { part in
            !part.isEmpty && part.allSatisfy { isUpperLetter($0) || isASCIIDigit($0) }
        }
    }
}
