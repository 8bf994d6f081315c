import Domain
import Fluent

/// Breakthrough goals of the demo's grassroots committees: 1–3 in the whole-term plan, one in
/// some year plans, each with dated progress notes and, once its deadline has passed, an outcome.
enum DemoGoals {
    struct Idea {
        let title: String
        let expected: String
        let done: String
        let missed: String
    }

    static func write(_ plan: UnitPlan, _ unit: OrgUnit, count: Int, term: Bool, on tx: any Database, rng: inout DemoRandom) async throws {
        let last = min(DemoUnitPlans.horizon, unit.dissolvedOn?.adding(days: -1) ?? DemoUnitPlans.horizon, LocalDate.today())
        let start = max(plan.firstSubmittedOn ?? LocalDate.firstOf(year: plan.year), LocalDate.firstOf(year: plan.year))
        var chosen: [Idea] = []
        while chosen.count < min(count, ideas.count) {
            let idea = rng.pick(ideas)
            if !chosen.contains(where: { $0.title == idea.title }) { chosen.append(idea) }
        }
        var notes: [GoalProgressNote] = []
        for idea in chosen {
            let nominal = term ? LocalDate(year: 2025, month: 6, day: 30)! : LocalDate.lastOf(year: plan.year)
            let goal = BreakthroughGoal()
            goal.planID = plan.id!
            goal.unitID = unit.id!
            goal.title = idea.title
            goal.expectedResult = idea.expected
            goal.deadline = min(nominal, unit.dissolvedOn?.adding(days: -1) ?? nominal)
            goal.status = .inProgress
            goal.finalResult = ""
            // An outcome once the deadline has passed within the demo's time.
            if goal.deadline <= last {
                goal.status = rng.weighted([(GoalStatus.completed, 5), (.notCompleted, 1)])
                goal.finishedOn = max(start, goal.deadline.adding(days: -rng.int(0...45)))
                goal.finalResult = goal.status == .completed ? idea.done : idea.missed
            }
            try await goal.create(on: tx)
            let end = goal.finishedOn ?? last
            guard start < end else { continue }
            // The first note starts the work; the others follow in the list's order.
            let steps = rng.int(2...4)
            var picked = [0]
            while picked.count < steps {
                let next = rng.int(1...(progress.count - 1))
                if !picked.contains(next) { picked.append(next) }
            }
            picked.sort()
            for step in 1...steps {
                let span = start.days(until: end)
                let n = GoalProgressNote()
                n.goalID = goal.id!
                n.onDate = min(end, start.adding(days: span * step / (steps + 1) + rng.int(0...9)))
                n.note = progress[picked[step - 1]]
                n.username = DemoUnitPlans.account(unit.code)
                notes.append(n)
            }
        }
        if !notes.isEmpty { try await notes.create(on: tx) }
    }

    static let ideas: [Idea] = [
        Idea(title: "Giải quyết đơn thư, kiến nghị của Nhân dân đúng hạn",
             expected: "100% đơn thư, kiến nghị được trả lời trong 30 ngày; công khai kết quả tại hội nghị chi bộ.",
             done: "Đã giải quyết 100% đơn thư, kiến nghị trong thời hạn; không có đơn vượt cấp.",
             missed: "Còn 3 kiến nghị về đất đai quá hạn do chờ ý kiến cấp trên; chuyển sang năm sau."),
        Idea(title: "Chuyển đổi số trong sinh hoạt chi bộ và quản lý đảng viên",
             expected: "Sổ tay đảng viên điện tử được dùng ở mọi chi bộ; tài liệu sinh hoạt gửi trước qua nhóm nhắn tin.",
             done: "100% chi bộ dùng sổ tay đảng viên điện tử; 95% đảng viên cài đặt và sử dụng thường xuyên.",
             missed: "Mới 60% đảng viên sử dụng do nhiều đảng viên cao tuổi; tiếp tục hướng dẫn."),
        Idea(title: "Xây dựng tuyến đường hoa, đường tự quản bảo vệ môi trường",
             expected: "Mỗi chi bộ nhận chăm sóc ít nhất 1 km đường hoa; ra quân vệ sinh môi trường hằng tháng.",
             done: "Hoàn thành 6 km đường hoa; 12 lần ra quân với hơn 1.500 lượt người tham gia.",
             missed: "Hoàn thành 2/5 km do thiếu kinh phí xã hội hóa."),
        Idea(title: "Thực hành tiết kiệm, chống lãng phí trong chi tiêu công",
             expected: "Giảm 10% chi thường xuyên so với dự toán; công khai tài chính hằng quý.",
             done: "Tiết kiệm 12% chi thường xuyên; công khai đủ 4 quý.",
             missed: "Tiết kiệm được 6%, chưa đạt chỉ tiêu do phát sinh sửa chữa trụ sở."),
        Idea(title: "Mỗi đảng viên một việc làm cụ thể theo gương Bác",
             expected: "100% đảng viên đăng ký và thực hiện ít nhất một việc làm cụ thể, chi bộ đánh giá cuối năm.",
             done: "100% đảng viên đăng ký; 96% hoàn thành việc làm đã đăng ký.",
             missed: "85% đảng viên hoàn thành; một số việc làm đăng ký còn chung chung."),
        Idea(title: "Cải cách thủ tục hành chính tại bộ phận một cửa",
             expected: "Rút ngắn 30% thời gian giải quyết hồ sơ; không có hồ sơ trễ hạn.",
             done: "Rút ngắn 35% thời gian; tỉ lệ hồ sơ đúng hạn 99,6%.",
             missed: "Rút ngắn 15% thời gian; còn hồ sơ trễ hạn ở lĩnh vực đất đai."),
    ]

    static let progress = [
        "Đã triển khai tới các chi bộ, phân công cấp ủy viên phụ trách.",
        "Sơ kết 6 tháng: đạt khoảng một nửa chỉ tiêu, nhiều cách làm hay được nhân rộng.",
        "Kiểm tra tại các chi bộ; nhắc nhở nơi thực hiện chậm.",
        "Bổ sung giải pháp: lồng ghép vào sinh hoạt chuyên đề quý.",
        "Biểu dương tập thể, cá nhân làm tốt tại hội nghị cấp ủy.",
    ]
}
