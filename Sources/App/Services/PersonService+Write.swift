import Domain
import Fluent
import Vapor

extension PersonService {
    /// Creates a person with their first membership, in one transaction with its audit entry.
    func create(_ input: PersonInput, unit unitRef: UnitRef, membershipFrom: String?, fromField: String = "membershipFrom") async throws -> Person {
        // Read-only roles are refused before any checking, so they learn nothing from messages.
        guard writes else { throw Abort(.forbidden, reason: Access.readOnlyMessage) }
        var check = Check()
        let fields = try await self.check(input, excluding: nil, into: &check)
        let unit = try await self.unit(unitRef, label: "Đơn vị sinh hoạt", into: &check)
        let since = check.date(membershipFrom, field: fromField, label: "Ngày bắt đầu sinh hoạt", required: true)
        if let unit, let since, !unit.lifespan.exists(on: since) {
            check.fail(unitRef.field, Self.notExisting(unit, on: since))
        }
        try check.throwIfFailed()
        guard let unit, let since else { throw Abort(.internalServerError) }
        try await access.requireWrite(unit: unit.id!)

        let person = Person()
        fields.apply(to: person)
        person.currentUnitID = unit.id
        let actor = user
        try await db.transaction { tx in
            try await person.create(on: tx)
            try await Membership(personID: person.id!, unitID: unit.id!, validFrom: since).create(on: tx)
            try await Audit.record(
                on: tx, by: actor, .create, .person, id: person.id, unit: unit.id,
                summary: "Thêm \(person.fullName) vào \(unit.name) từ \(VietnameseFormat.date(since))",
                after: PersonSnapshot(person))
        }
        return person
    }

    /// Changes a person's own facts. The unit is not among them: moving is a transfer.
    func update(_ id: Int, _ input: PersonInput) async throws -> Person {
        let person = try await writable(id)
        var check = Check()
        let fields = try await self.check(input, excluding: id, into: &check)
        try check.throwIfFailed()
        let before = PersonSnapshot(person)
        fields.apply(to: person)
        let after = PersonSnapshot(person)
        guard after != before else { return person }
        let actor = user
        try await db.transaction { tx in
            try await person.save(on: tx)
            try await Audit.record(
                on: tx, by: actor, .update, .person, id: id, unit: person.currentUnitID,
                summary: "Cập nhật thông tin \(person.fullName)", before: before, after: after)
        }
        return person
    }

    /// "Chi bộ A1 chưa thành lập vào ngày …" / "… đã giải thể từ ngày …".
    static func notExisting(_ unit: OrgUnit, on day: LocalDate) -> String {
        if day < unit.foundedOn {
            return "\(unit.name) chưa thành lập vào ngày \(VietnameseFormat.date(day)) (thành lập ngày \(VietnameseFormat.date(unit.foundedOn)))."
        }
        let dissolved = unit.dissolvedOn.map(VietnameseFormat.date) ?? ""
        return "\(unit.name) đã giải thể từ ngày \(dissolved), không thể sinh hoạt ở đó vào ngày \(VietnameseFormat.date(day))."
    }
}
