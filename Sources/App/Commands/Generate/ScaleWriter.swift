import Domain
import Fluent
import Foundation
import SQLKit

/// What every generator step shares: the database, the tree, the seed, the speed report. Rows go
/// in through `BatchInsert`, one transaction per branch of the tree, so memory stays bounded by
/// one branch's rows whatever the scale.
struct ScaleWriter: Sendable {
    let db: any Database
    let tree: ScaleTree
    let seed: UInt64
    let report: ScaleReport

    var profile: ScaleProfile { tree.profile }
    var sql: any SQLDatabase { db as! any SQLDatabase }

    /// The generator of one table's records of one unit: the same whatever else is generated.
    func random(_ stream: ScaleStream, _ id: Int) -> ScaleRandom {
        ScaleRandom(seed: seed, stream: stream.rawValue, UInt64(id))
    }

    /// The members of the seed: computed, never read back.
    func member(_ id: Int) -> ScaleMember { ScaleMember(seed: seed, id: id) }

    /// Runs `body` for every unit, a transaction per branch, and reports the rows of `tables` and the time.
    func write(_ tables: [ScaleTable], body: @escaping @Sendable (ScaleUnit, inout ScaleBatches) async throws -> Void) async throws {
        let started = ContinuousClock.now
        var counts: [String: Int] = [:]
        for group in tree.groups {
            let written = try await db.transaction { tx in
                var batches = ScaleBatches(tables, sql: tx as! any SQLDatabase)
                for unit in group { try await body(unit, &batches) }
                return try await batches.finish()
            }
            counts.merge(written, uniquingKeysWith: +)
        }
        report.add(tables.map { ($0.name, counts[$0.name] ?? 0) }, seconds: ContinuousClock.now - started)
    }
}

/// The streams of the seed: one per record family, so adding a family never changes another.
enum ScaleStream: UInt64 {
    case people = 10, meetings, study, personalPlans, unitPlans, gradings, commendations, outreach,
         practice, exemplars, contests, conduct, guidance
}

/// A table and its columns, in the order rows give their values.
struct ScaleTable: Sendable {
    let name: String
    let columns: [String]

    init(_ name: String, _ columns: String...) {
        self.name = name
        self.columns = columns
    }
}

/// The open `BatchInsert`s of a transaction. A full one is written with every table named before
/// it, so a row's parent (a session before its attendance) is always in the database first.
struct ScaleBatches {
    private var inserts: [BatchInsert]
    private var counts: [String: Int] = [:]
    private let sql: any SQLDatabase

    init(_ tables: [ScaleTable], sql: any SQLDatabase) {
        inserts = tables.map { BatchInsert(into: $0.name, columns: $0.columns) }
        self.sql = sql
    }

    mutating func add(_ table: ScaleTable, _ values: [any Encodable & Sendable]) async throws {
        let index = inserts.firstIndex { $0.table == table.name }!
        inserts[index].append(values)
        counts[table.name, default: 0] += 1
        if inserts[index].count >= BatchInsert.maxRows { try await flush(through: index) }
    }

    /// Writes what is left; returns the rows written per table.
    mutating func finish() async throws -> [String: Int] {
        try await flush(through: inserts.count - 1)
        return counts
    }

    private mutating func flush(through index: Int) async throws {
        for i in 0...index { try await inserts[i].flush(on: sql) }
    }
}

/// Rows and seconds per table, printed as the generator goes and summed at the end.
final class ScaleReport: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [(tables: [(String, Int)], seconds: Double)] = []
    private let print: @Sendable (String) -> Void

    init(print: @escaping @Sendable (String) -> Void) {
        self.print = print
    }

    func add(_ tables: [(String, Int)], seconds duration: Duration) {
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        lock.withLock { lines.append((tables, seconds)) }
        let rows = tables.reduce(0) { $0 + $1.1 }
        let names = tables.map { "\($0.0) \(VietnameseFormat.number($0.1))" }.joined(separator: ", ")
        print("  \(names): \(VietnameseFormat.number(seconds, fractionDigits: 1)) giây, \(Self.rate(rows, seconds)) dòng/giây")
    }

    var totalRows: Int { lock.withLock { lines.reduce(0) { $0 + $1.tables.reduce(0) { $0 + $1.1 } } } }
    var totalSeconds: Double { lock.withLock { lines.reduce(0) { $0 + $1.seconds } } }

    func rows(_ table: String) -> Int {
        lock.withLock { lines.flatMap(\.tables).filter { $0.0 == table }.reduce(0) { $0 + $1.1 } }
    }

    static func rate(_ rows: Int, _ seconds: Double) -> String {
        VietnameseFormat.number(seconds > 0 ? Int(Double(rows) / seconds) : rows)
    }
}
