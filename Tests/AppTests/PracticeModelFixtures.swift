@testable import App
import Domain
import Fluent
import Foundation
import Vapor

/// Accounts and records for the tests of practice models, exemplars and contests.
enum PracticeModelFixtures {
    /// TU → (A → A1), (B → B1) with "quantri", "canbo.tu", "canbo.a", "lanhdao.a", "bithu.a1",
    /// "dangvien.a1" (a member of A1) and people in A1 and B1.
    struct World {
        let tree: Fixtures.Tree
        let personA1: Person
        let personB1: Person
    }

    static func world(_ app: Application) async throws -> World {
        let tree = try await Fixtures.tree(app)
        let personA1 = try await Fixtures.person(app, "Nguyễn Thị Mẫu Mực", in: tree.a1)
        let personB1 = try await Fixtures.person(app, "Phạm Văn Bên Kia", in: tree.b1)
        try await Fixtures.user(app, "quantri", .admin)
        try await Fixtures.user(app, "canbo.tu", .officer, unit: tree.root)
        try await Fixtures.user(app, "canbo.a", .officer, unit: tree.a)
        try await Fixtures.user(app, "lanhdao.a", .leader, unit: tree.a)
        try await Fixtures.user(app, "bithu.a1", .cellSecretary, unit: tree.a1)
        try await Fixtures.user(app, "dangvien.a1", .member, person: personA1)
        return World(tree: tree, personA1: personA1, personB1: personB1)
    }

    @discardableResult
    static func model(_ app: Application, unit: OrgUnit, year: Int, title: String,
                      kind: PracticeModelKind = .goodModel) async throws -> PracticeModel {
        let model = PracticeModel()
        model.unitID = unit.id!
        model.year = year
        model.kind = kind
        model.title = title
        model.titleFolded = VietnameseText.fold(title)
        model.description = "Mô tả"
        model.results = "Kết quả"
        try await model.create(on: app.db)
        return model
    }

    @discardableResult
    static func exemplar(_ app: Application, unit: OrgUnit, year: Int, person: Person, story: String) async throws -> Exemplar {
        let exemplar = Exemplar()
        exemplar.unitID = unit.id!
        exemplar.year = year
        exemplar.subject = .individual
        exemplar.personID = person.id
        exemplar.name = person.fullName
        exemplar.story = story
        exemplar.recognisedOn = LocalDate(year: year, month: 5, day: 19)!
        exemplar.recognisedBy = "Ban Thường vụ Tỉnh ủy"
        try await exemplar.create(on: app.db)
        return exemplar
    }

    static func modelForm(unit: String = "A1", year: String = "2024", kind: String = "dan_van_kheo",
                          title: String = "Dân vận khéo làm đường") -> [String: String] {
        ["unit": unit, "year": year, "kind": kind, "title": title, "description": "Vận động nhân dân", "results": "2 km đường"]
    }

    static func exemplarForm(unit: String = "A", year: String = "2024", subject: String = "ca_nhan", personID: Int? = nil,
                             subjectUnit: String = "", story: String = "Gương mẫu, tận tụy") -> [String: String] {
        ["unit": unit, "year": year, "subject": subject, "personId": personID.map(String.init) ?? "", "subjectUnit": subjectUnit,
         "story": story, "recognisedOn": "2024-05-19", "recognisedBy": "Ban Thường vụ Tỉnh ủy"]
    }

    static func user(_ app: Application, _ name: String) async throws -> User {
        try await User.query(on: app.db).filter(\.$username == name).first()!
    }

    static func json(_ body: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any] ?? [:]
    }

    @discardableResult
    static func contest(_ app: Application, unit: OrgUnit, year: Int = 2024, title: String) async throws -> Contest {
        let contest = Contest()
        contest.unitID = unit.id!
        contest.year = year
        contest.title = title
        contest.titleFolded = VietnameseText.fold(title)
        contest.rounds = "Vòng sơ khảo: 1/3–30/4/\(year)\nVòng chung khảo: 1/6–30/6/\(year)"
        contest.note = ""
        try await contest.create(on: app.db)
        return contest
    }

    @discardableResult
    static func entry(_ app: Application, contest: Contest, unit: OrgUnit, title: String, authors: [Person],
                      result: ContestEntryResult = .notMarked, selected: Bool = false) async throws -> ContestEntry {
        let entry = ContestEntry()
        entry.contestID = contest.id!
        entry.unitID = unit.id!
        entry.title = title
        entry.result = result
        entry.prize = result == .awarded ? "Giải Ba" : ""
        entry.selectedForHigherLevel = selected
        try await entry.create(on: app.db)
        for person in authors { try await ContestEntryAuthor(entryID: entry.id!, personID: person.id!).create(on: app.db) }
        return entry
    }

    /// The fields of the entry form; authors as the form's checkboxes.
    static func entryForm(unit: String = "A1", title: String = "Người giữ rừng", authors: [Person], result: String = "chua_cham",
                          prize: String = "", selected: Bool = false) -> [String: String] {
        var fields = ["unit": unit, "title": title, "result": result, "prize": prize]
        for person in authors { fields["author-\(person.id!)"] = "1" }
        if selected { fields["selected"] = "1" }
        return fields
    }

    /// For `ScopeTests`: one record of each kind belonging to B or B1.
    static func scopeRecords(_ app: Application, _ tree: Fixtures.Tree) async throws -> ScopeRecords.Records {
        let person = try await Fixtures.person(app, "Hoàng Thị Điển Hình Bí Mật", in: tree.b1)
        let model = try await model(app, unit: tree.b1, year: 2024, title: "Mô hình bí mật của Chi bộ B1")
        let exemplar = try await exemplar(app, unit: tree.b, year: 2024, person: person, story: "Câu chuyện bí mật của điển hình B")
        let contest = try await contest(app, unit: tree.b, title: "Cuộc thi bí mật của Đảng bộ B")
        let entry = try await entry(app, contest: contest, unit: tree.b1, title: "Bài dự thi bí mật của B1", authors: [person])
        return (ids: ["mo-hinh": model.id!, "practice-models": model.id!, "dien-hinh": exemplar.id!, "exemplars": exemplar.id!,
                      "cuoc-thi": contest.id!, "contests": contest.id!, "bai-du-thi": entry.id!, "contest-entries": entry.id!],
                secrets: ["Mô hình bí mật", "Hoàng Thị Điển Hình Bí Mật", "Câu chuyện bí mật", "Cuộc thi bí mật", "Bài dự thi bí mật"])
    }
}
