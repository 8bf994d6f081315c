import Domain
import Fluent

/// The province's "sơ kết 3 năm" of Kết luận 01-KL/TW (18/5/2021 – 18/5/2024), drafted from the
/// demo records as an officer would have started it, numbered and dated, its figures saved.
enum DemoReviews {
    static let issuedOn = LocalDate(year: 2024, month: 5, day: 25)!

    static func build(on db: any Database) async throws {
        guard let programme = try await Programme.query(on: db).filter(\.$documentNumber == "01-KL/TW").first(),
              let unit = try await OrgUnit.query(on: db).filter(\.$code == "TU").first() else { return }
        let period = try IndicatorPeriod(from: programme.startsOn, to: LocalDate(year: 2024, month: 5, day: 18)!)
        let review = try await ReviewDrafting.draft(programme: programme, unit: unit, kind: .threeYear, period: period,
                                                    today: issuedOn, on: db)
        review.number = "Số 125-BC/TU"
        try await review.create(on: db)
    }
}
