import Foundation
import Testing
@testable import Domain

@Suite struct VietnameseTextTests {

    // MARK: normalize

    @Test func normalizeTrimsCollapsesAndComposes() {
        let nfd = "  Nguy\u{0065}\u{0302}\u{0303}n \t Va\u{0306}n\n\n  An  "
        let result = VietnameseText.normalize(nfd)
        #expect(result == "Nguyễn Văn An")
        #expect(result.unicodeScalars.count == "Nguyễn Văn An".precomposedStringWithCanonicalMapping.unicodeScalars.count)
        #expect(result.unicodeScalars.contains { $0.value == 0x1EC5 }) // precomposed ễ
        #expect(VietnameseText.normalize(" \n\t ") == "")
    }

    // MARK: fold

    @Test func foldStripsDiacriticsAndCase() {
        #expect(VietnameseText.fold("Nguyễn Văn Đức") == "nguyen van duc")
        #expect(VietnameseText.fold("ĐẶNG THỊ ỚT") == "dang thi ot")
        #expect(VietnameseText.fold("Ưng Hoàng Phúc") == "ung hoang phuc")
        #expect(VietnameseText.fold("  Lê   Thị\tHằng ") == "le thi hang")
    }

    @Test func foldAcceptsNFDInput() {
        let nfc = "Trần Thị Thuỷ Đức"
        let nfd = nfc.decomposedStringWithCanonicalMapping
        #expect(nfd.unicodeScalars.count > nfc.unicodeScalars.count)
        #expect(VietnameseText.fold(nfd) == "tran thi thuy duc")
        #expect(VietnameseText.fold(nfd) == VietnameseText.fold(nfc))
        #expect(!VietnameseText.fold(nfd).unicodeScalars.contains { $0.value >= 0x0300 && $0.value <= 0x036F })
    }

    @Test func foldedQueriesFindNames() {
        func finds(_ query: String, in name: String) -> Bool {
            VietnameseText.fold(name).contains(VietnameseText.fold(query))
        }
        #expect(finds("nguyen van a", in: "Nguyễn Văn A"))
        #expect(finds("NGUYEN VAN A", in: "Nguyễn Văn A"))
        #expect(finds("d", in: "Đào"))
        #expect(finds("duc", in: "Nguyễn Văn Đức"))
        #expect(finds("Đức", in: "nguyen van duc"))
        #expect(!finds("nguyen van b", in: "Nguyễn Văn A"))
    }

    // MARK: likePattern

    @Test func likePatternFoldsAndEscapes() {
        #expect(VietnameseText.likePattern(forQuery: "Nguyễn") == "%nguyen%")
        #expect(VietnameseText.likePattern(forQuery: "50%_a\\b") == "%50\\%\\_a\\\\b%")
        #expect(VietnameseText.likePattern(forQuery: "") == "%%")
    }

    // MARK: splitName

    @Test func splitNameParts() {
        let three = VietnameseText.splitName("Nguyễn Thị Minh Khai")
        #expect(three.family == "Nguyễn" && three.middle == "Thị Minh" && three.given == "Khai")
        let two = VietnameseText.splitName(" Phạm   An ")
        #expect(two.family == "Phạm" && two.middle == "" && two.given == "An")
        let one = VietnameseText.splitName("Minh")
        #expect(one.family == "" && one.middle == "" && one.given == "Minh")
        let none = VietnameseText.splitName("   ")
        #expect(none.family == "" && none.middle == "" && none.given == "")
    }

    // MARK: sort order

    /// Sorted by hand: given name, then middle names, then family name; Vietnamese letters;
    /// tones only between names whose letters are all equal.
    static let sortedNames = [
        "Phạm An",              // no middle name comes first
        "Nguyễn Thị An",        // middle Thị < Văn
        "Lê Văn An",            // same given and middle: family Lê < Trần
        "Trần Văn An",
        "Nguyễn Thị Anh",       // An < Anh
        "Nguyễn Thị Ánh",       // tone only: ngang < sắc
        "Phạm Thị Anh",         // letters (Nguyễn < Phạm) beat the earlier tone
        "Nguyễn Thị Minh Anh",  // middle Thị < Thị Minh
        "Nguyễn Văn Anh",       // ă < â
        "Nguyễn Vân Anh",
        "Lê Văn Ân",            // a… < â…
        "Trần Thị Bích",
        "Lê Văn Dũng",          // d < đ
        "Hoàng Văn Duy",
        "Trần Minh Đức",
        "Doãn Văn Hải",         // family d < đ, whatever the tones
        "Đoàn Văn Hải",
        "Nguyễn Văn Hoa",       // ngang < huyền < sắc
        "Nguyễn Văn Hòa",
        "Nguyễn Văn Hóa",
        "Nguyễn Văn Hội",       // ô < ơ
        "Nguyễn Văn Hợi",
        "Nguyễn Văn Út",        // u < ư
        "Lê Văn Ước",
        "Vũ Thị Yến",
    ]

    @Test func handSortedListIsInOrder() {
        let names = Self.sortedNames
        for i in 1..<names.count {
            #expect(VietnameseText.compareNames(names[i - 1], names[i]), "\(names[i - 1]) < \(names[i])")
            #expect(!VietnameseText.compareNames(names[i], names[i - 1]), "not \(names[i]) < \(names[i - 1])")
        }
    }

    @Test(arguments: [1, 2, 3, 42, 2024] as [UInt64])
    func shuffledNamesSortBack(seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        let shuffled = Self.sortedNames.shuffled(using: &rng)
        #expect(shuffled.sorted(by: VietnameseText.compareNames) == Self.sortedNames)
        #expect(shuffled.sorted { VietnameseText.sortKey(fullName: $0) < VietnameseText.sortKey(fullName: $1) }
            == Self.sortedNames)
    }

    @Test func reversedNamesSortBack() {
        #expect(Self.sortedNames.reversed().sorted(by: VietnameseText.compareNames) == Self.sortedNames)
    }

    @Test func keysContainOnlyDigitsAndLowercaseASCII() {
        let extra = ["", "   ", "Nguyễn-Văn O'Neil", "Ω Δ", "Trần Văn 2", "ÀÁẢÃẠ ĂẰẮẲẴẶ", "Ð"]
        for name in Self.sortedNames + extra {
            let key = VietnameseText.sortKey(fullName: name)
            #expect(!key.isEmpty)
            #expect(key.unicodeScalars.allSatisfy { ("0"..."9").contains($0) || ("a"..."z").contains($0) }, "\(name): \(key)")
        }
    }

    @Test func examplesFromTheSpecification() {
        let order = ["An", "Anh", "Ánh", "Ba"]
        for i in 1..<order.count {
            #expect(VietnameseText.sortKey(fullName: order[i - 1]) < VietnameseText.sortKey(fullName: order[i]))
        }
    }

    @Test func tonesOrderNgangHuyenHoiNgaSacNang() {
        let words = ["Ma", "Mà", "Mả", "Mã", "Má", "Mạ"]
        for i in 1..<words.count {
            #expect(VietnameseText.compareNames(words[i - 1], words[i]), "\(words[i - 1]) < \(words[i])")
        }
    }

    @Test func alphabetOrderIncludingForeignLetters() {
        let letters = ["0", "9", "a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "f", "g", "h", "i", "j", "k",
                       "l", "m", "n", "o", "ô", "ơ", "p", "q", "r", "s", "t", "u", "ư", "v", "w", "x", "y", "z", "-"]
        for i in 1..<letters.count {
            #expect(VietnameseText.compareNames(letters[i - 1], letters[i]), "\(letters[i - 1]) < \(letters[i])")
        }
    }

    @Test func keyIgnoresCaseFormAndTonePlacement() {
        let key = VietnameseText.sortKey(fullName: "Nguyễn Văn Hòa")
        #expect(VietnameseText.sortKey(fullName: "NGUYỄN VĂN HÒA") == key)
        #expect(VietnameseText.sortKey(fullName: "nguyễn  văn hòa ") == key)
        #expect(VietnameseText.sortKey(fullName: "Nguyễn Văn Hòa".decomposedStringWithCanonicalMapping) == key)
        #expect(VietnameseText.sortKey(fullName: "Nguyễn Văn Hoà") == key) // old-style tone placement
        #expect(VietnameseText.sortKey(fullName: "Nguyễn Văn Hoa") != key)
    }
}

/// A small deterministic generator so shuffles are reproducible.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
