import Foundation

/// The Vietnamese encodings that came before Unicode and that committees' old files still use
/// (bảng mã cũ). Text typed in a TCVN3 or VNI font is stored as the font's bytes: a CSV holds
/// them as bytes, an XLSX as the characters those bytes are in Windows-1252 ("Hä vµ tªn" for
/// "Họ và tên"). Both arrive here as that Windows-1252 view, so one decoder serves both.
/// swift-corelibs-foundation has none of these encodings, hence the tables.
public enum LegacyEncoding: String, CaseIterable, Sendable {
    /// TCVN 5712:1993 VN3, the ABC fonts (.VnTime, .VnArial…): one byte per letter.
    case tcvn3
    /// VNI-Windows fonts (VNI-Times…): a base letter followed by a mark byte.
    case vni
    /// Windows-1258: letters with their tone as a combining mark after them.
    case windows1258

    /// The name people know it by.
    public var label: String {
        switch self {
        case .tcvn3: "TCVN3 (ABC)"
        case .vni: "VNI"
        case .windows1258: "Windows-1258"
        }
    }

    /// `text` (the Windows-1252 view of this encoding's bytes) as NFC Unicode; nil when it
    /// holds a character that no byte gives (then it is Unicode already).
    public func decode(_ text: String) -> String? {
        guard let bytes = Self.bytes(ofView: text) else { return nil }
        return decode(bytes: bytes)
    }

    /// This encoding's bytes as NFC Unicode.
    public func decode(bytes: [UInt8]) -> String {
        var scalars = String.UnicodeScalarView()
        switch self {
        case .tcvn3: TCVN3Table.decode(bytes, into: &scalars)
        case .vni: VNIDecoder.decode(bytes, into: &scalars)
        case .windows1258: Windows1258Table.decode(bytes, into: &scalars)
        }
        return String(scalars).precomposedStringWithCanonicalMapping
    }

    // MARK: - The Windows-1252 view

    /// Windows-1252's characters for 0x80–0x9F (Unicode's mapping table CP1252.TXT); the five
    /// bytes it leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) stay as U+0081…, as Windows'
    /// own conversion keeps them.
    static let windows1252High: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    private static let windows1252Bytes: [UInt32: UInt8] = Dictionary(
        uniqueKeysWithValues: windows1252High.enumerated().map { ($0.element, UInt8(0x80 + $0.offset)) })

    /// Bytes as Windows-1252 shows them: what a legacy font's text becomes in a CSV read as
    /// single bytes, and what Excel stores for it in an XLSX.
    public static func view(of bytes: some Sequence<UInt8>) -> String {
        var scalars = String.UnicodeScalarView()
        for byte in bytes {
            let value = (0x80...0x9F).contains(byte) ? windows1252High[Int(byte) - 0x80] : UInt32(byte)
            scalars.append(Unicode.Scalar(value)!)
        }
        return String(scalars)
    }

    /// The bytes behind a Windows-1252 view (Latin-1 code points count as their byte too);
    /// nil when a character has no byte.
    public static func bytes(ofView text: String) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            if scalar.value < 0x100 {
                out.append(UInt8(scalar.value))
            } else if let byte = windows1252Bytes[scalar.value] {
                out.append(byte)
            } else {
                return nil
            }
        }
        return out
    }
}
