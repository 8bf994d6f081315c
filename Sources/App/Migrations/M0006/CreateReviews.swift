import Fluent

struct CreateReviews: AsyncMigration {
    var name: String { "CreateReviews" }

    func prepare(on database: any Database) async throws {
        try await database.schema(Review.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .field("created_by", .int, .references(User.schema, .id))
            .field("updated_by", .int, .references(User.schema, .id))
            .field("programme_id", .int, .required, .references(Programme.schema, .id))
            .field("unit_id", .int, .required, .references(OrgUnit.schema, .id))
            .field("kind", .string, .required)
            .field("period_from", .string, .required)
            .field("period_to", .string, .required)
            .field("superior_body", .string, .required)
            .field("issuing_body", .string, .required)
            .field("number", .string, .required)
            .field("place", .string, .required)
            .field("issued_on", .string, .required)
            .field("summary", .string, .required)
            .field("signature_on_behalf", .string, .required)
            .field("signature_title", .string, .required)
            .field("signature_name", .string, .required)
            .field("recipients", .string, .required)
            .field("part1", .string, .required)
            .field("part2", .string, .required)
            .field("part3", .string, .required)
            .field("part4", .string, .required)
            .field("appendix_json", .string, .required)
            .field("breakdown_json", .string, .required)
            .field("figures_at", .datetime, .required)
            .create()
        try await database.createIndex("reviews_unit_period", on: Review.schema, "unit_id", "period_to")
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Review.schema).delete()
    }
}
