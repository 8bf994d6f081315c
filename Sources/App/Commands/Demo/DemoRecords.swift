import Fluent

/// Builders of the programme's records for the demo (meetings, study sessions, outreach…), run in
/// the loading transaction once the tree, the people, the topics and the documents exist. Each
/// reads what it needs from the database and must be deterministic (DemoRandom, fixed dates).
enum DemoRecords {
    static let all: [@Sendable (any Database) async throws -> Void] = [
        DemoCellMeetings.build,
        DemoModelsAndContests.build,
        DemoConductAndOutreach.write,
        DemoStudySessions.build,
        // MARK: helper A: unit plans, goals, due dates
        DemoUnitPlans.build,
        // MARK: helper B: personal plans
        DemoPersonalPlans.build,
        // MARK: helper C: indicators
        // MARK: helper D: imports
        // MARK: helper E: deadlines, study materials
        DemoTopicMaterials.build,
        // MARK: helper F: commendations
        DemoCommendations.build,
        // MARK: helper G: grading
        DemoGradings.build,
        // MARK: helper N: nominations, suggestions
        DemoNominations.build,
        // MARK: helper P: public page of exemplars
        DemoPublicStories.build,
        // MARK: helper I: indicator rollups
        // MARK: helper V: review reports
        DemoReviews.build,
        // MARK: helper H: dashboard
    ]
}
