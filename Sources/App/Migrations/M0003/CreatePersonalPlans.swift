import Fluent

struct CreatePersonalPlans: AsyncMigration {
    var name: String { "CreatePersonalPlans" }

    func prepare(on database: any Database) async throws {
        try await database.schema(PersonalPlan.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .field("person_id", .int, .required, .references(Person.schema, .id))
            .field("unit_id", .int, .required, .references(OrgUnit.schema, .id))
            .field("year", .int, .required)
            .field("status", .string, .required)
            .field("commitment", .string, .required)
            .field("exemplary_commitment", .string, .required)
            .field("submitted_on", .string)
            .field("self_assessment", .string, .required)
            .field("assessment", .string)
            .field("assessment_comment", .string, .required)
            .field("assessed_on", .string)
            .unique(on: "person_id", "year")
            .create()
        try await database.createIndex("personal_plans_unit_year", on: PersonalPlan.schema, "unit_id", "year")
        try await database.createIndex("personal_plans_year", on: PersonalPlan.schema, "year", "status")
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PersonalPlan.schema).delete()
    }
}

struct CreatePersonalPlanItems: AsyncMigration {
    var name: String { "CreatePersonalPlanItems" }

    func prepare(on database: any Database) async throws {
        try await database.schema(PersonalPlanItem.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("plan_id", .int, .required, .references(PersonalPlan.schema, .id))
            .field("position", .int, .required)
            .field("content", .string, .required)
            .create()
        try await database.createIndex("personal_plan_items_plan", on: PersonalPlanItem.schema, "plan_id")
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PersonalPlanItem.schema).delete()
    }
}

struct CreatePersonalPlanTemplates: AsyncMigration {
    var name: String { "CreatePersonalPlanTemplates" }

    func prepare(on database: any Database) async throws {
        try await database.schema(PersonalPlanTemplate.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("updated_at", .datetime)
            .field("unit_id", .int, .required, .references(OrgUnit.schema, .id))
            .field("year", .int, .required)
            .field("items", .string, .required)
            .field("commitment", .string, .required)
            .unique(on: "unit_id", "year")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PersonalPlanTemplate.schema).delete()
    }
}
