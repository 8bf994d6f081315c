import Domain
import Fluent
import Foundation

/// Demo commendations for 2021–2025: year-end giấy khen of the grassroots committees to their
/// members, bằng khen of the provincial standing committee to units and people, and the
/// "sơ kết 3 năm" of Kết luận 01-KL/TW in 2024 with collectives and individuals. Fixed seed.
enum DemoCommendations {
    static let reviewEvent = "Sơ kết 3 năm thực hiện Kết luận 01-KL/TW"
    static let reviewDay = LocalDate(year: 2024, month: 5, day: 15)!

    private struct Context {
        let forms: [String: Int]
        let issuers: [String: Int]
        let units: [OrgUnit]
        /// Grassroots unit id → people whose current cell stands directly under it.
        let people: [Int: [Person]]
        let province: OrgUnit
    }

    static func build(on db: any Database) async throws {
        var random = DemoRandom(seed: 0x4B68_656E_5468_7501)
        let context = try await context(on: db)
        var records: [Commendation] = []
        for year in 2021...2025 {
            records += grassroots(year: year, context, &random)
            records += provincial(year: year, context, &random)
        }
        records += review(context, &random)
        // Batches of 40 rows (19 columns) stay under SQLite's 999 bound values.
        var start = 0
        while start < records.count {
            try await Array(records[start..<min(records.count, start + 40)]).create(on: db)
            start += 40
        }
    }

    private static func context(on db: any Database) async throws -> Context {
        let forms = try await CommendationForm.query(on: db).all()
        let issuers = try await CommendationIssuer.query(on: db).all()
        let units = try await OrgUnit.query(on: db).sort(\.$code).all()
        let links = try await UnitParentLink.query(on: db).sort(\.$validFrom).all()
        var parent: [Int: Int] = [:]
        for link in links { if let p = link.parentID { parent[link.unitID] = p } }
        var people: [Int: [Person]] = [:]
        for person in try await Person.query(on: db).sort(\.$id).all() {
            guard let cell = person.currentUnitID, let grassroots = parent[cell] else { continue }
            people[grassroots, default: []].append(person)
        }
        return Context(
            forms: Dictionary(uniqueKeysWithValues: forms.map { ($0.name, $0.id!) }),
            issuers: Dictionary(uniqueKeysWithValues: issuers.map { ($0.name, $0.id!) }),
            units: units, people: people, province: units.first { $0.code == "TU" }!)
    }

    private static func exists(_ unit: OrgUnit, on day: LocalDate) -> Bool {
        unit.foundedOn <= day && (unit.dissolvedOn.map { day < $0 } ?? true)
    }

    /// Each Đảng ủy cơ sở gives giấy khen to two or three of its members rated HTXSNV for the year.
    private static func grassroots(year: Int, _ c: Context, _ random: inout DemoRandom) -> [Commendation] {
        var out: [Commendation] = []
        let day = LocalDate(year: year, month: 12, day: random.int(18...28))!
        for unit in c.units where unit.kindCode == "DB_CO_SO" && exists(unit, on: day) {
            let members = c.people[unit.id!] ?? []
            guard members.count >= 3 else { continue }
            let number = "\(random.int(20...90))-QĐ/ĐU"
            for _ in 0..<random.int(2...3) {
                let person = random.pick(members)
                out.append(record(unit, form: c.forms["Giấy khen"]!, issuer: c.issuers["Đảng ủy cơ sở"]!, person: person, years: (year, year),
                                  event: "Tổng kết năm \(year)", reason: "Hoàn thành xuất sắc nhiệm vụ năm \(year); gương mẫu làm theo Bác ở địa bàn dân cư.",
                                  number: number, day: day))
            }
        }
        return out
    }

    /// Ban Thường vụ Tỉnh ủy gives bằng khen to two grassroots units a year.
    private static func provincial(year: Int, _ c: Context, _ random: inout DemoRandom) -> [Commendation] {
        let day = LocalDate(year: year, month: 1 + random.int(0...1), day: random.int(10...25))!
        let candidates = c.units.filter { ["DB_CO_SO", "CB_CO_SO"].contains($0.kindCode) && exists($0, on: day) }
        let number = "\(random.int(300...480))-QĐ/TU"
        return (0..<2).map { _ in
            let unit = random.pick(candidates)
            return record(c.province, form: c.forms["Bằng khen"]!, issuer: c.issuers["Ban Thường vụ Tỉnh ủy"]!, unit: unit,
                          years: (year - 1, year - 1), event: "Tổng kết năm \(year - 1)",
                          reason: "Có thành tích xuất sắc trong học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh năm \(year - 1).",
                          number: number, day: day)
        }
    }

    /// The 2024 review: bằng khen and biểu dương of the provincial standing committee, one state
    /// bằng khen of the province's chair, for 2021–2023.
    private static func review(_ c: Context, _ random: inout DemoRandom) -> [Commendation] {
        var out: [Commendation] = []
        let units = c.units.filter { ["DB_CO_SO", "CB_CO_SO"].contains($0.kindCode) && exists($0, on: reviewDay) }
        let reason = "Có thành tích tiêu biểu trong 3 năm thực hiện Kết luận 01-KL/TW của Bộ Chính trị."
        for unit in units.prefix(6) {
            out.append(record(c.province, form: c.forms["Bằng khen"]!, issuer: c.issuers["Ban Thường vụ Tỉnh ủy"]!, unit: unit,
                              years: (2021, 2023), event: reviewEvent, reason: reason, number: "512-QĐ/TU", day: reviewDay))
        }
        let people = c.people.keys.sorted().flatMap { (c.people[$0] ?? []).prefix(2) }
        for person in people.prefix(9) {
            out.append(record(c.province, form: c.forms["Biểu dương"]!, issuer: c.issuers["Ban Thường vụ Tỉnh ủy"]!, person: person,
                              years: (2021, 2023), event: reviewEvent, reason: reason, number: "513-QĐ/TU", day: reviewDay))
        }
        out.append(record(c.province, form: c.forms["Bằng khen"]!, issuer: c.issuers["Chủ tịch UBND tỉnh"]!,
                          name: "Hội Cựu chiến binh xã Đông Hải", kind: .collective, years: (2021, 2023), event: reviewEvent,
                          reason: reason, number: "1245/QĐ-UBND", day: reviewDay.adding(days: 10)))
        return out
    }

    private static func record(
        _ by: OrgUnit, form: Int, issuer: Int, unit: OrgUnit? = nil, person: Person? = nil, name: String? = nil,
        kind: CommendationRecipient? = nil, years: (Int, Int), event: String, reason: String, number: String, day: LocalDate
    ) -> Commendation {
        let c = Commendation()
        c.unitID = by.id!
        c.formID = form
        c.issuerID = issuer
        c.recipientKind = kind ?? (unit != nil ? .unit : .person)
        c.recipientUnitID = unit?.id
        c.personID = person?.id
        c.recipientName = unit?.name ?? person?.fullName ?? name ?? ""
        c.fromYear = years.0
        c.toYear = years.1
        c.event = event
        c.eventFolded = VietnameseText.fold(event)
        c.reason = reason
        c.decisionNumber = number
        c.decidedOn = day
        return c
    }
}
