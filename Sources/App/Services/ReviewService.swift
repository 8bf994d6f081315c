import Domain
import Fluent
import Vapor

/// What starting a review asks for, as typed (form or API).
struct ReviewStart: Sendable {
    var programmeID: String?
    var unitCode: String?
    var kind: String?
    var from: String?
    var to: String?
}

/// The editable parts of a saved review, as typed. Nil keeps the saved value (a partial API body).
struct ReviewEdit: Sendable {
    var superiorBody: String?
    var issuingBody: String?
    var number: String?
    var place: String?
    var issuedOn: String?
    var summary: String?
    var signatureOnBehalf: String?
    var signatureTitle: String?
    var signatureName: String?
    var recipients: String?
    var parts: [String?] = [nil, nil, nil, nil]
}

/// What the audit log keeps of a review: the header, the parts and where the figures came from.
struct ReviewSnapshot: Codable, Sendable {
    let unitID: Int
    let kind: String
    let periodFrom: String
    let periodTo: String
    let number: String
    let place: String
    let issuedOn: String
    let summary: String
    let issuingBody: String
    let superiorBody: String
    let signature: String
    let recipients: String
    let parts: [String]
    let figuresAt: Date

    init(_ r: Review) {
        unitID = r.unitID
        kind = r.kind.rawValue
        periodFrom = r.periodFrom.iso
        periodTo = r.periodTo.iso
        number = r.number
        place = r.place
        issuedOn = r.issuedOn.iso
        summary = r.summary
        issuingBody = r.issuingBody
        superiorBody = r.superiorBody
        signature = [r.signatureOnBehalf, r.signatureTitle, r.signatureName].joined(separator: " / ")
        recipients = r.recipients
        parts = [r.part1, r.part2, r.part3, r.part4]
        figuresAt = r.figuresAt
    }
}

/// Review reports (sơ kết, tổng kết, báo cáo năm): drafted from the rollup, edited by an officer,
/// kept with the figures they were written with. Officers and administrators write within their
/// subtree; leaders and secretaries read; members have no access.
enum ReviewService {
    static let partLimit = 50_000
    static let lineLimit = 300
    static let recipientsLimit = 2_000

    static func requireReader(_ access: Access) throws {
        guard access.user.role.seesUnits else { throw Abort(.forbidden, reason: Access.readOnlyMessage) }
    }

    /// Officers and administrators write reviews (in their subtree); others only read them.
    static func mayWrite(_ access: Access) -> Bool { access.user.role == .admin || access.user.role == .officer }

    static func requireWriter(_ access: Access) throws {
        guard mayWrite(access) else { throw Abort(.forbidden, reason: Access.readOnlyMessage) }
    }

    static func readable(_ id: Int?, access: Access) async throws -> Review {
        try requireReader(access)
        guard let id, let review = try await Review.find(id, on: access.db) else { throw Abort(.notFound) }
        try await access.requireRead(unit: review.unitID)
        return review
    }

    static func writable(_ id: Int?, access: Access) async throws -> Review {
        let review = try await readable(id, access: access)
        try requireWriter(access)
        try await access.requireWrite(unit: review.unitID)
        return review
    }

    /// Drafts the review from today's records and saves it with its figures.
    static func create(_ start: ReviewStart, access: Access) async throws -> Review {
        try requireWriter(access)
        let (programme, unit, kind, period) = try await validated(start, access: access)
        let review = try await ReviewDrafting.draft(programme: programme, unit: unit, kind: kind, period: period, on: access.db)
        review.createdBy = access.user.id
        review.updatedBy = access.user.id
        try await access.db.transaction { tx in
            try await review.create(on: tx)
            try await Audit.record(
                on: tx, by: access.user, .create, .review, id: review.id, unit: review.unitID,
                summary: "Lập \(kind.label.lowercased()) \(ReviewDrafter.periodText(period)) của \(unit.name)",
                after: ReviewSnapshot(review))
        }
        return review
    }

    static func update(_ review: Review, with edit: ReviewEdit, access: Access) async throws {
        let before = ReviewSnapshot(review)
        try validated(edit).apply(to: review)
        review.updatedBy = access.user.id
        try await access.db.transaction { tx in
            try await review.update(on: tx)
            try await Audit.record(
                on: tx, by: access.user, .update, .review, id: review.id, unit: review.unitID,
                summary: "Sửa báo cáo \(review.kind.label.lowercased()) \(ReviewDrafter.periodText(review.period))",
                before: before, after: ReviewSnapshot(review))
        }
    }

    /// Replaces the saved figures by today's; the text stays as the officer left it.
    static func refresh(_ review: Review, access: Access) async throws -> [FigureChange] {
        let (appendix, breakdown) = try await currentFigures(review, on: access.db)
        let changes = FigureChange.between(saved: review.appendix, current: appendix)
        let before = ReviewSnapshot(review)
        review.setFigures(appendix: appendix, breakdown: breakdown)
        review.updatedBy = access.user.id
        try await access.db.transaction { tx in
            try await review.update(on: tx)
            try await Audit.record(
                on: tx, by: access.user, .update, .review, id: review.id, unit: review.unitID,
                summary: "Cập nhật số liệu báo cáo \(review.kind.label.lowercased()) \(ReviewDrafter.periodText(review.period))"
                    + " (\(changes.count) dòng thay đổi)",
                before: before, after: ReviewSnapshot(review))
        }
        return changes
    }

    /// Today's appendix and breakdown for the review's unit and period.
    static func currentFigures(_ review: Review, on db: any Database) async throws -> (FigureTable, FigureTable) {
        guard let unit = try await OrgUnit.find(review.unitID, on: db) else { throw Abort(.notFound) }
        let table = try await IndicatorTables.rollup(UnitRef(id: unit.id!, code: unit.code, name: unit.name), review.period, on: db)
        return (table.appendix(), table.breakdown())
    }
}
