import Domain
import Vapor

/// An author of a contest entry.
struct ContestAuthorDTO: Content, APISchema {
    let personId: Int
    let name: String

    static let schemaName = "ContestEntryAuthor"
    static let schema = JSONSchema.object([("personId", .integer(minimum: 1)), ("name", .string())], required: ["personId", "name"])
}

/// A contest entry in /api/v1.
struct ContestEntryDTO: Content, APISchema {
    let id: Int
    let contestId: Int
    let unitId: Int
    let unitCode: String
    let unitName: String
    let title: String
    let result: String
    let resultLabel: String
    let prize: String
    let selectedForHigherLevel: Bool
    let authors: [ContestAuthorDTO]

    init(_ line: ContestEntryLine) {
        let e = line.entry
        id = e.id!
        contestId = e.contestID
        unitId = e.unitID
        unitCode = line.unit?.code ?? ""
        unitName = line.unit?.name ?? ""
        title = e.title
        result = e.result.rawValue
        resultLabel = e.result.label
        prize = e.prize
        selectedForHigherLevel = e.selectedForHigherLevel
        authors = line.authors.map { ContestAuthorDTO(personId: $0.id, name: $0.name) }
    }

    static let schemaName = "ContestEntry"
    static var nestedSchemas: [any APISchema.Type] { [ContestAuthorDTO.self] }
    static let schema = JSONSchema.object([
        ("id", .integer(minimum: 1)),
        ("contestId", .integer(minimum: 1)),
        ("unitId", .integer(minimum: 1)),
        ("unitCode", .string()),
        ("unitName", .string()),
        ("title", .string()),
        ("result", .enumeration(ContestEntryResult.allCases.map(\.rawValue))),
        ("resultLabel", .string()),
        ("prize", .string()),
        ("selectedForHigherLevel", .boolean),
        ("authors", .array(.ref(ContestAuthorDTO.schemaName))),
    ], required: ["id", "contestId", "unitId", "unitCode", "unitName", "title", "result", "resultLabel", "prize",
                  "selectedForHigherLevel", "authors"])
}

/// A contest in /api/v1, with the counts of the entries the account sees; `entries` only when
/// one contest is asked for.
struct ContestDTO: Content, APISchema {
    let id: Int
    let unitId: Int
    let unitCode: String
    let unitName: String
    let year: Int
    let title: String
    let rounds: [String]
    let note: String
    let entryCount: Int
    let selectedCount: Int
    let entries: [ContestEntryDTO]?

    init(_ c: Contest, unit: OrgUnit?, counts: ContestEntryCounts, entries: [ContestEntryLine]? = nil) {
        id = c.id!
        unitId = c.unitID
        unitCode = unit?.code ?? ""
        unitName = unit?.name ?? ""
        year = c.year
        title = c.title
        rounds = c.roundLines
        note = c.note
        entryCount = counts.entries
        selectedCount = counts.selected
        self.entries = entries?.map(ContestEntryDTO.init)
    }

    static let schemaName = "Contest"
    static var nestedSchemas: [any APISchema.Type] { [ContestEntryDTO.self] }
    static let schema = JSONSchema.object([
        ("id", .integer(minimum: 1)),
        ("unitId", .integer(minimum: 1)),
        ("unitCode", .string()),
        ("unitName", .string()),
        ("year", .integer(minimum: YearRecordFields.firstYear)),
        ("title", .string()),
        ("rounds", .array(.string())),
        ("note", .string()),
        ("entryCount", .integer(minimum: 0)),
        ("selectedCount", .integer(minimum: 0)),
        ("entries", .array(.ref(ContestEntryDTO.schemaName))),
    ], required: ["id", "unitId", "unitCode", "unitName", "year", "title", "rounds", "note", "entryCount", "selectedCount"])
}

/// POST and PUT /contests. `unit` is the organiser's code; `rounds` one round a line.
struct ContestBody: Content, APISchema {
    var unit: String?
    var year: Int?
    var title: String?
    var rounds: String?
    var note: String?

    var input: ContestInput { ContestInput(unitCode: unit, year: year.map(String.init), title: title, rounds: rounds, note: note) }

    static let schemaName = "ContestInput"
    static let schema = JSONSchema.object([
        ("unit", .string()),
        ("year", .integer(minimum: YearRecordFields.firstYear)),
        ("title", .string(maxLength: ContestService.titleLimit)),
        ("rounds", .string(maxLength: ContestService.textLimit)),
        ("note", .string(maxLength: ContestService.textLimit)),
    ], required: ["unit", "year", "title"])
}

/// POST /contests/{id}/entries and PUT /contest-entries/{id}. `unit` is the submitting unit's
/// code; `authorIds` the people (members of that unit or below it); `prize` required when awarded.
struct ContestEntryBody: Content, APISchema {
    var unit: String?
    var title: String?
    var authorIds: [Int]?
    var result: String?
    var prize: String?
    var selectedForHigherLevel: Bool?

    var input: ContestEntryInput {
        ContestEntryInput(unitCode: unit, title: title, authorIDs: (authorIds ?? []).map(String.init), result: result,
                          prize: prize, selected: selectedForHigherLevel ?? false)
    }

    static let schemaName = "ContestEntryInput"
    static let schema = JSONSchema.object([
        ("unit", .string()),
        ("title", .string(maxLength: ContestService.titleLimit)),
        ("authorIds", .array(.integer(minimum: 1))),
        ("result", .enumeration(ContestEntryResult.allCases.map(\.rawValue))),
        ("prize", .string(maxLength: ContestService.prizeLimit)),
        ("selectedForHigherLevel", .boolean),
    ], required: ["unit", "title", "authorIds"])
}
