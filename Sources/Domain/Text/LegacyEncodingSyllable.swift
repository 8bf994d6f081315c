import Foundation

/// Whether a word is a Vietnamese syllable as the orthography allows it: an initial consonant,
/// a rhyme (vowel nucleus with its glides, and a final consonant) and at most one tone. Used
/// to tell which encoding turns a column into Vietnamese: a wrong decoding gives words like
/// "hä", "vaø" or "ngừơi" that no syllable can be. Loan words and some minority names fail;
/// the detector counts words, so a few failures do not matter.
public enum VietnameseSyllable {
    public static func isValid(_ word: String) -> Bool {
        var tone: UInt32?
        var letters = String.UnicodeScalarView()
        for scalar in word.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
            if toneMarks.contains(scalar.value) {
                guard tone == nil else { return false }
                tone = scalar.value
            } else {
                letters.append(scalar)
            }
        }
        let plain = String(letters).precomposedStringWithCanonicalMapping
        guard !plain.isEmpty, plain.allSatisfy({ alphabet.contains($0) }) else { return false }
        for initial in initials where plain.hasPrefix(initial) {
            let rhyme = String(plain.dropFirst(initial.count))
            if fits(initial, rhyme, tone: tone) { return true }
        }
        return false
    }

    /// Grave, acute, tilde, hook above, dot below.
    static let toneMarks: Set<UInt32> = [0x0300, 0x0301, 0x0303, 0x0309, 0x0323]

    static let alphabet: Set<Character> = Set("abcdefghiklmnopqrstuvxyăâđêôơư")

    /// Longest first, so "ngh" is tried before "ng" and "n"; "" last (a syllable may start with its vowel).
    static let initials = ["ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr",
                           "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", ""]

    /// Nucleus (with its glides) → the endings it takes ("" for an open syllable).
    static let nuclei: [String: [String]] = [
        "a": ["", "c", "ch", "i", "m", "n", "ng", "nh", "o", "p", "t", "u", "y"],
        "ă": ["c", "m", "n", "ng", "p", "t"],
        "â": ["c", "m", "n", "ng", "p", "t", "u", "y"],
        "e": ["", "c", "m", "n", "ng", "o", "p", "t"],
        "ê": ["", "ch", "m", "n", "nh", "p", "t", "u"],
        "i": ["", "a", "ch", "m", "n", "nh", "p", "t", "u"],
        "iê": ["c", "m", "n", "ng", "p", "t", "u"],
        "yê": ["m", "n", "ng", "t", "u"],
        "y": [""],
        "o": ["", "c", "i", "m", "n", "ng", "p", "t"],
        "oo": ["c", "ng"],
        "ô": ["", "c", "i", "m", "n", "ng", "p", "t"],
        "ơ": ["", "i", "m", "n", "p", "t"],
        "u": ["", "a", "c", "i", "m", "n", "ng", "p", "t"],
        "uô": ["c", "i", "m", "n", "ng", "t"],
        "ư": ["", "a", "c", "i", "m", "n", "ng", "t", "u"],
        "ươ": ["c", "i", "m", "n", "ng", "p", "t", "u"],
        "oa": ["", "c", "ch", "i", "m", "n", "ng", "nh", "o", "p", "t", "y"],
        "oă": ["c", "m", "n", "ng", "t"],
        "oe": ["", "n", "o", "t"],
        "uâ": ["n", "ng", "t", "y"],
        "uê": ["", "ch", "nh"],
        "uơ": [""],
        "uy": ["", "a", "ch", "n", "nh", "p", "t", "u"],
        "uyê": ["n", "t"],
    ]

    static let rhymes: Set<String> = Set(nuclei.flatMap { nucleus, endings in endings.map { nucleus + $0 } })

    private static func fits(_ initial: String, _ rhyme: String, tone: UInt32?) -> Bool {
        var rhyme = rhyme
        // "gi" before a vowel is a consonant ("gia", "giữ"); before a consonant its i is the
        // vowel ("gìn" = gi + ìn read as g + in), and "giếng" drops the i of "iêng".
        if initial == "gi" {
            if rhyme.isEmpty || !rhymes.contains(rhyme) { rhyme = "i" + rhyme }
        }
        guard rhymes.contains(rhyme), let first = rhyme.first else { return false }
        let front = "ieêy".contains(first)
        switch initial {
        case "k", "gh", "ngh": guard front else { return false }
        case "c", "ng": guard !front else { return false }
        case "g": guard first != "e" && first != "ê" else { return false }
        case "qu": guard first != "u" && first != "o" else { return false }
        default: break
        }
        if rhyme.hasPrefix("yê") && !initial.isEmpty && initial != "qu" { return false }
        // A syllable closed by c, ch, p or t takes only the acute or the dot below.
        if rhyme.hasSuffix("c") || rhyme.hasSuffix("ch") || rhyme.hasSuffix("p") || rhyme.hasSuffix("t") {
            return tone == 0x0301 || tone == 0x0323
        }
        return true
    }
}
