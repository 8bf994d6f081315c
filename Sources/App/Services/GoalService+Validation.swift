import Domain
import Vapor

extension GoalService {
    struct Values {
        let title: String
        let expectedResult: String
        let deadline: LocalDate
        let status: GoalStatus
        let finishedOn: LocalDate?
        let finalResult: String

        func apply(to g: BreakthroughGoal) {
            g.title = title
            g.expectedResult = expectedResult
            g.deadline = deadline
            g.status = status
            g.finishedOn = finishedOn
            g.finalResult = finalResult
        }
    }

    /// Checks a goal against its plan: a deadline not before the plan's year, and a final result
    /// once the goal is completed or not completed.
    static func validated(_ input: GoalInput, plan: UnitPlan, previous: BreakthroughGoal?, today: LocalDate) throws -> Values {
        var problems = InvalidInput()

        let title = VietnameseText.normalize(input.title ?? "")
        if title.isEmpty {
            problems.add("title", "Nội dung đột phá: chưa nhập.")
        } else if title.count > titleLimit {
            problems.add("title", "Nội dung đột phá: dài quá \(titleLimit) ký tự.")
        }

        let expected = VietnameseText.normalize(input.expectedResult ?? "")
        if expected.isEmpty {
            problems.add("expectedResult", "Kết quả dự kiến: chưa nhập (đạt được gì, đo bằng gì).")
        } else if expected.count > textLimit {
            problems.add("expectedResult", "Kết quả dự kiến: dài quá \(VietnameseFormat.number(textLimit)) ký tự.")
        }

        let deadline = ProgrammeService.requiredDate(input.deadline, "deadline", "Thời hạn hoàn thành", &problems)
        if let deadline, deadline < LocalDate.firstOf(year: plan.year) {
            problems.add("deadline", "Thời hạn hoàn thành: không được trước năm \(plan.year) của kế hoạch.")
        }

        let statusText = VietnameseText.normalize(input.status ?? "")
        let status = statusText.isEmpty ? GoalStatus.inProgress : GoalStatus(rawValue: statusText)
        if status == nil { problems.add("status", "Tình trạng: không hợp lệ.") }

        let final = VietnameseText.normalize(input.finalResult ?? "")
        if let status, status.isFinished, final.isEmpty {
            problems.add("finalResult", "Kết quả cuối cùng: chưa nhập; khi nội dung đột phá \(status.label.lowercased()) "
                         + "phải ghi rõ kết quả đạt được (hoặc lý do chưa đạt).")
        } else if final.count > textLimit {
            problems.add("finalResult", "Kết quả cuối cùng: dài quá \(VietnameseFormat.number(textLimit)) ký tự.")
        }

        try problems.check()
        let finishedOn = PlanRules.finishedOn(
            status: status!, previous: previous?.status, previousFinishedOn: previous?.finishedOn, today: today)
        return Values(title: title, expectedResult: expected, deadline: deadline!, status: status!, finishedOn: finishedOn,
                      finalResult: final)
    }
}
