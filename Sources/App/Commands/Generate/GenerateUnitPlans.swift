import Domain
import Fluent
import SQLKit

/// The units' yearly plans (about one in ten after the Tỉnh ủy's due date of 31/1, a few never
/// sent), their breakthrough goals, codes of conduct (some revised in 2024) and guidance documents.
enum GenerateUnitPlans {
    static let plans = ScaleTable("unit_plans", "id", "unit_id", "programme_id", "scope", "year", "theme", "content",
                                  "document_number", "status", "first_submitted_on", "submitted_on", "approved_on")
    static let goals = ScaleTable("breakthrough_goals", "plan_id", "unit_id", "title", "expected_result", "deadline", "status",
                                  "finished_on", "final_result")
    static let codes = ScaleTable("conduct_codes", "id", "unit_id", "replaces_id", "scope", "title", "document_number", "issued_on", "summary")
    static let guidance = ScaleTable("guidance_documents", "unit_id", "programme_id", "number", "number_style", "kind", "title",
                                     "title_folded", "issued_on")

    static let goalTitles = [
        "Chuyển đổi số trong công tác đảng", "Xây dựng nông thôn mới nâng cao", "Cải cách hành chính, nâng chỉ số hài lòng",
        "Phát triển đảng viên trong đoàn viên thanh niên", "Giữ gìn vệ sinh môi trường khu dân cư", "Giảm nghèo bền vững",
    ]

    @Sendable static func write(_ w: ScaleWriter) async throws {
        let programme = try await Programme.query(on: w.db).filter(\.$documentNumber == DemoDocuments.programmeNumber).first()!.requireID()
        let years = w.profile.years
        try await w.write([plans, goals, codes, guidance]) { unit, batches in
            guard unit.makesPlans else { return }
            var random = w.random(.unitPlans, unit.id)
            for (y, year) in years.enumerated() where unit.exists(in: year) && !random.chance(0.02) {
                let id = (unit.id - 1) * years.count + y + 1
                let due = LocalDate(year: year, month: 1, day: 31)!
                let first = random.chance(0.1) ? random.day(due.adding(days: 1), due.adding(days: 59)) : random.day(due.adding(days: -26), due)
                let approved = random.chance(0.9)
                try await batches.add(plans, [
                    id, unit.id, programme, PlanScope.year.rawValue, year, "Học tập và làm theo Bác năm \(year)",
                    "Tổ chức học tập chuyên đề năm \(year); mỗi đảng viên đăng ký việc làm cụ thể; sơ kết 6 tháng, tổng kết cuối năm.",
                    "\(y + 1)-KH/\(unit.code)", (approved ? PlanStatus.approved : .submitted).rawValue, first.iso, first.iso,
                    approved ? first.adding(days: random.int(3...20)).iso : nil,
                ])
                guard unit.kind != "CB_CO_SO" || random.chance(0.3) else { continue }
                for _ in 0..<random.weighted([(0, 3), (1, 5), (2, 2)]) {
                    let status: GoalStatus = year == 2025
                        ? random.weighted([(.inProgress, 4), (.completed, 6)]) : random.weighted([(.completed, 3), (.notCompleted, 1)])
                    let finished = status == .completed ? random.day(LocalDate(year: year, month: 9, day: 1)!, LocalDate(year: year, month: 12, day: 20)!) : nil
                    try await batches.add(goals, [id, unit.id, random.pick(goalTitles), "Hoàn thành trong năm \(year).", "\(year)-12-31",
                                                  status.rawValue, finished?.iso, status == .completed ? "Đạt mục tiêu đề ra." : ""])
                }
            }
            try await writeCodes(unit, &random, &batches)
            var number = 0
            let perYear = unit.level == .root ? 4.0 : unit.level == .branch ? 2.0 : unit.kind == "DB_CO_SO" ? 1.0 : 0.3
            for year in years where unit.exists(in: year) {
                for _ in 0..<random.count(mean: perYear) {
                    number += 1
                    let kind = random.weighted([(GuidanceKind.plan, 5), (.guide, 3), (.directive, 1), (.resolution, 1)])
                    let title = "\(kind.label) về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh năm \(year)"
                    try await batches.add(guidance, [unit.id, programme, "\(number)-\(kind.scaleTypeCode)/\(unit.code)", DocumentNumber.Style.party.rawValue,
                                                     kind.rawValue, title, VietnameseText.fold(title),
                                                     random.day(LocalDate(year: year, month: 1, day: 5)!, LocalDate(year: year, month: 11, day: 30)!).iso])
                }
            }
        }
    }

    /// Nine units in ten issue a code in 2021–2022; a quarter of those revise it in 2024.
    private static func writeCodes(_ unit: ScaleUnit, _ random: inout ScaleRandom, _ batches: inout ScaleBatches) async throws {
        guard random.chance(0.9) else { return }
        let scope = random.weighted([(ConductScope.ethicsAndLifestyle, 5), (.professionalEthics, 2), (.conductRules, 3)])
        let title = "\(scope.label) của cán bộ, đảng viên \(unit.name)"
        let issued = random.day(LocalDate(year: 2021, month: 6, day: 1)!, LocalDate(year: 2022, month: 12, day: 15)!)
        try await batches.add(codes, [unit.id * 2 - 1, unit.id, nil as Int?, scope.rawValue, title, "1-QĐ/\(unit.code)", issued.iso,
                                      "Chuẩn mực nêu gương, trách nhiệm của cán bộ, đảng viên."])
        guard random.chance(0.25), unit.dissolved == nil else { return }
        try await batches.add(codes, [unit.id * 2, unit.id, unit.id * 2 - 1, scope.rawValue, "\(title) (sửa đổi)", "2-QĐ/\(unit.code)",
                                      random.day(LocalDate(year: 2024, month: 3, day: 1)!, LocalDate(year: 2024, month: 10, day: 30)!).iso,
                                      "Sửa đổi, bổ sung chuẩn mực theo tình hình mới."])
    }
}

extension GuidanceKind {
    /// The type code in a party document's number.
    var scaleTypeCode: String {
        switch self {
        case .plan: "KH"
        case .guide: "HD"
        case .directive: "CT"
        case .resolution: "NQ"
        case .decision: "QĐ"
        case .conclusion: "KL"
        case .dispatch: "CV"
        case .report: "BC"
        }
    }
}
