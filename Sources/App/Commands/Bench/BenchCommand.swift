import Domain
import Fluent
import Foundation
import Vapor

/// `lamtheobac bench rollup|people-sheet`: the benchmarks of issue 7 (docs/PERFORMANCE.md;
/// scripts/bench runs them all). Not part of the test suite.
struct BenchCommand: AsyncCommandGroup {
    var help: String { "Đo tốc độ (docs/PERFORMANCE.md): bench rollup | bench people-sheet" }

    var commands: [String: any AnyAsyncCommand] {
        ["rollup": BenchRollupCommand(), "people-sheet": BenchPeopleSheetCommand()]
    }
}

/// `lamtheobac bench people-sheet --output FILE --format xlsx|csv`: every person of the database
/// as the people export writes them (identity numbers included, as an administrator's file), the
/// import benchmark's input.
struct BenchPeopleSheetCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "output", help: "Tệp ghi ra")
        var output: String?
        @Option(name: "format", help: "xlsx | csv")
        var format: String?
    }

    var help: String { "Ghi danh sách cán bộ, đảng viên ra tệp của phần nhập: bench people-sheet --output TỆP --format xlsx|csv" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let db = context.application.db
        guard let output = signature.output, !output.isEmpty else {
            throw ValidationFailure(field: "output", message: "--output: chưa nhập tệp ghi ra.")
        }
        guard let format = SheetExport.Format(rawValue: (signature.format ?? "xlsx").lowercased()) else {
            throw ValidationFailure(field: "format", message: "--format: chọn xlsx hoặc csv.")
        }
        let people = try await Person.query(on: db).sort(\.$sortKey).sort(\.$id).all()
        let codes = try await OrgUnit.query(on: db).all().reduce(into: [Int: String]()) { $0[$1.id!] = $1.code }
        let rows = PeopleExport.rows(people, unitCodes: codes, identityNumbers: true)
        let data = try SheetExport.data(.people, rows: rows, format: format)
        try data.write(to: URL(fileURLWithPath: output))
        context.console.print("Đã ghi \(output): \(VietnameseFormat.number(rows.count)) người, \(VietnameseFormat.number(data.count)) byte.")
    }
}
