import Fluent

struct CreateUnitPlans: AsyncMigration {
    var name: String { "CreateUnitPlans" }

    func prepare(on database: any Database) async throws {
        try await database.schema(UnitPlan.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .field("unit_id", .int, .required, .references(OrgUnit.schema, .id))
            .field("programme_id", .int, .required, .references(Programme.schema, .id))
            .field("scope", .string, .required)
            .field("year", .int, .required)
            .field("theme", .string, .required)
            .field("content", .string, .required)
            .field("document_number", .string, .required)
            .field("status", .string, .required)
            .field("first_submitted_on", .string)
            .field("submitted_on", .string)
            .field("approved_on", .string)
            .unique(on: "unit_id", "programme_id", "scope", "year")
            .create()
        try await database.createIndex("unit_plans_year", on: UnitPlan.schema, "year", "scope")
    }

    func revert(on database: any Database) async throws {
        try await database.schema(UnitPlan.schema).delete()
    }
}

struct CreateUnitPlanEvents: AsyncMigration {
    var name: String { "CreateUnitPlanEvents" }

    func prepare(on database: any Database) async throws {
        try await database.schema(UnitPlanEvent.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("plan_id", .int, .required, .references(UnitPlan.schema, .id))
            .field("action", .string, .required)
            .field("on_date", .string, .required)
            .field("at", .datetime, .required)
            .field("user_id", .int, .references(User.schema, .id))
            .field("username", .string, .required)
            .field("comment", .string, .required)
            .create()
        try await database.createIndex("unit_plan_events_plan", on: UnitPlanEvent.schema, "plan_id")
    }

    func revert(on database: any Database) async throws {
        try await database.schema(UnitPlanEvent.schema).delete()
    }
}
