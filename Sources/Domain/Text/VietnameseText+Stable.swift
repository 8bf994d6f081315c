import Foundation

extension VietnameseText {
    /// Unicode NFC of `s`, without Foundation when every scalar is one that NFC leaves alone.
    public static func precomposed(_ s: String) -> String {
        Stable.isStable(s) ? s : s.precomposedStringWithCanonicalMapping
    }

    /// The text of Vietnamese sheets and forms without Foundation: text whose every scalar is
    /// NFC-stable — Latin-1, Latin Extended-A/B and IPA (U+0000–U+02FF) and Latin Extended
    /// Additional (U+1E00–U+1EFF, where Vietnamese precomposed letters live) — is NFC as it
    /// stands, since none of them decomposes, combines or reorders with its neighbours. Anything
    /// else (a combining mark, NFD text, other scripts) answers nil and takes the reference path.
    /// The results equal the reference's byte for byte (VietnameseTextStableTests).
    enum Stable {
        @inline(__always) static func isStable(_ v: UInt32) -> Bool {
            v < 0x300 || (v >= 0x1E00 && v < 0x1F00)
        }

        /// Unicode White_Space among the stable scalars: what `Character.isWhitespace` says of them.
        @inline(__always) static func isSpace(_ v: UInt32) -> Bool {
            v == 0x20 || (v >= 0x09 && v <= 0x0D) || v == 0x85 || v == 0xA0
        }

        static func isStable(_ s: String) -> Bool {
            if s.utf8.allSatisfy({ $0 < 0x80 }) { return true }
            return s.unicodeScalars.allSatisfy { isStable($0.value) }
        }

        /// `normalize`, or nil when `s` holds a scalar that is not stable.
        static func normalize(_ s: String) -> String? {
            var clean = true
            var afterSpace = true
            for scalar in s.unicodeScalars {
                let v = scalar.value
                guard isStable(v) else { return nil }
                if isSpace(v) {
                    if v != 0x20 || afterSpace { clean = false }
                    afterSpace = true
                } else {
                    afterSpace = false
                }
            }
            if afterSpace, !s.isEmpty { clean = false }
            if clean { return s }
            var out = String.UnicodeScalarView()
            var pending = false
            for scalar in s.unicodeScalars {
                if isSpace(scalar.value) {
                    pending = !out.isEmpty
                    continue
                }
                if pending { out.append(" ") }
                pending = false
                out.append(scalar)
            }
            return String(out)
        }

        /// `fold`, or nil when `s` holds a scalar that is not stable: each scalar folds alone
        /// (lower case, decomposed, marks dropped, đ → d), looked up in a table made once by the
        /// reference itself.
        static func fold(_ s: String) -> String? {
            guard let normalized = normalize(s) else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(normalized.utf8.count)
            for scalar in normalized.unicodeScalars {
                let v = scalar.value
                if v < 0x80 {
                    out.append(UInt8(v >= 0x41 && v <= 0x5A ? v + 0x20 : v))
                } else {
                    out.append(contentsOf: folded[slot(v)])
                }
            }
            return String(decoding: out, as: UTF8.self)
        }

        /// `encodeWord` (the sort key's letter codes and tone of one word), or nil when the word
        /// holds a scalar that is not stable: each scalar is one letter, its codes and tone in a
        /// table made once by the reference; the word's tone is its first.
        static func encodeWord(_ word: String) -> (String, Int)? {
            var letters = ""
            var tone = 0
            for scalar in word.unicodeScalars {
                let v = scalar.value
                guard isStable(v) else { return nil }
                let entry = words[v < 0x300 ? Int(v) : Int(v - 0x1E00) + 0x300]
                letters += entry.letters
                if tone == 0 { tone = entry.tone }
            }
            return (letters, tone)
        }

        /// The reference's `encodeWord` of each stable scalar alone: U+0000–U+02FF, then U+1E00–U+1EFF.
        private static let words: [(letters: String, tone: Int)] = (Array(0..<0x300) + Array(0x1E00..<0x1F00)).map { v in
            guard let scalar = Unicode.Scalar(UInt32(v)) else { return ("", 0) }
            return VietnameseText.encodeWord(String(Character(scalar)))
        }

        /// U+0080–U+02FF, then U+1E00–U+1EFF.
        @inline(__always) private static func slot(_ v: UInt32) -> Int {
            v < 0x300 ? Int(v - 0x80) : Int(v - 0x1E00) + 0x280
        }

        /// The reference fold of each non-ASCII stable scalar alone, as UTF-8.
        private static let folded: [[UInt8]] = {
            let scalars = Array(0x80..<0x300) + Array(0x1E00..<0x1F00)
            return scalars.map { v in
                guard let scalar = Unicode.Scalar(UInt32(v)) else { return [] }
                return Array(referenceFold(String(Character(scalar))).utf8)
            }
        }()
    }
}
