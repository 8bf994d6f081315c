import Domain
import Fluent
import Spreadsheets
import Vapor

/// People from a file: each row checked by `PersonService.rules`, the person form's own rules.
/// A row is the person with its identity number in scope, else the one with its name, birth date
/// and unit; that person is updated when the row says something else, left alone when not, and
/// a row matching no one creates a person in its unit from today. Importing a file again
/// changes nothing.
enum PeopleImport {
    struct Plan: Sendable {
        var preview: ImportPreview
        /// What to write, in row order, and each change's row in the file.
        var changes: [PersonService.BulkChange] = []
        var rows: [Int] = []
    }

    /// Checks every row against what `PersonService.known` loaded for the whole file, so a
    /// province's members take a few queries, not several a row.
    static func plan(_ upload: ImportUpload, sha256: String, access: Access) async throws -> Plan {
        let (table, preview) = try ImportService.open(upload, sha256: sha256, kind: .people)
        var plan = Plan(preview: preview)
        let service = PersonService(db: access.db, access: access)
        let known = try await service.known(
            unitCodes: Set(table.rows.map { PeopleRows.unitCode(table, $0) }),
            identities: Set(table.rows.map { PersonService.identityDigits(PeopleRows.identity(table, $0)) }.filter(PersonService.isIdentityNumber)))
        let today = LocalDate.today()
        let since = "Sinh hoạt từ \(VietnameseFormat.date(today))."
        var seen: [String: Int] = [:]
        // Identity number → the row key of the person an earlier row gives it: the database
        // would refuse a second holder while writing.
        var claimed: [String: String] = [:]
        for row in table.rows {
            upload.rowChecked()
            let (raw, unitCode) = PeopleRows.input(table, row)
            var check = PersonService.Check()
            var problems: [ImportProblem] = []
            let unit = PersonService.unit(code: unitCode, field: "unit", label: "Đơn vị sinh hoạt", into: &check, visible: known.visibleUnit)
            var person: PersonSnapshot?
            switch match(raw, unit: unit, known: known) {
            case .one(let found): person = found
            case .many(let count):
                problems.append(ImportProblem(table, row, "fullName",
                    "Có \(count) người cùng họ tên này ở chi bộ; ghi thêm ngày sinh hoặc số CCCD để biết là ai."))
            case .none: break
            }
            let input = person.map { PeopleRows.merged(raw, over: $0) } ?? raw
            let personKey = person.map { "p\($0.id!)" }
            let fields = PersonService.rules(input, into: &check, today: today) { number in
                known.isTaken(number, excluding: person?.id) || claimed[number].map { $0 != (personKey ?? number) } ?? false
            }
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
            let key = personKey ?? fields.identityNumber
                ?? [fields.fullName.isEmpty ? "" : fields.nameFolded, fields.birthDate?.iso ?? "", unitCode.uppercased()].joined(separator: "|")
            if let first = seen[key] {
                problems.append(ImportProblem(row: row.number, reason: "Trùng người với dòng \(first)."))
            } else {
                seen[key] = row.number
            }
            plan.preview.problems += problems
            guard problems.isEmpty, let unit else { continue }
            let text = "\(fields.fullName) (\(unit.code))"
            if let person {
                let changed = PeopleRows.changes(person, PersonSnapshot(fields, id: person.id, currentUnitID: person.currentUnitID))
                if changed.isEmpty {
                    plan.preview.add(ImportLine(row: row.number, action: .skip, text: text, note: "Đã có, không đổi."))
                    continue
                }
                plan.changes.append(.update(before: person, fields))
                plan.preview.add(ImportLine(row: row.number, action: .update, text: text, note: "Đổi " + changed.joined(separator: ", ") + "."))
            } else {
                plan.changes.append(.create(fields, unitID: unit.id!, unitName: unit.name))
                plan.preview.add(ImportLine(row: row.number, action: .create, text: text, note: since))
            }
            plan.rows.append(row.number)
            if let number = fields.identityNumber { claimed[number] = key }
        }
        return plan
    }

    /// Creates and updates the people as the person form's service would one by one (its audit
    /// entries), in batches, inside the caller's transaction.
    static func write(_ plan: Plan, access: Access) async throws {
        do {
            try await PersonService(db: access.db, access: access).write(plan.changes, membershipFrom: LocalDate.today())
        } catch let failure as PersonService.BulkWriteFailure {
            throw ImportService.writeFailure(plan.preview, row: failure.index.map { plan.rows[$0] }, failure.error)
        }
    }

    enum Match<Found> {
        case none, one(Found), many(Int)
    }

    /// The person in scope with the row's identity number; else the one in the row's unit with
    /// its name (and birth date, when given) who has no identity number recorded yet or, when the
    /// row has none, any.
    static func match(_ input: PersonService.PersonInput, unit: OrgUnit?, access: Access) async throws -> Match<Person> {
        let wanted = Wanted(input)
        if !wanted.identity.isEmpty, let person = try await Person.query(on: access.db).filter(\.$identityNumber == wanted.identity).first(),
           let unitID = person.currentUnitID, try await access.canSee(unit: unitID) {
            return .one(person)
        }
        guard let unit, !wanted.folded.isEmpty else { return .none }
        let namesakes = try await Person.query(on: access.db).filter(\.$nameFolded == wanted.folded).filter(\.$currentUnitID == unit.id!).all()
        return wanted.among(namesakes, birthDate: \.birthDate, identityNumber: \.identityNumber)
    }

    /// `match` against what was loaded for the whole file.
    static func match(_ input: PersonService.PersonInput, unit: OrgUnit?, known: PersonService.Known) -> Match<PersonSnapshot> {
        let wanted = Wanted(input)
        if !wanted.identity.isEmpty, let person = known.holder(of: wanted.identity),
           let unitID = person.currentUnitID, known.canSee(unit: unitID) {
            return .one(person)
        }
        guard let unit, !wanted.folded.isEmpty else { return .none }
        return wanted.among(known.people(named: wanted.folded, in: unit.id!), birthDate: \.birthDate, identityNumber: \.identityNumber)
    }

    /// Who a row says it is.
    private struct Wanted {
        let identity: String
        let folded: String
        let birth: String

        init(_ input: PersonService.PersonInput) {
            identity = PersonService.identityDigits(input.identityNumber)
            let name = VietnameseText.normalize(input.fullName ?? "")
            folded = name.isEmpty ? "" : VietnameseText.fold(name)
            birth = VietnameseText.normalize(input.birthDate ?? "")
        }

        /// The namesakes of the row's unit it may be: born on its birth date when it gives one
        /// (none when that date cannot be read), without an identity number when it gives one.
        func among<P>(_ namesakes: [P], birthDate: KeyPath<P, LocalDate?>, identityNumber: KeyPath<P, String?>) -> Match<P> {
            guard !namesakes.isEmpty else { return .none }
            var found = namesakes
            if !birth.isEmpty {
                guard let day = LocalDate.parse(birth) else { return .none }
                found = found.filter { $0[keyPath: birthDate] == day }
            }
            if !identity.isEmpty { found = found.filter { $0[keyPath: identityNumber] == nil } }
            switch found.count {
            case 0: return .none
            case 1: return .one(found[0])
            default: return .many(min(found.count, 5))
            }
        }
    }
}
