import Foundation

/// Encoders written for the tests only, from published tables rather than from the decoders,
/// so a round trip checks the decoders against them.
enum TestEncoders {
    /// TCVN 5712:1993 as glibc's `iconv -t TCVN5712-1` writes each letter (VN1; VN3 is its
    /// lower-case part and Ă Â Ê Ô Ơ Ư Đ).
    static let tcvn3: [Character: UInt8] = [
        "à": 0xB5, "á": 0xB8, "ả": 0xB6, "ã": 0xB7, "ạ": 0xB9,
        "ă": 0xA8, "ằ": 0xBB, "ắ": 0xBE, "ẳ": 0xBC, "ẵ": 0xBD, "ặ": 0xC6,
        "â": 0xA9, "ầ": 0xC7, "ấ": 0xCA, "ẩ": 0xC8, "ẫ": 0xC9, "ậ": 0xCB,
        "è": 0xCC, "é": 0xD0, "ẻ": 0xCE, "ẽ": 0xCF, "ẹ": 0xD1,
        "ê": 0xAA, "ề": 0xD2, "ế": 0xD5, "ể": 0xD3, "ễ": 0xD4, "ệ": 0xD6,
        "ì": 0xD7, "í": 0xDD, "ỉ": 0xD8, "ĩ": 0xDC, "ị": 0xDE,
        "ò": 0xDF, "ó": 0xE3, "ỏ": 0xE1, "õ": 0xE2, "ọ": 0xE4,
        "ô": 0xAB, "ồ": 0xE5, "ố": 0xE8, "ổ": 0xE6, "ỗ": 0xE7, "ộ": 0xE9,
        "ơ": 0xAC, "ờ": 0xEA, "ớ": 0xED, "ở": 0xEB, "ỡ": 0xEC, "ợ": 0xEE,
        "ù": 0xEF, "ú": 0xF3, "ủ": 0xF1, "ũ": 0xF2, "ụ": 0xF4,
        "ư": 0xAD, "ừ": 0xF5, "ứ": 0xF8, "ử": 0xF6, "ữ": 0xF7, "ự": 0xF9,
        "ỳ": 0xFA, "ý": 0xFD, "ỷ": 0xFB, "ỹ": 0xFC, "ỵ": 0xFE,
        "À": 0x80, "Á": 0x83, "Ả": 0x81, "Ã": 0x82, "Ạ": 0x84,
        "Ă": 0xA1, "Ằ": 0xAF, "Ắ": 0xC0, "Ẳ": 0xBA, "Ẵ": 0xBF, "Ặ": 0x85,
        "Â": 0xA2, "Ầ": 0xC1, "Ấ": 0xC4, "Ẩ": 0xC2, "Ẫ": 0xC3, "Ậ": 0x86,
        "È": 0x87, "É": 0x8A, "Ẻ": 0x88, "Ẽ": 0x89, "Ẹ": 0x8B,
        "Ê": 0xA3, "Ề": 0xC5, "Ế": 0xDA, "Ể": 0xCD, "Ễ": 0xD9, "Ệ": 0x8C,
        "Ì": 0x8D, "Í": 0x90, "Ỉ": 0x8E, "Ĩ": 0x8F, "Ị": 0x91,
        "Ò": 0x92, "Ó": 0x95, "Ỏ": 0x93, "Õ": 0x94, "Ọ": 0x96,
        "Ô": 0xA4, "Ồ": 0xDB, "Ố": 0xFF, "Ổ": 0xE0, "Ỗ": 0xF0, "Ộ": 0x97,
        "Ơ": 0xA5, "Ờ": 0x98, "Ớ": 0x9B, "Ở": 0x99, "Ỡ": 0x9A, "Ợ": 0x9C,
        "Ù": 0x9D, "Ú": 0x01, "Ủ": 0x9E, "Ũ": 0x9F, "Ụ": 0x02,
        "Ư": 0xA6, "Ừ": 0x04, "Ứ": 0x11, "Ử": 0x05, "Ữ": 0x06, "Ự": 0x12,
        "Ỳ": 0x13, "Ý": 0x16, "Ỷ": 0x14, "Ỹ": 0x15, "Ỵ": 0x17,
        "đ": 0xAE, "Đ": 0xA7,
    ]

    static func tcvn3(_ text: String) -> [UInt8] {
        text.precomposedStringWithCanonicalMapping.flatMap { ch in tcvn3[ch].map { [$0] } ?? Array(String(ch).utf8) }
    }

    /// VNI-Windows as its keyboard layout writes a letter: the base, then one byte for the
    /// shape and tone together (lower case; a capital takes the byte 0x20 lower).
    static func vni(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        for ch in text.precomposedStringWithCanonicalMapping {
            let scalars = String(ch).decomposedStringWithCanonicalMapping.unicodeScalars.map(\.value)
            guard let base = scalars.first, base < 0x80 || ch == "đ" || ch == "Đ" else { out += Array(String(ch).utf8); continue }
            if ch == "đ" { out.append(0xF1); continue }
            if ch == "Đ" { out.append(0xD1); continue }
            let upper = base >= 0x41 && base <= 0x5A
            let shift: UInt8 = upper ? 0x20 : 0
            let lower = UInt8(base | 0x20)
            let shape = scalars.contains(0x302) ? "^" : scalars.contains(0x306) ? "(" : scalars.contains(0x31B) ? "+" : ""
            let tone = scalars.first { [0x300, 0x301, 0x303, 0x309, 0x323].contains($0) }
            let toneIndex = tone.map { [0x301: 0, 0x300: 1, 0x309: 2, 0x303: 3, 0x323: 4][$0]! }
            if lower == UInt8(ascii: "i") || (lower == UInt8(ascii: "y") && tone == 0x323) {
                let iBytes: [UInt8] = lower == UInt8(ascii: "y") ? [0, 0, 0, 0, 0xEE] : [0xED, 0xEC, 0xE6, 0xF3, 0xF2]
                out.append(toneIndex.map { iBytes[$0] - shift } ?? UInt8(base))
                continue
            }
            switch shape {
            case "+": out.append((lower == UInt8(ascii: "o") ? 0xF4 : 0xF6) - shift)
            default: out.append(UInt8(base))
            }
            let plain: [UInt8] = [0xF9, 0xF8, 0xFB, 0xF5, 0xEF]
            let circumflex: [UInt8] = [0xE1, 0xE0, 0xE5, 0xE3, 0xE4]
            let breve: [UInt8] = [0xE9, 0xE8, 0xFA, 0xFC, 0xEB]
            switch (shape, toneIndex) {
            case ("^", nil): out.append(0xE2 - shift)
            case ("(", nil): out.append(0xEA - shift)
            case ("^", let t?): out.append(circumflex[t] - shift)
            case ("(", let t?): out.append(breve[t] - shift)
            case (_, let t?): out.append(plain[t] - shift)
            default: break
            }
        }
        return out
    }

    /// Windows-1258 as Microsoft's converter writes it: the base letter (ă â ê ô ơ ư đ are
    /// single bytes) and the tone as one of the five combining-mark bytes.
    static func windows1258(_ text: String) -> [UInt8] {
        let bases: [Character: UInt8] = ["ă": 0xE3, "Ă": 0xC3, "â": 0xE2, "Â": 0xC2, "ê": 0xEA, "Ê": 0xCA, "ô": 0xF4, "Ô": 0xD4,
                                         "ơ": 0xF5, "Ơ": 0xD5, "ư": 0xFD, "Ư": 0xDD, "đ": 0xF0, "Đ": 0xD0]
        let tones: [UInt32: UInt8] = [0x300: 0xCC, 0x301: 0xEC, 0x303: 0xDE, 0x309: 0xD2, 0x323: 0xF2]
        var out: [UInt8] = []
        for ch in text.precomposedStringWithCanonicalMapping {
            let scalars = String(ch).decomposedStringWithCanonicalMapping.unicodeScalars
            let tone = scalars.first { tones[$0.value] != nil }
            let rest = String(String.UnicodeScalarView(scalars.filter { tones[$0.value] == nil })).precomposedStringWithCanonicalMapping
            let base = Character(rest)
            if let byte = bases[base] { out.append(byte) } else { out += Array(rest.utf8) }
            if let tone { out.append(tones[tone.value]!) }
        }
        return out
    }

    /// Every vowel with every tone, lower and upper case, and đ/Đ.
    static var everyLetter: [String] {
        let tones = ["", "\u{300}", "\u{301}", "\u{309}", "\u{303}", "\u{323}"]
        let vowels = "aăâeêioôơuưy"
        return (vowels + vowels.uppercased()).flatMap { v in tones.map { (String(v) + $0).precomposedStringWithCanonicalMapping } } + ["đ", "Đ"]
    }
}
