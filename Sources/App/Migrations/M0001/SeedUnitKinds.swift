import Domain
import Fluent

struct SeedUnitKinds: AsyncMigration {
    var name: String { "SeedUnitKinds" }

    func prepare(on database: any Database) async throws {
        for seed in UnitKindSeed.defaults {
            let kind = UnitKind()
            kind.code = seed.code
            kind.name = seed.name
            kind.rank = seed.rank
            kind.isGrassroots = seed.isGrassroots
            kind.isCell = seed.isCell
            try await kind.create(on: database)
        }
    }

    func revert(on database: any Database) async throws {
        try await UnitKind.query(on: database).filter(\.$code ~~ UnitKindSeed.defaults.map(\.code)).delete()
    }
}
