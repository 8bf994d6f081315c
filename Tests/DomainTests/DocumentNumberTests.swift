import Foundation
import Testing
@testable import Domain

@Suite struct DocumentNumberTests {

    struct Valid: Sendable, CustomTestStringConvertible {
        let input: String
        let style: DocumentNumber.Style
        let ordinal: Int
        let typeCode: String
        let issuer: String
        var year: Int? = nil
        var testDescription: String { input }
    }

    static let valid: [Valid] = [
        Valid(input: "34-KH/ĐUK", style: .party, ordinal: 34, typeCode: "KH", issuer: "ĐUK"),
        Valid(input: "05-CT/TW", style: .party, ordinal: 5, typeCode: "CT", issuer: "TW"),
        Valid(input: "01-KL/TW", style: .party, ordinal: 1, typeCode: "KL", issuer: "TW"),
        Valid(input: "124-QĐ/TW", style: .party, ordinal: 124, typeCode: "QĐ", issuer: "TW"),
        Valid(input: "36-HD/VPTW", style: .party, ordinal: 36, typeCode: "HD", issuer: "VPTW"),
        Valid(input: "12-BC/ĐUK", style: .party, ordinal: 12, typeCode: "BC", issuer: "ĐUK"),
        Valid(input: "15-QĐ/ĐUK", style: .party, ordinal: 15, typeCode: "QĐ", issuer: "ĐUK"),
        Valid(input: "07-KH/ĐU-BCĐ", style: .party, ordinal: 7, typeCode: "KH", issuer: "ĐU-BCĐ"),
        Valid(input: "03-NQ/TU", style: .party, ordinal: 3, typeCode: "NQ", issuer: "TU"),
        Valid(input: "123/QĐ-UBND", style: .state, ordinal: 123, typeCode: "QĐ", issuer: "UBND"),
        Valid(input: "45/KH-UBND", style: .state, ordinal: 45, typeCode: "KH", issuer: "UBND"),
        Valid(input: "30/2020/NĐ-CP", style: .state, ordinal: 30, typeCode: "NĐ", issuer: "CP", year: 2020),
        Valid(input: "15/2023/QĐ-UBND", style: .state, ordinal: 15, typeCode: "QĐ", issuer: "UBND", year: 2023),
    ]

    @Test(arguments: valid)
    func validNumbersParseIntoTheirParts(_ c: Valid) throws {
        let n = try DocumentNumber.parse(c.input).get()
        #expect(n.raw == c.input)
        #expect(n.style == c.style)
        #expect(n.ordinal == c.ordinal)
        #expect(n.typeCode == c.typeCode)
        #expect(n.issuer == c.issuer)
        #expect(n.year == c.year)
        #expect(n.description == c.input)
        #expect(DocumentNumber(c.input) == n)
    }

    @Test(arguments: valid)
    func nfdInputIsAcceptedAndStoredAsNFC(_ c: Valid) throws {
        let nfd = c.input.decomposedStringWithCanonicalMapping
        let n = try DocumentNumber.parse("  " + nfd + "\n").get()
        #expect(n.raw == c.input)
        #expect(n.raw.unicodeScalars.elementsEqual(c.input.precomposedStringWithCanonicalMapping.unicodeScalars))
    }

    @Test func dStrokeIsU0110() throws {
        let n = try DocumentNumber.parse("34-KH/\u{0110}UK").get()
        #expect(n.issuer.unicodeScalars.first?.value == 0x0110)
        // A look-alike Icelandic eth (U+00D0) is taken as Đ.
        let eth = try DocumentNumber.parse("34-KH/\u{00D0}UK").get()
        #expect(eth == n)
    }

    @Test func typographicDashIsTakenAsHyphen() throws {
        #expect(try DocumentNumber.parse("34\u{2013}KH/ĐUK").get().raw == "34-KH/ĐUK")
    }

    @Test func leadingZerosAreKeptInRaw() throws {
        let n = try DocumentNumber.parse("005-CT/TW").get()
        #expect(n.raw == "005-CT/TW" && n.ordinal == 5)
    }

    @Test func prefixedForm() throws {
        #expect(try DocumentNumber.parse("12-BC/ĐUK").get().withPrefix == "Số 12-BC/ĐUK")
        #expect(try DocumentNumber.parse("123/QĐ-UBND").get().withPrefix == "Số: 123/QĐ-UBND")
    }

    @Test(arguments: [
        ("34/KH-ĐUK-", DocumentNumberError.invalidFormat),
        ("KH/ĐUK", .invalidFormat),
        ("34-KH", .invalidFormat),
        ("34-KH/", .invalidFormat),
        ("-KH/ĐUK", .invalidFormat),
        ("34-KH/ĐUK/", .invalidFormat),
        ("34-KH/ĐU--BCĐ", .invalidFormat),
        ("34 -KH/ĐUK", .invalidFormat),
        ("34-K1/ĐUK", .invalidFormat),
        ("34-KÝ/ĐUK", .invalidFormat),
        ("0-KH/ĐUK", .invalidFormat),
        ("30/20/NĐ-CP", .invalidFormat),
        ("30/0000/NĐ-CP", .invalidFormat),
        ("30/1800/NĐ-CP", .invalidFormat),
        ("30/2020/NĐ", .invalidFormat),
        ("1234567890-KH/ĐUK", .invalidFormat),
        ("xyz", .invalidFormat),
        ("34-kh/đuk", .lowercase),
        ("34-Kh/ĐUK", .lowercase),
        ("123/qđ-ubnd", .lowercase),
        ("30/2020/nđ-cp", .lowercase),
        ("Số 34-KH/ĐUK", .numberPrefix),
        ("Số: 123/QĐ-UBND", .numberPrefix),
        ("Số:34-KH/ĐUK", .numberPrefix),
        ("số 34-KH/ĐUK", .numberPrefix),
        ("SỐ 34-KH/ĐUK", .numberPrefix),
        ("So 34-KH/ĐUK", .numberPrefix),
        ("Số", .numberPrefix),
        ("", .empty),
        ("   \n", .empty),
    ])
    func invalidNumbersAreRejected(input: String, expected: DocumentNumberError) {
        #expect(DocumentNumber.parse(input) == .failure(expected))
        #expect(DocumentNumber(input) == nil)
    }

    @Test func numberPrefixInNFDIsRecognised() {
        let nfd = "Số 34-KH/ĐUK".decomposedStringWithCanonicalMapping
        #expect(DocumentNumber.parse(nfd) == .failure(.numberPrefix))
    }

    @Test func messagesAreVietnameseWithExamples() {
        #expect(DocumentNumberError.invalidFormat.message
            == "Số văn bản không đúng định dạng. Ví dụ: 34-KH/ĐUK (văn bản của Đảng) hoặc 123/QĐ-UBND (văn bản hành chính).")
        #expect(DocumentNumberError.empty.message.hasPrefix("Chưa nhập số văn bản."))
        #expect(DocumentNumberError.numberPrefix.message.contains("không nhập chữ “Số”"))
        #expect(DocumentNumberError.lowercase.message.contains("chữ in hoa"))
        let all: [DocumentNumberError] = [.empty, .numberPrefix, .lowercase, .invalidFormat]
        #expect(Set(all.map(\.message)).count == all.count)
        for error in all {
            #expect(error.message.contains("Ví dụ: "))
            #expect(error.message.contains("34-KH/ĐUK"))
            #expect(error.message == error.message.precomposedStringWithCanonicalMapping)
        }
    }

    @Test func codableAsASingleString() throws {
        let numbers = try ["34-KH/ĐUK", "30/2020/NĐ-CP"].map { try DocumentNumber.parse($0).get() }
        let data = try JSONEncoder().encode(numbers)
        #expect(try JSONDecoder().decode([String].self, from: data) == ["34-KH/ĐUK", "30/2020/NĐ-CP"])
        #expect(try JSONDecoder().decode([DocumentNumber].self, from: data) == numbers)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([DocumentNumber].self, from: Data(#"["34-kh/đuk"]"#.utf8))
        }
    }
}
