import Domain
import SQLKit

/// The baseline's commendations and praise (V.1, V.2): one grouped statement over the register
/// for both, by column, praise or not, form, issuer and kind of recipient.
extension BaselineRollup {
    private struct Group: Decodable {
        let col: Int
        let praise: Int
        let form: String
        let form_order: Int
        let issuer: String
        let issuer_order: Int
        let kind: String
        let n: Int
    }

    func commendations() async throws -> (commendations: [[Int]], praise: [[Int]]) {
        let groups = try await sql.raw("""
            SELECT c.col, CASE WHEN f.is_praise THEN 1 ELSE 0 END AS praise, f.name AS form, f.sort_order AS form_order, \
            i.name AS issuer, i.sort_order AS issuer_order, cm.recipient_kind AS kind, COUNT(*) AS n \
            FROM commendations cm JOIN commendation_forms f ON f.id = cm.form_id JOIN commendation_issuers i ON i.id = cm.issuer_id \
            \(under("cm.unit_id")) AND cm.decided_on BETWEEN c.d1 AND c.d2 \
            WHERE cm.decided_on BETWEEN \(bind: from) AND \(bind: to) \
            GROUP BY c.col, f.is_praise, f.name, f.sort_order, i.name, i.sort_order, cm.recipient_kind
            """).all(decoding: Group.self)
        func figures(praise: Bool) -> [[Int]] {
            (0..<columnCount).map { col in
                let mine = groups.filter { $0.col == col && ($0.praise == 1) == praise }
                return Self.register(mine, byForm: !praise)
            }
        }
        return (figures(praise: false), figures(praise: true))
    }

    /// The total; collectives, persons, authors; by form (for commendations); by issuer — forms and
    /// issuers in the register's order, those present only.
    private static func register(_ groups: [Group], byForm: Bool) -> [Int] {
        func sum(_ include: (Group) -> Bool) -> Int { groups.filter(include).reduce(0) { $0 + $1.n } }
        let collective = sum { CommendationRecipient(rawValue: $0.kind)?.isCollective == true }
        var out = [sum { _ in true }, 0, collective, 0, sum { $0.kind == CommendationRecipient.person.rawValue }, 0,
                   sum { $0.kind == CommendationRecipient.authors.rawValue }, 0]
        func ordered(_ key: (Group) -> (Int, String)) -> [String] {
            Dictionary(groups.map { (key($0).1, key($0).0) }, uniquingKeysWith: { a, _ in a })
                .sorted { ($0.value, $0.key) < ($1.value, $1.key) }.map(\.key)
        }
        if byForm {
            out += ordered { ($0.form_order, $0.form) }.flatMap { name in [sum { $0.form == name }, 0] }
        }
        out += ordered { ($0.issuer_order, $0.issuer) }.flatMap { name in [sum { $0.issuer == name }, 0] }
        return out
    }
}
