import Domain
import Fluent
import SQLKit
import Vapor

/// The indicators of one unit's subtree over one period, as the page and the API show them.
struct IndicatorReport: Sendable {
    let unit: UnitRef
    let period: IndicatorPeriod
    let results: [IndicatorResult]

    /// What the reader asked for, as typed. Field names are the API's; the page maps its own.
    struct Input: Sendable {
        var unit: String?
        var year: String?
        var from: String?
        var to: String?
    }

    /// Members read only their own records: 403. A unit the account cannot read, or an unknown
    /// code: 404. Without a unit, the account's scope root (an administrator: the first root);
    /// without dates, the year (default this year, to today).
    static func load(_ input: Input, access: Access, today: LocalDate = .today()) async throws -> IndicatorReport {
        let (unit, period) = try await scope(input, access: access, today: today)
        let results = try await Indicators.compute(IndicatorRollup(root: unit.id, period: period), on: access.db)
        return IndicatorReport(unit: unit, period: period, results: results)
    }

    /// The same unit and period as `load`, rolled up by year and by the units directly below.
    static func rollup(_ input: Input, access: Access, today: LocalDate = .today()) async throws -> (unit: UnitRef, table: RollupTable) {
        let (unit, period) = try await scope(input, access: access, today: today)
        return (unit, try await IndicatorTables.rollup(unit, period, on: access.db))
    }

    /// The unit and the period asked for, with the access rules and the problems of `load`.
    static func scope(_ input: Input, access: Access, today: LocalDate) async throws -> (UnitRef, IndicatorPeriod) {
        guard access.user.role.seesUnits else { throw Abort(.forbidden, reason: Access.readOnlyMessage) }
        let unit = try await unit(VietnameseText.normalize(input.unit ?? ""), access: access)
        return (unit, try period(input, today: today))
    }

    static func period(_ input: Input, today: LocalDate) throws -> IndicatorPeriod {
        var problems = InvalidInput()
        let typed = { (s: String?) in s.map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 } }
        var year = today.year
        if let raw = typed(input.year) {
            if let value = Int(raw), (1945...9999).contains(value) { year = value } else {
                problems.add("year", "Năm phải là số từ 1945 đến 9999.")
            }
        }
        let fromText = typed(input.from), toText = typed(input.to)
        guard fromText != nil || toText != nil else {
            try problems.check()
            return IndicatorPeriod.year(year, today: today)
        }
        let from = fromText.flatMap(LocalDate.parse), to = toText.flatMap(LocalDate.parse)
        if from == nil { problems.add("from", fromText == nil ? "Chưa nhập ngày bắt đầu kỳ." : "Ngày bắt đầu kỳ không hợp lệ (ngày/tháng/năm).") }
        if to == nil { problems.add("to", toText == nil ? "Chưa nhập ngày kết thúc kỳ." : "Ngày kết thúc kỳ không hợp lệ (ngày/tháng/năm).") }
        try problems.check()
        do {
            return try IndicatorPeriod(from: from!, to: to!)
        } catch {
            problems.add("to", error.message)
            throw problems
        }
    }

    /// The unit by code (or the default), found within the account's scope in the same statement.
    private static func unit(_ code: String, access: Access) async throws -> UnitRef {
        struct Row: Decodable { let id: Int; let code: String; let name: String }
        let which: SQLQueryString
        if !code.isEmpty {
            which = "code = \(bind: code)"
        } else if let root = access.scopeRoot {
            which = "id = \(bind: root)"
        } else {
            which = "id = (\(firstRootSQL))"
        }
        let scope = access.subtreeFilter("id").map { " AND \($0)" as SQLQueryString } ?? ""
        let row = try await (access.db as! any SQLDatabase).raw("SELECT id, code, name FROM org_units WHERE \(which)\(scope)")
            .first(decoding: Row.self)
        guard let row else {
            throw Abort(.notFound, reason: code.isEmpty ? "Chưa có tổ chức đảng nào."
                        : "Không tìm thấy tổ chức đảng có mã “\(code)” trong phạm vi của bạn.")
        }
        return UnitRef(id: row.id, code: row.code, name: row.name)
    }

    /// The first unit at the top of today's tree (an administrator's default).
    private static let firstRootSQL: SQLQueryString = """
        SELECT u.id FROM org_units u WHERE NOT EXISTS \
        (SELECT 1 FROM unit_closure c WHERE c.descendant_id = u.id AND c.depth > 0) ORDER BY u.id LIMIT 1
        """
}
