import Domain
import Vapor

/// GET /api/v1/units/{id}/deadlines: the open deadlines of a unit and the units below it.
enum DeadlinesAPI {
    static let tag = "Hạn cần làm"

    static func register(_ api: APIBuilder) {
        api.on(APIOperation(
            method: .GET, path: "/units/{id}/deadlines", operationID: "listUnitDeadlines",
            summary: "Hạn cần làm của tổ chức đảng và các tổ chức trực thuộc trong một năm: kế hoạch, kế hoạch cá nhân, "
                + "sinh hoạt chi bộ thường kỳ chưa có, quá hạn hoặc sắp đến hạn (\(Deadlines.dueSoonDays) ngày tới)",
            tag: tag,
            query: [("year", .integer(minimum: 1945, maximum: 9999), "Năm; mặc định: năm nay")] + Paging.parameters,
            result: .object(DeadlinesDTO.self))) { req in
            let access = try req.access
            guard let unitID = req.parameters.get("id", as: Int.self) else { throw Abort(.notFound) }
            let paging = Paging(req)
            let year = try ProgrammesAPI.queryInt(req, "year") ?? LocalDate.today().year
            let report = try await DeadlineService.report(
                unitID: unitID, year: year, offset: paging.offset, limit: paging.perPage, access: access)
            return DeadlinesDTO(report, paging: paging)
        }
    }
}

/// The deadlines of a unit's subtree, one page of items with the counts of all.
struct DeadlinesDTO: Content, APISchema {
    struct Item: Content {
        let kind: String
        let kindLabel: String
        let unitId: Int
        let unitCode: String
        let unitName: String
        let year: Int
        /// "2025-03" for meeting records.
        let month: String?
        let dueOn: String?
        /// overdue, due_soon, no_due_date
        let group: String
        let daysLate: Int?
        let daysLeft: Int?
        let description: String
        let state: String
        let planId: Int?
        let planStatus: String?
        let programmeId: Int?
        let missingMembers: Int?
    }

    let unitId: Int?
    let unitCode: String?
    let unitName: String?
    let year: Int
    let today: String
    let overdue: Int
    let dueSoon: Int
    let noDueDate: Int
    let total: Int
    let page: Int
    let perPage: Int
    let items: [Item]

    static let groups = ["overdue", "due_soon", "no_due_date"]

    init(_ r: DeadlineReport, paging: Paging) {
        unitId = r.root?.id
        unitCode = r.root?.code
        unitName = r.root?.name
        year = r.year
        today = r.today.iso
        overdue = r.counts.overdue
        dueSoon = r.counts.dueSoon
        noDueDate = r.counts.noDueDate
        total = r.counts.total
        page = paging.page
        perPage = paging.perPage
        items = r.items.map { i in
            var daysLate: Int?, daysLeft: Int?
            if case .overdue(let days) = i.status { daysLate = days }
            if case .due(let days) = i.status { daysLeft = days }
            return Item(
                kind: i.kind.rawValue, kindLabel: i.kind.label, unitId: i.unitID, unitCode: i.unitCode, unitName: i.unitName,
                year: i.year, month: i.month.map { String($0.iso.prefix(7)) }, dueOn: i.due?.iso, group: Self.groups[i.group.rawValue],
                daysLate: daysLate, daysLeft: daysLeft, description: i.what, state: i.state, planId: i.planID,
                planStatus: i.planStatus?.rawValue, programmeId: i.programmeID, missingMembers: i.missingMembers)
        }
    }

    static let schemaName = "UnitDeadlines"
    static let schema = JSONSchema.object([
        ("unitId", .nullable(.integer(minimum: 1))),
        ("unitCode", .nullable(.string())),
        ("unitName", .nullable(.string())),
        ("year", .integer(minimum: 1945, maximum: 9999)),
        ("today", .date),
        ("overdue", .integer(minimum: 0)),
        ("dueSoon", .integer(minimum: 0)),
        ("noDueDate", .integer(minimum: 0)),
        ("total", .integer(minimum: 0)),
        ("page", .integer(minimum: 1)),
        ("perPage", .integer(minimum: 1)),
        ("items", .array(.object([
            ("kind", .enumeration(DeadlineKind.allCases.map(\.rawValue))),
            ("kindLabel", .string()),
            ("unitId", .integer(minimum: 1)),
            ("unitCode", .string()),
            ("unitName", .string()),
            ("year", .integer()),
            ("month", .nullable(.string(pattern: "^[0-9]{4}-[0-9]{2}$"))),
            ("dueOn", .nullable(.date)),
            ("group", .enumeration(groups)),
            ("daysLate", .nullable(.integer(minimum: 1))),
            ("daysLeft", .nullable(.integer(minimum: 0))),
            ("description", .string()),
            ("state", .string()),
            ("planId", .nullable(.integer(minimum: 1))),
            ("planStatus", .nullable(.enumeration(PlanStatus.allCases.map(\.rawValue)))),
            ("programmeId", .nullable(.integer(minimum: 1))),
            ("missingMembers", .nullable(.integer(minimum: 1))),
        ], required: ["kind", "kindLabel", "unitId", "unitCode", "unitName", "year", "group", "description", "state"]))),
    ], required: ["year", "today", "overdue", "dueSoon", "noDueDate", "total", "page", "perPage", "items"])
}
