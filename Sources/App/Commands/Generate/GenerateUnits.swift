import Domain
import Fluent
import SQLKit
import Vapor

/// The tree (units, their successors, versioned parent links), the Tỉnh ủy's topics and due
/// dates, and the accounts the benchmarks log in with. `finish` runs after every record: the
/// closure index, PostgreSQL's id sequences (every row was given its id) and fresh statistics.
enum GenerateUnits {
    struct Account: Sendable {
        let username: String
        let note: String
    }

    static let units = ScaleTable("org_units", "id", "kind_code", "code", "name", "name_folded", "attachment",
                                  "founded_on", "dissolved_on", "note")
    static let links = ScaleTable("unit_parent_links", "unit_id", "parent_id", "valid_from", "valid_to")
    static let topics = ScaleTable("topics", "id", "programme_id", "unit_id", "parent_topic_id", "kind", "year", "end_year",
                                   "title", "title_folded", "description")
    static let dueDates = ScaleTable("due_dates", "unit_id", "kind", "year", "due_on", "note")
    static let users = ScaleTable("users", "username", "display_name", "password_hash", "role", "scope_unit_id", "person_id", "is_active")

    /// The topic of the whole term, and of each year (ids: 1, then 2 for 2021…).
    static let wholeTermTopic = 1
    static func topic(_ year: Int) -> Int { 2 + year - 2021 }

    /// Writes the tree and the vocabularies; returns the accounts made.
    static func write(_ w: ScaleWriter) async throws -> [Account] {
        let started = ContinuousClock.now
        let root = w.tree.unit(1)
        let office = w.tree.grassroots.filter { w.tree.unit($0.links.last!.parentID!).dissolved == nil && $0.kind == "DB_CO_SO" }
            .max { w.tree.cells(of: $0).count < w.tree.cells(of: $1).count }!
        let hash = try Passwords.hash(DemoLoader.password)
        let accounts = [
            (Account(username: "quantri", note: "Quản trị hệ thống"), Role.admin, nil as Int?),
            (Account(username: "tinhuy", note: "Cán bộ theo dõi, \(root.name) (mã \(root.code))"), .officer, root.id),
            (Account(username: "canbo.\(office.code.lowercased())", note: "Cán bộ theo dõi, \(office.name) (mã TCCS \(office.code))"),
             .officer, office.id),
        ]
        let counts = try await w.db.transaction { tx -> [String: Int] in
            let sql = tx as! any SQLDatabase
            var batches = ScaleBatches([units, links, topics, dueDates, users], sql: sql)
            for unit in w.tree.units {
                try await batches.add(units, [unit.id, unit.kind, unit.code, unit.name, VietnameseText.fold(unit.name),
                                              unit.attachment.rawValue, unit.founded.iso, unit.dissolved?.iso, note(unit, w.tree)])
            }
            for unit in w.tree.units {
                for link in unit.links { try await batches.add(links, [link.unitID, link.parentID, link.from.iso, link.to?.iso]) }
            }
            try await writeTopics(&batches, root: root, on: tx)
            for year in w.profile.years {
                try await batches.add(dueDates, [root.id, DueKind.unitPlanYear.rawValue, year, "\(year)-01-31",
                                                 "Các tổ chức đảng nộp kế hoạch năm trước ngày 31/1/\(year)."])
                try await batches.add(dueDates, [root.id, DueKind.personalPlan.rawValue, year, "\(year)-03-15",
                                                 "Đảng viên nộp bản đăng ký, cam kết trước ngày 15/3/\(year)."])
            }
            for (account, role, scope) in accounts {
                // An administrator made before keeps their account (and its password).
                if try await User.query(on: tx).filter(\.$username == account.username).first() != nil { continue }
                try await batches.add(users, [account.username, account.note, hash, role.rawValue, scope, nil as Int?, true])
            }
            let counts = try await batches.finish()
            for unit in w.tree.units {
                guard let successor = unit.successorID else { continue }
                try await sql.update(OrgUnit.schema).set("successor_id", to: successor).where("id", .equal, unit.id).run()
            }
            try await Audit.record(on: tx, by: nil, .create, .unit, id: nil, unit: root.id,
                                   summary: "Sinh dữ liệu quy mô \(w.profile.name) (hạt giống \(w.seed)): \(w.tree.units.count) tổ chức đảng")
            return counts
        }
        w.report.add([units, links, topics, dueDates, users].map { ($0.name, counts[$0.name] ?? 0) },
                     seconds: ContinuousClock.now - started)
        return accounts.map(\.0)
    }

    private static func note(_ unit: ScaleUnit, _ tree: ScaleTree) -> String {
        guard let day = unit.dissolved else { return "" }
        let successor = unit.successorID.map { tree.unit($0).name } ?? ""
        return "Kết thúc hoạt động từ ngày \(VietnameseFormat.date(day)); hợp nhất vào \(successor)."
    }

    private static func writeTopics(_ batches: inout ScaleBatches, root: ScaleUnit, on db: any Database) async throws {
        guard let programme = try await Programme.query(on: db).filter(\.$documentNumber == DemoDocuments.programmeNumber).first(),
              let programmeID = programme.id
        else { throw Abort(.internalServerError, reason: "Thiếu chương trình \(DemoDocuments.programmeNumber).") }
        let whole = "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh về xây dựng Đảng trong sạch, vững mạnh (toàn khóa 2021 – 2025)"
        try await batches.add(topics, [wholeTermTopic, programmeID, root.id, nil as Int?, TopicKind.wholeTerm.rawValue, 2021, 2025,
                                       whole, VietnameseText.fold(whole), "Chuyên đề toàn khóa của \(root.name)."])
        for year in 2021...2025 {
            let title = "Chuyên đề năm \(year): \(annualThemes[(year - 2021) % annualThemes.count])"
            try await batches.add(topics, [topic(year), programmeID, root.id, wholeTermTopic, TopicKind.annual.rawValue, year, year,
                                           title, VietnameseText.fold(title), "Chuyên đề học tập năm \(year) của \(root.name)."])
        }
    }

    private static let annualThemes = [
        "Học tập và làm theo Bác về ý chí tự lực, tự cường", "Về phong cách quần chúng, dân chủ, nêu gương",
        "Về tinh thần đoàn kết, trách nhiệm phục vụ Nhân dân", "Về xây dựng văn hóa và con người Việt Nam",
        "Về đổi mới, sáng tạo, chuyển đổi số",
    ]

    /// After the records: the closure index, the id sequences and the planner's statistics.
    static func finish(_ w: ScaleWriter) async throws {
        let started = ContinuousClock.now
        try await w.db.transaction { try await TreeIndex.rebuild(on: $0) }
        if w.sql.dialect.name == "postgresql" {
            for table in ScaleIDs.tables {
                try await w.sql.raw("""
                    SELECT setval(pg_get_serial_sequence(\(bind: table), 'id'), COALESCE((SELECT MAX(id) FROM \(ident: table)), 0) + 1, false)
                    """).run()
            }
        }
        try await w.sql.raw("ANALYZE").run()
        w.report.add([("unit_closure + ANALYZE", 0)], seconds: ContinuousClock.now - started)
    }
}

/// Tables whose rows the generator numbers itself (their ids are referenced by later rows).
enum ScaleIDs {
    static let tables = ["org_units", "people", "topics", "study_sessions", "grading_sheets", "unit_plans", "contests",
                         "contest_entries", "conduct_codes"]
}
