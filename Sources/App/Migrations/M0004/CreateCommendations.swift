import Fluent

struct CreateCommendations: AsyncMigration {
    var name: String { "CreateCommendations" }

    func prepare(on database: any Database) async throws {
        try await database.schema(Commendation.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("created_at", .datetime)
            .field("unit_id", .int, .required, .references(OrgUnit.schema, .id))
            .field("form_id", .int, .required, .references(CommendationForm.schema, .id))
            .field("issuer_id", .int, .required, .references(CommendationIssuer.schema, .id))
            .field("recipient_unit_id", .int, .references(OrgUnit.schema, .id))
            .field("person_id", .int, .references(Person.schema, .id))
            // The nominations table comes later (issue 4 §3); its foreign key comes with it.
            .field("nomination_id", .int)
            .field("recipient_kind", .string, .required)
            .field("recipient_name", .string, .required)
            .field("from_year", .int, .required)
            .field("to_year", .int, .required)
            .field("event", .string, .required)
            .field("event_folded", .string, .required)
            .field("reason", .string, .required)
            .field("decision_number", .string, .required)
            .field("decided_on", .string, .required)
            .create()
        try await database.createIndex("commendations_unit_decided", on: Commendation.schema, "unit_id", "decided_on")
        try await database.createIndex("commendations_nomination", on: Commendation.schema, "nomination_id")
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Commendation.schema).delete()
    }
}
