@testable import App
import Domain
import Fluent
import Vapor

/// Writes `IndicatorWorld` straight to the tables, as the record pages would have.
extension IndicatorWorld {
    struct Ids {
        var units: [String: Int] = [:]
        var people: [String: Int] = [:]
    }

    static func day(_ iso: String) -> LocalDate { LocalDate(iso)! }

    static func insert(_ app: Application) async throws -> Ids {
        var ids = Ids()
        let db = app.db
        let tree = try await Fixtures.tree(app)
        for unit in [tree.root, tree.a, tree.a1, tree.b, tree.b1] { ids.units[unit.code] = unit.id! }
        for spec in units where ids.units[spec.code] == nil {
            let parent = try await OrgUnit.find(ids.units[spec.parent!]!, on: db)
            let unit = try await Fixtures.unit(app, spec.code, "Tổ chức \(spec.code)", kind: spec.kind, parent: parent, founded: day(spec.founded))
            ids.units[spec.code] = unit.id!
            if let dissolved = spec.dissolved {
                unit.dissolvedOn = day(dissolved)
                unit.successorID = spec.successor.flatMap { ids.units[$0] }
                try await unit.update(on: db)
                let link = try await UnitParentLink.query(on: db).filter(\.$unitID == unit.id!).first()!
                link.validTo = day(dissolved)
                try await link.update(on: db)
            }
        }
        try await TreeIndex.rebuild(on: db)
        for member in members {
            let person = Person()
            person.fullName = member.name
            person.nameFolded = VietnameseText.fold(member.name)
            person.sortKey = VietnameseText.sortKey(fullName: member.name)
            person.category = member.category
            person.email = ""
            person.phone = ""
            person.note = ""
            person.currentUnitID = member.memberships.last.map { ids.units[$0.0]! }
            try await person.create(on: db)
            ids.people[member.name] = person.id!
            for (unit, from, to) in member.memberships {
                try await Membership(personID: person.id!, unitID: ids.units[unit]!, validFrom: day(from), validTo: to.map(day)).create(on: db)
            }
        }
        try await insertLeadership(ids, on: db)
        try await insertStudy(ids, on: db)
        try await insertPractice(ids, on: db)
        try await insertCommendations(ids, on: db)
        return ids
    }

    private static func programmeID(on db: any Database) async throws -> Int {
        try await Programme.query(on: db).filter(\.$documentNumber == "01-KL/TW").first()!.id!
    }

    private static func insertLeadership(_ ids: Ids, on db: any Database) async throws {
        for (index, d) in documents.enumerated() {
            let doc = GuidanceDocument()
            doc.unitID = ids.units[d.unit]!
            doc.number = "\(index + 1)-KH/\(d.unit)"
            doc.numberStyle = .party
            doc.kind = .plan
            doc.title = "Kế hoạch \(index + 1)"
            doc.titleFolded = VietnameseText.fold(doc.title)
            doc.issuedOn = day(d.issued)
            try await doc.create(on: db)
        }
        let programme = try await programmeID(on: db)
        for spec in plans {
            let plan = UnitPlan()
            plan.unitID = ids.units[spec.unit]!
            plan.programmeID = programme
            plan.scope = spec.scope
            plan.year = spec.year
            plan.theme = "Chủ đề \(spec.year)"
            plan.content = "Nội dung"
            plan.documentNumber = ""
            plan.status = spec.status
            plan.firstSubmittedOn = spec.firstSubmitted.map(day)
            plan.submittedOn = spec.firstSubmitted.map(day)
            try await plan.create(on: db)
            for (index, (status, finished)) in spec.goals.enumerated() {
                let goal = BreakthroughGoal()
                goal.planID = plan.id!
                goal.unitID = plan.unitID
                goal.title = "Nội dung đột phá \(index + 1)"
                goal.expectedResult = "Kết quả"
                goal.deadline = LocalDate.lastOf(year: spec.year)
                goal.status = status
                goal.finishedOn = finished.map(day)
                goal.finalResult = ""
                try await goal.create(on: db)
            }
        }
        for spec in dueDates {
            let due = DueDate()
            due.unitID = ids.units[spec.unit]!
            due.kind = spec.kind
            due.year = spec.year
            due.dueOn = day(spec.due)
            due.note = ""
            try await due.create(on: db)
        }
        var codeIDs: [String: Int] = [:]
        for spec in conductCodes {
            let code = ConductCode()
            code.unitID = ids.units[spec.unit]!
            code.replacesID = spec.replaces.flatMap { codeIDs[$0] }
            code.scope = .ethicsAndLifestyle
            code.title = "Chuẩn mực \(spec.key)"
            code.documentNumber = "\(codeIDs.count + 1)-QĐ/\(spec.unit)"
            code.issuedOn = day(spec.issued)
            code.summary = ""
            try await code.create(on: db)
            codeIDs[spec.key] = code.id!
        }
    }
}
