@testable import App
import ConsoleKit
import Domain
import Fluent
import Foundation
import NIOConcurrencyHelpers
import Spreadsheets
import Testing
import Vapor

/// `lamtheobac import KIND FILE`: the web's checks and writes, as a named account, from the shell.
@Suite struct ImportCommandTests {
    static let goodRows = [
        ImportPeopleTests.header,
        "Nguyễn Văn Mới,12/3/1985,Nam,A1,Đảng viên,3/2/2010,3/2/2011,001085012345,0912 345 678,moi@donvi.vn",
        "Trần Thị Hai,01/01/1990,nữ,A1,can_bo,,,,,",
    ]
    static let badRows = goodRows + ["Lý Văn Sai,31/02/1980,Nam,A1,Đảng viên,,,,,"]

    /// A file in a fresh folder; its path.
    static func file(_ rows: [String], name: String = "nguoi.csv") throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try ImportTestSupport.csv(rows).write(to: url)
        return url.path
    }

    /// Runs the command as the shell would; what it printed, and the error that makes it exit 1.
    static func run(_ app: Application, _ arguments: [String]) async -> (output: String, error: (any Error)?) {
        let console = CapturedConsole()
        var context = CommandContext(console: console, input: CommandInput(arguments: ["lamtheobac"] + arguments))
        context.application = app
        do {
            try await ImportCommand().run(using: &context)
            return (console.text, nil)
        } catch {
            return (console.text, error)
        }
    }

    static func counts(_ app: Application) async throws -> (people: Int, imports: Int, pending: Int) {
        (try await Person.query(on: app.db).count(), try await ImportTestSupport.auditEntries(app, entity: .dataImport).count,
         try await PendingImport.query(on: app.db).count())
    }

    @Test func aDryRunPrintsThePreviewAndWritesNothing() async throws {
        try await withTestApp { app in
            // setup
            _ = try await ImportPeopleTests.world(app)
            let good = try Self.file(Self.goodRows), bad = try Self.file(Self.badRows)
            let before = try await Self.counts(app)

            // act
            let checked = await Self.run(app, ["nguoi", good, "--dry-run", "--as", "canbo.a"])
            let failed = await Self.run(app, ["can-bo-dang-vien", bad, "--dry-run", "--as", "canbo.a"])

            // assert
            #expect(checked.error == nil)
            #expect(checked.output.contains("Kiểm tra xong, chưa ghi gì. Khi chạy không có --dry-run: 2 thêm mới, 0 cập nhật, 0 bỏ qua."))
            #expect(checked.output.contains("“nguoi.csv” (SHA-256 ") && checked.output.contains("): 2 dòng"))
            #expect(failed.error is ImportReport.Failed)
            #expect(failed.output.contains("Có 1 lỗi; không dòng nào được ghi."))
            #expect(failed.output.contains("Dòng 4, Ngày sinh (cột B), giá trị “31/02/1980”: "))
            #expect(try await Self.counts(app) == before)
        }
    }

    @Test func aRealRunWritesEveryRowWithTheWebsAuditEntry() async throws {
        try await withTestApp { app in
            // setup
            let w = try await ImportPeopleTests.world(app)
            let path = try Self.file(Self.goodRows, name: "đảng viên mới.csv")
            let checksum = SHA256.hash(data: try Data(contentsOf: URL(fileURLWithPath: path))).hex

            // act
            let done = await Self.run(app, ["Cán bộ, đảng viên", path, "--as", "canbo.a"])
            let again = await Self.run(app, ["can_bo_dang_vien", path, "--as", "canbo.a"])

            // assert
            #expect(done.error == nil && again.error == nil)
            #expect(done.output.contains("Đã nhập: 2 thêm mới, 0 cập nhật, 0 bỏ qua."))
            #expect(again.output.contains("Đã nhập: 0 thêm mới, 0 cập nhật, 2 bỏ qua."))
            let moi = try #require(try await Person.query(on: app.db).filter(\.$fullName == "Nguyễn Văn Mới").first())
            #expect(moi.currentUnitID == w.tree.a1.id && moi.identityNumber == "001085012345" && moi.birthDate?.iso == "1985-03-12")
            #expect(try await Self.counts(app) == (4, 2, 0))
            let entry = try #require(try await ImportTestSupport.auditEntries(app, entity: .dataImport).first)
            #expect(entry.username == "canbo.a" && entry.unitID == w.tree.a.id)
            let record = try JSONDecoder().decode(ImportAuditRecord.self, from: Data((entry.afterJSON ?? "").utf8))
            #expect(record.filename == "đảng viên mới.csv" && record.sha256 == checksum && record.created == 2 && record.rows == 2)
            #expect(try await ImportTestSupport.auditEntries(app, entity: .person).count == 2)
        }
    }

    @Test func aFailingFileExitsNonZeroAndWritesNothing() async throws {
        try await withTestApp { app in
            // setup
            _ = try await ImportPeopleTests.world(app)
            let bad = try Self.file(Self.badRows)
            let outside = try Self.file([ImportPeopleTests.header, "Người Ở B,1/1/1980,Nam,B1,Đảng viên,,,,,"])
            let before = try await Self.counts(app)

            // act
            let failed = await Self.run(app, ["nguoi", bad, "--as", "canbo.a"])
            let scoped = await Self.run(app, ["nguoi", outside, "--as", "canbo.a"])

            // assert: the good rows of the file are not written either; B is outside the account's scope
            #expect(failed.error is ImportReport.Failed && "\(failed.error!)" == "Không dòng nào của tệp được ghi.")
            #expect(failed.output.contains("Dòng 4, Ngày sinh (cột B), giá trị “31/02/1980”"))
            #expect(scoped.error is ImportReport.Failed && scoped.output.contains("Dòng 2, Chi bộ (cột D), giá trị “B1”"))
            #expect(try await Self.counts(app) == before)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$entityType == Audit.Entity.person.rawValue).count() == 0)
        }
    }

    @Test func mistakesInWhatWasTypedAreToldInVietnamese() async throws {
        try await withTestApp { app in
            // setup
            _ = try await ImportPeopleTests.world(app)
            try await Fixtures.user(app, "quantri.b", .admin)
            let good = try Self.file(Self.goodRows)

            // act
            var messages: [String] = []
            for arguments in [
                ["ho-so", good, "--as", "canbo.a"], ["nguoi", good + ".khong-co", "--as", "canbo.a"],
                ["nguoi", good, "--as", "khong.co"], ["nguoi", good, "--as", "lanhdao.a"], ["nguoi", good],
                ["diem-danh", good, "--as", "canbo.a"], ["diem-danh", good, "--as", "canbo.a", "--session", "999"],
            ] {
                messages.append(await Self.run(app, arguments).error.map { "\($0)" } ?? "")
            }

            // assert
            #expect(messages[0].contains("Loại dữ liệu “ho-so” không có; chọn một trong: sinh-hoat-chi-bo (Sinh hoạt chi bộ)"))
            #expect(messages[1] == "Không có tệp “\(good).khong-co”.")
            #expect(messages[2] == "--as: không có tài khoản “khong.co”.")
            #expect(messages[3].contains("--as: tài khoản “lanhdao.a” (Lãnh đạo) chỉ được xem"))
            #expect(messages[4].contains("--as: chọn tài khoản thực hiện việc nhập (tài khoản quản trị: quantri.b)"))
            #expect(messages[5].contains("--session: nhập điểm danh cần mã số hội nghị học tập"))
            #expect(messages[6].contains("--session: không tìm thấy hội nghị học tập số 999"))
            #expect(try await Self.counts(app).people == 2)
        }
    }

    @Test func everyKindHasItsSlugAndTheRunsLimitsAndProgressAreUsed() async throws {
        try await withTestApp { app in
            // setup
            _ = try await ImportPeopleTests.world(app)
            let officer = try #require(try await User.query(on: app.db).filter(\.$username == "canbo.a").first())
            let access = Access(user: CurrentUser(officer), db: app.db)
            let lines = NIOLockedValueBox<[String]>([])
            let progress = ImportProgress(inPlace: false, interval: 0, afterLastRow: "đang ghi") { line in lines.withLockedValue { $0.append(line) } }
            var tight = ImportUpload(filename: "nguoi.csv", data: ImportTestSupport.csv(Self.goodRows))
            tight.run = ImportRun(limits: SpreadsheetLimits(maxRows: 2), progress: nil)
            var watched = ImportUpload(filename: "nguoi.csv", data: ImportTestSupport.csv(Self.goodRows))
            watched.run = ImportRun(limits: ImportCommand.limits, progress: progress)

            // act
            let refused = try await ImportService.check(tight, sha256: "", kind: .people, params: ImportParams(), access: access)
            let checked = try await ImportService.check(watched, sha256: "", kind: .people, params: ImportParams(), access: access)

            // assert
            for kind in ImportKind.allCases {
                #expect(try ImportCommand.kind(ImportCommand.slug(kind.rawValue)) == kind)
                #expect(try ImportCommand.kind(kind.rawValue) == kind && ImportCommand.kind(kind.label) == kind)
            }
            #expect(ImportCommand.limits.maxRows >= 250_000 && ImportService.limits.maxRows == 100_000)
            #expect(refused.problems.count == 1 && refused.problems[0].row == nil)
            #expect(checked.isValid && checked.counts.created == 2)
            #expect(lines.withLockedValue { $0 } == ["Đang kiểm tra: 1/2 dòng (50%)\n", "Đang kiểm tra: 2/2 dòng (100%); đang ghi\n"])
            #expect(ImportProgress.text(done: 12_000, total: 250_000) == "Đang kiểm tra: 12.000/250.000 dòng (4%)")
        }
    }
}

/// A console that keeps what a command prints.
final class CapturedConsole: Console {
    private let printed = NIOLockedValueBox("")
    private let info = NIOLockedValueBox<[AnySendableHashable: any Sendable]>([:])

    var text: String { printed.withLockedValue { $0 } }
    var userInfo: [AnySendableHashable: any Sendable] {
        get { info.withLockedValue { $0 } }
        set { info.withLockedValue { $0 = newValue } }
    }

    func input(isSecure: Bool) -> String { "" }
    func output(_ text: ConsoleText, newLine: Bool) { printed.withLockedValue { $0 += text.description + (newLine ? "\n" : "") } }
    func report(error: String, newLine: Bool) { printed.withLockedValue { $0 += error + (newLine ? "\n" : "") } }
    func clear(_ type: ConsoleClear) {}
    var size: (width: Int, height: Int) { (80, 24) }
}
