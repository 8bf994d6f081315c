import Foundation

/// Vietnamese text handling: normalisation, search folding, name collation and LIKE patterns.
public enum VietnameseText {

    // MARK: - Normalisation and folding

    /// Unicode NFC, leading/trailing whitespace trimmed, internal whitespace runs collapsed to one space.
    public static func normalize(_ s: String) -> String {
        Stable.normalize(s) ?? referenceNormalize(s)
    }

    /// `normalize` through Foundation, for any text (`Stable` answers the usual text without it).
    static func referenceNormalize(_ s: String) -> String {
        s.precomposedStringWithCanonicalMapping
            .split(whereSeparator: { $0.isWhitespace })
            .joined(separator: " ")
    }

    /// Search form: normalised, lower case, without diacritics, đ → d.
    /// "Nguyễn Văn Đức" → "nguyen van duc". Accepts NFC or NFD input.
    public static func fold(_ s: String) -> String {
        Stable.fold(s) ?? referenceFold(s)
    }

    /// `fold` through Foundation, for any text.
    static func referenceFold(_ s: String) -> String {
        let lowered = referenceNormalize(s).lowercased().decomposedStringWithCanonicalMapping
        var scalars = String.UnicodeScalarView()
        for scalar in lowered.unicodeScalars {
            switch scalar.value {
            case 0x0300...0x036F:
                continue
            case 0x0111, 0x0110: // đ, Đ
                scalars.append("d")
            default:
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// A pattern for `LIKE ? ESCAPE '\'` against a folded column: the folded query with
    /// `\`, `%` and `_` escaped, wrapped in `%…%`.
    public static func likePattern(forQuery q: String) -> String {
        var out = "%"
        for ch in fold(q) {
            if ch == "\\" || ch == "%" || ch == "_" { out.append("\\") }
            out.append(ch)
        }
        out.append("%")
        return out
    }

    // MARK: - Names

    /// Splits a Vietnamese full name into family name (first word), middle names (the words
    /// between, joined by one space) and given name (last word). A one-word name is a given name.
    public static func splitName(_ fullName: String) -> (family: String, middle: String, given: String) {
        let words = normalize(fullName).split(separator: " ").map(String.init)
        switch words.count {
        case 0: return ("", "", "")
        case 1: return ("", "", words[0])
        default:
            return (words[0], words[1..<(words.count - 1)].joined(separator: " "), words[words.count - 1])
        }
    }

    /// True when `a` comes before `b` in Vietnamese name order (see `sortKey(fullName:)`).
    public static func compareNames(_ a: String, _ b: String) -> Bool {
        sortKey(fullName: a) < sortKey(fullName: b)
    }

    /// A key whose byte-wise order is the Vietnamese order of person names: given name first,
    /// then the middle names in order, then the family name; letters in Vietnamese alphabetical
    /// order, case ignored; tones decide only between names whose letters are all equal.
    ///
    /// Layout (two decimal digits per code, so the key holds only `[0-9]`, a subset of `[0-9a-z]`):
    /// `given 01 middle₁ 02 middle₂ … 01 family 00 tones`, where letters are codes 20–52,
    /// digits 10–19, anything else 99, and `tones` is one digit (0 ngang … 5 nặng) per word,
    /// in the same word order. Because `00` appears only at the end of the letter part, two
    /// names with different letters are ordered by the letters alone.
    public static func sortKey(fullName: String) -> String {
        sortKey(fullName, encodeWord: { Stable.encodeWord($0) ?? encodeWord($0) })
    }

    /// `sortKey` with every word encoded through Foundation.
    static func referenceSortKey(fullName: String) -> String {
        sortKey(fullName, encodeWord: encodeWord)
    }

    private static func sortKey(_ fullName: String, encodeWord: (String) -> (String, Int)) -> String {
        let parts = splitName(fullName)
        let givenWords = parts.given.isEmpty ? [] : [parts.given]
        let middleWords = parts.middle.split(separator: " ").map(String.init)
        let familyWords = parts.family.isEmpty ? [] : [parts.family]

        var primary = ""
        var tones = ""
        func encode(_ words: [String]) {
            for (i, word) in words.enumerated() {
                if i > 0 { primary += Code.wordSeparator }
                let (letters, tone) = encodeWord(word)
                primary += letters
                tones.append(Character(String(tone)))
            }
        }
        encode(givenWords)
        primary += Code.fieldSeparator
        encode(middleWords)
        primary += Code.fieldSeparator
        encode(familyWords)
        primary += Code.end
        return primary + tones
    }

    // MARK: - Collation internals

    private enum Code {
        static let end = "00"
        static let fieldSeparator = "01"
        static let wordSeparator = "02"
        static let other = "99"
    }

    /// Vietnamese alphabet with f, j, w, z placed after ê, i, v, y.
    private static let alphabet: [String] = [
        "a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "f", "g", "h", "i", "j", "k", "l", "m",
        "n", "o", "ô", "ơ", "p", "q", "r", "s", "t", "u", "ư", "v", "w", "x", "y", "z",
    ]

    private static let letterCodes: [String: String] = {
        var codes: [String: String] = [:]
        for (i, letter) in alphabet.enumerated() {
            codes[letter] = String(20 + i)
        }
        return codes
    }()

    /// Tone order: ngang 0, huyền 1, hỏi 2, ngã 3, sắc 4, nặng 5.
    private static let toneMarks: [UInt32: Int] = [
        0x0300: 1, // grave: huyền
        0x0309: 2, // hook above: hỏi
        0x0303: 3, // tilde: ngã
        0x0301: 4, // acute: sắc
        0x0323: 5, // dot below: nặng
    ]

    /// Vowel modifiers that make separate letters: breve (ă), circumflex (â ê ô), horn (ơ ư).
    private static let letterMarks: Set<UInt32> = [0x0306, 0x0302, 0x031B]

    /// Letter codes of one word and the word's tone (the first tone mark found, else ngang).
    /// The tone belongs to the syllable, so "Hoà" and "Hòa" get the same key.
    static func encodeWord(_ word: String) -> (String, Int) {
        var letters = ""
        var tone = 0
        let decomposed = word.lowercased().decomposedStringWithCanonicalMapping
        for character in decomposed {
            var base: Unicode.Scalar?
            var modifiers = String.UnicodeScalarView()
            for scalar in character.unicodeScalars {
                if base == nil {
                    base = scalar
                } else if letterMarks.contains(scalar.value) {
                    modifiers.append(scalar)
                } else if let t = toneMarks[scalar.value], tone == 0 {
                    tone = t
                }
            }
            guard let base else { continue }
            if base.value >= 0x30, base.value <= 0x39 { // ASCII digit
                letters += String(10 + Int(base.value - 0x30))
                continue
            }
            var withModifiers = String.UnicodeScalarView([base])
            withModifiers.append(contentsOf: modifiers)
            let composed = String(withModifiers).precomposedStringWithCanonicalMapping
            if let code = letterCodes[composed] ?? letterCodes[String(base)] {
                letters += code
            } else {
                letters += Code.other
            }
        }
        return (letters, tone)
    }
}
