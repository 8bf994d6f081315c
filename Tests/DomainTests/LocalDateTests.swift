import Foundation
import Testing
@testable import Domain

@Suite struct LocalDateTests {

    private func date(_ y: Int, _ m: Int, _ d: Int) throws -> LocalDate {
        try #require(LocalDate(year: y, month: m, day: d))
    }

    @Test func validation() {
        #expect(LocalDate(year: 2024, month: 2, day: 29) != nil)
        #expect(LocalDate(year: 2025, month: 2, day: 29) == nil)
        #expect(LocalDate(year: 2000, month: 2, day: 29) != nil) // divisible by 400
        #expect(LocalDate(year: 1900, month: 2, day: 29) == nil) // divisible by 100
        #expect(LocalDate(year: 2021, month: 2, day: 31) == nil)
        #expect(LocalDate(year: 2021, month: 4, day: 31) == nil)
        #expect(LocalDate(year: 2021, month: 12, day: 31) != nil)
        #expect(LocalDate(year: 2021, month: 13, day: 1) == nil)
        #expect(LocalDate(year: 2021, month: 0, day: 1) == nil)
        #expect(LocalDate(year: 2021, month: 1, day: 0) == nil)
        #expect(LocalDate(year: 0, month: 1, day: 1) == nil)
        #expect(LocalDate(year: 10_000, month: 1, day: 1) == nil)
    }

    @Test func isoInitIsStrict() throws {
        #expect(LocalDate("2021-05-18") == (try date(2021, 5, 18)))
        #expect(LocalDate("2024-02-29") != nil)
        #expect(LocalDate("2025-02-29") == nil)
        #expect(LocalDate("2021-5-18") == nil)
        #expect(LocalDate("18/05/2021") == nil)
        #expect(LocalDate("2021-05-18T00:00") == nil)
        #expect(LocalDate(" 2021-05-18") == nil)
        #expect(LocalDate("２０２１-05-18") == nil) // full-width digits
        #expect(LocalDate("") == nil)
    }

    @Test(arguments: [
        "2021-05-18", "18/5/2021", "18/05/2021", "18-05-2021", "18.5.2021", "18.05.2021", " 18/5/2021 ",
    ])
    func parseAcceptedForms(input: String) throws {
        #expect(LocalDate.parse(input) == (try date(2021, 5, 18)))
    }

    @Test func parseSingleDigits() throws {
        #expect(LocalDate.parse("1/2/2024") == (try date(2024, 2, 1)))
        #expect(LocalDate.parse("29/2/2024") == (try date(2024, 2, 29)))
    }

    @Test(arguments: [
        "", "abc", "31/2/2021", "29/2/2025", "18/5/21", "18/5/02021", "18/05-2021", "18//2021",
        "2021/05/18", "123/5/2021", "18/5/2021/1", "2021-5-18", "1 8/5/2021", "18/13/2021",
    ])
    func parseRejected(input: String) {
        #expect(LocalDate.parse(input) == nil)
    }

    @Test func isoAndDescription() throws {
        let d = try date(2021, 5, 8)
        #expect(d.iso == "2021-05-08")
        #expect(d.description == "2021-05-08")
        #expect("\(d)" == "2021-05-08")
        #expect(try date(987, 1, 2).iso == "0987-01-02")
        #expect(LocalDate(d.description) == d) // LosslessStringConvertible
    }

    @Test func codableRoundTrip() throws {
        let dates = [try date(2021, 5, 18), try date(2024, 2, 29)]
        let data = try JSONEncoder().encode(dates)
        #expect(String(decoding: data, as: UTF8.self) == #"["2021-05-18","2024-02-29"]"#)
        #expect(try JSONDecoder().decode([LocalDate].self, from: data) == dates)

        let range = DateRange(from: try date(2021, 1, 1), to: nil)
        let back = try JSONDecoder().decode(DateRange.self, from: try JSONEncoder().encode(range))
        #expect(back == range)
    }

    @Test(arguments: [#"["18/05/2021"]"#, #"["2021-02-30"]"#, #"[20210518]"#, #"[{"year":2021,"month":5,"day":18}]"#])
    func decodingRejectsOtherForms(json: String) {
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([LocalDate].self, from: Data(json.utf8))
        }
    }

    @Test func comparable() throws {
        #expect(try date(2021, 5, 18) < (try date(2021, 5, 19)))
        #expect(try date(2021, 5, 31) < (try date(2021, 6, 1)))
        #expect(try date(2020, 12, 31) < (try date(2021, 1, 1)))
        #expect(!(try date(2021, 5, 18) < (try date(2021, 5, 18))))
    }

    @Test func addingDays() throws {
        #expect(try date(2024, 2, 28).adding(days: 1) == (try date(2024, 2, 29)))
        #expect(try date(2024, 2, 28).adding(days: 2) == (try date(2024, 3, 1)))
        #expect(try date(2025, 3, 1).adding(days: -1) == (try date(2025, 2, 28)))
        #expect(try date(2024, 12, 31).adding(days: 1) == (try date(2025, 1, 1)))
        #expect(try date(2024, 1, 1).adding(days: 366) == (try date(2025, 1, 1)))
        #expect(try date(2021, 5, 18).adding(days: 0) == (try date(2021, 5, 18)))
        #expect(try date(1969, 12, 31).adding(days: 1) == (try date(1970, 1, 1)))
        #expect(try date(2016, 5, 15).days(until: try date(2021, 5, 18)) == 1_829)
        #expect(try date(2021, 5, 18).days(until: try date(2016, 5, 15)) == -1_829)
    }

    @Test func addingDaysAgreesWithFoundation() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(secondsFromGMT: 0))
        let start = try date(1899, 12, 25)
        let startDate = try #require(calendar.date(from: DateComponents(year: 1899, month: 12, day: 25)))
        for offset in stride(from: -800, through: 80_000, by: 37) {
            let expected = calendar.dateComponents(
                [.year, .month, .day], from: try #require(calendar.date(byAdding: .day, value: offset, to: startDate)))
            let got = start.adding(days: offset)
            #expect(got.year == expected.year && got.month == expected.month && got.day == expected.day, "offset \(offset)")
            #expect(start.days(until: got) == offset)
        }
    }

    @Test func addingMonthsClampsTheDay() throws {
        #expect(try date(2024, 1, 31).adding(months: 1) == (try date(2024, 2, 29)))
        #expect(try date(2025, 1, 31).adding(months: 1) == (try date(2025, 2, 28)))
        #expect(try date(2024, 3, 31).adding(months: -1) == (try date(2024, 2, 29)))
        #expect(try date(2024, 5, 31).adding(months: 1) == (try date(2024, 6, 30)))
        #expect(try date(2024, 11, 15).adding(months: 3) == (try date(2025, 2, 15)))
        #expect(try date(2024, 1, 15).adding(months: -1) == (try date(2023, 12, 15)))
        #expect(try date(2021, 5, 18).adding(months: 60) == (try date(2026, 5, 18)))
        #expect(try date(2021, 5, 18).adding(months: -17) == (try date(2019, 12, 18)))
        #expect(try date(2021, 5, 18).adding(months: 0) == (try date(2021, 5, 18)))
    }

    @Test func monthQuarterAndYearBounds() throws {
        #expect(try date(2021, 5, 18).firstOfMonth == (try date(2021, 5, 1)))
        #expect(try date(2021, 1, 1).quarter == 1)
        #expect(try date(2021, 3, 31).quarter == 1)
        #expect(try date(2021, 4, 1).quarter == 2)
        #expect(try date(2021, 9, 30).quarter == 3)
        #expect(try date(2021, 10, 1).quarter == 4)
        #expect(try date(2021, 12, 31).quarter == 4)
        #expect(LocalDate.firstOf(year: 2025) == (try date(2025, 1, 1)))
        #expect(LocalDate.lastOf(year: 2025) == (try date(2025, 12, 31)))
    }

    @Test func fromDateUsesVietnamTimeByDefault() throws {
        // 2021-05-17 17:30 UTC is 2021-05-18 00:30 in Vietnam.
        let instant = Date(timeIntervalSince1970: 1_621_272_600)
        #expect(LocalDate(instant) == (try date(2021, 5, 18)))
        #expect(LocalDate(instant, timeZone: try #require(TimeZone(secondsFromGMT: 0))) == (try date(2021, 5, 17)))
        #expect(TimeZone.vietnam.secondsFromGMT(for: instant) == 7 * 3600)
        let today = LocalDate.today()
        #expect(today == LocalDate(Date(), timeZone: .vietnam) || today.adding(days: 1) == LocalDate(Date()))
    }

    @Test func dateRanges() throws {
        let y2021 = DateRange(from: try date(2021, 1, 1), to: try date(2022, 1, 1))
        #expect(y2021.contains(try date(2021, 1, 1)))
        #expect(y2021.contains(try date(2021, 12, 31)))
        #expect(!y2021.contains(try date(2022, 1, 1))) // exclusive end
        #expect(!y2021.contains(try date(2020, 12, 31)))

        let open = DateRange(from: try date(2021, 6, 1), to: nil)
        #expect(open.contains(try date(9999, 12, 31)))
        #expect(!open.contains(try date(2021, 5, 31)))

        let y2022 = DateRange(from: try date(2022, 1, 1), to: try date(2023, 1, 1))
        #expect(!y2021.overlaps(y2022)) // touching ranges do not overlap
        #expect(!y2022.overlaps(y2021))
        #expect(y2021.overlaps(open) && open.overlaps(y2021))
        #expect(y2022.overlaps(open))
        let before = DateRange(from: try date(2020, 1, 1), to: try date(2021, 6, 1))
        #expect(!before.overlaps(open))
        #expect(before.overlaps(y2021))
        #expect(DateRange(from: try date(2000, 1, 1), to: nil).overlaps(open))

        let empty = DateRange(from: try date(2021, 3, 1), to: try date(2021, 3, 1))
        #expect(!empty.contains(try date(2021, 3, 1)))
        #expect(!empty.overlaps(y2021) && !y2021.overlaps(empty))
    }
}
