import Domain
import Fluent
import Vapor

/// A plan with what its pages and the API show beside it: the member, the unit, the items and
/// the due date that binds it.
struct PersonalPlanFacts: Sendable {
    let id: Int
    let personID: Int
    let personName: String
    let unitID: Int
    let unitCode: String
    let unitName: String
    let year: Int
    let status: PersonalPlanStatus
    let items: [String]
    let commitment: String
    let exemplaryCommitment: String
    let submittedOn: LocalDate?
    let due: LocalDate?
    let late: Bool
    let selfAssessment: String
    let assessment: PlanAssessment?
    let assessmentComment: String
    let assessedOn: LocalDate?
}

extension PersonalPlanService {
    static func facts(_ plan: PersonalPlan, on db: any Database) async throws -> PersonalPlanFacts {
        try await facts([plan], on: db)[0]
    }

    /// The facts of `plans`, in their order, with a handful of queries whatever their number.
    static func facts(_ plans: [PersonalPlan], on db: any Database) async throws -> [PersonalPlanFacts] {
        guard !plans.isEmpty else { return [] }
        let ids = plans.compactMap(\.id)
        let items = Dictionary(grouping: try await PersonalPlanItem.query(on: db).filter(\.$planID ~~ ids).sort(\.$position).all(),
                               by: \.planID)
        let people = Dictionary(uniqueKeysWithValues: try await Person.query(on: db)
            .filter(\.$id ~~ Array(Set(plans.map(\.personID)))).all().map { ($0.id!, $0) })
        let units = Dictionary(uniqueKeysWithValues: try await OrgUnit.query(on: db)
            .filter(\.$id ~~ Array(Set(plans.map(\.unitID)))).all().map { ($0.id!, $0) })
        struct Key: Hashable { let unit: Int; let year: Int }
        var dues: [Key: LocalDate?] = [:]
        for key in Set(plans.map { Key(unit: $0.unitID, year: $0.year) }) {
            dues[key] = try await DueDates.due(.personalPlan, unit: key.unit, year: key.year, on: db)
        }
        return plans.map { plan in
            let due = dues[Key(unit: plan.unitID, year: plan.year)] ?? nil
            return PersonalPlanFacts(
                id: plan.id!, personID: plan.personID, personName: people[plan.personID]?.fullName ?? "",
                unitID: plan.unitID, unitCode: units[plan.unitID]?.code ?? "", unitName: units[plan.unitID]?.name ?? "",
                year: plan.year, status: plan.status, items: (items[plan.id!] ?? []).map(\.content),
                commitment: plan.commitment, exemplaryCommitment: plan.exemplaryCommitment, submittedOn: plan.submittedOn,
                due: due, late: isLate(submittedOn: plan.submittedOn, due: due), selfAssessment: plan.selfAssessment,
                assessment: plan.assessment, assessmentComment: plan.assessmentComment, assessedOn: plan.assessedOn)
        }
    }
}
