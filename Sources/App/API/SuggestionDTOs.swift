import Domain
import Vapor

/// GET /commendation-suggestions: each active rule with one page of who qualifies.
struct SuggestionsDTO: Content, APISchema {
    struct Candidate: Content {
        let personId: Int?
        let unitId: Int
        let name: String
        let unitCode: String
        let unitName: String
        let proposed: Bool
        /// Only when the account may open the nomination.
        let nominationId: Int?
    }

    struct Rule: Content {
        let ruleId: Int
        let name: String
        let subject: String
        let level: String
        let years: Int
        let fromYear: Int
        let toYear: Int
        let achievements: String
        let formId: Int
        let formName: String
        let issuerId: Int
        let issuerName: String
        let total: Int
        let candidates: [Candidate]
    }

    let unitCode: String?
    let year: Int
    let page: Int
    let perPage: Int
    let rules: [Rule]

    init(_ r: SuggestionReport, paging: Paging) {
        unitCode = r.root?.code
        year = r.year
        page = paging.page
        perPage = paging.perPage
        rules = r.rules.map { s in
            let window = s.criterion.window(endingIn: r.year)
            return Rule(
                ruleId: s.rule.id!, name: s.rule.name, subject: s.criterion.subject.rawValue, level: s.criterion.level.rawValue,
                years: s.criterion.years, fromYear: window.lowerBound, toYear: window.upperBound,
                achievements: s.criterion.describe(year: r.year), formId: s.rule.formID, formName: s.formName,
                issuerId: s.rule.issuerID, issuerName: s.issuerName, total: s.total,
                candidates: s.candidates.map {
                    Candidate(personId: $0.personID, unitId: $0.unitID, name: $0.name, unitCode: $0.unitCode, unitName: $0.unitName,
                              proposed: $0.nominationID != nil, nominationId: $0.nominationVisible ? $0.nominationID : nil)
                })
        }
    }

    static let schemaName = "CommendationSuggestions"
    static let schema = JSONSchema.object([
        ("unitCode", .nullable(.string())),
        ("year", .integer(minimum: 1945, maximum: 9999)),
        ("page", .integer(minimum: 1)),
        ("perPage", .integer(minimum: 1)),
        ("rules", .array(.object([
            ("ruleId", .integer(minimum: 1)),
            ("name", .string()),
            ("subject", .enumeration(GradingSubject.allCases.map(\.rawValue))),
            ("level", .enumeration(GradingLevel.allCases.map(\.rawValue))),
            ("years", .integer(minimum: 1)),
            ("fromYear", .integer()),
            ("toYear", .integer()),
            ("achievements", .string()),
            ("formId", .integer(minimum: 1)),
            ("formName", .string()),
            ("issuerId", .integer(minimum: 1)),
            ("issuerName", .string()),
            ("total", .integer(minimum: 0)),
            ("candidates", .array(.object([
                ("personId", .nullable(.integer(minimum: 1))),
                ("unitId", .integer(minimum: 1)),
                ("name", .string()),
                ("unitCode", .string()),
                ("unitName", .string()),
                ("proposed", .boolean),
                ("nominationId", .nullable(.integer(minimum: 1))),
            ], required: ["unitId", "name", "unitCode", "unitName", "proposed"]))),
        ], required: ["ruleId", "name", "subject", "level", "years", "fromYear", "toYear", "achievements", "formId", "formName",
                      "issuerId", "issuerName", "total", "candidates"]))),
    ], required: ["year", "page", "perPage", "rules"])
}

/// POST /commendation-suggestions/nominations: the proposing unit's code, the ending year, the
/// rule, and the members (`personIds`) or organisations (`unitIds`) chosen from its suggestions.
struct SuggestionNominationBody: Content, APISchema {
    var unit: String?
    var year: Int?
    var ruleId: Int?
    var personIds: [Int]?
    var unitIds: [Int]?

    var choice: SuggestionChoice {
        SuggestionChoice(unitCode: unit, year: year, ruleID: ruleId, ids: (personIds ?? []) + (unitIds ?? []))
    }

    static let schemaName = "SuggestionNominationInput"
    static let schema = JSONSchema.object([
        ("unit", .string()),
        ("year", .integer(minimum: 1945, maximum: 9999)),
        ("ruleId", .integer(minimum: 1)),
        ("personIds", .array(.integer(minimum: 1))),
        ("unitIds", .array(.integer(minimum: 1))),
    ], required: ["unit", "year", "ruleId"])
}

/// The draft nomination a choice of suggestions became.
struct SuggestionNominationDTO: Content, APISchema {
    let nominationId: Int
    let title: String
    let status: String
    let unitId: Int
    let ruleId: Int?
    let fromYear: Int
    let toYear: Int
    let candidates: Int

    static let schemaName = "SuggestionNomination"
    static let schema = JSONSchema.object([
        ("nominationId", .integer(minimum: 1)),
        ("title", .string()),
        ("status", .enumeration(NominationStatus.allCases.map(\.rawValue))),
        ("unitId", .integer(minimum: 1)),
        ("ruleId", .nullable(.integer(minimum: 1))),
        ("fromYear", .integer()),
        ("toYear", .integer()),
        ("candidates", .integer(minimum: 1)),
    ], required: ["nominationId", "title", "status", "unitId", "fromYear", "toYear", "candidates"])
}
