@testable import App
import Domain
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// Gradings from a file: on the sheets of their unit and year, under the grading screen's rules.
@Suite struct ImportGradingTests {
    static let header = "Năm,Đối tượng,Mã chi bộ,Họ và tên,Ngày sinh,Số CCCD,Xếp loại,Điểm,Hoàn thành mọi nhiệm vụ,Ghi chú"

    /// Twelve members of A1; the first with an identity number, the second with a birth date.
    static func world(_ app: Application) async throws -> GradingTestSupport.World {
        let world = try await GradingTestSupport.world(app)
        world.members[0].identityNumber = "001085000001"
        try await world.members[0].save(on: app.db)
        world.members[1].birthDate = LocalDate("1990-06-15")
        try await world.members[1].save(on: app.db)
        return world
    }

    /// 2024 (four levels): eleven members of A1 (1 HTXSNV, 10 HTTNV) and A1 itself on A's sheet;
    /// 2025 (100 points): two members, by score.
    static func goodRows(member4: String = "httnv", note2: String = "Tích cực") -> [String] {
        [
            header,
            "2024,Đảng viên,A1,,,001085000001,HTXSNV,,,",
            "2024,,A1,Đảng Viên Số 2,15/6/1990,,Hoàn thành tốt nhiệm vụ,,,\(note2)",
        ] + (3...11).map { "2024,,A1,Đảng Viên Số \($0),,,\($0 == 4 ? member4 : "httnv"),,," } + [
            "2024,Tổ chức đảng,A1,,,,Hoàn thành tốt,,,",
            "2025,,A1,Đảng Viên Số 12,,,,75,,",
            "2025,,A1,Đảng Viên Số 11,,,HTTNV,\"80,5\",Không,",
        ]
    }

    static func sheet(_ app: Application, _ unit: OrgUnit, _ year: Int, _ subject: GradingSubject) async throws -> GradingSheet? {
        try await GradingSheet.query(on: app.db).filter(\.$unitID == unit.id!).filter(\.$year == year).filter(\.$subject == subject).first()
    }

    @Test func gradesLandOnTheirSheetsAndAgainChangeNothing() async throws {
        try await withTestApp { app in
            // setup
            let w = try await Self.world(app)
            let m = w.members
            var web = try await TestClient.login(app, "canbo.a")
            let file = ImportTestSupport.csv(Self.goodRows())

            // act
            let preview = try await web.upload(SiteURL.gradingImport.path, filename: "xep-loai.csv", data: file)
            let confirm = try #require(ImportTestSupport.confirmPath(in: preview.body.string))
            let done = try await web.post(confirm, [:])

            // assert: three sheets opened and saved through the grading service, audited
            #expect(preview.status == .ok)
            let lines = ImportTestSupport.lines(in: preview.body.string)
            #expect(lines.count == 14 && lines.allSatisfy { $0[1] == "Thêm mới" })
            #expect(done.status == .seeOther && done.headers.first(name: .location) == SiteURL.gradings.path)
            let cells = try #require(try await Self.sheet(app, w.tree.a1, 2024, .member))
            let grades = try await GradingTestSupport.evaluations(app, sheet: cells.id!)
            let byPerson = Dictionary(uniqueKeysWithValues: grades.map { ($0.personID!, $0) })
            #expect(grades.count == 11 && cells.status == .draft)
            #expect(byPerson[m[0].id!]?.level == .excellent && byPerson[m[1].id!]?.note == "Tích cực")
            #expect(grades.filter { $0.level == .good }.count == 10 && byPerson[m[11].id!] == nil)
            let committee = try #require(try await Self.sheet(app, w.tree.a, 2024, .organisation))
            let units = try await GradingTestSupport.evaluations(app, sheet: committee.id!)
            #expect(units.map(\.subjectUnitID) == [w.tree.a1.id!] && units.first?.level == .good)
            let scored = try #require(try await Self.sheet(app, w.tree.a1, 2025, .member))
            let scores = Dictionary(uniqueKeysWithValues: try await GradingTestSupport.evaluations(app, sheet: scored.id!).map { ($0.personID!, $0) })
            #expect(scores[m[11].id!]?.score == 75 && scores[m[11].id!]?.level == .good)
            #expect(scores[m[10].id!]?.score == 80.5 && scores[m[10].id!]?.allTasksDone == false)
            let actions = try await GradingTestSupport.auditActions(app, sheet: cells.id!)
            #expect(actions == [Audit.Action.create.rawValue, Audit.Action.update.rawValue])
            let imports = try await ImportTestSupport.auditEntries(app, entity: .dataImport)
            #expect(imports.count == 1 && (imports.first?.summary ?? "").contains("14 thêm mới"))

            // act: the same file again, then one changed grade with a note left blank
            let again = try await web.upload(SiteURL.gradingImport.path, filename: "xep-loai.csv", data: file)
            let changed = try await web.upload(SiteURL.gradingImport.path, filename: "xep-loai-2.csv",
                                               data: ImportTestSupport.csv(Self.goodRows(member4: "HTNV", note2: "")))
            let changedLines = ImportTestSupport.lines(in: changed.body.string)
            _ = try await web.post(try #require(ImportTestSupport.confirmPath(in: changed.body.string)), [:])

            // assert: nothing new the first time; one update the second, the note kept
            #expect(ImportTestSupport.lines(in: again.body.string).allSatisfy { $0[1] == "Bỏ qua" })
            #expect(ImportTestSupport.confirmPath(in: again.body.string) == nil)
            #expect(changedLines.filter { $0[1] == "Cập nhật" }.map { $0[0] } == ["5"])
            #expect(changedLines.filter { $0[1] == "Bỏ qua" }.count == 13)
            let after = Dictionary(uniqueKeysWithValues: try await GradingTestSupport.evaluations(app, sheet: cells.id!).map { ($0.personID!, $0) })
            #expect(after[m[3].id!]?.level == .fulfilled && after[m[1].id!]?.note == "Tích cực")
            #expect(try await Evaluation.query(on: app.db).count() == 14)
        }
    }

    @Test func everyRuleOfTheGradingScreenIsAProblem() async throws {
        try await withTestApp { app in
            // setup: A1's 2023 sheet already submitted
            let w = try await Self.world(app)
            try await GradingTestSupport.sheet(app, unit: w.tree.a1, year: 2023, grades: [(w.members[0].id!, .good)])
            var web = try await TestClient.login(app, "canbo.a")
            let file = ImportTestSupport.csv([
                Self.header,
                "2023,,A1,Đảng Viên Số 1,,,HTTNV,,,",
                "2024,,ZZ,Đảng Viên Số 1,,,HTTNV,,,",
                "2024,,A1,Đảng Viên Số 1,,,Giỏi,,,",
                "2030,,A1,Đảng Viên Số 1,,,HTTNV,,,",
                "2024,,A1,Đảng Viên Số 2,,,HTTNV,80,,",
                "2025,,A1,Đảng Viên Số 3,,,HTTNV,,,",
                "2025,,A1,Đảng Viên Số 4,,,HTTNV,95,Có,",
                "2024,,A1,Người Lạ,,,HTTNV,,,",
                "2024,,A1,Đảng Viên Số 5,,,HTTNV,,,",
                "2024,,A1,Đảng Viên Số 5,,,HTTNV,,,",
                "2024,,B1,Đảng Viên Số 5,,,HTTNV,,,",
                "2024,,A1,Đảng Viên Số 6,,,HTXSNV,,,",
                "2024,,A1,Đảng Viên Số 7,,,HTXSNV,,,",
                "2024,,A1,Đảng Viên Số 8,,,HTTNV,,,",
            ])

            // act
            let preview = try await web.upload(SiteURL.gradingImport.path, filename: "sai.csv", data: file)

            // assert: each row that breaks a rule is named, with its column; nothing written
            #expect(preview.status == .unprocessableEntity)
            let problems = ImportTestSupport.problems(in: preview.body.string)
            let byRow = Dictionary(grouping: problems, by: { $0[0] })
            #expect(problems.map { $0[0] } == ["2", "3", "4", "5", "6", "7", "8", "9", "11", "12"])
            let submitted = byRow["2"]?.first?[3] ?? ""
            #expect(byRow["2"]?.first?[1] == "Mã chi bộ (cột C)" && submitted.contains("“Đã nộp”: không ghi đè"))
            #expect(byRow["3"]?.first?[3] == "Không tìm thấy tổ chức đảng có mã “ZZ” trong phạm vi của bạn.")
            #expect(byRow["4"]?.first?[1] == "Xếp loại (cột G)" && byRow["4"]?.first?[2] == "Giỏi")
            #expect(byRow["5"]?.first?[3] == GradingService.noRegimeMessage(2030))
            #expect(byRow["6"]?.first?[3] == "Năm 2024 xếp loại theo mức, không chấm điểm: để trống cột điểm.")
            #expect(byRow["7"]?.first?[3] == "Năm 2025 chấm theo thang 100 điểm: ghi điểm từ 0 đến 100.")
            #expect(byRow["8"]?.first?[3] == "95 điểm, hoàn thành mọi nhiệm vụ là HTXSNV, không phải HTTNV.")
            let stranger = byRow["9"]?.first?[3] ?? ""
            #expect(stranger.hasPrefix("Không tìm thấy người này ở A1"))
            #expect(byRow["11"]?.first?[3] == "Trùng với dòng 10: cùng người (tổ chức) và năm.")
            #expect(byRow["12"]?.first?[3] == "Không tìm thấy tổ chức đảng có mã “B1” trong phạm vi của bạn.")
            // the cap is the grading screen's: a draft over it is a warning, not a problem
            #expect(preview.body.string.contains("Có 2 HTXSNV, vượt giới hạn 20% của 2 HTTNV (tối đa 0)."))
            #expect(ImportTestSupport.confirmPath(in: preview.body.string) == nil)
            #expect(try await Evaluation.query(on: app.db).count() == 1)
            #expect(try await GradingSheet.query(on: app.db).count() == 1)
        }
    }

    @Test func aDraftOverTheCapIsImportedAndRefusedAtSubmissionLikeTheForm() async throws {
        try await withTestApp { app in
            // setup: 2024 with two HTXSNV (members 1 and 4) among eleven graded: 9 HTTNV allow 1
            let w = try await Self.world(app)
            var web = try await TestClient.login(app, "canbo.a")
            let file = ImportTestSupport.csv(Self.goodRows(member4: "HTXSNV"))
            let warning = "Có 2 HTXSNV, vượt giới hạn 20% của 9 HTTNV (tối đa 1)."

            // act: preview, confirm, then submit the sheet as the form does
            let preview = try await web.upload(SiteURL.gradingImport.path, filename: "vuot.csv", data: file)
            let html = preview.body.string
            let done = try await web.post(try #require(ImportTestSupport.confirmPath(in: html)), [:])
            let sheet = try #require(try await Self.sheet(app, w.tree.a1, 2024, .member))
            let id = try #require(sheet.id)
            let page = try await web.get(SiteURL.gradingSheet(id).path)
            let grades = try await GradingTestSupport.evaluations(app, sheet: id)
            var fields: [String: String] = [:]
            for grade in grades { fields["level-\(grade.personID ?? 0)"] = grade.level.rawValue }
            let refused = try await web.post(SiteURL.gradingSheetSubmit(id).path, fields)

            // assert: written as a draft with the warning, as the form would save it; submission refused with the form's message
            #expect(preview.status == .ok && ImportTestSupport.problems(in: html).isEmpty)
            #expect(html.contains("id=\"import-warnings\"") && html.contains("Bảng xếp loại đảng viên năm 2024 của \(w.tree.a1.name): \(warning)"))
            #expect(done.status == .seeOther)
            #expect(grades.count == 11 && grades.filter { $0.level == .excellent }.count == 2)
            #expect(sheet.status == .draft)
            #expect(page.body.string.contains(warning))
            #expect(refused.status == .unprocessableEntity)
            let detail = try await GradingService.detail(sheet, on: app.db)
            let refusal = try #require(GradingService.capRefusal(detail.cap))
            #expect(refusal == warning + " Hãy sửa trước khi nộp.")
            #expect(refused.body.string.contains(refusal))
            #expect(try await GradingSheet.find(id, on: app.db)?.status == .draft)
        }
    }

    @Test func theCommandLineImportsGradesAndAgainSkipsThem() async throws {
        try await withTestApp { app in
            // setup
            _ = try await Self.world(app)
            let path = try ImportCommandTests.file(Self.goodRows(), name: "xep-loai.csv")

            // act
            let first = await ImportCommandTests.run(app, ["xep-loai", path, "--as", "canbo.a"])
            let second = await ImportCommandTests.run(app, ["xep-loai", path, "--as", "canbo.a"])

            // assert
            #expect(first.error == nil && first.output.contains("Đã nhập: 14 thêm mới, 0 cập nhật, 0 bỏ qua."))
            #expect(second.error == nil && second.output.contains("Đã nhập: 0 thêm mới, 0 cập nhật, 14 bỏ qua."))
            #expect(try await Evaluation.query(on: app.db).count() == 14)
        }
    }
}
