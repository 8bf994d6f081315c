import Foundation
import Testing
@testable import Domain

/// `VietnameseText`'s path without Foundation must answer exactly what the reference (through
/// NSString) answers: names are matched on the folded form, so one byte apart is a person not found.
@Suite struct VietnameseTextStableTests {
    private func same(_ input: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let label = input.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: " ")
        #expect(Array(VietnameseText.normalize(input).utf8) == Array(VietnameseText.referenceNormalize(input).utf8),
                "normalize \(label)", sourceLocation: sourceLocation)
        #expect(Array(VietnameseText.fold(input).utf8) == Array(VietnameseText.referenceFold(input).utf8),
                "fold \(label)", sourceLocation: sourceLocation)
        #expect(Array(VietnameseText.precomposed(input).utf8) == Array(input.precomposedStringWithCanonicalMapping.utf8),
                "precomposed \(label)", sourceLocation: sourceLocation)
        #expect(Array(VietnameseText.sortKey(fullName: input).utf8) == Array(VietnameseText.referenceSortKey(fullName: input).utf8),
                "sortKey \(label)", sourceLocation: sourceLocation)
    }

    @Test func everyScalarOfTheFirstPlanesAloneAndBetweenLetters() {
        for v in UInt32(0)..<0x3100 {
            guard let scalar = Unicode.Scalar(v) else { continue }
            let s = String(Character(scalar))
            same(s)
            same(" A" + s + "b  ")
            same("Đ" + s + s + "\u{1EC5}")
        }
    }

    /// Pieces of the text sheets hold: ASCII, whitespace of every kind, Vietnamese precomposed in
    /// both cases, đ/Đ, the same letters in NFD, other Latin letters with special case mappings
    /// (İ, ß, ŉ, ǅ), other scripts, and combining marks Vietnamese does not use.
    static let pieces: [String] = [
        "a", "Z", "m", "0", "9", "-", "'", ".", "_", "%", "\\", "@",
        " ", "  ", "\t", "\n", "\r\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{A0}", "\u{2003}", "\u{3000}", "\u{1C}", "\u{200B}",
        "Nguyễn", "NGUYỄN", "Văn", "VĂN", "Đức", "ĐỨC", "đ", "Đ", "ỚT", "ướt", "Hoà", "Hòa", "Ặ", "ỹ", "Ỵ", "ơ", "Ư",
        "Nguye\u{0302}\u{0303}n", "Va\u{0306}n", "D\u{0323}", "o\u{031B}\u{0301}", "a\u{0301}\u{0302}", "A\u{0323}\u{0306}",
        "\u{0130}", "\u{0131}", "ß", "\u{1E9E}", "\u{0149}", "\u{01C5}", "\u{01C4}", "Ð", "ð", "Ø", "æ", "Ÿ", "ÿ", "µ",
        "Ω", "Σ", "ς", "Σα", "Ж", "щ", "中文", "한국", "\u{1100}\u{1161}", "😀", "\u{1F1FB}\u{1F1F3}",
        "\u{0331}", "\u{0345}", "\u{20DD}", "\u{1AB0}", "\u{0340}", "\u{0341}", "\u{0344}", "\u{0958}",
        "\u{212B}", "\u{212A}", "\u{2126}", "e\u{0327}\u{0301}", "a\u{0316}\u{0300}", "\u{FB01}", "\u{FF21}",
    ]

    @Test(arguments: [1, 2, 3, 7, 42, 2024, 31337] as [UInt64])
    func randomTextsFromPieces(seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        for _ in 0..<600 {
            let count = Int.random(in: 0...10, using: &rng)
            let text = (0..<count).map { _ in Self.pieces.randomElement(using: &rng)! }.joined()
            same(text)
        }
    }

    @Test func knownAnswers() {
        #expect(VietnameseText.fold("ĐẶNG Thị\u{A0} Ớt\t") == "dang thi ot")
        #expect(VietnameseText.fold("Nguye\u{0302}\u{0303}n Văn Đức") == "nguyen van duc")
        #expect(VietnameseText.fold("\u{0130}stanbul") == "istanbul")
        #expect(VietnameseText.normalize("  Lê\r\n\r\nThị   Hằng ") == "Lê Thị Hằng")
        #expect(VietnameseText.normalize("Nguyễn Văn An") == "Nguyễn Văn An")
        #expect(VietnameseText.normalize("") == "" && VietnameseText.fold(" \u{85} ") == "")
        #expect(VietnameseText.precomposed("Nguye\u{0302}\u{0303}n").unicodeScalars.map(\.value) == [0x4E, 0x67, 0x75, 0x79, 0x1EC5, 0x6E])
    }
}
