import Domain
import Fluent

/// Unit plans for the demo province. The Tỉnh ủy sets the due dates each year (year plans 31/1,
/// personal plans 15/3; the whole-term plan under Kết luận 01-KL/TW 30/9/2021). Every plan-making
/// unit alive in a year has its year plan for 2021–2025 (2021 under Chỉ thị 05-CT/TW, still in
/// force in January, later years under 01-KL/TW), and one whole-term plan under 01-KL/TW: most
/// submitted on time and approved by the level above, several late, a few returned as too vague
/// and approved once resubmitted; in 2025 a few are missing and some still wait for review.
enum DemoUnitPlans {
    static let years = 2021...2025
    /// The last day the demo records (as the cell meetings): nothing is dated after it.
    static let horizon = LocalDate(year: 2025, month: 10, day: 31)!
    /// 2025: units that have not submitted, that wait for review, that were returned and are revising.
    static let missing2025: Set<String> = ["P-BM", "CQ-STC"]
    static let waiting2025: Set<String> = ["X-DH", "CQ-SGD", "DU-UBND", "TP-LH-CQ"]
    static let revising2025: Set<String> = ["CQ-BTC"]

    enum Outcome { case onTime, late, returned, waiting, revising }

    static func build(_ tx: any Database) async throws {
        var rng = DemoRandom(seed: 0x4B48_5448_4143_4821)
        guard let tu = try await OrgUnit.query(on: tx).filter(\.$code == "TU").first(),
              let directive = try await Programme.query(on: tx).filter(\.$documentNumber == "05-CT/TW").first(),
              let conclusion = try await Programme.query(on: tx).filter(\.$documentNumber == DemoDocuments.programmeNumber).first()
        else { return }
        try await dueDates(tu, on: tx)
        let kinds = try await UnitKind.query(on: tx).all()
        let makers = Set(kinds.filter { !($0.isCell && !$0.isGrassroots) }.map(\.code))
        let grassroots = Set(kinds.filter(\.isGrassroots).map(\.code))
        let units = try await OrgUnit.query(on: tx).filter(\.$kindCode ~~ Array(makers)).sort(\.$code).all()
        let yearDue = { (year: Int) in LocalDate(year: year, month: 1, day: 31)! }

        var writer = DemoPlanWriter(tx: tx)
        for unit in units where UnitPlanService.alive(unit, in: 2021) {
            let outcome: Outcome = rng.weighted([(.onTime, 12), (.late, 3), (.returned, 2)])
            let plan = writer.plan(unit, conclusion, .term, 2021, theme: termTheme, rng: &rng)
            try await writer.review(plan, unit, outcome: unit.code == "TU" ? .onTime : outcome,
                                    window: (day("2021-08-02"), day("2021-09-30")), due: unit.code == "TU" ? nil : day("2021-09-30"), rng: &rng)
            if grassroots.contains(unit.kindCode) {
                try await DemoGoals.write(plan, unit, count: rng.int(1...3), term: true, on: tx, rng: &rng)
            }
        }
        for year in years {
            let theme = DemoDocuments.topics.first { $0.kind == .annual && $0.year == year }?.title ?? "Chủ đề năm \(year)"
            for unit in units where UnitPlanService.alive(unit, in: year) {
                if year == 2025 && missing2025.contains(unit.code) { continue }
                let outcome: Outcome = year == 2025 && waiting2025.contains(unit.code) ? .waiting
                    : year == 2025 && revising2025.contains(unit.code) ? .revising
                    : rng.weighted([(.onTime, 14), (.late, 3), (.returned, 3)])
                let start = max(LocalDate(year: year, month: 1, day: 3)!, unit.foundedOn.adding(days: 10))
                let plan = writer.plan(unit, year == 2021 ? directive : conclusion, .year, year, theme: theme, rng: &rng)
                try await writer.review(plan, unit, outcome: unit.code == "TU" ? .onTime : outcome,
                                        window: (start, max(start, yearDue(year))), due: unit.code == "TU" ? nil : yearDue(year), rng: &rng)
                if grassroots.contains(unit.kindCode), rng.chance(0.4) {
                    try await DemoGoals.write(plan, unit, count: 1, term: false, on: tx, rng: &rng)
                }
            }
        }
        try await writer.flush()
    }

    /// The Tỉnh ủy's due dates for the units and members below it.
    private static func dueDates(_ tu: OrgUnit, on tx: any Database) async throws {
        var rows: [DueDate] = []
        func add(_ kind: DueKind, _ year: Int, _ iso: String, _ note: String) {
            let d = DueDate()
            d.unitID = tu.id!
            d.kind = kind
            d.year = year
            d.dueOn = LocalDate(iso)!
            d.note = note
            rows.append(d)
        }
        add(.unitPlanTerm, 2021, "2021-09-30", "Theo Kế hoạch số 34-KH/TU ngày 12/7/2021 thực hiện Kết luận số 01-KL/TW.")
        for year in years {
            add(.unitPlanYear, year, "\(year)-01-31", "Các đảng bộ, chi bộ trực thuộc gửi kế hoạch năm \(year) về Ban Tuyên giáo Tỉnh ủy.")
            add(.personalPlan, year, "\(year)-03-15", "Đảng viên nộp kế hoạch cá nhân, bản cam kết năm \(year) cho chi bộ.")
        }
        try await rows.create(on: tx)
    }

    static let termTheme = "Kế hoạch thực hiện Kết luận số 01-KL/TW ngày 18/5/2021 của Bộ Chính trị giai đoạn 2021 – 2025"

    /// Who acts for a unit in the demo's plan history: the officer account of its committee.
    static func account(_ code: String) -> String {
        switch code {
        case "TU": "tinhuy"
        case "X-DL": "canbo.dl"
        default: "canbo." + code.lowercased()
        }
    }

    /// The unit's parent on `day`, from the demo's own tree (DemoProvince.links).
    static func parent(_ code: String, on day: LocalDate) -> String? {
        DemoProvince.links().first { $0.unit == code && $0.from <= day && ($0.to.map { day < $0 } ?? true) }?.parent
    }

    static func day(_ iso: String) -> LocalDate { LocalDate(iso)! }
}
