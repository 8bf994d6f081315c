import Domain
import Fluent

struct CreateNominations: AsyncMigration {
    var name: String { "CreateNominations" }

    func prepare(on database: any Database) async throws {
        try await database.schema(SuggestionRule.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("name", .string, .required)
            .field("subject", .string, .required)
            .field("level", .string, .required)
            .field("years", .int, .required)
            .field("form_id", .int, .required, .references(CommendationForm.schema, .id))
            .field("issuer_id", .int, .required, .references(CommendationIssuer.schema, .id))
            .field("active", .bool, .required)
            .field("sort_order", .int, .required)
            .unique(on: "name")
            .create()
        try await database.schema(Nomination.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .field("unit_id", .int, .required, .references(OrgUnit.schema, .id))
            .field("current_unit_id", .int, .required, .references(OrgUnit.schema, .id))
            .field("issuer_id", .int, .references(CommendationIssuer.schema, .id))
            .field("rule_id", .int, .references(SuggestionRule.schema, .id))
            .field("title", .string, .required)
            .field("title_folded", .string, .required)
            .field("from_year", .int, .required)
            .field("to_year", .int, .required)
            .field("event", .string, .required)
            .field("status", .string, .required)
            .field("submitted_on", .string)
            .field("decision_number", .string, .required)
            .field("decided_on", .string)
            .create()
        try await database.createIndex("nominations_unit", on: Nomination.schema, "unit_id", "status")
        try await database.createIndex("nominations_current_unit", on: Nomination.schema, "current_unit_id", "status")
        try await database.schema(NominationCandidate.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("nomination_id", .int, .required, .references(Nomination.schema, .id))
            .field("recipient_kind", .string, .required)
            .field("recipient_unit_id", .int, .references(OrgUnit.schema, .id))
            .field("person_id", .int, .references(Person.schema, .id))
            .field("recipient_name", .string, .required)
            .field("achievements", .string, .required)
            .field("form_id", .int, .required, .references(CommendationForm.schema, .id))
            .field("accepted", .bool)
            .field("commendation_id", .int, .references(Commendation.schema, .id))
            .create()
        try await database.createIndex("nomination_candidates_nomination", on: NominationCandidate.schema, "nomination_id")
        try await database.createIndex("nomination_candidates_person", on: NominationCandidate.schema, "person_id")
        try await database.schema(NominationPaper.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("nomination_id", .int, .required, .references(Nomination.schema, .id))
            .field("kind", .string, .required)
            .field("description", .string, .required)
            .create()
        try await database.createIndex("nomination_papers_nomination", on: NominationPaper.schema, "nomination_id")
        try await database.schema(NominationEvent.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("nomination_id", .int, .required, .references(Nomination.schema, .id))
            .field("action", .string, .required)
            .field("from_unit_id", .int, .required, .references(OrgUnit.schema, .id))
            .field("to_unit_id", .int, .required, .references(OrgUnit.schema, .id))
            .field("on_date", .string, .required)
            .field("at", .datetime, .required)
            .field("user_id", .int)
            .field("username", .string, .required)
            .field("comment", .string, .required)
            .create()
        try await database.createIndex("nomination_events_nomination", on: NominationEvent.schema, "nomination_id")
    }

    func revert(on database: any Database) async throws {
        try await database.schema(NominationEvent.schema).delete()
        try await database.schema(NominationPaper.schema).delete()
        try await database.schema(NominationCandidate.schema).delete()
        try await database.schema(Nomination.schema).delete()
        try await database.schema(SuggestionRule.schema).delete()
    }
}

/// The commendation pattern of Hướng dẫn 06-HD/TW (DESIGN.md §4) as suggestion rules.
struct SeedSuggestionRules: AsyncMigration {
    var name: String { "SeedSuggestionRules" }

    static let seeds: [(name: String, subject: String, years: Int, form: String, issuer: String)] = [
        ("Đảng viên HTXSNV trong năm", "dang_vien", 1, "Giấy khen", "Đảng ủy cơ sở"),
        ("Đảng viên HTXSNV 5 năm liên tục", "dang_vien", 5, "Giấy khen", "Ban Thường vụ Đảng ủy cấp trên cơ sở"),
        ("Tổ chức đảng HTXSNV 5 năm liên tục", "to_chuc", 5, "Bằng khen", "Ban Thường vụ Tỉnh ủy"),
    ]

    func prepare(on database: any Database) async throws {
        for (i, seed) in Self.seeds.enumerated() {
            guard let form = try await CommendationForm.query(on: database).filter(\.$name == seed.form).first(),
                  let issuer = try await CommendationIssuer.query(on: database).filter(\.$name == seed.issuer).first()
            else { continue }
            let rule = SuggestionRule()
            rule.name = seed.name
            rule.subject = GradingSubject(rawValue: seed.subject)!
            rule.level = .excellent
            rule.years = seed.years
            rule.formID = try form.requireID()
            rule.issuerID = try issuer.requireID()
            rule.active = true
            rule.sortOrder = (i + 1) * 10
            try await rule.create(on: database)
        }
    }

    func revert(on database: any Database) async throws {
        try await SuggestionRule.query(on: database).filter(\.$name ~~ Self.seeds.map(\.name)).delete()
    }
}
