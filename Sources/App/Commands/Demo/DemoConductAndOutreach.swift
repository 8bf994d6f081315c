import Domain
import Foundation
import Fluent

/// Demo conduct codes and outreach activities for 2021–2025, drawn from the units in the database
/// with a fixed seed, so every load writes the same records.
enum DemoConductAndOutreach {
    /// Committees (Tỉnh ủy, đảng bộ trực thuộc) and grassroots organisations (TCCS).
    static let committeeKinds: Set<String> = ["TINH", "TRUC_THUOC"]
    static let grassrootsKinds: Set<String> = ["DB_CO_SO", "CB_CO_SO"]

    static func write(on db: any Database) async throws {
        let units = try await OrgUnit.query(on: db).sort(\.$code).all()
        try await writeConductCodes(units, on: db)
        try await writeOutreach(units, on: db)
    }

    private static func exists(_ unit: OrgUnit, on day: LocalDate) -> Bool {
        unit.foundedOn <= day && (unit.dissolvedOn.map { day < $0 } ?? true)
    }

    private static func writeConductCodes(_ units: [OrgUnit], on db: any Database) async throws {
        var random = DemoRandom(seed: 0x436F_6E64_7563_7401)
        var originals: [ConductCode] = []
        var revise: [Int: Bool] = [:]
        for unit in units {
            let isProvince = unit.kindCode == "TINH"
            guard isProvince || (grassrootsKinds.contains(unit.kindCode) && random.chance(0.5)) else { continue }
            let issued = random.day(LocalDate(year: 2021, month: 3, day: 1)!, LocalDate(year: 2023, month: 11, day: 30)!)
            guard exists(unit, on: issued) else { continue }
            let code = ConductCode()
            code.unitID = unit.id!
            code.scope = isProvince ? .ethicsAndLifestyle : random.pick(ConductScope.allCases)
            code.title = title(code.scope, unit: unit)
            code.documentNumber = number(random.int(1...40), unit: unit)
            code.issuedOn = issued
            code.summary = summary(code.scope)
            code.replacesID = nil
            originals.append(code)
            revise[unit.id!] = isProvince || random.chance(0.4)
        }
        try await insert(originals, on: db)
        // Revisions in 2024 name the code they replace; read the ids back by the natural key.
        let stored = try await ConductCode.query(on: db).all()
        var revisions: [ConductCode] = []
        for original in stored.sorted(by: { ($0.unitID, $0.documentNumber) < ($1.unitID, $1.documentNumber) }) {
            guard revise[original.unitID] == true,
                  let unit = units.first(where: { $0.id == original.unitID }) else { continue }
            let issued = random.day(LocalDate(year: 2024, month: 2, day: 1)!, LocalDate(year: 2024, month: 11, day: 30)!)
            guard exists(unit, on: issued) else { continue }
            let code = ConductCode()
            code.unitID = original.unitID
            code.scope = original.scope
            code.title = original.title + " (sửa đổi, bổ sung năm 2024)"
            var ordinal = random.int(41...90)
            while number(ordinal, unit: unit) == original.documentNumber { ordinal += 1 }
            code.documentNumber = number(ordinal, unit: unit)
            code.issuedOn = issued
            code.summary = original.summary + " Bổ sung chuẩn mực về ứng xử trên mạng xã hội và trách nhiệm nêu gương của người đứng đầu."
            code.replacesID = original.id
            revisions.append(code)
        }
        try await insert(revisions, on: db)
    }

    private static func writeOutreach(_ units: [OrgUnit], on db: any Database) async throws {
        var random = DemoRandom(seed: 0x5475_7965_6E54_7275)
        var activities: [OutreachActivity] = []
        for unit in units where committeeKinds.contains(unit.kindCode) || grassrootsKinds.contains(unit.kindCode) {
            for year in 2021...2025 {
                for _ in 0..<random.int(2...6) {
                    let day = random.day(in: year)
                    guard exists(unit, on: day) else { continue }
                    let form = random.weighted([(OutreachForm.conference, 4), (.cultureAndSports, 3), (.socialMedia, 3),
                                                (.press, 1), (.broadcast, 1)])
                    let activity = OutreachActivity()
                    activity.unitID = unit.id!
                    activity.heldOn = day
                    activity.form = form
                    activity.title = random.pick(titles[form]!) + " năm \(year)"
                    // Press, broadcasts and social media reach far more people than a meeting hall.
                    switch form {
                    case .press, .broadcast, .socialMedia: activity.participants = random.int(500...5_000)
                    case .cultureAndSports: activity.participants = random.int(80...1_200)
                    case .conference: activity.participants = random.int(20...300)
                    }
                    activity.note = ""
                    activities.append(activity)
                }
            }
        }
        try await insert(activities, on: db)
    }

    private static func number(_ ordinal: Int, unit: OrgUnit) -> String {
        let issuer: String
        switch unit.kindCode {
        case "TINH": issuer = "TU"
        case "CB_CO_SO": issuer = "CB"
        default: issuer = "ĐU"
        }
        return String(format: "%02d", ordinal) + "-QĐ/" + issuer
    }

    private static func title(_ scope: ConductScope, unit: OrgUnit) -> String {
        switch scope {
        case .ethicsAndLifestyle: "Quy định chuẩn mực đạo đức, lối sống của cán bộ, đảng viên \(unit.name)"
        case .professionalEthics: "Quy định chuẩn mực đạo đức nghề nghiệp của cán bộ, công chức, viên chức \(unit.name)"
        case .conductRules: "Quy tắc ứng xử của cán bộ, đảng viên \(unit.name)"
        }
    }

    private static func summary(_ scope: ConductScope) -> String {
        switch scope {
        case .ethicsAndLifestyle: "Trung thành, gương mẫu, cần kiệm liêm chính, chí công vô tư; sống giản dị, gần dân, trọng dân."
        case .professionalEthics: "Tận tụy, trách nhiệm, công tâm, khách quan trong thực thi công vụ; không gây phiền hà cho Nhân dân."
        case .conductRules: "Ứng xử văn minh nơi công sở, trong gia đình, ngoài cộng đồng và trên không gian mạng."
        }
    }

    private static let titles: [OutreachForm: [String]] = [
        .press: ["Loạt bài “Làm theo lời Bác” trên Báo Lạc Hồng", "Chuyên mục gương người tốt, việc tốt trên báo địa phương"],
        .broadcast: ["Chuyên mục “Học tập và làm theo Bác” trên Đài Phát thanh – Truyền hình tỉnh",
                     "Phát thanh về gương điển hình trên hệ thống loa truyền thanh cơ sở"],
        .socialMedia: ["Lan tỏa gương người tốt, việc tốt trên trang thông tin điện tử và mạng xã hội",
                       "Cuộc thi ảnh “Làm theo lời Bác” trên trang mạng xã hội của đơn vị"],
        .cultureAndSports: ["Hội diễn văn nghệ “Dâng Bác những bông hoa đẹp”", "Giải thể thao chào mừng ngày sinh Chủ tịch Hồ Chí Minh",
                            "Triển lãm ảnh về Chủ tịch Hồ Chí Minh"],
        .conference: ["Hội nghị tuyên truyền chuyên đề học tập và làm theo Bác", "Nói chuyện chuyên đề về tư tưởng, đạo đức, phong cách Hồ Chí Minh",
                      "Tọa đàm về trách nhiệm nêu gương của cán bộ, đảng viên"],
    ]

    /// Batches of at most 900 bound values, as DemoWriter keeps.
    private static func insert<M: Model>(_ models: [M], on db: any Database) async throws {
        var start = 0
        let size = max(1, 900 / M.keys.count)
        while start < models.count {
            try await Array(models[start..<min(models.count, start + size)]).create(on: db)
            start += size
        }
    }
}
