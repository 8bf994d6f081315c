import Domain
import Foundation
import Testing

@Suite struct LegacyEncodingTests {
    /// Bytes as an XLSX shows them: through Windows-1252.
    private func view(_ bytes: [UInt8]) -> String { LegacyEncoding.view(of: bytes) }

    @Test func everyToneOnEveryVowelRoundTrips() {
        for letter in TestEncoders.everyLetter {
            let word = "X" + letter + "n"
            #expect(LegacyEncoding.tcvn3.decode(bytes: TestEncoders.tcvn3(word)) == word, "TCVN3 \(letter)")
            #expect(LegacyEncoding.vni.decode(bytes: TestEncoders.vni(word)) == word, "VNI \(letter)")
            #expect(LegacyEncoding.windows1258.decode(bytes: TestEncoders.windows1258(word)) == word, "1258 \(letter)")
            // the same through the Windows-1252 view an XLSX holds
            #expect(LegacyEncoding.tcvn3.decode(view(TestEncoders.tcvn3(word))) == word, "TCVN3 view \(letter)")
            #expect(LegacyEncoding.vni.decode(view(TestEncoders.vni(word))) == word, "VNI view \(letter)")
        }
    }

    @Test func knownTCVN3Samples() {
        // real TCVN3 bytes, as .VnTime text shows in a Unicode font ("Hä vµ tªn")
        let samples: [([UInt8], String)] = [
            ([0x48, 0xE4, 0x20, 0x76, 0xB5, 0x20, 0x74, 0xAA, 0x6E], "Họ và tên"),
            ([0xA7, 0xB6, 0x6E, 0x67, 0x20, 0x62, 0xE9], "Đảng bộ"),
            ([0x43, 0x68, 0x69, 0x20, 0x62, 0xE9, 0x20, 0x74, 0x68, 0xAB, 0x6E, 0x20, 0x50, 0x68, 0xF3, 0x20, 0x4D, 0xFC], "Chi bộ thôn Phú Mỹ"),
            ([0x4E, 0x67, 0x75, 0x79, 0xD4, 0x6E, 0x20, 0x56, 0xA8, 0x6E, 0x20, 0x41, 0x6E], "Nguyễn Văn An"),
            ([0x54, 0x72, 0xC7, 0x6E, 0x20, 0x54, 0x68, 0xDE, 0x20, 0x42, 0xD7, 0x6E, 0x68], "Trần Thị Bình"),
            ([0x4C, 0xAA, 0x20, 0x56, 0xA8, 0x6E, 0x20, 0x43, 0xAD, 0xEA, 0x6E, 0x67], "Lê Văn Cường"),
            ([0x42, 0xB6, 0x6F, 0x20, 0x54, 0x68, 0xBE, 0x6E, 0x67], "Bảo Thắng"),
            ([0x4D, 0xAD, 0xEA, 0x6E, 0x67, 0x20, 0x4B, 0x68, 0xAD, 0xAC, 0x6E, 0x67], "Mường Khương"),
            ([0x4E, 0x67, 0xB5, 0x79, 0x20, 0x73, 0x69, 0x6E, 0x68], "Ngày sinh"),
            ([0x43, 0xE3, 0x20, 0x6D, 0xC6, 0x74], "Có mặt"),
            ([0x56, 0xA3, 0x20, 0x76, 0xA2, 0x6E, 0x67], "VÊ vÂng"),
            ([0x54, 0xAD, 0x20, 0x74, 0xAD, 0xEB, 0x6E, 0x67, 0x20, 0x48, 0xE5, 0x20, 0x43, 0x68, 0xDD, 0x20, 0x4D, 0x69, 0x6E, 0x68], "Tư tưởng Hồ Chí Minh"),
        ]
        for (bytes, text) in samples {
            #expect(LegacyEncoding.tcvn3.decode(bytes: bytes) == text)
            #expect(LegacyEncoding.tcvn3.decode(view(bytes)) == text)
        }
        #expect(view([0x48, 0xE4, 0x20, 0x76, 0xB5, 0x20, 0x74, 0xAA, 0x6E]) == "Hä vµ tªn")
    }

    @Test func knownVNISamples() {
        let samples: [(String, String)] = [
            ("Vieät Nam", "Việt Nam"),
            ("Xin chaøo caùc baïn", "Xin chào các bạn"),
            ("Ñaûng boä", "Đảng bộ"),
            ("Chi boä thoân Phuù Myõ", "Chi bộ thôn Phú Mỹ"),
            ("Nguyeãn Vaên An", "Nguyễn Văn An"),
            ("Traàn Thò Bình", "Trần Thị Bình"),
            ("Hoï vaø teân", "Họ và tên"),
            ("Ngöôøi", "Người"),
            ("ÑAÛNG COÄNG SAÛN VIEÄT NAM", "ĐẢNG CỘNG SẢN VIỆT NAM"),
            ("Tænh uûy Laïc Hoàng", "Tỉnh ủy Lạc Hồng"),
            ("Khuyeán khích", "Khuyến khích"),
            ("Ñöùc", "Đức"),
        ]
        for (vni, text) in samples {
            let bytes = LegacyEncoding.bytes(ofView: vni)!
            #expect(LegacyEncoding.vni.decode(bytes: bytes) == text)
            #expect(LegacyEncoding.vni.decode(vni) == text)
            #expect(TestEncoders.vni(text) == bytes, "\(text)")
        }
        // a mark with no vowel before it stays what it was
        #expect(LegacyEncoding.vni.decode("xø") == "xø")
    }

    @Test func knownWindows1258Samples() {
        let samples: [([UInt8], String)] = [
            ([0x56, 0x69, 0xEA, 0xF2, 0x74, 0x20, 0x4E, 0x61, 0x6D], "Việt Nam"),
            ([0xD0, 0x61, 0xD2, 0x6E, 0x67, 0x20, 0x62, 0xF4, 0xF2], "Đảng bộ"),
            ([0x48, 0x6F, 0xF2, 0x20, 0x76, 0x61, 0xCC, 0x20, 0x74, 0xEA, 0x6E], "Họ và tên"),
            ([0x4E, 0x67, 0x75, 0x79, 0xEA, 0xDE, 0x6E, 0x20, 0x56, 0xE3, 0x6E, 0x20, 0x41, 0x6E], "Nguyễn Văn An"),
            ([0x4E, 0x67, 0xFD, 0xF5, 0xCC, 0x69], "Người"),
            ([0x31, 0x30, 0x30, 0xFE], "100₫"),
        ]
        for (bytes, text) in samples {
            #expect(LegacyEncoding.windows1258.decode(bytes: bytes) == text)
            #expect(TestEncoders.windows1258(text) == bytes || text == "100₫")
        }
    }

    @Test func syllables() {
        for word in ["Nguyễn", "người", "quyết", "khuya", "giếng", "gìn", "Giàng", "kỳ", "nghĩa", "thuở", "oanh", "Huỳnh", "ĐẢNG",
                     "tưởng", "yêu", "chuyện", "Xuân", "khoẻ", "hoá", "ủy", "à"] {
            #expect(VietnameseSyllable.isValid(word), "\(word)")
        }
        for word in ["hä", "vµ", "tªn", "vaø", "ngưòi", "cé", "kan", "ghà", "nguyôn", "baèn", "hat", "họà", "quu", "nyên", "Zürich"] {
            #expect(!VietnameseSyllable.isValid(word), "\(word)")
        }
    }

    static let names = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung", "Hoàng Văn Em", "Đặng Quốc Hùng",
                        "Vũ Thị Lan", "Bùi Văn Long", "Đỗ Thị Mai", "Hồ Văn Nam", "Ngô Thị Oanh", "Dương Văn Phúc"]

    @Test func detectsEachEncodingOverAColumn() {
        #expect(LegacyEncoding.detect(Self.names.map { view(TestEncoders.tcvn3($0)) }) == .legacy(.tcvn3))
        #expect(LegacyEncoding.detect(Self.names.map { view(TestEncoders.vni($0)) }) == .legacy(.vni))
        #expect(LegacyEncoding.detect(Self.names.map { view(TestEncoders.windows1258($0)) }) == .legacy(.windows1258))
        #expect(LegacyEncoding.detect(Self.names) == .unicode)
        #expect(LegacyEncoding.detect(Self.names.map(\.decomposedStringWithCanonicalMapping)) == .unicode)
        #expect(LegacyEncoding.detect(["Nguyen Van An", "A1", "12/5/2024", ""]) == .unicode)
        #expect(LegacyEncoding.detect(["Tô Bá Hà", "Lê Văn Tú"]) == .unicode)
        #expect(LegacyEncoding.detect(["“Làm theo Bác” – năm 2024", "Mục tiêu: 95,3%"]) == .unicode)
    }

    @Test func aMixedColumnIsUndecidedWithTheTextsThatShowIt() {
        var column = Self.names.prefix(8).map { view(TestEncoders.tcvn3($0)) }
        column += ["Nguyễn Thị Hương", "Đào Văn Tuấn"]
        guard case .undecided(let reason, let samples) = LegacyEncoding.detect(column) else {
            Issue.record("decided a mixed column")
            return
        }
        #expect(reason.hasPrefix("Lẫn nhiều bảng mã (8 ô theo TCVN3 (ABC), 2 ô theo Unicode)"))
        #expect(samples == [8, 9])
    }

    @Test func aBrokenLegacyColumnIsUndecided() {
        // TCVN3 names with most words garbled: it reads best as TCVN3 but not well enough
        let column = [view(TestEncoders.tcvn3("Nguyễn Văn An"))] + ["Hxä vµx tªxn", "qµ qµ qªn", "xµx"]
        guard case .undecided(let reason, _) = LegacyEncoding.detect(column) else {
            Issue.record("decided a broken column")
            return
        }
        #expect(reason.hasPrefix("Có vẻ viết theo bảng mã TCVN3 (ABC) nhưng chỉ đọc được"), "\(reason)")
    }

    @Test func twoReadingsThatFitAlikeAreUndecided() {
        // "HoÒ" is "Hỏ" in Windows-1258 and "Họi" in VNI: nothing tells them apart
        guard case .undecided(let reason, _) = LegacyEncoding.detect([view([0x48, 0x6F, 0xD2])]) else {
            Issue.record("guessed between VNI and Windows-1258")
            return
        }
        #expect(reason.hasPrefix("Không phân biệt được chữ viết theo bảng mã VNI hay Windows-1258"))
    }
}
