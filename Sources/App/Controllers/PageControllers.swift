import Vapor

/// The browser pages behind login. Each area registers its routes in its own controller.
enum PageControllers {
    static var all: [any RouteCollection] { [
        HomeController(), RecordsHubController(),
        UnitController(),
        AuditController(),
        AccountController(),
        TokenController(),
        PasswordController(),
        PersonController(),
        ProgrammeController(), TopicController(), DocumentController(),
        CellMeetingController(),
        PracticeModelController(), ExemplarController(), ContestController(),
        ConductCodeController(), OutreachController(),
        StudySessionController(),
        // MARK: helper A: unit plans, goals, due dates
        UnitPlanController(), GoalController(), DueDateController(),
        // MARK: helper B: personal plans
        PersonalPlanController(),
        // MARK: helper C: indicators
        IndicatorController(),
        // MARK: helper D: imports
        ImportController(),
        // MARK: helper E: deadlines, study materials
        DeadlineController(), TopicMaterialController(),
        // MARK: helper F: commendations
        CommendationController(), CommendationVocabularyController(),
        // MARK: helper G: grading
        GradingController(), GradingRegimeController(),
        // MARK: helper N: nominations, suggestions
        NominationController(),
        SuggestionController(), SuggestionRuleController(),
        // MARK: helper P: public page of exemplars
        PublicStoryController(),
        // MARK: helper I: indicator rollups
        // MARK: helper V: review reports
        ReviewController(),
        // MARK: helper H: dashboard
        DashboardController(),
        // MARK: helper U: imports of units and commendations
        // MARK: helper E: exports
        // MARK: helper J: gradings import, column mapping
        GradingExportController(),
    ] }
}

/// The /api/v1 operations, one registration function per area.
enum APIGroups {
    static let all: [@Sendable (APIBuilder) -> Void] = [
        AuditAPI.register,
        UnitsAPI.register,
        AccountsAPI.register,
        PeopleAPI.register,
        ProgrammesAPI.register, DocumentsAPI.register,
        CellMeetingsAPI.register,
        PracticeModelsAPI.register, ExemplarsAPI.register, ContestsAPI.register,
        ConductCodesAPI.register, OutreachAPI.register,
        StudySessionsAPI.register,
        // MARK: helper A: unit plans, goals, due dates
        UnitPlansAPI.register, DueDatesAPI.register,
        // MARK: helper B: personal plans
        PersonalPlansAPI.register,
        // MARK: helper C: indicators
        IndicatorsAPI.register,
        // MARK: helper D: imports
        // MARK: helper E: deadlines, study materials
        DeadlinesAPI.register, TopicMaterialsAPI.register,
        // MARK: helper F: commendations
        CommendationsAPI.register,
        // MARK: helper G: grading
        GradingAPI.register,
        // MARK: helper N: nominations, suggestions
        NominationsAPI.register,
        SuggestionsAPI.register,
        // MARK: helper P: public page of exemplars
        PublicStoriesAPI.register,
        // MARK: helper I: indicator rollups
        // MARK: helper V: review reports
        ReviewsAPI.register,
        // MARK: helper H: dashboard
        // MARK: helper U: imports of units and commendations
        // MARK: helper E: exports
        // MARK: helper J: gradings import, column mapping
    ]
}
