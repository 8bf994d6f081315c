import Fluent
import SQLKit
import Vapor

/// Every migration in order. Shipped migrations are never edited; changes come as new ones.
enum Migrations {
    static func register(in app: Application) {
        app.migrations.add([
            CreateUnitKinds(), CreateOrgUnits(), CreateUnitParentLinks(), CreateUnitClosure(),
            CreatePeople(), CreateMemberships(), CreatePositions(),
            CreateProgrammes(), CreateTopics(), CreateGuidanceDocuments(),
            CreateUsers(), CreateSessions(), CreateAPITokens(), CreateLoginAttempts(), CreateAuditEntries(), CreateAppState(),
            SeedUnitKinds(), SeedProgrammes(),
            CreateCellMeetings(),
            CreatePracticeModels(), CreateExemplars(),
            CreateConductCodes(), CreateOutreachActivities(),
            CreateStudySessions(), CreateStudySessionUnits(), CreateAttendances(),
            CreateContests(), CreateContestEntries(), CreateContestEntryAuthors(),
            CreateUnitPlans(), CreateUnitPlanEvents(), CreateBreakthroughGoals(), CreateGoalProgressNotes(), CreateDueDates(),
            CreatePersonalPlans(), CreatePersonalPlanItems(), CreatePersonalPlanTemplates(),
            // topic materials (helper E)
            CreateTopicMaterials(),
            // imports (helper D)
            CreatePendingImports(),
            // indicators (helper C)
            CreateUnitClosureHistory(),
            // commendations (helper F)
            CreateCommendationForms(), CreateCommendationIssuers(), SeedCommendationVocabulary(), CreateCommendations(),
            // grading (helper G)
            CreateGradingRegimes(), SeedGradingRegimes(), CreateGradingSheets(),
            // nominations and suggestions (helper N)
            CreateNominations(), SeedSuggestionRules(),
            // public page of exemplars (helper P)
            CreatePublicStories(),
            // review reports (helper V)
            CreateReviews(),
            // speed at province scale (helper R)
            AddRollupIndexes(),
        ])
    }
}

extension Database {
    /// Creates a plain index with the same SQL on SQLite and PostgreSQL.
    func createIndex(_ name: String, on table: String, _ columns: String...) async throws {
        var builder = (self as! any SQLDatabase).create(index: name).on(table)
        for column in columns { builder = builder.column(column) }
        try await builder.run()
    }
}
