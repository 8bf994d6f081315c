import Foundation
import Testing
@testable import Domain

@Suite struct VietnameseFormatTests {

    @Test(arguments: [
        (0, "0"), (7, "7"), (999, "999"), (1_000, "1.000"), (12_345, "12.345"), (160_000, "160.000"),
        (1_234_567, "1.234.567"), (-1_234, "-1.234"), (-999, "-999"), (-1_000_000, "-1.000.000"),
        (Int.max, "9.223.372.036.854.775.807"), (Int.min, "-9.223.372.036.854.775.808"),
    ])
    func integers(value: Int, expected: String) {
        #expect(VietnameseFormat.number(value) == expected)
    }

    @Test func decimals() {
        #expect(VietnameseFormat.number(1234.5, fractionDigits: 1) == "1.234,5")
        #expect(VietnameseFormat.number(1234.5, fractionDigits: 2) == "1.234,50")
        #expect(VietnameseFormat.number(1_234_567.891, fractionDigits: 2) == "1.234.567,89")
        #expect(VietnameseFormat.number(-1234.5, fractionDigits: 1) == "-1.234,5")
        #expect(VietnameseFormat.number(999.96, fractionDigits: 1) == "1.000,0")
        #expect(VietnameseFormat.number(2.5, fractionDigits: 0) == "3") // half away from zero
        #expect(VietnameseFormat.number(-2.5, fractionDigits: 0) == "-3")
        #expect(VietnameseFormat.number(0.125, fractionDigits: 2) == "0,13")
        #expect(VietnameseFormat.number(0.05, fractionDigits: 3) == "0,050")
        #expect(VietnameseFormat.number(7, fractionDigits: -1) == "7")
        #expect(VietnameseFormat.number(1e16, fractionDigits: 2) == "10.000.000.000.000.000,00")
        #expect(VietnameseFormat.number(-1.5e308, fractionDigits: 15).hasSuffix(",000000000000000"))
        #expect(VietnameseFormat.number(0.25, fractionDigits: 3) == "0,250")
        #expect(VietnameseFormat.number(-0.04, fractionDigits: 1) == "0,0") // no "-0,0"
        #expect(VietnameseFormat.number(Double.nan, fractionDigits: 1) == "–")
        #expect(VietnameseFormat.number(-Double.infinity, fractionDigits: 1) == "–")
    }

    @Test func percentOfRatio() {
        #expect(VietnameseFormat.percent(0.953) == "95,3%")
        #expect(VietnameseFormat.percent(1) == "100%")
        #expect(VietnameseFormat.percent(0.5) == "50%")
        #expect(VietnameseFormat.percent(0) == "0%")
        #expect(VietnameseFormat.percent(0.9999) == "100%")
        #expect(VietnameseFormat.percent(0.0001) == "0%")
        #expect(VietnameseFormat.percent(0.125) == "12,5%")
        #expect(VietnameseFormat.percent(12.5) == "1.250%")
        #expect(VietnameseFormat.percent(0.1234, fractionDigits: 2) == "12,34%")
        #expect(VietnameseFormat.percent(0.1204, fractionDigits: 2) == "12,04%")
        #expect(VietnameseFormat.percent(0.12, fractionDigits: 2) == "12%")
        #expect(VietnameseFormat.percent(0.953, fractionDigits: 0) == "95%")
        #expect(VietnameseFormat.percent(-0.25) == "-25%")
        #expect(VietnameseFormat.percent(.nan) == "–")
    }

    @Test func percentOfCounts() {
        #expect(VietnameseFormat.percent(numerator: 953, denominator: 1_000) == "95,3%")
        #expect(VietnameseFormat.percent(numerator: 1, denominator: 3) == "33,3%")
        #expect(VietnameseFormat.percent(numerator: 2, denominator: 3) == "66,7%")
        #expect(VietnameseFormat.percent(numerator: 12, denominator: 12) == "100%")
        #expect(VietnameseFormat.percent(numerator: 0, denominator: 12) == "0%")
        #expect(VietnameseFormat.percent(numerator: 1_907, denominator: 2_000) == "95,4%") // 95,35 half up
        #expect(VietnameseFormat.percent(numerator: 1, denominator: 2_000) == "0,1%")
        #expect(VietnameseFormat.percent(numerator: 1, denominator: 3_000) == "0%")
        #expect(VietnameseFormat.percent(numerator: -1, denominator: 4) == "-25%")
        #expect(VietnameseFormat.percent(numerator: 1, denominator: -8) == "-12,5%")
        #expect(VietnameseFormat.percent(numerator: Int.max, denominator: Int.max) == "100%")
        #expect(VietnameseFormat.percent(numerator: 5, denominator: 0) == nil)
        #expect(VietnameseFormat.percent(numerator: 0, denominator: 0) == nil)
    }

    @Test func dates() throws {
        let d = try #require(LocalDate(year: 2021, month: 5, day: 18))
        #expect(VietnameseFormat.date(d) == "18/5/2021")
        #expect(VietnameseFormat.proseDate(d) == "ngày 18 tháng 5 năm 2021")
        let jan = try #require(LocalDate(year: 2024, month: 1, day: 5))
        #expect(VietnameseFormat.date(jan) == "5/1/2024")
        #expect(VietnameseFormat.proseDate(jan) == "ngày 5 tháng 1 năm 2024")
        let dec = try #require(LocalDate(year: 2016, month: 12, day: 31))
        #expect(VietnameseFormat.date(dec) == "31/12/2016")
    }

    private func utc(_ y: Int, _ m: Int, _ d: Int, _ h: Int, _ min: Int) throws -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(secondsFromGMT: 0))
        return try #require(calendar.date(from: DateComponents(year: y, month: m, day: d, hour: h, minute: min)))
    }

    @Test func dateTimeIsInVietnamTime() throws {
        #expect(VietnameseFormat.dateTime(try utc(2021, 5, 18, 7, 5)) == "18/5/2021 14:05")
        #expect(VietnameseFormat.dateTime(try utc(2021, 12, 31, 17, 30)) == "1/1/2022 00:30")
        #expect(VietnameseFormat.dateTime(try utc(2024, 2, 29, 2, 0)) == "29/2/2024 09:00")
        #expect(VietnameseFormat.dateTime(Date(timeIntervalSince1970: 1_000_000_000)) == "9/9/2001 08:46")
    }

    @Test func counts() {
        #expect(VietnameseFormat.count(160_000, unit: "lượt") == "160.000 lượt")
        #expect(VietnameseFormat.count(1, unit: "văn bản") == "1 văn bản")
        #expect(VietnameseFormat.count(-2_500, unit: "người") == "-2.500 người")
    }

    @Test func outputDoesNotDependOnProcessLocale() {
        // Whatever the machine's locale, grouping is "." and the decimal mark is ",".
        let s = VietnameseFormat.number(1_234_567.25, fractionDigits: 2)
        #expect(s == "1.234.567,25")
        #expect(!s.contains(" ") && !s.contains("\u{00A0}"))
    }
}
