import Domain
import Fluent
import Vapor

/// The open deadlines of one unit's subtree for a year, as the pages and the API show them.
struct DeadlineReport: Sendable {
    /// The unit whose subtree is shown; nil: everything (administrators without a unit chosen).
    let root: OrgUnit?
    let year: Int
    let today: LocalDate
    let counts: DeadlineCounts
    /// One page of the items, in `DeadlineQueries.items`' order.
    let items: [DeadlineItem]
    /// The unit code typed named no unit the account may read.
    let unknownUnit: Bool
}

/// Deadlines (hạn cần làm) of the account's units. Every role that works with units reads them
/// for its subtree; members have none of their own here (403).
enum DeadlineService {
    static func requireLister(_ access: Access) throws {
        guard access.user.role.seesUnits else { throw Abort(.forbidden, reason: Access.readOnlyMessage) }
    }

    /// For a unit typed by code (empty: the account's scope root).
    static func report(
        unitCode: String, year: Int, offset: Int, limit: Int, access: Access, today: LocalDate = .today()
    ) async throws -> DeadlineReport {
        try requireLister(access)
        let code = VietnameseText.normalize(unitCode)
        let rootID: Int?
        if code.isEmpty {
            rootID = access.scopeRoot
        } else {
            let (found, unknown) = try await UnitLookup.filterRoot(code, access: access)
            if unknown {
                return DeadlineReport(root: nil, year: year, today: today, counts: DeadlineCounts(), items: [], unknownUnit: true)
            }
            rootID = found
        }
        return try await report(rootID: rootID, year: year, offset: offset, limit: limit, access: access, today: today)
    }

    /// For a unit by id: 404 outside the account's subtree.
    static func report(
        unitID: Int, year: Int, offset: Int, limit: Int, access: Access, today: LocalDate = .today()
    ) async throws -> DeadlineReport {
        try await access.requireRead(unit: unitID)
        guard try await OrgUnit.find(unitID, on: access.db) != nil else { throw Abort(.notFound) }
        return try await report(rootID: unitID, year: year, offset: offset, limit: limit, access: access, today: today)
    }

    /// The counts alone, for the unit page and the home page: 404 outside the subtree.
    static func counts(unitID: Int, year: Int, access: Access, today: LocalDate = .today()) async throws -> DeadlineCounts {
        try await access.requireRead(unit: unitID)
        return try await DeadlineQueries.counts(root: unitID, year: year, today: today, on: access.db)
    }

    private static func report(
        rootID: Int?, year: Int, offset: Int, limit: Int, access: Access, today: LocalDate
    ) async throws -> DeadlineReport {
        // Only administrators have no root: anyone else without one sees nothing.
        guard rootID != nil || access.isAdmin else { throw Abort(.forbidden, reason: Access.readOnlyMessage) }
        let db = access.db
        var root: OrgUnit?
        if let rootID { root = try await OrgUnit.find(rootID, on: db) }
        let counts = try await DeadlineQueries.counts(root: rootID, year: year, today: today, on: db)
        let items = try await DeadlineQueries.items(root: rootID, year: year, today: today, offset: offset, limit: limit, on: db)
        return DeadlineReport(root: root, year: year, today: today, counts: counts, items: items, unknownUnit: false)
    }
}

extension DeadlineItem {
    /// "Kế hoạch năm 2025", "Kế hoạch toàn khóa (01-KL/TW)", "Sinh hoạt chi bộ thường kỳ tháng 3/2025"…
    var what: String {
        switch kind {
        case .unitPlanYear: "Kế hoạch năm \(year)"
        case .unitPlanTerm: "Kế hoạch toàn khóa" + (programmeNumber.map { " (\($0))" } ?? "")
        case .personalPlans: "Kế hoạch cá nhân năm \(year)"
        case .meetingRecord: "Sinh hoạt chi bộ thường kỳ tháng " + (month.map { "\($0.month)/\($0.year)" } ?? "")
        }
    }

    /// What is on record so far: "Chưa có kế hoạch", "Trả lại, chờ nộp lại", "3 đảng viên chưa nộp"…
    var state: String {
        switch kind {
        case .unitPlanYear, .unitPlanTerm:
            switch planStatus {
            case .returned: "Trả lại, chờ nộp lại"
            case .draft: "Đang soạn, chưa nộp"
            default: "Chưa có kế hoạch"
            }
        case .personalPlans: "\(VietnameseFormat.number(missingMembers ?? 0)) đảng viên chưa nộp"
        case .meetingRecord: "Chưa ghi sinh hoạt"
        }
    }

    /// Where the unit does what is missing.
    var link: String {
        let year = String(self.year)
        switch kind {
        case .unitPlanYear, .unitPlanTerm: return SiteURL.unitPlans.with([("don-vi", unitCode), ("nam", year)])
        case .personalPlans: return SiteURL.personalPlans.with([("don-vi", unitCode), ("nam", year)])
        case .meetingRecord: return SiteURL.cellMeetingNew.with([("don-vi", unitCode)])
        }
    }
}
