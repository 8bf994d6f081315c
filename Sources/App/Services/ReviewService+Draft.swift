import Domain
import Fluent
import SQLKit
import Vapor

/// A new review as first drafted: the header from the unit, the parts from the rollup and the
/// findings, the figures saved with it. Not saved here (the `report` command drafts in memory).
enum ReviewDrafting {
    static func draft(programme: Programme, unit: OrgUnit, kind: ReviewKind, period: IndicatorPeriod,
                      today: LocalDate = .today(), on db: any Database) async throws -> Review {
        let ref = UnitRef(id: unit.id!, code: unit.code, name: unit.name)
        let table = try await IndicatorTables.rollup(ref, period, on: db)
        let findings = try await ReviewFindingsQuery.load(root: unit.id!, period: period, on: db)
        let parts = ReviewDrafter(table: table, findings: findings, programme: shortName(programme)).parts()
        let (parent, top) = try await parentAndTop(of: unit.id!, on: db)
        let review = Review()
        review.programmeID = programme.id!
        review.unitID = unit.id!
        review.kind = kind
        review.periodFrom = period.from
        review.periodTo = period.to
        review.superiorBody = partyBody(parent ?? unit).uppercased()
        review.issuingBody = "BAN THƯỜNG VỤ " + unit.name.uppercased()
        review.number = "Số    -BC/\(unit.code)"
        review.place = placeName(top ?? unit)
        review.issuedOn = today
        review.summary = ReviewDrafter.summary(kind: kind, programmeTitle: programme.title, period: period)
        review.signatureOnBehalf = "T/M BAN THƯỜNG VỤ"
        review.signatureTitle = "BÍ THƯ"
        review.signatureName = ""
        review.recipients = [parent.map { "- \($0.name) (để báo cáo)," }, "- Các tổ chức đảng trực thuộc,", "- Lưu Văn phòng."]
            .compactMap { $0 }.joined(separator: "\n")
        review.part1 = parts[0].text
        review.part2 = parts[1].text
        review.part3 = parts[2].text
        review.part4 = parts[3].text
        review.setFigures(appendix: table.appendix(), breakdown: table.breakdown())
        return review
    }

    /// "Kết luận số 01-KL/TW của Bộ Chính trị về …" → "Kết luận số 01-KL/TW".
    static func shortName(_ programme: Programme) -> String {
        programme.title.components(separatedBy: " của ").first.flatMap { $0.isEmpty ? nil : $0 } ?? programme.documentNumber
    }

    /// "Tỉnh ủy Lạc Hồng" → "Đảng bộ tỉnh Lạc Hồng": the body a committee's header names above it.
    static func partyBody(_ unit: OrgUnit) -> String {
        for (prefix, body) in [("Tỉnh ủy ", "Đảng bộ tỉnh "), ("Thành ủy ", "Đảng bộ thành phố "), ("Huyện ủy ", "Đảng bộ huyện "),
                               ("Đảng ủy ", "Đảng bộ ")] where unit.name.hasPrefix(prefix) {
            return body + unit.name.dropFirst(prefix.count)
        }
        return unit.name
    }

    /// The place of the date line: the province's name ("Tỉnh ủy Lạc Hồng" → "Lạc Hồng").
    static func placeName(_ top: OrgUnit) -> String {
        for prefix in ["Tỉnh ủy ", "Thành ủy ", "Đảng bộ tỉnh ", "Đảng bộ "] where top.name.hasPrefix(prefix) {
            return String(top.name.dropFirst(prefix.count))
        }
        return top.name
    }

    /// The unit directly above and the top of today's tree (nil for a root).
    static func parentAndTop(of unitID: Int, on db: any Database) async throws -> (OrgUnit?, OrgUnit?) {
        struct Row: Decodable { let ancestor_id: Int; let depth: Int }
        let rows = try await (db as! any SQLDatabase).raw("""
            SELECT ancestor_id, depth FROM unit_closure WHERE descendant_id = \(bind: unitID) AND depth > 0 ORDER BY depth
            """).all(decoding: Row.self)
        let parent = try await rows.first.asyncMap { try await OrgUnit.find($0.ancestor_id, on: db) } ?? nil
        let top = try await rows.last.asyncMap { try await OrgUnit.find($0.ancestor_id, on: db) } ?? nil
        return (parent, top)
    }
}

private extension Optional {
    func asyncMap<T>(_ body: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await body(value)
    }
}

/// The review list's filters.
struct ReviewFilter: Sendable {
    var unitCode = ""
    var year: Int?
}

struct ReviewSearchResult {
    let reviews: [Review]
    let total: Int
    let units: [Int: OrgUnit]
    let unknownUnit: Bool
}

extension ReviewService {
    /// Reviews of the account's subtree (of the filter's unit and below; whose period touches the
    /// year), latest period first.
    static func search(_ filter: ReviewFilter, offset: Int, limit: Int, access: Access) async throws -> ReviewSearchResult {
        try requireReader(access)
        let (root, unknown) = try await UnitLookup.filterRoot(filter.unitCode, access: access)
        if unknown { return ReviewSearchResult(reviews: [], total: 0, units: [:], unknownUnit: true) }
        func query() -> QueryBuilder<Review> {
            let query = Review.query(on: access.db).scoped(access.subtreeFilter("unit_id"))
            if let root { query.filter(.sql(embed: Access.inSubtree(of: root, column: "unit_id"))) }
            if let year = filter.year, ListYear.range.contains(year) {
                query.filter(\.$periodFrom <= LocalDate.lastOf(year: year)).filter(\.$periodTo >= LocalDate.firstOf(year: year))
            }
            return query
        }
        let total = try await query().count()
        let reviews = try await query().sort(\.$periodTo, .descending).sort(\.$id, .descending).range(offset..<(offset + limit)).all()
        let units = try await ConductCodeService.units(Set(reviews.map(\.unitID)), on: access.db)
        return ReviewSearchResult(reviews: reviews, total: total, units: units, unknownUnit: false)
    }
}
