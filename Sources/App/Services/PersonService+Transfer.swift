import Domain
import Fluent
import Vapor

extension PersonService {
    struct TransferInput: Sendable {
        var unit: UnitRef
        var effectiveOn: String?
        var note: String?
        var effectiveField = "effectiveOn"
    }

    /// Chuyển sinh hoạt: ends the open membership on the effective date and starts one in the
    /// target unit that same day (validTo is exclusive), so history has no gap and no overlap.
    /// The account must be able to write both units.
    func transfer(_ id: Int, _ input: TransferInput) async throws -> Person {
        let person = try await writable(id)
        var check = Check()
        let target = try await unit(input.unit, label: "Đơn vị chuyển đến", into: &check)
        let day = check.date(input.effectiveOn, field: input.effectiveField, label: "Ngày chuyển", required: true)
        let note = check.text(input.note, field: "note", label: "Ghi chú", maxLength: 500)
        let open = try await openMembership(id)
        if let target, target.id == person.currentUnitID {
            check.fail(input.unit.field, "\(person.fullName) đang sinh hoạt ở \(target.name); chọn một đơn vị khác.")
        } else if let target, let day, !target.lifespan.exists(on: day) {
            check.fail(input.unit.field, Self.notExisting(target, on: day))
        }
        if let open, let day, day <= open.validFrom {
            check.fail(input.effectiveField,
                       "Ngày chuyển phải sau ngày bắt đầu sinh hoạt ở đơn vị hiện tại (\(VietnameseFormat.date(open.validFrom))).")
        }
        try check.throwIfFailed()
        guard let target, let day else { throw Abort(.internalServerError) }
        try await access.requireWrite(unit: target.id!)

        let before = PersonSnapshot(person)
        let source = person.currentUnitID
        person.currentUnitID = target.id
        let after = PersonSnapshot(person)
        let sourceUnits = try await unitsByID(Set([source].compactMap { $0 }))
        let sourceName = source.flatMap { sourceUnits[$0]?.name } ?? "—"
        let actor = user
        try await db.transaction { tx in
            if let open {
                open.validTo = day
                try await open.save(on: tx)
            }
            try await Membership(personID: id, unitID: target.id!, validFrom: day, note: note).create(on: tx)
            try await person.save(on: tx)
            // Filed under the receiving unit: that is where the person's records now live. The unit
            // the person left gets its own entry unless the receiving unit lies within its subtree,
            // so the officers of both sides see the transfer, and nobody sees it twice.
            let summary = "Chuyển sinh hoạt \(person.fullName) từ \(sourceName) đến \(target.name) ngày \(VietnameseFormat.date(day))"
            try await Audit.record(on: tx, by: actor, .transfer, .person, id: id, unit: target.id,
                                   summary: summary, before: before, after: after)
            if let source, try await !Access.isDescendant(target.id!, of: source, on: tx) {
                try await Audit.record(on: tx, by: actor, .transfer, .person, id: id, unit: source,
                                       summary: summary, before: before, after: after)
            }
        }
        return person
    }

    /// The membership still running (no end date); the latest if data ever held two.
    func openMembership(_ personID: Int) async throws -> Membership? {
        try await Membership.query(on: db).filter(\.$personID == personID).filter(\.$validTo == nil)
            .sort(\.$validFrom, .descending).first()
    }
}
