import Domain
import Testing

@Suite struct DeadlineTests {
    private func day(_ iso: String) -> LocalDate { LocalDate(iso)! }

    @Test func aMonthsMeetingRecordIsDueOnTheFifthOfTheNextMonth() {
        #expect(Deadlines.meetingRecordDue(month: day("2024-03-01")) == day("2024-04-05"))
        #expect(Deadlines.meetingRecordDue(month: day("2024-03-31")) == day("2024-04-05"))
        #expect(Deadlines.meetingRecordDue(month: day("2024-12-15")) == day("2025-01-05"))
        #expect(Deadlines.meetingRecordDue(month: day("2024-01-31")) == day("2024-02-05"))
    }

    @Test func handedInByTheDueDayIsOnTimeAfterItLate() {
        let due = day("2024-01-31")
        #expect(Deadlines.status(due: due, completedOn: day("2024-01-20"), today: day("2024-06-01")) == .done)
        #expect(Deadlines.status(due: due, completedOn: due, today: day("2024-06-01")) == .done)
        #expect(Deadlines.status(due: due, completedOn: day("2024-02-01"), today: day("2024-06-01")) == .doneLate(daysLate: 1))
        #expect(Deadlines.status(due: due, completedOn: day("2024-03-01"), today: day("2024-06-01")) == .doneLate(daysLate: 30))
        // no due date: whatever was handed in is on time
        #expect(Deadlines.status(due: nil, completedOn: day("2024-12-31"), today: day("2025-06-01")) == .done)
    }

    @Test func openItemsAreDueUntilTheDueDayThenOverdue() {
        let due = day("2024-04-05")
        #expect(Deadlines.status(due: due, completedOn: nil, today: day("2024-03-06")) == .due(daysLeft: 30))
        #expect(Deadlines.status(due: due, completedOn: nil, today: due) == .due(daysLeft: 0))
        #expect(Deadlines.status(due: due, completedOn: nil, today: day("2024-04-06")) == .overdue(daysLate: 1))
        #expect(Deadlines.status(due: due, completedOn: nil, today: day("2025-04-05")) == .overdue(daysLate: 365))
        #expect(Deadlines.status(due: nil, completedOn: nil, today: due) == .noDueDate)
    }

    @Test func groupsListOverdueDueWithinThirtyDaysAndUndatedOnly() {
        let today = day("2024-03-01")
        func group(_ due: String?) -> DeadlineGroup? {
            Deadlines.group(Deadlines.status(due: due.map(day), completedOn: nil, today: today))
        }
        #expect(group("2024-02-29") == .overdue)
        #expect(group("2024-03-01") == .dueSoon)
        #expect(group("2024-03-31") == .dueSoon)
        #expect(Deadlines.lastDueSoon(today: today) == day("2024-03-31"))
        #expect(group("2024-04-01") == nil)
        #expect(group(nil) == .noDueDate)
        #expect(Deadlines.group(.done) == nil && Deadlines.group(.doneLate(daysLate: 3)) == nil)
    }

    @Test func labelsAreVietnamese() {
        #expect(DeadlineStatus.overdue(daysLate: 12).label == "Quá hạn 12 ngày")
        #expect(DeadlineStatus.due(daysLeft: 0).label == "Hạn hôm nay")
        #expect(DeadlineStatus.due(daysLeft: 3).label == "Còn 3 ngày")
        #expect(DeadlineStatus.doneLate(daysLate: 2).label == "Nộp trễ 2 ngày")
        #expect(DeadlineKind.allCases.filter(\.listedWithoutDueDate) == [.unitPlanYear, .unitPlanTerm])
    }
}
