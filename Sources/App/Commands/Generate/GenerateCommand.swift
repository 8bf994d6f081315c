import Domain
import Fluent
import SQLKit
import Vapor

/// `lamtheobac generate --scale province|demo --seed N [--units-only]`: fills an empty database
/// with a generated province (DESIGN.md §7), the same for the same seed, and reports its speed.
struct GenerateCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "scale", help: "province (một tỉnh: 13.000 tổ chức đảng, 250.000 đảng viên) hoặc demo (khoảng 40 tổ chức, 600 người)")
        var scale: String?
        @Option(name: "seed", help: "Hạt giống (số nguyên); cùng hạt giống cho cùng dữ liệu")
        var seed: Int?
        @Flag(name: "units-only", help: "Chỉ sinh cây tổ chức, tài khoản và danh mục; không sinh người và hồ sơ")
        var unitsOnly: Bool
    }

    var help: String {
        "Sinh dữ liệu quy mô tỉnh để đo tốc độ: generate --scale province|demo --seed N [--units-only]"
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let profile = ScaleProfile.named(signature.scale ?? "") else {
            throw ValidationFailure(field: "scale", message: "--scale: chọn province hoặc demo.")
        }
        let app = context.application
        try await app.autoMigrate()
        let console = context.console
        let summary = try await Self.generate(profile: profile, seed: UInt64(truncatingIfNeeded: signature.seed ?? 1),
                                              unitsOnly: signature.unitsOnly, on: app.db) { line in console.print(line) }
        for line in summary { console.print(line) }
    }

    /// Generates into `db`, which must hold no unit and no person; returns the closing lines.
    static func generate(profile: ScaleProfile, seed: UInt64, unitsOnly: Bool, on db: any Database,
                         print: @escaping @Sendable (String) -> Void) async throws -> [String] {
        let sql = db as! any SQLDatabase
        struct Count: Decodable { let n: Int }
        for table in ["org_units", "people"] {
            let count = try await sql.raw("SELECT COUNT(*) AS n FROM \(ident: table)").first(decoding: Count.self)?.n ?? 0
            if count > 0 {
                throw ValidationFailure(field: "database", message: "Cơ sở dữ liệu đã có dữ liệu (\(table)); chỉ sinh dữ liệu vào cơ sở dữ liệu trống.")
            }
        }
        print("Sinh dữ liệu quy mô \(profile.name), hạt giống \(seed)\(unitsOnly ? ", chỉ cây tổ chức" : "")…")
        let report = ScaleReport(print: print)
        let writer = ScaleWriter(db: db, tree: ScaleTree(profile: profile, seed: seed), seed: seed, report: report)
        let accounts = try await GenerateUnits.write(writer)
        if !unitsOnly {
            for family in GenerateRecords.all { try await family(writer) }
        }
        try await GenerateUnits.finish(writer)
        return [
            "Tổng cộng: \(VietnameseFormat.number(report.totalRows)) dòng trong \(VietnameseFormat.number(report.totalSeconds, fractionDigits: 1)) giây "
                + "(\(ScaleReport.rate(report.totalRows, report.totalSeconds)) dòng/giây).",
            "Tài khoản (mật khẩu \(DemoLoader.password)):",
        ] + accounts.map { "  \($0.username) — \($0.note)" }
    }
}

/// The record families after the tree, in the order they are written.
enum GenerateRecords {
    static let all: [@Sendable (ScaleWriter) async throws -> Void] = [
        GeneratePeople.write, GenerateMeetings.write, GenerateStudy.write, GeneratePersonalPlans.write,
        GenerateUnitPlans.write, GenerateGradings.write, GenerateRecognition.write, GeneratePractice.write,
    ]
}
