import Domain
import Fluent
import Foundation
import SQLKit
import Vapor

/// `lamtheobac bench rollup --unit CODE --from 18/5/2021 --to 18/5/2024 --runs 5`: the rollup
/// table of a unit (`IndicatorTables.rollup`) against the baseline's hand-written SQL on the same
/// database, alternately, the median of each; exits with 1 naming the first number that differs.
/// Prints a last line `RESULT key=value…` for scripts/bench.
struct BenchRollupCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "unit", help: "Mã tổ chức đảng")
        var unit: String?
        @Option(name: "from", help: "Từ ngày (18/5/2021 hoặc 2021-05-18)")
        var from: String?
        @Option(name: "to", help: "Đến ngày")
        var to: String?
        @Option(name: "runs", help: "Số lần đo (mặc định 5)")
        var runs: Int?
    }

    var help: String { "Đo tổng hợp chỉ tiêu so với SQL viết tay: bench rollup --unit MÃ --from NGÀY --to NGÀY --runs N" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        var problems = InvalidInput()
        let from = ProgrammeService.requiredDate(signature.from, "from", "--from (từ ngày)", &problems)
        let to = ProgrammeService.requiredDate(signature.to, "to", "--to (đến ngày)", &problems)
        let runs = signature.runs ?? 5
        if runs < 1 { problems.add("runs", "--runs: phải từ 1 trở lên.") }
        try problems.check()
        let period = try IndicatorPeriod(from: from!, to: to!)
        try await TreeIndex.ensureFresh(on: app.db)
        let unit = try await Self.unit(VietnameseText.normalize(signature.unit ?? ""), on: app.db)
        var ours: [Double] = [], baseline: [Double] = []
        for run in 1...runs {
            let (table, oursTime) = try await Self.timed { try await IndicatorTables.rollup(unit, period, on: app.db) }
            let (mine, baselineTime) = try await Self.timed { try await BaselineRollup.compute(root: unit.id, period: period, on: app.db) }
            ours.append(oursTime)
            baseline.append(baselineTime)
            if run == 1, let difference = mine.firstDifference(from: table) {
                context.console.error("Đường cơ sở khác rollup: \(difference)")
                throw BenchFailure.differs
            }
            context.console.print("Lần \(run): rollup \(Self.ms(oursTime)) ms, SQL viết tay \(Self.ms(baselineTime)) ms")
        }
        let o = Self.median(ours), b = Self.median(baseline)
        let ratio = b > 0 ? o / b : 0
        let memory = PeakMemory.ownKB()
        context.console.print("""
            \(unit.code) \(period.text): rollup \(Self.ms(o)) ms, SQL viết tay \(Self.ms(b)) ms (trung vị \(runs) lần), \
            tỉ lệ \(String(format: "%.2f", ratio)); số liệu trùng khớp; bộ nhớ đỉnh \(memory / 1024) MB
            """)
        context.console.print("RESULT unit=\(unit.code) runs=\(runs) ours_ms=\(Self.ms(o)) baseline_ms=\(Self.ms(b)) "
                              + "ratio=\(String(format: "%.2f", ratio)) vmhwm_kb=\(memory)")
    }

    static func unit(_ code: String, on db: any Database) async throws -> UnitRef {
        struct Row: Decodable { let id: Int; let code: String; let name: String }
        guard let row = try await (db as! any SQLDatabase).raw("SELECT id, code, name FROM org_units WHERE code = \(bind: code)")
            .first(decoding: Row.self) else {
            throw ValidationFailure(field: "unit", message: "--unit: không có tổ chức đảng mã “\(code)”.")
        }
        return UnitRef(id: row.id, code: row.code, name: row.name)
    }

    static func timed<T>(_ work: () async throws -> T) async throws -> (T, Double) {
        let start = ContinuousClock.now
        let value = try await work()
        let elapsed = ContinuousClock.now - start
        return (value, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted(), n = sorted.count
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2
    }

    static func ms(_ seconds: Double) -> Int { Int((seconds * 1000).rounded()) }
}

enum BenchFailure: Error, CustomStringConvertible {
    case differs

    var description: String { "Số liệu của đường cơ sở khác số liệu của rollup." }
}

/// The process's peak resident memory (VmHWM of /proc/self/status), in KB; 0 where there is none.
enum PeakMemory {
    static func ownKB() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") }
        return line.flatMap { Int($0.split(whereSeparator: { $0 == " " || $0 == "\t" }).dropFirst().first ?? "") } ?? 0
    }
}
