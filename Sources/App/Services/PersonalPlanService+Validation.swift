import Domain
import Vapor

extension PersonalPlanService {
    struct Values {
        let items: [String]
        let commitment: String
        let exemplaryCommitment: String
        let selfAssessment: String
        let status: PersonalPlanStatus
        let submittedOn: LocalDate?

        func apply(to plan: PersonalPlan) {
            plan.commitment = commitment
            plan.exemplaryCommitment = exemplaryCommitment
            plan.selfAssessment = selfAssessment
            plan.status = status
            plan.submittedOn = submittedOn
        }
    }

    /// Checks a save of `plan` (a new one: its fields empty). `paper`: a writer fills the plan for the member, and may give the
    /// day the paper plan was handed in.
    /// `items`: the plan's items now.
    static func validated(
        _ input: PersonalPlanInput, for plan: PersonalPlan, items current: [String], paper: Bool, today: LocalDate = .today()
    ) throws -> Values {
        var problems = InvalidInput()

        let items = (input.items ?? current).map(VietnameseText.normalize).filter { !$0.isEmpty }
        if items.count > maxItems {
            problems.add("items", "Nội dung kế hoạch: tối đa \(maxItems) việc.")
        } else if let long = items.firstIndex(where: { $0.count > itemLimit }) {
            problems.add("items", "Nội dung kế hoạch: việc thứ \(long + 1) dài quá \(itemLimit) ký tự.")
        }
        let commitment = text(input.commitment ?? plan.commitment, "commitment", "Cam kết tu dưỡng, rèn luyện, phấn đấu", limit: commitmentLimit, &problems)
        let exemplary = text(input.exemplaryCommitment ?? plan.exemplaryCommitment, "exemplaryCommitment", "Cam kết nêu gương", limit: commitmentLimit, &problems)
        let selfAssessment = text(input.selfAssessment ?? plan.selfAssessment, "selfAssessment", "Tự đánh giá", limit: selfAssessmentLimit, &problems)
        if !selfAssessment.isEmpty && selfAssessment != plan.selfAssessment && !isYearEnd(plan.year, today: today) {
            problems.add("selfAssessment", "Tự đánh giá: chỉ ghi từ ngày 1/12/\(plan.year), khi kết thúc năm.")
        }

        let status = input.status ?? plan.status
        if plan.status == .submitted && status == .draft {
            problems.add("status", "Trạng thái: kế hoạch đã nộp không trở lại bản nháp; vẫn sửa được nội dung cho đến khi chi bộ đánh giá.")
        }
        if status == .submitted {
            if items.isEmpty { problems.add("items", "Nội dung kế hoạch: cần ít nhất một việc để nộp kế hoạch.") }
            if commitment.isEmpty { problems.add("commitment", "Cam kết tu dưỡng, rèn luyện, phấn đấu: chưa nhập (bắt buộc khi nộp).") }
        }

        var submittedOn: LocalDate?
        if status == .submitted {
            submittedOn = plan.submittedOn ?? today
            let typed = VietnameseText.normalize(input.submittedOn ?? "")
            if !typed.isEmpty {
                let earliest = LocalDate.firstOf(year: plan.year - 1)
                if !paper {
                    problems.add("submittedOn", "Ngày nộp: chỉ cán bộ, bí thư chi bộ ghi khi nhập kế hoạch từ bản giấy.")
                } else if let day = LocalDate.parse(typed) {
                    if day > today {
                        problems.add("submittedOn", "Ngày nộp: không được sau ngày hôm nay.")
                    } else if day < earliest {
                        problems.add("submittedOn", "Ngày nộp: không được trước ngày \(VietnameseFormat.date(earliest)).")
                    } else {
                        submittedOn = day
                    }
                } else {
                    problems.add("submittedOn", "Ngày nộp: không đúng dạng ngày (ví dụ 15/3/\(plan.year)).")
                }
            }
        }

        try problems.check()
        return Values(items: items, commitment: commitment, exemplaryCommitment: exemplary, selfAssessment: selfAssessment,
                      status: status, submittedOn: submittedOn)
    }

    /// Free text, normalised, at most `limit` characters.
    static func text(_ value: String?, _ field: String, _ label: String, limit: Int, _ problems: inout InvalidInput) -> String {
        let text = VietnameseText.normalize(value ?? "")
        if text.count > limit { problems.add(field, "\(label): dài quá \(VietnameseFormat.number(limit)) ký tự.") }
        return text
    }
}
