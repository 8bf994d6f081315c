import Domain
import Fluent
import SQLKit

/// Every member's yearly plan (bản đăng ký, cam kết) in the cell they belonged to when writing
/// it: about one in ten after the Tỉnh ủy's due date (15/3), a few left as drafts or missing,
/// and the cell's assessment at the year's end.
enum GeneratePersonalPlans {
    static let plans = ScaleTable("personal_plans", "person_id", "unit_id", "year", "status", "commitment", "exemplary_commitment",
                                  "submitted_on", "self_assessment", "assessment", "assessment_comment", "assessed_on")

    static let commitments = [
        "Thực hiện tốt nhiệm vụ được giao; giữ gìn phẩm chất đạo đức, lối sống; gương mẫu nơi cư trú.",
        "Nâng cao tinh thần trách nhiệm, tác phong làm việc khoa học; tích cực tham gia phong trào thi đua.",
        "Rèn luyện đạo đức cách mạng, cần kiệm liêm chính; gần dân, hiểu dân, giúp dân.",
        "Đổi mới phương pháp làm việc, ứng dụng chuyển đổi số; đoàn kết, giúp đỡ đồng nghiệp.",
    ]

    @Sendable static func write(_ w: ScaleWriter) async throws {
        try await w.write([plans]) { cell, batches in
            guard cell.isCell else { return }
            for id in cell.personIDs {
                let member = w.member(id)
                var random = w.random(.personalPlans, id)
                for year in w.profile.years where member.joined <= LocalDate.lastOf(year: year) && cell.exists(in: year) {
                    let roll = random.unit()
                    guard roll >= 0.015 else { continue }
                    let submitted = roll >= 0.03
                    let start = max(LocalDate(year: year, month: 1, day: 5)!, member.joined.adding(days: 3))
                    let due = LocalDate(year: year, month: 3, day: 15)!
                    let day: LocalDate = if start > due {
                        random.day(start, min(start.adding(days: 30), LocalDate(year: year, month: 12, day: 20)!))
                    } else if random.chance(0.10) {
                        random.day(due.adding(days: 1), LocalDate(year: year, month: 5, day: 31)!)
                    } else {
                        random.day(start, due)
                    }
                    let assessment: PlanAssessment? = submitted ? random.weighted([(PlanAssessment.fulfilled, 95), (.notFulfilled, 3)]) : nil
                    try await batches.add(plans, [
                        id, cell.id, year, (submitted ? PersonalPlanStatus.submitted : .draft).rawValue,
                        random.pick(commitments), "Gương mẫu thực hiện \(random.int(2...4)) việc làm cụ thể theo chuyên đề năm \(year).",
                        submitted ? day.iso : nil, assessment == nil ? "" : "Đã thực hiện các nội dung đăng ký.",
                        assessment?.rawValue, assessment == .notFulfilled ? "Chưa thực hiện đầy đủ nội dung đã đăng ký." : "",
                        assessment == nil ? nil : random.day(LocalDate(year: year, month: 12, day: 10)!, LocalDate(year: year, month: 12, day: 28)!).iso,
                    ])
                }
            }
        }
    }
}
