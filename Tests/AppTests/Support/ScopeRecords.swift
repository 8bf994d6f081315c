@testable import App
import Vapor

/// Out-of-scope records of the programme's record kinds, for `ScopeTests`: each function creates
/// records belonging to B or B1 (never to A) and returns the route segment → id they fill (both
/// the page segment, e.g. "sinh-hoat-chi-bo", and the API one, e.g. "cell-meetings") and texts
/// only those records show.
enum ScopeRecords {
    typealias Records = (ids: [String: Int], secrets: [String])

    static let all: [@Sendable (Application, Fixtures.Tree) async throws -> Records] = [
        CellMeetingTestSupport.scopeRecords,
        ConductOutreachFixtures.scopeRecords,
        StudySessionTestSupport.scopeRecords,
        PracticeModelFixtures.scopeRecords,
        // MARK: helper A: unit plans, goals, due dates
        UnitPlanTestSupport.scopeRecords,
        // MARK: helper B: personal plans
        PersonalPlanTestSupport.scopeRecords,
        // MARK: helper C: indicators
        // MARK: helper D: imports
        ImportTestSupport.scopeRecords,
        // MARK: helper E: deadlines, study materials
        TopicMaterialTestSupport.scopeRecords,
        // MARK: helper F: commendations
        CommendationTestSupport.scopeRecords,
        // MARK: helper G: grading
        GradingTestSupport.scopeRecords,
        // MARK: helper N: nominations, suggestions
        NominationTestSupport.scopeRecords,
        SuggestionWorld.scopeRecords,
        // MARK: helper P: public page of exemplars
        PublicStoryTestSupport.scopeRecords,
        // MARK: helper I: indicator rollups
        // MARK: helper V: review reports
        ReviewTestSupport.scopeRecords,
        // MARK: helper H: dashboard
        // MARK: helper U: imports of units and commendations
        // MARK: helper E: exports
        // MARK: helper J: gradings import, column mapping
    ]
}
