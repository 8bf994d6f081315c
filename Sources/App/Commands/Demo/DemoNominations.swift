import Domain
import Fluent
import Foundation

/// Demo nominations of 2025 from cells of Đông Lạc and Đông Hải, after the restructuring (the
/// communes answer to the province): one decided by the province (its commendations made by the
/// decision's own code), one pending at the province, one returned to its cell with a reason,
/// one draft. Fixed dates and people (the first of each cell by id).
enum DemoNominations {
    static let event = "Tổng kết năm 2025"

    private struct Context {
        let units: [String: OrgUnit]
        let forms: [String: Int]
        let issuers: [String: Int]
    }

    /// One step: the action, its day, who, from → to and the reason.
    private typealias Step = (NominationAction, String, String, String, String, String)

    static func build(on db: any Database) async throws {
        let units = try await OrgUnit.query(on: db).all()
        let c = Context(
            units: Dictionary(uniqueKeysWithValues: units.map { ($0.code, $0) }),
            forms: Dictionary(uniqueKeysWithValues: try await CommendationForm.query(on: db).all().map { ($0.name, $0.id!) }),
            issuers: Dictionary(uniqueKeysWithValues: try await CommendationIssuer.query(on: db).all().map { ($0.name, $0.id!) }))
        let decided = try await write(
            "X-DL-01", "Đề nghị Ban Thường vụ Tỉnh ủy tặng Bằng khen năm 2025 — Chi bộ thôn Phú Mỹ", c, status: .decided, at: "TU",
            steps: [(.submit, "2025-11-20", "bithu.x-dl-01", "X-DL-01", "X-DL", ""),
                    (.forward, "2025-11-27", "canbo.dl", "X-DL", "TU", "Đảng ủy xã thống nhất đề nghị."),
                    (.decide, "2025-12-18", "tinhuy", "TU", "TU", "")], on: db)
        let candidates = try await NominationCandidate.query(on: db).filter(\.$nominationID == decided.id!).sort(\.$id).all()
        decided.issuerID = c.issuers["Ban Thường vụ Tỉnh ủy"]
        decided.decisionNumber = "215-QĐ/TU"
        decided.decidedOn = LocalDate("2025-12-18")
        try await decided.update(on: db)
        for (index, candidate) in candidates.enumerated() {
            // the province accepts the cell and its first member; the second waits for another year
            candidate.accepted = index < 2
            if candidate.accepted == true {
                let commendation = NominationService.commendation(for: candidate, of: decided)
                try await commendation.create(on: db)
                candidate.commendationID = commendation.id
            }
            try await candidate.update(on: db)
        }
        _ = try await write(
            "X-DH-01", "Đề nghị khen thưởng tập thể, cá nhân tiêu biểu năm 2025 — Chi bộ thôn Hải Bình", c, status: .pending, at: "TU",
            steps: [(.submit, "2025-12-01", "bithu.x-dh-01", "X-DH-01", "X-DH", ""),
                    (.forward, "2025-12-08", "canbo.x-dh", "X-DH", "TU", "Đồng ý, đề nghị Tỉnh ủy xem xét.")], on: db)
        _ = try await write(
            "X-DL-01", "Đề nghị khen thưởng đảng viên làm theo Bác năm 2025 — Chi bộ thôn Phú Mỹ", c, status: .returned, at: "X-DL-01",
            steps: [(.submit, "2025-12-05", "bithu.x-dl-01", "X-DL-01", "X-DL", ""),
                    (.returnForRevision, "2025-12-10", "canbo.dl", "X-DL", "X-DL-01",
                     "Bổ sung biên bản họp xét và số liệu thành tích cụ thể của từng đảng viên.")], on: db)
        _ = try await write("X-DH-02", "Đề nghị khen thưởng năm 2025 — Chi bộ thôn Hải Thịnh", c, status: .draft, at: "X-DH-02",
                            steps: [], on: db)
    }

    private static func write(
        _ code: String, _ title: String, _ c: Context, status: NominationStatus, at current: String, steps: [Step],
        on db: any Database
    ) async throws -> Nomination {
        let cell = c.units[code]!
        let n = Nomination()
        n.unitID = cell.id!
        n.currentUnitID = c.units[current]!.id!
        n.title = title
        n.titleFolded = VietnameseText.fold(title)
        n.fromYear = 2025
        n.toYear = 2025
        n.event = event
        n.status = status
        n.submittedOn = steps.last { $0.0 == .submit }.flatMap { LocalDate($0.1) }
        n.decisionNumber = ""
        try await n.create(on: db)
        let people = try await Person.query(on: db).filter(\.$currentUnitID == cell.id!).sort(\.$id).range(0..<2).all()
        var candidates: [NominationCandidate] = [candidate(n, .unit, unit: cell, name: cell.name, form: c.forms["Bằng khen"]!,
            "Chi bộ hoàn thành xuất sắc nhiệm vụ năm 2025; nhiều cách làm hay trong học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.")]
        for person in people {
            candidates.append(candidate(n, .person, person: person, name: person.fullName, form: c.forms["Bằng khen"]!,
                "Đảng viên hoàn thành xuất sắc nhiệm vụ; gương mẫu vận động nhân dân hiến đất làm đường giao thông nông thôn."))
        }
        try await candidates.create(on: db)
        var papers: [(NominationPaperKind, String)] = [(.submission, "Tờ trình số 05-TTr/CB ngày \(VietnameseFormat.date(LocalDate("2025-11-15")!))")]
        if status != .draft {
            papers += [(.minutes, "Biên bản họp chi bộ xét đề nghị khen thưởng ngày 14/11/2025"),
                       (.achievements, "Báo cáo tóm tắt thành tích của tập thể và từng cá nhân")]
        }
        for (kind, text) in papers {
            let paper = NominationPaper()
            paper.nominationID = n.id!
            paper.kind = kind
            paper.description = text
            try await paper.create(on: db)
        }
        for (index, step) in steps.enumerated() {
            let e = NominationEvent()
            e.nominationID = n.id!
            e.action = step.0
            e.onDate = LocalDate(step.1)!
            e.at = ISO8601DateFormatter().date(from: step.1 + "T0\(index + 1):00:00Z")!
            e.username = step.2
            e.fromUnitID = c.units[step.3]!.id!
            e.toUnitID = c.units[step.4]!.id!
            e.comment = step.5
            try await e.create(on: db)
        }
        return n
    }

    private static func candidate(
        _ n: Nomination, _ kind: CommendationRecipient, unit: OrgUnit? = nil, person: Person? = nil, name: String, form: Int,
        _ achievements: String
    ) -> NominationCandidate {
        let c = NominationCandidate()
        c.nominationID = n.id!
        c.recipientKind = kind
        c.recipientUnitID = unit?.id
        c.personID = person?.id
        c.recipientName = name
        c.achievements = achievements
        c.formID = form
        return c
    }
}
