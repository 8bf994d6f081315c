import Domain
import Fluent
import Vapor

/// The decision a level records: who issues, the number and date, and per candidate whether
/// accepted and with which form.
struct NominationDecision: Sendable {
    struct Verdict: Sendable {
        var candidateID: Int
        var accepted: Bool
        var formID: Int?
    }
    var issuerID: Int?
    var decisionNumber: String
    var decidedOn: String
    var verdicts: [Verdict]
}

extension NominationService {
    /// Moves the nomination one step: submit (by the proposing unit), return / forward / decide
    /// (by the level where it sits, never the proposing unit). 409 on a step not allowed now.
    static func act(
        _ nomination: Nomination, _ action: NominationAction, comment: String,
        decision: NominationDecision? = nil, access: Access
    ) async throws {
        try TopicService.requireWriter(access)
        guard let next = action.next(from: nomination.status) else {
            throw Abort(.conflict, reason: "Không thể “\(action.label)” khi đề nghị đang ở trạng thái “\(nomination.status.label)”.")
        }
        let comment = VietnameseText.normalize(comment)
        let from = nomination.currentUnitID
        var to = from
        var problems = InvalidInput()
        switch action {
        case .submit:
            try await access.requireWrite(unit: nomination.unitID)
            let kinds = Set(try await papers(of: nomination, on: access.db).map(\.kind))
            for kind in NominationPaperKind.required where !kinds.contains(kind) {
                problems.add("papers", "Hồ sơ còn thiếu: \(kind.label).")
            }
            if try await candidates(of: nomination, on: access.db).isEmpty {
                problems.add("candidates", "Chưa có đối tượng nào được đề nghị.")
            }
            guard let parent = try await parent(of: nomination.unitID, on: access.db) else {
                throw Abort(.conflict, reason: "Đơn vị cấp cao nhất tự quyết định khen thưởng, không gửi đề nghị lên được.")
            }
            to = parent
        case .returnForRevision, .forward, .decide:
            try await requireReviewer(nomination, access: access)
            if action == .returnForRevision {
                if comment.isEmpty { problems.add("comment", "Lý do trả lại: chưa nhập.") }
                to = nomination.unitID
            }
            if action == .forward {
                guard let parent = try await parent(of: from, on: access.db) else {
                    throw Abort(.conflict, reason: "Cấp cao nhất không chuyển đề nghị lên được nữa.")
                }
                to = parent
            }
        }
        try problems.check()
        let all = try await candidates(of: nomination, on: access.db)
        let before = NominationSnapshot(nomination, candidates: all)
        let decided = action == .decide
            ? try await decidedCommendations(nomination, all, decision, access: access) : []

        let target = to
        nomination.status = next
        nomination.currentUnitID = target
        if action == .submit { nomination.submittedOn = .today() }
        try await access.db.transaction { tx in
            for (candidate, commendation) in decided {
                try await commendation.create(on: tx)
                try await Audit.record(
                    on: tx, by: access.user, .create, .commendation, id: commendation.id, unit: commendation.unitID,
                    summary: "Thêm khen thưởng “\(commendation.recipientName)”, quyết định \(commendation.decisionNumber) (theo đề nghị)",
                    after: CommendationSnapshot(commendation))
                candidate.commendationID = commendation.id
            }
            for candidate in all { try await candidate.update(on: tx) }
            try await nomination.update(on: tx)
            let event = NominationEvent()
            event.nominationID = nomination.id!
            event.action = action
            event.fromUnitID = from
            event.toUnitID = target
            event.onDate = .today()
            event.at = Date()
            event.userID = access.user.id
            event.username = access.user.username
            event.comment = comment
            try await event.create(on: tx)
            try await Audit.record(
                on: tx, by: access.user, auditAction(action), .nomination, id: nomination.id, unit: nomination.unitID,
                summary: "\(action.label): đề nghị “\(nomination.title)”" + (comment.isEmpty ? "" : " — \(comment)"),
                before: before, after: NominationSnapshot(nomination, candidates: all))
        }
    }

    /// The level where it sits may act on it; never the proposing unit itself (403).
    static func requireReviewer(_ nomination: Nomination, access: Access) async throws {
        try await access.requireRead(unit: nomination.unitID)
        guard nomination.currentUnitID != nomination.unitID else {
            throw Abort(.forbidden, reason: "Đơn vị đề nghị không tự xem xét đề nghị của mình.")
        }
        if !access.isAdmin, access.user.scopeUnitID != nomination.currentUnitID {
            throw Abort(.forbidden, reason: "Đề nghị đang chờ cấp khác xem xét.")
        }
        try await access.requireWrite(unit: nomination.currentUnitID)
    }

    private static func auditAction(_ action: NominationAction) -> Audit.Action {
        switch action {
        case .submit: .submit
        case .returnForRevision: .returnForRevision
        case .forward: .forward
        case .decide: .decide
        }
    }
}
