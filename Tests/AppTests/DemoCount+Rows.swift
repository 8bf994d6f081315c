@testable import App
import Domain
import Fluent
import SQLKit

/// The rows of every record the indicators read, loaded with plain `SELECT`s of columns — no SQL
/// aggregate, no closure table, no query helper of the App — so `DemoCount` can count the
/// indicators again in Swift and check the rollup's SQL against something it does not share.
struct DemoRows: Sendable {
    struct Unit: Decodable, Sendable {
        let id: Int, code: String, name: String, kind_code: String
        let founded_on: String, dissolved_on: String?, successor_id: Int?
    }
    struct Kind: Decodable, Sendable { let code: String, is_grassroots: Bool, is_cell: Bool }
    struct Link: Decodable, Sendable { let unit_id: Int, parent_id: Int?, valid_from: String, valid_to: String? }
    struct Membership: Decodable, Sendable { let person_id: Int, unit_id: Int, valid_from: String, valid_to: String? }
    struct Person: Decodable, Sendable { let id: Int, category: String }
    struct Document: Decodable, Sendable { let unit_id: Int, issued_on: String }
    struct Programme: Decodable, Sendable { let id: Int, starts_on: String, ends_on: String? }
    struct Plan: Decodable, Sendable {
        let id: Int, unit_id: Int, programme_id: Int, scope: String, year: Int, status: String, first_submitted_on: String?
    }
    struct Goal: Decodable, Sendable { let plan_id: Int, unit_id: Int, status: String, finished_on: String? }
    struct Due: Decodable, Sendable { let unit_id: Int, kind: String, year: Int, due_on: String }
    struct Code: Decodable, Sendable { let id: Int, unit_id: Int, replaces_id: Int?, issued_on: String }
    struct Session: Decodable, Sendable {
        let id: Int, unit_id: Int, topic_id: Int?, held_on: String, format: String, mode: String, non_member_count: Int
    }
    struct Attendance: Decodable, Sendable { let session_id: Int, person_id: Int, status: String }
    struct Meeting: Decodable, Sendable {
        let unit_id: Int, kind: String, held_on: String, regular_month: String?
        let included_programme_content: Bool, opinions_raised: Int
    }
    struct PersonalPlan: Decodable, Sendable {
        let person_id: Int, unit_id: Int, year: Int, status: String, submitted_on: String?, assessment: String?
    }
    struct Practice: Decodable, Sendable { let unit_id: Int, year: Int, kind: String }
    struct Exemplar: Decodable, Sendable { let unit_id: Int, subject: String, recognised_on: String }
    struct Outreach: Decodable, Sendable { let unit_id: Int, held_on: String, form: String, participants: Int }
    struct Contest: Decodable, Sendable { let id: Int, unit_id: Int, year: Int }
    struct Entry: Decodable, Sendable { let contest_id: Int, unit_id: Int, selected_for_higher_level: Bool }
    struct Commendation: Decodable, Sendable {
        let unit_id: Int, form_id: Int, issuer_id: Int, recipient_kind: String, decided_on: String
    }
    struct Form: Decodable, Sendable { let id: Int, name: String, is_praise: Bool, sort_order: Int }
    struct Issuer: Decodable, Sendable { let id: Int, name: String, sort_order: Int }
    struct Sheet: Decodable, Sendable { let id: Int, status: String }
    struct Evaluation: Decodable, Sendable {
        let sheet_id: Int, unit_id: Int, subject_unit_id: Int?, year: Int, subject: String, level: String
    }

    var units: [Unit] = [], kinds: [Kind] = [], links: [Link] = [], memberships: [Membership] = [], people: [Person] = []
    var documents: [Document] = [], programmes: [Programme] = [], plans: [Plan] = [], goals: [Goal] = [], dues: [Due] = []
    var codes: [Code] = [], sessions: [Session] = [], attendances: [Attendance] = [], meetings: [Meeting] = []
    var personalPlans: [PersonalPlan] = [], models: [Practice] = [], exemplars: [Exemplar] = [], outreach: [Outreach] = []
    var contests: [Contest] = [], entries: [Entry] = [], commendations: [Commendation] = [], forms: [Form] = []
    var issuers: [Issuer] = [], sheets: [Sheet] = [], evaluations: [Evaluation] = []

    static func load(_ db: any Database) async throws -> DemoRows {
        let sql = db as! any SQLDatabase
        func all<T: Decodable>(_ query: String, _: T.Type) async throws -> [T] {
            try await sql.raw(SQLQueryString(query)).all(decoding: T.self)
        }
        var r = DemoRows()
        r.units = try await all("SELECT id, code, name, kind_code, founded_on, dissolved_on, successor_id FROM org_units", Unit.self)
        r.kinds = try await all("SELECT code, is_grassroots, is_cell FROM unit_kinds", Kind.self)
        r.links = try await all("SELECT unit_id, parent_id, valid_from, valid_to FROM unit_parent_links", Link.self)
        r.memberships = try await all("SELECT person_id, unit_id, valid_from, valid_to FROM memberships", Membership.self)
        r.people = try await all("SELECT id, category FROM people", Person.self)
        r.documents = try await all("SELECT unit_id, issued_on FROM guidance_documents", Document.self)
        r.programmes = try await all("SELECT id, starts_on, ends_on FROM programmes", Programme.self)
        r.plans = try await all("SELECT id, unit_id, programme_id, scope, year, status, first_submitted_on FROM unit_plans", Plan.self)
        r.goals = try await all("SELECT plan_id, unit_id, status, finished_on FROM breakthrough_goals", Goal.self)
        r.dues = try await all("SELECT unit_id, kind, year, due_on FROM due_dates", Due.self)
        r.codes = try await all("SELECT id, unit_id, replaces_id, issued_on FROM conduct_codes", Code.self)
        r.sessions = try await all("""
            SELECT id, unit_id, topic_id, held_on, format, mode, non_member_count FROM study_sessions
            """, Session.self)
        r.attendances = try await all("SELECT session_id, person_id, status FROM attendances", Attendance.self)
        r.meetings = try await all("""
            SELECT unit_id, kind, held_on, regular_month, included_programme_content, opinions_raised FROM cell_meetings
            """, Meeting.self)
        r.personalPlans = try await all("""
            SELECT person_id, unit_id, year, status, submitted_on, assessment FROM personal_plans
            """, PersonalPlan.self)
        r.models = try await all("SELECT unit_id, year, kind FROM practice_models", Practice.self)
        r.exemplars = try await all("SELECT unit_id, subject, recognised_on FROM exemplars", Exemplar.self)
        r.outreach = try await all("SELECT unit_id, held_on, form, participants FROM outreach_activities", Outreach.self)
        r.contests = try await all("SELECT id, unit_id, year FROM contests", Contest.self)
        r.entries = try await all("SELECT contest_id, unit_id, selected_for_higher_level FROM contest_entries", Entry.self)
        r.commendations = try await all("""
            SELECT unit_id, form_id, issuer_id, recipient_kind, decided_on FROM commendations
            """, Commendation.self)
        r.forms = try await all("SELECT id, name, is_praise, sort_order FROM commendation_forms", Form.self)
        r.issuers = try await all("SELECT id, name, sort_order FROM commendation_issuers", Issuer.self)
        r.sheets = try await all("SELECT id, status FROM grading_sheets", Sheet.self)
        r.evaluations = try await all("""
            SELECT sheet_id, unit_id, subject_unit_id, year, subject, level FROM evaluations
            """, Evaluation.self)
        return r
    }
}
