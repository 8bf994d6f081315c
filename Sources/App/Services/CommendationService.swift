import Domain
import Fluent
import Vapor

/// A commendation form or API body, as entered. Ids of forms, issuers and people are text so a
/// form re-renders exactly what was typed.
struct CommendationInput: Sendable {
    var unitCode: String?
    var formID: String?
    var issuerID: String?
    var recipientKind: String?
    var recipientUnitCode: String?
    var personID: String?
    var recipientName: String?
    var fromYear: String?
    var toYear: String?
    var event: String?
    var reason: String?
    var decisionNumber: String?
    var decidedOn: String?
}

/// What the audit log keeps of a commendation.
struct CommendationSnapshot: Codable, Sendable {
    let unitID: Int
    let formID: Int
    let issuerID: Int
    let recipientKind: String
    let recipientUnitID: Int?
    let personID: Int?
    let recipientName: String
    let fromYear: Int
    let toYear: Int
    let event: String
    let reason: String
    let decisionNumber: String
    let decidedOn: String

    init(_ c: Commendation) {
        unitID = c.unitID
        formID = c.formID
        issuerID = c.issuerID
        recipientKind = c.recipientKind.rawValue
        recipientUnitID = c.recipientUnitID
        personID = c.personID
        recipientName = c.recipientName
        fromYear = c.fromYear
        toYear = c.toYear
        event = c.event
        reason = c.reason
        decisionNumber = c.decisionNumber
        decidedOn = c.decidedOn.iso
    }
}

/// The commendation register (khen thưởng, indicators V.1 and V.2), read and written in the
/// account's subtree.
enum CommendationService {
    static let nameLimit = 2000
    static let eventLimit = 500
    static let reasonLimit = 10_000

    static func create(_ input: CommendationInput, access: Access) async throws -> Commendation {
        try TopicService.requireWriter(access)
        let commendation = Commendation()
        try await validated(input, access: access).apply(to: commendation)
        try await access.db.transaction { tx in
            try await commendation.create(on: tx)
            try await Audit.record(
                on: tx, by: access.user, .create, .commendation, id: commendation.id, unit: commendation.unitID,
                summary: "Thêm khen thưởng “\(commendation.recipientName)”, quyết định \(commendation.decisionNumber)",
                after: CommendationSnapshot(commendation))
        }
        return commendation
    }

    static func update(_ commendation: Commendation, with input: CommendationInput, access: Access) async throws {
        try TopicService.requireWriter(access)
        try await access.requireWrite(unit: commendation.unitID)
        let before = CommendationSnapshot(commendation)
        try await validated(input, access: access).apply(to: commendation)
        try await access.db.transaction { tx in
            try await commendation.update(on: tx)
            try await Audit.record(
                on: tx, by: access.user, .update, .commendation, id: commendation.id, unit: commendation.unitID,
                summary: "Sửa khen thưởng “\(commendation.recipientName)”, quyết định \(commendation.decisionNumber)",
                before: before, after: CommendationSnapshot(commendation))
        }
    }

    /// A commendation of the account's subtree; 404 otherwise.
    static func readable(_ id: Int?, access: Access) async throws -> Commendation {
        try ConductCodeService.requireReader(access)
        guard let id, let commendation = try await Commendation.find(id, on: access.db),
              try await access.canSee(unit: commendation.unitID)
        else { throw Abort(.notFound) }
        return commendation
    }

    /// A commendation the account may change: 404 outside its subtree, 403 when read-only.
    static func writable(_ id: Int?, access: Access) async throws -> Commendation {
        guard let id, let commendation = try await Commendation.find(id, on: access.db) else { throw Abort(.notFound) }
        try await access.requireWrite(unit: commendation.unitID)
        try TopicService.requireWriter(access)
        return commendation
    }

    /// The form and the issuer of each commendation, by id, for pages and DTOs.
    static func vocabulary(on db: any Database) async throws -> (forms: [Int: CommendationForm], issuers: [Int: CommendationIssuer]) {
        let forms = try await CommendationForm.query(on: db).all()
        let issuers = try await CommendationIssuer.query(on: db).all()
        return (Dictionary(uniqueKeysWithValues: forms.map { ($0.id!, $0) }),
                Dictionary(uniqueKeysWithValues: issuers.map { ($0.id!, $0) }))
    }
}
