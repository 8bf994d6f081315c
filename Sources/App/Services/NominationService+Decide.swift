import Domain
import Fluent
import Vapor

extension NominationService {
    /// Validates a decision with the commendation register's own check (`CommendationService.decision`)
    /// and builds one commendation per accepted
    /// candidate, recorded by the proposing unit; marks each candidate accepted or not.
    static func decidedCommendations(
        _ nomination: Nomination, _ candidates: [NominationCandidate], _ decision: NominationDecision?,
        access: Access
    ) async throws -> [(NominationCandidate, Commendation)] {
        var problems = InvalidInput()
        let decision = decision ?? NominationDecision(issuerID: nil, decisionNumber: "", decidedOn: "", verdicts: [])
        let (issuer, number, decidedOn) = try await CommendationService.decision(
            issuerID: decision.issuerID, number: decision.decisionNumber, date: decision.decidedOn, on: access.db, &problems)
        let verdicts = Dictionary(decision.verdicts.map { ($0.candidateID, $0) }, uniquingKeysWith: { _, last in last })
        if verdicts.keys.contains(where: { id in !candidates.contains { $0.id == id } }) {
            problems.add("candidates", "Có đối tượng không thuộc đề nghị này.")
        }
        for candidate in candidates {
            let verdict = verdicts[candidate.id!]
            candidate.accepted = verdict?.accepted ?? false
            if let formID = verdict?.formID, candidate.accepted == true {
                if try await CommendationForm.find(formID, on: access.db) == nil {
                    problems.add("candidates", "Hình thức khen thưởng của “\(candidate.recipientName)” không có.")
                } else {
                    candidate.formID = formID
                }
            }
        }
        if !candidates.contains(where: { $0.accepted == true }) {
            problems.add("candidates", "Chưa chọn đối tượng nào được khen thưởng.")
        }
        try problems.check()
        nomination.issuerID = issuer!.id
        nomination.decisionNumber = number!
        nomination.decidedOn = decidedOn
        return candidates.filter { $0.accepted == true }.map { ($0, commendation(for: $0, of: nomination)) }
    }

    /// The commendation a decided nomination records for an accepted candidate (the nomination
    /// carries the issuer, number and date); shared with the demo.
    static func commendation(for candidate: NominationCandidate, of nomination: Nomination) -> Commendation {
        let c = Commendation()
        c.unitID = nomination.unitID
        c.formID = candidate.formID
        c.issuerID = nomination.issuerID!
        c.recipientKind = candidate.recipientKind
        c.recipientUnitID = candidate.recipientUnitID
        c.personID = candidate.personID
        c.nominationID = nomination.id
        c.recipientName = candidate.recipientName
        c.fromYear = nomination.fromYear
        c.toYear = nomination.toYear
        c.event = nomination.event
        c.eventFolded = VietnameseText.fold(nomination.event)
        c.reason = candidate.achievements
        c.decisionNumber = nomination.decisionNumber
        c.decidedOn = nomination.decidedOn!
        return c
    }
}
