import Fluent

/// The forms and issuers in use when the register was built (Hướng dẫn 06-HD/TW, Luật Thi đua,
/// khen thưởng 2022). Administrators add more as data; a migration never edits them again.
struct SeedCommendationVocabulary: AsyncMigration {
    var name: String { "SeedCommendationVocabulary" }

    static let forms: [(name: String, isPraise: Bool)] = [
        ("Giấy khen", false),
        ("Bằng khen", false),
        ("Biểu dương", true),
    ]

    static let issuers = [
        "Ban Thường vụ Tỉnh ủy",
        "Ban Thường vụ Đảng ủy cấp trên cơ sở",
        "Đảng ủy cơ sở",
        "Chủ tịch UBND xã",
        "Chủ tịch UBND tỉnh",
        "Thủ tướng Chính phủ",
    ]

    func prepare(on database: any Database) async throws {
        for (i, seed) in Self.forms.enumerated() {
            let form = CommendationForm()
            form.name = seed.name
            form.isPraise = seed.isPraise
            form.sortOrder = (i + 1) * 10
            try await form.create(on: database)
        }
        for (i, name) in Self.issuers.enumerated() {
            let issuer = CommendationIssuer()
            issuer.name = name
            issuer.sortOrder = (i + 1) * 10
            try await issuer.create(on: database)
        }
    }

    func revert(on database: any Database) async throws {
        try await CommendationForm.query(on: database).filter(\.$name ~~ Self.forms.map(\.name)).delete()
        try await CommendationIssuer.query(on: database).filter(\.$name ~~ Self.issuers).delete()
    }
}
