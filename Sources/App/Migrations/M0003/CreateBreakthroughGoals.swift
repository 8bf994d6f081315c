import Fluent

struct CreateBreakthroughGoals: AsyncMigration {
    var name: String { "CreateBreakthroughGoals" }

    func prepare(on database: any Database) async throws {
        try await database.schema(BreakthroughGoal.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .field("plan_id", .int, .required, .references(UnitPlan.schema, .id))
            .field("unit_id", .int, .required, .references(OrgUnit.schema, .id))
            .field("title", .string, .required)
            .field("expected_result", .string, .required)
            .field("deadline", .string, .required)
            .field("status", .string, .required)
            .field("finished_on", .string)
            .field("final_result", .string, .required)
            .create()
        try await database.createIndex("breakthrough_goals_plan", on: BreakthroughGoal.schema, "plan_id")
        try await database.createIndex("breakthrough_goals_unit", on: BreakthroughGoal.schema, "unit_id")
    }

    func revert(on database: any Database) async throws {
        try await database.schema(BreakthroughGoal.schema).delete()
    }
}

struct CreateGoalProgressNotes: AsyncMigration {
    var name: String { "CreateGoalProgressNotes" }

    func prepare(on database: any Database) async throws {
        try await database.schema(GoalProgressNote.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("goal_id", .int, .required, .references(BreakthroughGoal.schema, .id))
            .field("on_date", .string, .required)
            .field("note", .string, .required)
            .field("username", .string, .required)
            .create()
        try await database.createIndex("goal_progress_notes_goal", on: GoalProgressNote.schema, "goal_id")
    }

    func revert(on database: any Database) async throws {
        try await database.schema(GoalProgressNote.schema).delete()
    }
}

struct CreateDueDates: AsyncMigration {
    var name: String { "CreateDueDates" }

    func prepare(on database: any Database) async throws {
        try await database.schema(DueDate.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("created_at", .datetime)
            .field("unit_id", .int, .required, .references(OrgUnit.schema, .id))
            .field("kind", .string, .required)
            .field("year", .int, .required)
            .field("due_on", .string, .required)
            .field("note", .string, .required)
            .unique(on: "unit_id", "kind", "year")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(DueDate.schema).delete()
    }
}
