import Domain
import Fluent
import Spreadsheets
import Vapor

/// People from a file: each row checked by `PersonService.check`, the person form's own rules.
/// A row is the person with its identity number in scope, else the one with its name, birth date
/// and unit; that person is updated when the row says something else, left alone when not, and
/// a row matching no one creates a person in its unit from today. Importing a file again
/// changes nothing.
enum PeopleImport {
    struct Write: Sendable {
        let row: Int
        /// The person updated; nil for a new one.
        let personID: Int?
        let input: PersonService.PersonInput
        let unitCode: String
    }

    struct Plan: Sendable {
        var preview: ImportPreview
        var writes: [Write] = []
    }

    static func plan(_ upload: ImportUpload, sha256: String, access: Access) async throws -> Plan {
        let table: Table
        switch ImportService.table(upload, sha256: sha256, kind: .people) {
        case .success(let found): table = found
        case .failure(let rejected): return Plan(preview: rejected.preview)
        }
        var plan = Plan(preview: ImportPreview(kind: .people, filename: upload.filename, sha256: sha256, table: table))
        let service = PersonService(db: access.db, access: access)
        let today = LocalDate.today()
        var seen: [String: Int] = [:]
        for row in table.rows {
            upload.rowChecked()
            let (raw, unitCode) = PeopleRows.input(table, row)
            var check = PersonService.Check()
            var problems: [ImportProblem] = []
            let unit = try await service.unit(.code(unitCode, field: "unit"), label: "Đơn vị sinh hoạt", into: &check)
            var person: Person?
            switch try await match(raw, unit: unit, access: access) {
            case .one(let found): person = found
            case .many(let count):
                problems.append(ImportProblem(table, row, "fullName",
                    "Có \(count) người cùng họ tên này ở chi bộ; ghi thêm ngày sinh hoặc số CCCD để biết là ai."))
            case .none: break
            }
            let input = person.map { PeopleRows.merged(raw, over: $0) } ?? raw
            let fields = try await service.check(input, excluding: person?.id, into: &check, today: today)
            if let person, let unit, person.currentUnitID != unit.id {
                check.fail("unit", "Người này đang sinh hoạt ở đơn vị khác; nhập từ tệp không chuyển sinh hoạt, hãy dùng “Chuyển sinh hoạt” trên trang của người đó.")
            } else if person == nil, let unit, !unit.lifespan.exists(on: today) {
                check.fail("unit", PersonService.notExisting(unit, on: today))
            }
            for failure in check.failures {
                problems.append(table.has(failure.field)
                    ? ImportProblem(table, row, failure.field, ImportProblem.reason(fromMessage: failure.message))
                    : ImportProblem(row: row.number, reason: failure.message))
            }
            let key = person.map { "p\($0.id!)" } ?? fields.identityNumber
                ?? [fields.fullName.isEmpty ? "" : VietnameseText.fold(fields.fullName), fields.birthDate?.iso ?? "", unitCode.uppercased()].joined(separator: "|")
            if let first = seen[key] {
                problems.append(ImportProblem(row: row.number, reason: "Trùng người với dòng \(first)."))
            } else {
                seen[key] = row.number
            }
            plan.preview.problems += problems
            guard problems.isEmpty, let unit else { continue }
            let text = "\(fields.fullName) (\(unit.code))"
            if let person {
                let before = PersonSnapshot(person)
                fields.apply(to: person)
                let changed = PeopleRows.changes(before, PersonSnapshot(person))
                if changed.isEmpty {
                    plan.preview.lines.append(ImportLine(row: row.number, action: .skip, text: text, note: "Đã có, không đổi."))
                } else {
                    plan.writes.append(Write(row: row.number, personID: person.id, input: input, unitCode: unitCode))
                    plan.preview.lines.append(ImportLine(row: row.number, action: .update, text: text, note: "Đổi " + changed.joined(separator: ", ") + "."))
                }
            } else {
                plan.writes.append(Write(row: row.number, personID: nil, input: input, unitCode: unitCode))
                plan.preview.lines.append(ImportLine(row: row.number, action: .create, text: text,
                                                     note: "Sinh hoạt từ \(VietnameseFormat.date(today))."))
            }
        }
        return plan
    }

    /// Creates and updates the people through the person form's own service (its checks, its
    /// audit entries), inside the caller's transaction.
    static func write(_ plan: Plan, access: Access) async throws {
        let service = PersonService(db: access.db, access: access)
        let today = LocalDate.today().iso
        for write in plan.writes {
            do {
                if let id = write.personID {
                    _ = try await service.update(id, write.input)
                } else {
                    _ = try await service.create(write.input, unit: .code(write.unitCode, field: "unit"), membershipFrom: today)
                }
            } catch {
                throw ImportService.writeFailure(plan.preview, row: write.row, error)
            }
        }
    }

    enum Match {
        case none, one(Person), many(Int)
    }

    /// The person in scope with the row's identity number; else the one in the row's unit with
    /// its name (and birth date, when given) who has no identity number recorded yet or, when the
    /// row has none, any.
    static func match(_ input: PersonService.PersonInput, unit: OrgUnit?, access: Access) async throws -> Match {
        let identity = VietnameseText.normalize(input.identityNumber ?? "").replacingOccurrences(of: " ", with: "")
        if !identity.isEmpty, let person = try await Person.query(on: access.db).filter(\.$identityNumber == identity).first(),
           let unitID = person.currentUnitID, try await access.canSee(unit: unitID) {
            return .one(person)
        }
        let name = VietnameseText.normalize(input.fullName ?? "")
        let birth = VietnameseText.normalize(input.birthDate ?? "")
        guard let unit, !name.isEmpty else { return .none }
        var query = Person.query(on: access.db).filter(\.$nameFolded == VietnameseText.fold(name)).filter(\.$currentUnitID == unit.id!)
        if !birth.isEmpty {
            guard let day = LocalDate.parse(birth) else { return .none }
            query = query.filter(\.$birthDate == day)
        }
        if !identity.isEmpty { query = query.filter(\.$identityNumber == nil) }
        let found = try await query.limit(5).all()
        switch found.count {
        case 0: return .none
        case 1: return .one(found[0])
        default: return .many(found.count)
        }
    }
}
