import Domain
import Fluent
import Foundation
import Spreadsheets
import Vapor

/// `lamtheobac import KIND FILE [--dry-run] --as USERNAME [--session ID] [--cot "HEADER=COLUMN"]…`
/// The web's import without the server: the same checks, as the named account with its scope,
/// then every row in one transaction with the same audit entry, or nothing. Long files show
/// their progress on standard error.
struct ImportCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "kind", help: "can-bo-dang-vien (nguoi) | sinh-hoat-chi-bo | diem-danh | …")
        var kind: String
        @Argument(name: "file", help: "Tệp Excel (.xlsx) hoặc CSV")
        var file: String
        @Flag(name: "dry-run", help: "Chỉ kiểm tra, không ghi gì")
        var dryRun: Bool
        @Option(name: "as", help: "Tên đăng nhập của tài khoản nhập (quyền và phạm vi của tài khoản đó)")
        var username: String?
        @Option(name: "session", help: "Mã số hội nghị học tập (khi nhập điểm danh)")
        var session: String?
        /// Read by `run(using:)` itself, since it may be given many times; declared for the help.
        @Option(name: "cot", help: "Gán một cột của tệp cho một cột cần nhập: --cot \"Tên ĐV=Họ và tên\" (ghi nhiều lần được)")
        var column: String?
    }

    /// The web's 10 MB and 100.000 rows are for uploads; on the server's own disk a province's
    /// 250.000 members fit, with room.
    static let limits = SpreadsheetLimits(maxBytes: 512 * 1_048_576, maxRows: 1_000_000, maxUnpackedBytes: 4096 * 1_048_576)

    /// Names people type besides the kinds' own ("can_bo_dang_vien", "can-bo-dang-vien", the label).
    static let aliases: [String: ImportKind] = ["nguoi": .people, "dang-vien": .people]

    var help: String {
        "Nhập dữ liệu từ tệp: import LOẠI TỆP --as TÊN_ĐĂNG_NHẬP [--dry-run] [--session MÃ_HỘI_NGHỊ]"
    }

    /// ConsoleKit takes an option once; every `--cot` is taken out here before the rest is parsed.
    func run(using context: inout CommandContext) async throws {
        var arguments = context.input.arguments
        var columns: [String] = []
        while let index = arguments.firstIndex(where: { $0 == "--cot" || $0.hasPrefix("--cot=") }) {
            if arguments[index] == "--cot" {
                guard index + 1 < arguments.count else {
                    throw ValidationFailure(field: "cot", message: "--cot: ghi “Tên cột trong tệp=Tên cột cần nhập”, ví dụ --cot \"Tên ĐV=Họ và tên\".")
                }
                columns.append(arguments[index + 1])
                arguments.removeSubrange(index...(index + 1))
            } else {
                columns.append(String(arguments[index].dropFirst("--cot=".count)))
                arguments.remove(at: index)
            }
        }
        context.input.arguments = arguments
        let signature = try Signature(from: &context.input)
        guard context.input.arguments.isEmpty else {
            throw CommandError.unknownInput(context.input.arguments.joined(separator: " "))
        }
        try await perform(context, signature, columns: columns)
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        try await perform(context, signature, columns: signature.column.map { [$0] } ?? [])
    }

    private func perform(_ context: CommandContext, _ signature: Signature, columns: [String]) async throws {
        let app = context.application
        try await app.autoMigrate()
        try await TreeIndex.ensureFresh(on: app.db)
        let progress = ImportProgress.standardError(writing: !signature.dryRun)
        do {
            context.console.print(try await Self.execute(signature, columns: columns, on: app.db, progress: progress))
        } catch let failed as ImportReport.Failed {
            context.console.print(failed.text)
            throw failed
        }
    }

    /// Runs the import and returns what it did as text; throws, with the text of every problem,
    /// when nothing was written because of them.
    static func execute(_ s: Signature, columns: [String] = [], on db: any Database, progress: ImportProgress?) async throws -> String {
        let kind = try Self.kind(s.kind)
        let upload = try Self.upload(s.file, progress: progress)
        let access = try await Self.access(s.username, on: db)
        var params = ImportParams(mapping: try Self.mapping(columns))
        _ = try params.headerMapping(kind)
        if kind == .attendance {
            guard let raw = s.session, let id = Int(raw.trimmingCharacters(in: .whitespaces)) else {
                throw ValidationFailure(field: "session", message: "--session: nhập điểm danh cần mã số hội nghị học tập (một số), ví dụ --session 12.")
            }
            params.sessionID = id
        }
        let sha256 = SHA256.hash(data: upload.data).hex
        defer { progress?.finish() }
        do {
            if s.dryRun {
                let preview = try await ImportService.check(upload, sha256: sha256, kind: kind, params: params, access: access)
                let report = ImportReport.text(preview, written: false)
                guard preview.isValid else { throw ImportReport.Failed(text: report) }
                return report
            }
            let pending = PendingImport(upload, kind: kind, params: params, sha256: sha256, userID: access.user.id)
            let (preview, _) = try await ImportService.confirm(pending, access: access, run: upload.run)
            return ImportReport.text(preview, written: true)
        } catch let rejected as ImportRejected {
            throw ImportReport.Failed(text: ImportReport.text(rejected.preview, written: false))
        } catch let abort as any AbortError where abort.status == .notFound && kind == .attendance {
            throw ValidationFailure(field: "session", message:
                "--session: không tìm thấy hội nghị học tập số \(params.sessionID ?? 0) trong phạm vi của tài khoản “\(access.user.username)”.")
        }
    }

    /// `--cot "Tên ĐV=Họ và tên"`, each: the file's header → the kind's column (by its title, a
    /// usual spelling or its key), checked against the kind by `ImportParams.headerMapping`.
    static func mapping(_ columns: [String]) throws -> [String: String] {
        var mapping: [String: String] = [:]
        for text in columns {
            guard let equals = text.lastIndex(of: "=") else {
                throw ValidationFailure(field: "cot", message: "--cot “\(text)”: ghi “Tên cột trong tệp=Tên cột cần nhập”, ví dụ --cot \"Tên ĐV=Họ và tên\".")
            }
            let header = VietnameseText.normalize(String(text[..<equals])), column = VietnameseText.normalize(String(text[text.index(after: equals)...]))
            guard !header.isEmpty, !column.isEmpty else {
                throw ValidationFailure(field: "cot", message: "--cot “\(text)”: cần cả tên cột trong tệp và tên cột cần nhập.")
            }
            if let earlier = mapping[header], HeaderMatcher.fold(earlier) != HeaderMatcher.fold(column) {
                throw ValidationFailure(field: "cot", message: "--cot: cột “\(header)” của tệp được gán hai lần (“\(earlier)” và “\(column)”).")
            }
            mapping[header] = column
        }
        return mapping
    }

    /// A kind by its code, its code with hyphens, its label without diacritics, or an alias.
    static func kind(_ raw: String) throws -> ImportKind {
        let slug = Self.slug(raw)
        if let kind = aliases[slug] ?? ImportKind.allCases.first(where: { Self.slug($0.rawValue) == slug || Self.slug($0.label) == slug }) {
            return kind
        }
        let choices = ImportKind.allCases.map { "\(Self.slug($0.rawValue)) (\($0.label))" }.joined(separator: ", ")
        throw ValidationFailure(field: "kind", message: "Loại dữ liệu “\(raw)” không có; chọn một trong: \(choices).")
    }

    /// "Cán bộ, đảng viên" → "can-bo-dang-vien"; "sinh_hoat_chi_bo" → "sinh-hoat-chi-bo".
    static func slug(_ text: String) -> String {
        VietnameseText.fold(text).split(whereSeparator: { !($0.isASCII && ($0.isLetter || $0.isNumber)) }).joined(separator: "-")
    }

    static func upload(_ path: String, progress: ImportProgress?) throws -> ImportUpload {
        let url = URL(fileURLWithPath: path)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue else {
            throw ValidationFailure(field: "file", message: "Không có tệp “\(path)”.")
        }
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw ValidationFailure(field: "file", message: "Không đọc được tệp “\(path)”: \(error.localizedDescription)")
        }
        let name = VietnameseText.normalize(url.lastPathComponent)
        return ImportUpload(filename: String(name.prefix(255)), data: data, run: ImportRun(limits: limits, progress: progress))
    }

    /// The account the import runs as: its scope, its name in the audit log. It must exist, be
    /// active and write unit records.
    static func access(_ username: String?, on db: any Database) async throws -> Access {
        let name = VietnameseText.normalize(username ?? "").lowercased()
        guard !name.isEmpty else {
            let admins = try await User.query(on: db).filter(\.$role == .admin).filter(\.$isActive == true)
                .sort(\.$username).limit(5).all().map(\.username)
            let hint = admins.isEmpty ? "" : " (tài khoản quản trị: \(admins.joined(separator: ", ")))"
            throw ValidationFailure(field: "as", message:
                "--as: chọn tài khoản thực hiện việc nhập\(hint); dữ liệu được nhập trong phạm vi và dưới tên của tài khoản đó.")
        }
        guard let user = try await User.query(on: db).filter(\.$username == name).first() else {
            throw ValidationFailure(field: "as", message: "--as: không có tài khoản “\(name)”.")
        }
        guard user.isActive else {
            throw ValidationFailure(field: "as", message: "--as: tài khoản “\(name)” đã bị khóa.")
        }
        guard user.role.writesUnitRecords else {
            throw ValidationFailure(field: "as", message:
                "--as: tài khoản “\(name)” (\(user.role.label)) chỉ được xem, không được nhập dữ liệu.")
        }
        return Access(user: CurrentUser(user), db: db)
    }
}

/// What an import did or would do, as the command prints it.
enum ImportReport {
    /// Nothing was written: the problems' text, for the console and the exit status.
    struct Failed: Error, CustomStringConvertible {
        let text: String
        var description: String { "Không dòng nào của tệp được ghi." }
    }

    static func text(_ preview: ImportPreview, written: Bool) -> String {
        var lines = ["Tệp “\(preview.filename)” (SHA-256 \(preview.sha256)): \(VietnameseFormat.number(preview.rowCount)) dòng, nhập như \(preview.kind.label.lowercased())."]
        lines += preview.conversions.map { $0 + "." }
        lines += preview.warnings
        if !preview.isValid {
            lines.append("Có \(VietnameseFormat.number(preview.problems.count)) lỗi; không dòng nào được ghi. Sửa tệp rồi chạy lại:")
            lines += preview.problems.map(problem)
        } else if written {
            lines.append("Đã nhập: \(preview.counts.text).")
        } else {
            lines.append("Kiểm tra xong, chưa ghi gì. Khi chạy không có --dry-run: \(preview.counts.text).")
        }
        return lines.joined(separator: "\n")
    }

    /// "Dòng 12, Ngày sinh (cột B), giá trị “31/02/1980”: Ngày sinh không hợp lệ: …"
    static func problem(_ p: ImportProblem) -> String {
        var place = p.row.map { "Dòng \($0)" } ?? "Tệp"
        if !p.column.isEmpty { place += ", \(p.column)" }
        if !p.value.isEmpty { place += ", giá trị “\(p.value)”" }
        return "\(place): \(p.reason)"
    }
}
