import Testing
@testable import Domain

@Suite struct PlanRulesTests {
    private func d(_ iso: String) -> LocalDate { LocalDate(iso)! }

    @Test func theUnitSubmitsAndTheLevelAboveReviews() {
        // act & assert: a writer of the unit submits a draft or a returned plan
        #expect(PlanRules.decide(.submit, status: .draft, standing: .own, writes: true) == .allowed)
        #expect(PlanRules.decide(.submit, status: .returned, standing: .own, writes: true) == .allowed)
        #expect(PlanRules.decide(.submit, status: .draft, standing: .above, writes: true) == .allowed)
        // … but does not review its own plan
        #expect(PlanRules.decide(.approve, status: .submitted, standing: .own, writes: true) == .forbidden)
        #expect(PlanRules.decide(.returnForRevision, status: .submitted, standing: .own, writes: true) == .forbidden)
        // the level above and an administrator review
        #expect(PlanRules.decide(.approve, status: .submitted, standing: .above, writes: true) == .allowed)
        #expect(PlanRules.decide(.returnForRevision, status: .submitted, standing: .above, writes: true) == .allowed)
        #expect(PlanRules.decide(.approve, status: .submitted, standing: .admin, writes: true) == .allowed)
    }

    @Test func readOnlyRolesAndOutsidersTakeNoStep() {
        for action in PlanAction.allCases {
            // a leader of the level above reads but does not act
            #expect(PlanRules.decide(action, status: .submitted, standing: .above, writes: false) == .forbidden)
            // outside the subtree the plan does not exist, whatever the role
            #expect(PlanRules.decide(action, status: .submitted, standing: .outside, writes: true) == .notFound)
        }
    }

    @Test func eachStepOnlyFromItsStatuses() {
        // act
        let allowed = PlanAction.allCases.flatMap { action in
            PlanStatus.allCases.filter { PlanRules.decide(action, status: $0, standing: .admin, writes: true) == .allowed }
                .map { "\(action.rawValue) \($0.rawValue)" }
        }
        // assert
        #expect(Set(allowed) == ["nop du_thao", "nop tra_lai", "tra_lai da_nop", "duyet da_nop"])
        #expect(PlanRules.decide(.approve, status: .approved, standing: .above, writes: true) == .wrongStatus)
        #expect(PlanRules.decide(.submit, status: .submitted, standing: .own, writes: true) == .wrongStatus)
        // the rule and the transition agree
        #expect(PlanAction.submit.next(from: .returned) == .submitted)
        #expect(PlanAction.returnForRevision.next(from: .submitted) == .returned)
    }

    @Test func onlyAReturnNeedsAComment() {
        #expect(PlanRules.requiresComment(.returnForRevision))
        #expect(!PlanRules.requiresComment(.submit) && !PlanRules.requiresComment(.approve))
    }

    @Test func onlyPlansBackWithTheirUnitAreEditable() {
        #expect(PlanStatus.allCases.filter(PlanRules.isEditable) == [.draft, .returned])
    }

    @Test func lateIsMeasuredByTheFirstSubmission() {
        let due = d("2024-01-31")
        // on the day is on time
        #expect(PlanRules.timeliness(due: due, firstSubmitted: d("2024-01-31"), today: d("2024-06-01")) == .onTime)
        // five days after
        let late = PlanRules.timeliness(due: due, firstSubmitted: d("2024-02-05"), today: d("2024-06-01"))
        #expect(late == .late(days: 5))
        #expect(late.isLate && late.flag == "Nộp trễ 5 ngày")
        // crossing a leap day: 31/1 → 1/3/2024 is 30 days
        #expect(PlanRules.timeliness(due: due, firstSubmitted: d("2024-03-01"), today: d("2024-06-01")) == .late(days: 30))
    }

    @Test func anUnsubmittedPlanIsOverdueOnlyAfterTheDueDate() {
        let due = d("2025-01-31")
        #expect(PlanRules.timeliness(due: due, firstSubmitted: nil, today: d("2025-01-31")) == .notYetDue)
        let overdue = PlanRules.timeliness(due: due, firstSubmitted: nil, today: d("2025-02-10"))
        #expect(overdue == .overdue(days: 10))
        #expect(overdue.isLate && overdue.flag == "Quá hạn 10 ngày")
        #expect(PlanRules.timeliness(due: due, firstSubmitted: nil, today: d("2025-01-01")).flag == nil)
        // long delays are written the Vietnamese way
        #expect(PlanRules.timeliness(due: due, firstSubmitted: nil, today: d("2027-11-01")).flag == "Quá hạn 1.004 ngày")
    }

    @Test func withoutADueDateNothingIsLate() {
        for first in [nil, d("2030-12-31")] {
            let t = PlanRules.timeliness(due: nil, firstSubmitted: first, today: d("2031-01-01"))
            #expect(t == .noDueDate && !t.isLate && t.flag == nil)
        }
    }

    @Test func aGoalsFinishingDayIsKeptUntilItIsReopened() {
        let today = d("2024-11-20")
        // becomes finished today
        #expect(PlanRules.finishedOn(status: .completed, previous: .inProgress, previousFinishedOn: nil, today: today) == today)
        // stays finished: the first day is kept, even when the outcome changes
        #expect(PlanRules.finishedOn(status: .notCompleted, previous: .completed, previousFinishedOn: d("2024-06-30"), today: today)
                == d("2024-06-30"))
        // reopened
        #expect(PlanRules.finishedOn(status: .inProgress, previous: .completed, previousFinishedOn: d("2024-06-30"), today: today) == nil)
        // a new goal recorded as already finished
        #expect(PlanRules.finishedOn(status: .completed, previous: nil, previousFinishedOn: nil, today: today) == today)
        #expect(GoalStatus.allCases.filter(\.isFinished) == [.completed, .notCompleted])
    }
}
