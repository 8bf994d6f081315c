import Domain
import Fluent
import Vapor

extension PersonService {
    struct PositionInput: Sendable {
        var title: String?
        var unit: UnitRef
        var from: String?
        var to: String?
    }

    /// Gives a person a post in a unit (bí thư, phó bí thư…) for a period; `to` is the day it ends.
    func addPosition(personID: Int, _ input: PositionInput) async throws -> Position {
        let person = try await writable(personID)
        var check = Check()
        var title: PositionTitle?
        let rawTitle = VietnameseText.normalize(input.title ?? "")
        if rawTitle.isEmpty {
            check.fail("title", "Chức vụ: vui lòng chọn.")
        } else {
            title = PositionTitle(rawValue: rawTitle)
            if title == nil { check.fail("title", "Chức vụ “\(rawTitle)” không hợp lệ.") }
        }
        let unit = try await self.unit(input.unit, label: "Đơn vị giữ chức vụ", into: &check)
        let from = check.date(input.from, field: "from", label: "Từ ngày", required: true)
        let to = check.date(input.to, field: "to", label: "Đến ngày")
        if let from, let to, to <= from {
            check.fail("to", "Đến ngày phải sau Từ ngày (\(VietnameseFormat.date(from))).")
        }
        if let unit, let from, !unit.lifespan.exists(on: from) {
            check.fail(input.unit.field, Self.notExisting(unit, on: from))
        }
        if let title, let unit, let from, !check.hasFailure("to") {
            let period = DateRange(from: from, to: to)
            let held = try await Position.query(on: db).filter(\.$personID == personID)
                .filter(\.$unitID == unit.id!).filter(\.$title == title).all()
            if let clash = held.first(where: { DateRange(from: $0.validFrom, to: $0.validTo).overlaps(period) }) {
                check.fail("title", "\(person.fullName) đã giữ chức vụ \(title.label) ở \(unit.name) từ ngày \(VietnameseFormat.date(clash.validFrom)); thời gian không được trùng.")
            }
        }
        try check.throwIfFailed()
        guard let title, let unit, let from else { throw Abort(.internalServerError) }
        try await access.requireWrite(unit: unit.id!)

        let position = Position()
        position.personID = personID
        position.unitID = unit.id!
        position.title = title
        position.validFrom = from
        position.validTo = to
        let actor = user
        try await db.transaction { tx in
            try await position.create(on: tx)
            try await Audit.record(
                on: tx, by: actor, .create, .position, id: position.id, unit: unit.id,
                summary: "\(person.fullName): \(title.label) \(unit.name) từ \(VietnameseFormat.date(from))",
                after: PositionSnapshot(position))
        }
        return position
    }

    /// Ends an open position on `on` (the first day it is no longer held).
    /// `of` pins the person when the address names one (the page), so a position id of someone
    /// else cannot be ended through it.
    func endPosition(_ positionID: Int, of personID: Int? = nil, on raw: String?, field: String = "on") async throws -> Position {
        guard let position = try await Position.find(positionID, on: db),
              personID == nil || position.personID == personID
        else { throw Abort(.notFound) }
        let person = try await writable(position.personID)
        // A post in a committee above the account's subtree is not the account's to end.
        guard try await access.canSee(unit: position.unitID) else {
            throw Abort(.forbidden, reason: "Chức vụ này thuộc tổ chức đảng ngoài phạm vi của bạn.")
        }
        var check = Check()
        let day = check.date(raw, field: field, label: "Ngày kết thúc", required: true)
        if let ended = position.validTo {
            check.fail(field, "Chức vụ này đã kết thúc ngày \(VietnameseFormat.date(ended)).")
        } else if let day, day <= position.validFrom {
            check.fail(field, "Ngày kết thúc phải sau ngày bắt đầu giữ chức vụ (\(VietnameseFormat.date(position.validFrom))).")
        }
        try check.throwIfFailed()
        guard let day else { throw Abort(.internalServerError) }
        try await access.requireWrite(unit: position.unitID)

        let before = PositionSnapshot(position)
        position.validTo = day
        let actor = user
        try await db.transaction { tx in
            try await position.save(on: tx)
            try await Audit.record(
                on: tx, by: actor, .update, .position, id: positionID, unit: position.unitID,
                summary: "\(person.fullName): thôi giữ chức vụ \(position.title.label) từ \(VietnameseFormat.date(day))",
                before: before, after: PositionSnapshot(position))
        }
        return position
    }

    /// A position with its unit's name, for a response.
    func positionRow(_ position: Position) async throws -> PositionRow {
        PositionRow(position, unit: try await unitsByID([position.unitID])[position.unitID])
    }
}
