import Domain
import SQLKit

/// V.1–V.2: commendations and praise from the register (formulas: `IndicatorCatalog`). One
/// statement groups the decisions by column, form, issuer and kind of recipient; each column's
/// parts are sums over its few groups.
extension Indicators {
    static func commendations(_ r: IndicatorRollup, _ sql: any SQLDatabase) async throws -> [IndicatorResult] {
        try await register(.commendations, praise: false, byForm: true, r, sql)
    }

    static func praise(_ r: IndicatorRollup, _ sql: any SQLDatabase) async throws -> [IndicatorResult] {
        try await register(.praise, praise: true, byForm: false, r, sql)
    }

    private struct RegisterGroup: Decodable {
        let col: Int
        let form: String
        let formOrder: Int
        let issuer: String
        let issuerOrder: Int
        let kind: String
        let n: Int
    }

    private static func register(_ code: IndicatorCode, praise: Bool, byForm: Bool, _ r: IndicatorRollup,
                                 _ sql: any SQLDatabase) async throws -> [IndicatorResult] {
        let groups = try await sql.raw("""
            SELECT c.col AS col, f.name AS form, f.sort_order AS "formOrder", i.name AS issuer, i.sort_order AS "issuerOrder", \
            cd.recipient_kind AS kind, COUNT(*) AS n \
            FROM commendations cd JOIN commendation_forms f ON f.id = cd.form_id \
            JOIN commendation_issuers i ON i.id = cd.issuer_id \(r.join("cd.unit_id")) \
            WHERE f.is_praise = \(bind: praise) AND cd.decided_on BETWEEN \(bind: r.firstDay.iso) AND \(bind: r.lastDay.iso) \
            AND cd.decided_on BETWEEN c.d1 AND c.d2 \
            GROUP BY c.col, f.name, f.sort_order, i.name, i.sort_order, cd.recipient_kind
            """).all(decoding: RegisterGroup.self)
        let byColumn = Dictionary(grouping: groups, by: \.col)
        return r.columns.indices.map { register(code, byColumn[$0] ?? [], byForm: byForm) }
    }

    /// One column's result from its groups.
    private static func register(_ code: IndicatorCode, _ groups: [RegisterGroup], byForm: Bool) -> IndicatorResult {
        let definition = code.definition
        func sum(_ include: (RegisterGroup) -> Bool) -> Int { groups.filter(include).reduce(0) { $0 + $1.n } }
        func kind(_ k: CommendationRecipient) -> String { k.rawValue }
        var parts: [IndicatorFigure] = [
            .count(sum { CommendationRecipient(rawValue: $0.kind)?.isCollective == true }, "tập thể", label: "Tập thể"),
            .count(sum { $0.kind == kind(.person) }, "cá nhân", label: "Cá nhân"),
            .count(sum { $0.kind == kind(.authors) }, "nhóm tác giả", label: "Nhóm tác giả"),
        ]
        if byForm {
            let forms = Set(groups.map { FormKey(name: $0.form, order: $0.formOrder) }).sorted()
            parts += forms.map { form in .count(sum { $0.form == form.name }, definition.noun, label: "Hình thức: \(form.name)") }
        }
        let issuers = Set(groups.map { FormKey(name: $0.issuer, order: $0.issuerOrder) }).sorted()
        parts += issuers.map { issuer in .count(sum { $0.issuer == issuer.name }, definition.noun, label: "Cấp khen: \(issuer.name)") }
        return IndicatorResult(definition, definition.figure(sum { _ in true }), parts: parts)
    }

    /// A form or an issuer, in the register's order.
    private struct FormKey: Hashable, Comparable {
        let name: String
        let order: Int

        static func < (a: FormKey, b: FormKey) -> Bool { (a.order, a.name) < (b.order, b.name) }
    }
}
