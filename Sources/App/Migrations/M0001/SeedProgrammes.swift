import Domain
import Fluent

/// The two documents the product exists for are there from the first start.
struct SeedProgrammes: AsyncMigration {
    var name: String { "SeedProgrammes" }

    static let seeds: [(number: String, title: String, issued: String, ends: String?, summary: String)] = [
        ("05-CT/TW", "Chỉ thị số 05-CT/TW của Bộ Chính trị về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
         "2016-05-15", "2021-05-18",
         "Đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh."),
        ("01-KL/TW", "Kết luận số 01-KL/TW của Bộ Chính trị về tiếp tục thực hiện Chỉ thị số 05-CT/TW",
         "2021-05-18", nil,
         "Tiếp tục thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị khóa XII về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh."),
    ]

    func prepare(on database: any Database) async throws {
        for seed in Self.seeds {
            let programme = Programme()
            programme.documentNumber = seed.number
            programme.title = seed.title
            programme.issuedOn = LocalDate(seed.issued)!
            programme.startsOn = LocalDate(seed.issued)!
            programme.endsOn = seed.ends.flatMap(LocalDate.init)
            programme.summary = seed.summary
            try await programme.create(on: database)
        }
    }

    func revert(on database: any Database) async throws {
        try await Programme.query(on: database).filter(\.$documentNumber ~~ Self.seeds.map(\.number)).delete()
    }
}
