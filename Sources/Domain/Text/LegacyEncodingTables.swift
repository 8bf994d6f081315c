/// TCVN 5712:1993 (VN1, the full table; VN3, the ABC fonts' subset, uses the same codes and
/// leaves out most capitals with a tone). Taken from glibc's TCVN5712-1 converter
/// (iconvdata/tcvn5712-1.c), which agrees with XFree86's lcUniConv/tcvn.h and with the
/// ABC lower-case row in Unikey's vnconv tables (à = 0xB5, á = 0xB8, ơ = 0xAC, đ = 0xAE).
enum TCVN3Table {
    /// 0x80…0xFF in order. 0xB0–0xB4 are combining tone marks (VN1 only).
    static let high: [Unicode.Scalar] = Array(
        "ÀẢÃÁẠẶẬÈẺẼÉẸỆÌỈĨÍỊÒỎÕÓỌỘỜỞỠỚỢÙỦŨ\u{00A0}ĂÂÊÔƠƯĐăâêôơưđẰ\u{0300}\u{0309}\u{0303}\u{0301}\u{0323}àảãáạẲằẳẵắẴẮẦẨẪẤỀặầẩẫấậèỂẻẽéẹềểễếệìỉỄẾỒĩíịòỔỏõóọồổỗốộờởỡớợùỖủũúụừửữứựỳỷỹýỵỐ"
            .unicodeScalars)

    /// The capitals VN1 puts among the control codes; no tab, line feed or carriage return is
    /// one of them, so text never loses a separator to them.
    static let low: [UInt8: Unicode.Scalar] = [
        0x01: "Ú", 0x02: "Ụ", 0x04: "Ừ", 0x05: "Ử", 0x06: "Ữ", 0x11: "Ứ", 0x12: "Ự", 0x13: "Ỳ", 0x14: "Ỷ", 0x15: "Ỹ", 0x16: "Ý", 0x17: "Ỵ",
    ]

    static func decode(_ bytes: [UInt8], into out: inout String.UnicodeScalarView) {
        for byte in bytes {
            if byte >= 0x80 {
                out.append(high[Int(byte) - 0x80])
            } else if let capital = low[byte] {
                out.append(capital)
            } else {
                out.append(Unicode.Scalar(byte))
            }
        }
    }
}

/// Windows-1258 (Microsoft's cp1258, Unicode's WINDOWS/CP1258.TXT): Windows-1252 but for the
/// bytes below, five of which are combining tone marks that follow their vowel.
enum Windows1258Table {
    static let differences: [UInt8: UInt32] = [
        0xC3: 0x0102, 0xCC: 0x0300, 0xD0: 0x0110, 0xD2: 0x0309, 0xD5: 0x01A0, 0xDD: 0x01AF, 0xDE: 0x0303,
        0xE3: 0x0103, 0xEC: 0x0301, 0xF0: 0x0111, 0xF2: 0x0323, 0xF5: 0x01A1, 0xFD: 0x01B0, 0xFE: 0x20AB,
    ]

    static func decode(_ bytes: [UInt8], into out: inout String.UnicodeScalarView) {
        for byte in bytes {
            if let value = differences[byte] {
                out.append(Unicode.Scalar(value)!)
            } else {
                out.append(contentsOf: LegacyEncoding.view(of: [byte]).unicodeScalars)
            }
        }
    }
}

/// VNI-Windows: a vowel followed by one mark byte (tone; circumflex or breve with or without a
/// tone), i and ỵ and đ, ơ, ư as single bytes; capitals take the capital form of the mark
/// ("AÙ" = Á). Table from VNI's own keyboard layout as xvnkb (vni.h) and Unikey list it:
/// "Vieät Nam" = "Việt Nam", "Ñaûng" = "Đảng".
enum VNIDecoder {
    enum Tone: UInt32 { case grave = 0x300, acute = 0x301, tilde = 0x303, hook = 0x309, dot = 0x323 }
    enum Shape { case circumflex, breve }

    /// Mark byte → (shape it adds, tone it adds); the same in lower (0xE0…) and upper case (0xC0…).
    static let marks: [UInt8: (shape: Shape?, tone: Tone?)] = {
        var table: [UInt8: (Shape?, Tone?)] = [
            0xF9: (nil, .acute), 0xF8: (nil, .grave), 0xFB: (nil, .hook), 0xF5: (nil, .tilde), 0xEF: (nil, .dot),
            0xE2: (.circumflex, nil), 0xE1: (.circumflex, .acute), 0xE0: (.circumflex, .grave), 0xE5: (.circumflex, .hook),
            0xE3: (.circumflex, .tilde), 0xE4: (.circumflex, .dot),
            0xEA: (.breve, nil), 0xE9: (.breve, .acute), 0xE8: (.breve, .grave), 0xFA: (.breve, .hook),
            0xFC: (.breve, .tilde), 0xEB: (.breve, .dot),
        ]
        for (byte, mark) in table { table[byte - 0x20] = mark }
        return table
    }()

    /// Single bytes: ơ ư đ and the i's, ỵ (lower case; upper case is 0x20 less).
    static let singles: [UInt8: String] = {
        var table: [UInt8: String] = [0xF4: "ơ", 0xF6: "ư", 0xF1: "đ", 0xED: "í", 0xEC: "ì", 0xE6: "ỉ", 0xF3: "ĩ", 0xF2: "ị", 0xEE: "ỵ"]
        for (byte, letter) in table { table[byte - 0x20] = letter.uppercased() }
        return table
    }()

    static func decode(_ bytes: [UInt8], into out: inout String.UnicodeScalarView) {
        // The letter being built: its base, and whether a mark has been put on it yet.
        var base: Character?
        var marked = false
        func flush() {
            if let base { out.append(contentsOf: String(base).precomposedStringWithCanonicalMapping.unicodeScalars) }
            base = nil
            marked = false
        }
        for byte in bytes {
            if let current = base, !marked, let mark = marks[byte], let letter = apply(mark, to: current) {
                base = letter
                marked = true
                continue
            }
            flush()
            if let single = singles[byte] {
                base = Character(single)
                // ơ and ư still take a tone; the i's and ỵ carry theirs.
                marked = !(single.lowercased() == "ơ" || single.lowercased() == "ư")
            } else if "aeiouyAEIOUY".utf8.contains(byte) {
                base = Character(Unicode.Scalar(byte))
            } else {
                out.append(contentsOf: LegacyEncoding.view(of: [byte]).unicodeScalars)
            }
        }
        flush()
    }

    /// The vowel with the mark, or nil when VNI never puts that mark on it.
    private static func apply(_ mark: (shape: Shape?, tone: Tone?), to letter: Character) -> Character? {
        let lower = letter.lowercased()
        var scalars = String(letter).unicodeScalars.map { $0 }
        switch mark.shape {
        case .circumflex?:
            guard ["a", "e", "o"].contains(lower) else { return nil }
            scalars.append("\u{0302}")
        case .breve?:
            guard lower == "a" else { return nil }
            scalars.append("\u{0306}")
        case nil:
            guard ["a", "e", "o", "u", "y", "i", "ơ", "ư"].contains(lower) else { return nil }
        }
        if let tone = mark.tone { scalars.append(Unicode.Scalar(tone.rawValue)!) }
        return Character(String(String.UnicodeScalarView(scalars)).precomposedStringWithCanonicalMapping)
    }
}
