import Domain
import Fluent
import Vapor

extension NominationService {
    /// Rewrites a draft or returned nomination (title, years, event, candidates, papers) by its
    /// proposing unit: validated as a new one, stored in one transaction with one audit entry.
    static func update(
        _ nomination: Nomination, with draft: NominationDraft, papers: [(NominationPaperKind, String)], access: Access
    ) async throws {
        try await requireEditable(nomination, access: access)
        var scoped = draft
        scoped.unitID = nomination.unitID
        let rows = try await validatedCandidates(scoped, on: access.db)
        let before = NominationSnapshot(nomination, candidates: try await candidates(of: nomination, on: access.db))
        nomination.title = VietnameseText.normalize(draft.title)
        nomination.titleFolded = VietnameseText.fold(nomination.title)
        nomination.fromYear = draft.fromYear
        nomination.toYear = draft.toYear
        nomination.event = VietnameseText.normalize(draft.event)
        let newPapers = paperRows(papers, of: nomination)
        try await access.db.transaction { tx in
            try await nomination.update(on: tx)
            try await NominationCandidate.query(on: tx).filter(\.$nominationID == nomination.id!).delete()
            for row in rows {
                row.nominationID = nomination.id!
                try await row.create(on: tx)
            }
            try await NominationPaper.query(on: tx).filter(\.$nominationID == nomination.id!).delete()
            for row in newPapers { try await row.create(on: tx) }
            try await Audit.record(
                on: tx, by: access.user, .update, .nomination, id: nomination.id, unit: nomination.unitID,
                summary: "Sửa đề nghị khen thưởng “\(nomination.title)” (\(rows.count) đối tượng, \(newPapers.count) giấy tờ)",
                before: before, after: NominationSnapshot(nomination, candidates: rows))
        }
    }

    /// The steps `act` would allow this account now, in the order the page shows them.
    static func allowedActions(_ nomination: Nomination, access: Access) async throws -> [NominationAction] {
        guard access.user.role.writesUnitRecords else { return [] }
        switch nomination.status {
        case .draft, .returned:
            guard (try? await access.requireWrite(unit: nomination.unitID)) != nil,
                  try await parent(of: nomination.unitID, on: access.db) != nil else { return [] }
            return [.submit]
        case .pending:
            guard (try? await requireReviewer(nomination, access: access)) != nil else { return [] }
            let above = try await parent(of: nomination.currentUnitID, on: access.db)
            return above == nil ? [.returnForRevision, .decide] : [.returnForRevision, .forward, .decide]
        case .decided:
            return []
        }
    }

    /// Whether this account may edit it now (the proposing unit's writers, draft or returned).
    static func canEdit(_ nomination: Nomination, access: Access) async -> Bool {
        (try? await requireEditable(nomination, access: access)) != nil
    }

    /// "1 tập thể và 2 cá nhân" accepted by the decision.
    static func acceptedSummary(_ candidates: [NominationCandidate]) -> String {
        let accepted = candidates.filter { $0.accepted == true }
        return CommendationCount.summary(
            collectives: accepted.filter { $0.recipientKind.isCollective }.count,
            individuals: accepted.filter { $0.recipientKind == .person }.count,
            authorGroups: accepted.filter { $0.recipientKind == .authors }.count)
    }
}
