import Fluent

struct CreateGradingRegimes: AsyncMigration {
    var name: String { "CreateGradingRegimes" }

    func prepare(on database: any Database) async throws {
        try await database.schema(GradingRegime.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("name", .string, .required)
            .field("is_scored", .bool, .required)
            .field("excellent_from", .double)
            .field("good_from", .double)
            .field("fulfilled_from", .double)
            .field("cap_percent", .int)
            .field("outstanding_cap_percent", .int)
            .unique(on: "name")
            .create()
        try await database.schema(GradingYear.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("year", .int, .required)
            .field("regime_id", .int, .required, .references(GradingRegime.schema, .id))
            .unique(on: "year")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(GradingYear.schema).delete()
        try await database.schema(GradingRegime.schema).delete()
    }
}

struct CreateGradingSheets: AsyncMigration {
    var name: String { "CreateGradingSheets" }

    func prepare(on database: any Database) async throws {
        try await database.schema(GradingSheet.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .field("unit_id", .int, .required, .references(OrgUnit.schema, .id))
            .field("regime_id", .int, .required, .references(GradingRegime.schema, .id))
            .field("year", .int, .required)
            .field("subject", .string, .required)
            .field("status", .string, .required)
            .field("outstanding", .bool, .required)
            .field("submitted_on", .string)
            .unique(on: "unit_id", "year", "subject")
            .create()
        try await database.schema(Evaluation.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("updated_at", .datetime)
            .field("sheet_id", .int, .required, .references(GradingSheet.schema, .id))
            .field("unit_id", .int, .required, .references(OrgUnit.schema, .id))
            .field("person_id", .int, .references(Person.schema, .id))
            .field("subject_unit_id", .int, .references(OrgUnit.schema, .id))
            .field("year", .int, .required)
            .field("subject", .string, .required)
            .field("level", .string, .required)
            .field("score", .double)
            .field("all_tasks_done", .bool)
            .field("note", .string, .required)
            .unique(on: "sheet_id", "person_id")
            .unique(on: "sheet_id", "subject_unit_id")
            .create()
        try await database.createIndex("evaluations_unit_year", on: Evaluation.schema, "unit_id", "year", "subject")
        try await database.createIndex("evaluations_person_year", on: Evaluation.schema, "person_id", "year")
        try await database.createIndex("evaluations_subject_unit_year", on: Evaluation.schema, "subject_unit_id", "year")
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Evaluation.schema).delete()
        try await database.schema(GradingSheet.schema).delete()
    }
}

/// The regimes in force since 2018 and the years they apply to. Administrators add and change
/// them as data; a migration never edits them again.
struct SeedGradingRegimes: AsyncMigration {
    var name: String { "SeedGradingRegimes" }

    struct Seed {
        let name: String
        let bands: (Double, Double, Double)?
        let cap: Int?
        let outstandingCap: Int?
        let years: ClosedRange<Int>
    }

    static let seeds: [Seed] = [
        Seed(name: "Quy định 132-QĐ/TW (8/3/2018): bốn mức", bands: nil, cap: 20, outstandingCap: nil, years: 2018...2022),
        Seed(name: "Quy định 124-QĐ/TW (2023): bốn mức", bands: nil, cap: 20, outstandingCap: nil, years: 2023...2024),
        Seed(name: "Quy định 366-QĐ/TW (30/8/2025): thang 100 điểm", bands: (90, 70, 50), cap: 20, outstandingCap: 25, years: 2025...2026),
    ]

    func prepare(on database: any Database) async throws {
        for seed in Self.seeds {
            let regime = GradingRegime()
            regime.name = seed.name
            regime.isScored = seed.bands != nil
            regime.excellentFrom = seed.bands?.0
            regime.goodFrom = seed.bands?.1
            regime.fulfilledFrom = seed.bands?.2
            regime.capPercent = seed.cap
            regime.outstandingCapPercent = seed.outstandingCap
            try await regime.create(on: database)
            for year in seed.years {
                let row = GradingYear()
                row.year = year
                row.regimeID = try regime.requireID()
                try await row.create(on: database)
            }
        }
    }

    func revert(on database: any Database) async throws {
        try await GradingYear.query(on: database).delete()
        try await GradingRegime.query(on: database).filter(\.$name ~~ Self.seeds.map(\.name)).delete()
    }
}
