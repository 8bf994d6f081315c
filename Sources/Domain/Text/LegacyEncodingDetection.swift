extension LegacyEncoding {
    /// What a column's texts are written in.
    public enum Detection: Equatable, Sendable {
        /// Unicode already (or plain ASCII, which every encoding writes alike): keep as is.
        case unicode
        /// Every text is in this encoding: convert.
        case legacy(LegacyEncoding)
        /// Not decided, and why, in Vietnamese; `samples` are the indices of texts that show it.
        case undecided(reason: String, samples: [Int])
    }

    /// The encoding of a column from its texts (a sample: the first couple of hundred is
    /// plenty). Each reading (Unicode as is, TCVN3, VNI, Windows-1258) scores the words with a
    /// letter beyond ASCII that it turns into Vietnamese syllables. The best reading wins only
    /// when it is clear: a close second, a column whose texts read best in different encodings,
    /// or a legacy reading that leaves many words broken is undecided, never guessed.
    public static func detect(_ samples: [String]) -> Detection {
        let readings: [LegacyEncoding?] = [nil] + LegacyEncoding.allCases
        var valid = Array(repeating: 0, count: readings.count)
        var invalid = Array(repeating: 0, count: readings.count)
        var owners: [Int: [Int]] = [:]
        for (index, sample) in samples.enumerated() {
            let score = readings.map { Score(sample, reading: $0) }
            for r in readings.indices {
                valid[r] += score[r].valid
                invalid[r] += score[r].invalid
            }
            // The one reading that makes the most of this text, if one does.
            let top = score.map(\.valid).max() ?? 0
            let leaders = readings.indices.filter { score[$0].valid == top }
            if top > 0, leaders.count == 1 { owners[leaders[0], default: []].append(index) }
        }
        let legacyBest = valid.dropFirst().max() ?? 0
        // Nothing reads as Vietnamese in an old encoding: the text stays as it is.
        guard legacyBest > 0 else { return .unicode }
        if invalid[0] == 0 && valid[0] >= legacyBest { return .unicode }

        let order = readings.indices.sorted { valid[$0] > valid[$1] }
        let best = order[0], second = order[1]
        let others = owners.filter { $0.key != best && !$0.value.isEmpty }
        if !others.isEmpty {
            let parts = ([best] + others.keys.sorted()).map { r in
                "\(owners[r]?.count ?? 0) ô theo \(name(readings[r]))"
            }
            return .undecided(
                reason: "Lẫn nhiều bảng mã (" + parts.joined(separator: ", ") + "); hãy đưa tất cả về Unicode rồi tải lên lại.",
                samples: others.values.flatMap { $0 }.sorted())
        }
        if valid[second] * 5 >= valid[best] * 4 {
            return .undecided(
                reason: "Không phân biệt được chữ viết theo bảng mã \(name(readings[best])) hay \(name(readings[second])); "
                    + "hãy chuyển sang Unicode (ví dụ bằng Unikey) rồi tải lên lại.",
                samples: [])
        }
        guard let encoding = readings[best] else { return .unicode }
        if valid[best] * 10 < (valid[best] + invalid[best]) * 7 {
            return .undecided(
                reason: "Có vẻ viết theo bảng mã \(encoding.label) nhưng chỉ đọc được \(valid[best]) trên "
                    + "\(valid[best] + invalid[best]) từ có dấu; hãy kiểm tra lại.",
                samples: [])
        }
        return .legacy(encoding)
    }

    private static func name(_ reading: LegacyEncoding?) -> String { reading?.label ?? "Unicode" }

    /// How many words with a letter beyond ASCII one reading turns into syllables, and how
    /// many into something no syllable is. A word that becomes punctuation or plain ASCII
    /// ("–", "“") counts for neither.
    struct Score {
        var valid = 0
        var invalid = 0

        init(_ text: String, reading: LegacyEncoding?) {
            for word in text.split(whereSeparator: { $0 == " " || $0 == "\u{A0}" || $0.isNewline || $0 == "\t" }) {
                guard word.unicodeScalars.contains(where: LegacyEncoding.isEvidence) else { continue }
                let converted = reading.map { $0.decode(String(word)) } ?? String(word).precomposedStringWithCanonicalMapping
                guard let converted else { invalid += 1; continue }
                var core = Substring(converted)
                while let first = core.first, !first.isLetter { core.removeFirst() }
                while let last = core.last, !last.isLetter { core.removeLast() }
                guard core.unicodeScalars.contains(where: { $0.value >= 0x80 }) else { continue }
                let parts = String(core).split(separator: "-", omittingEmptySubsequences: false)
                if parts.allSatisfy({ VietnameseSyllable.isValid(String($0)) }) { valid += 1 } else { invalid += 1 }
            }
        }
    }

    /// A character that only a Vietnamese letter (in some encoding) would put in a word.
    static func isEvidence(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x80 || TCVN3Table.low[UInt8(scalar.value)] != nil
    }
}
