import Domain
import Fluent
import Vapor

/// What the audit log keeps of a nomination.
struct NominationSnapshot: Codable, Sendable {
    struct Candidate: Codable, Sendable {
        let kind: String
        let personID: Int?
        let unitID: Int?
        let name: String
        let formID: Int
        let accepted: Bool?
    }
    let unitID: Int
    let currentUnitID: Int
    let title: String
    let fromYear: Int
    let toYear: Int
    let event: String
    let status: String
    let decisionNumber: String
    let candidates: [Candidate]

    init(_ n: Nomination, candidates: [NominationCandidate]) {
        unitID = n.unitID
        currentUnitID = n.currentUnitID
        title = n.title
        fromYear = n.fromYear
        toYear = n.toYear
        event = n.event
        status = n.status.rawValue
        decisionNumber = n.decisionNumber
        self.candidates = candidates.map {
            Candidate(kind: $0.recipientKind.rawValue, personID: $0.personID, unitID: $0.recipientUnitID,
                      name: $0.recipientName, formID: $0.formID, accepted: $0.accepted)
        }
    }
}

/// Nominations for commendation (đề nghị khen thưởng) that climb the tree level by level.
/// Readable where the proposing unit lies in the account's subtree.
enum NominationService {
    /// A nomination of the account's subtree; 404 otherwise, 403 for members.
    static func readable(_ id: Int?, access: Access) async throws -> Nomination {
        guard access.user.role.seesUnits || access.isAdmin else { throw Abort(.forbidden, reason: Access.readOnlyMessage) }
        guard let id, let nomination = try await Nomination.find(id, on: access.db),
              try await access.canSee(unit: nomination.unitID)
        else { throw Abort(.notFound) }
        return nomination
    }

    static func candidates(of nomination: Nomination, on db: any Database) async throws -> [NominationCandidate] {
        try await NominationCandidate.query(on: db).filter(\.$nominationID == nomination.id!).sort(\.$id).all()
    }

    static func papers(of nomination: Nomination, on db: any Database) async throws -> [NominationPaper] {
        try await NominationPaper.query(on: db).filter(\.$nominationID == nomination.id!).sort(\.$id).all()
    }

    static func events(of nomination: Nomination, on db: any Database) async throws -> [NominationEvent] {
        try await NominationEvent.query(on: db).filter(\.$nominationID == nomination.id!).sort(\.$at).sort(\.$id).all()
    }

    /// The unit above `unitID` in today's tree; nil for a root.
    static func parent(of unitID: Int, on db: any Database) async throws -> Int? {
        try await UnitParentLink.query(on: db).filter(\.$unitID == unitID).filter(\.$validTo == nil)
            .first()?.parentID
    }

    /// The papers as rows of `nomination`, the empty ones left out.
    static func paperRows(_ papers: [(NominationPaperKind, String)], of nomination: Nomination) -> [NominationPaper] {
        papers.map { kind, text in
            let row = NominationPaper()
            row.nominationID = nomination.id!
            row.kind = kind
            row.description = VietnameseText.normalize(text)
            return row
        }.filter { !$0.description.isEmpty }
    }

    /// Replaces the listed papers of a draft or returned nomination (kind + description each).
    static func setPapers(_ nomination: Nomination, _ papers: [(NominationPaperKind, String)], access: Access) async throws {
        try await requireEditable(nomination, access: access)
        let rows = paperRows(papers, of: nomination)
        try await access.db.transaction { tx in
            try await NominationPaper.query(on: tx).filter(\.$nominationID == nomination.id!).delete()
            for row in rows { try await row.create(on: tx) }
            try await Audit.record(
                on: tx, by: access.user, .update, .nomination, id: nomination.id, unit: nomination.unitID,
                summary: "Cập nhật hồ sơ kèm theo đề nghị “\(nomination.title)” (\(rows.count) giấy tờ)")
        }
    }

    /// Only the proposing unit edits, and only while a draft or returned (409 otherwise).
    static func requireEditable(_ nomination: Nomination, access: Access) async throws {
        try TopicService.requireWriter(access)
        try await access.requireWrite(unit: nomination.unitID)
        guard nomination.status == .draft || nomination.status == .returned else {
            throw Abort(.conflict, reason: "Đề nghị đã gửi lên cấp trên, không sửa được nữa.")
        }
    }
}
