import Domain
import Fluent
import Vapor

/// Moves, merges and dissolutions: each checked against the whole history first, then written in
/// one transaction with the closure rebuilt and an audit entry for every unit it changes.
extension UnitService {
    struct MoveInput: Sendable {
        var parentID: Int?
        var parentCode: String?
        var effectiveOn: String?
    }

    struct MergeInput: Sendable {
        var successorID: Int?
        var successorCode: String?
        var effectiveOn: String?
    }

    struct DissolveInput: Sendable {
        var effectiveOn: String?
    }

    // MARK: Move (chuyển đơn vị cấp trên)

    func move(_ id: Int, _ input: MoveInput) async throws -> OrgUnit {
        try await access.requireRestructure(unit: id)
        var errors: [ValidationFailure] = []
        let day = Self.date(input.effectiveOn, field: "effectiveOn", label: "Ngày có hiệu lực", errors: &errors)
        let target = try await resolveTarget(id: input.parentID, code: input.parentCode, role: .parent, errors: &errors)
        if target == nil, !errors.contains(where: { $0.field.hasPrefix("parent") }) {
            errors.append(.init(field: "parentId", message: "Đơn vị cấp trên mới là bắt buộc."))
        }
        guard errors.isEmpty, let day, let target else { throw InvalidInput(errors) }

        let actor = user
        return try await db.transaction { tx in
            guard let unit = try await OrgUnit.find(id, on: tx) else { throw Abort(.notFound) }
            let state = try await TreeState.load(on: tx)
            let open = try await Self.openLink(of: id, on: tx)
            if let problem = TreeChange.checkMove(unit: unit.lifespan, currentLink: open?.link, newParent: target.lifespan,
                                                  day: day, treeOnDay: state.tree(on: day)) {
                throw Self.failure(problem, targetField: TargetRole.parent.idField)
            }
            try Self.requireLasting(target, role: .parent)
            if state.replacingOpenLink(of: id, day: day, newParent: target.id!).hasCycle(through: id, from: day) {
                throw Self.failure(.cycle, targetField: TargetRole.parent.idField)
            }
            let before = UnitAuditSnapshot(unit, parentID: open?.parentID, parentSince: open?.validFrom)
            try await Self.endLink(open, on: day, tx)
            try await UnitParentLink(unitID: id, parentID: target.id, validFrom: day).create(on: tx)
            try await TreeIndex.rebuild(on: tx)
            let after = UnitAuditSnapshot(unit, parentID: target.id, parentSince: day).with(effectiveOn: day)
            try await Audit.record(on: tx, by: actor, .move, .unit, id: id, unit: id,
                                   summary: "Chuyển \(unit.name) (\(unit.code)) về trực thuộc \(target.name) (\(target.code)) từ ngày \(VietnameseFormat.date(day))",
                                   before: before.with(effectiveOn: day), after: after)
            return unit
        }
    }

    // MARK: Merge (sáp nhập)

    /// The unit ends on `effectiveOn`; its successor takes its living child units and the open
    /// memberships of its people from that day (each an ended row and a new one).
    func merge(_ id: Int, _ input: MergeInput) async throws -> OrgUnit {
        try await access.requireRestructure(unit: id)
        var errors: [ValidationFailure] = []
        let day = Self.date(input.effectiveOn, field: "effectiveOn", label: "Ngày có hiệu lực", errors: &errors)
        let target = try await resolveTarget(id: input.successorID, code: input.successorCode, role: .successor, errors: &errors)
        if target == nil, !errors.contains(where: { $0.field.hasPrefix("successor") }) {
            errors.append(.init(field: "successorId", message: "Đơn vị tiếp nhận (sáp nhập vào) là bắt buộc."))
        }
        guard errors.isEmpty, let day, let successor = target else { throw InvalidInput(errors) }

        let actor = user
        let successorID = successor.id!
        return try await db.transaction { tx in
            guard let unit = try await OrgUnit.find(id, on: tx) else { throw Abort(.notFound) }
            let state = try await TreeState.load(on: tx)
            if let problem = TreeChange.checkMerge(unit: unit.lifespan, successor: successor.lifespan, day: day, treeOnDay: state.tree(on: day)) {
                throw Self.failure(problem, targetField: TargetRole.successor.idField)
            }
            try Self.requireLasting(successor, role: .successor)
            let open = try await Self.openLink(of: id, on: tx)
            let held = try await Holdings.load(of: id, on: tx)
            try Self.requireAfterOpenRecords(day, open: open, held: held)

            var next = state.replacingOpenLink(of: id, day: day, newParent: nil)
            next.units[id] = UnitLifespan(id: id, foundedOn: unit.foundedOn, dissolvedOn: day, successorID: successorID)
            for child in held.childLinks { next = next.replacingOpenLink(of: child.unitID, day: day, newParent: successorID) }
            if ([id] + held.childLinks.map(\.unitID)).contains(where: { next.hasCycle(through: $0, from: day) }) {
                throw Self.failure(.cycle, targetField: TargetRole.successor.idField)
            }

            let successorOpen = try await Self.openLink(of: successorID, on: tx)
            let successorHeld = try await Holdings.load(of: successorID, on: tx)
            let unitBefore = UnitAuditSnapshot(unit, parentID: open?.parentID, parentSince: open?.validFrom)
                .with(children: held.childIDs, members: held.personIDs, positions: held.positionIDs, effectiveOn: day)
            let successorBefore = UnitAuditSnapshot(successor, parentID: successorOpen?.parentID, parentSince: successorOpen?.validFrom)
                .with(children: successorHeld.childIDs, members: successorHeld.personIDs, positions: successorHeld.positionIDs, effectiveOn: day)

            unit.dissolvedOn = day
            unit.successorID = successorID
            try await unit.save(on: tx)
            try await Self.endLink(open, on: day, tx)
            try await Self.moveChildren(held.childLinks, to: successorID, on: day, by: actor,
                                        reason: "sáp nhập \(unit.name) vào \(successor.name)", tx)
            try await Self.transferMembers(held.memberships, from: unit, to: successor, on: day, by: actor, tx)
            try await Self.endPositions(held.positions, on: day, tx)
            try await TreeIndex.rebuild(on: tx)

            let summaryDay = VietnameseFormat.date(day)
            try await Audit.record(on: tx, by: actor, .merge, .unit, id: id, unit: id,
                                   summary: "Sáp nhập \(unit.name) (\(unit.code)) vào \(successor.name) (\(successor.code)) từ ngày \(summaryDay)",
                                   before: unitBefore,
                                   after: UnitAuditSnapshot(unit, parentID: nil, parentSince: nil)
                                       .with(children: [], members: [], positions: [], effectiveOn: day))
            try await Audit.record(on: tx, by: actor, .merge, .unit, id: successorID, unit: successorID,
                                   summary: "\(successor.name) (\(successor.code)) tiếp nhận \(unit.name) (\(unit.code)) sáp nhập từ ngày \(summaryDay)",
                                   before: successorBefore,
                                   after: successorBefore.with(children: successorHeld.childIDs + held.childIDs,
                                                               members: successorHeld.personIDs + held.personIDs,
                                                               positions: successorHeld.positionIDs, effectiveOn: day))
            return unit
        }
    }

    // MARK: Dissolve (giải thể)

    /// The unit ends on `effectiveOn`; its living child units move to its parent that day.
    /// Refused while anyone still has an open membership in it.
    func dissolve(_ id: Int, _ input: DissolveInput) async throws -> OrgUnit {
        try await access.requireRestructure(unit: id)
        var errors: [ValidationFailure] = []
        let day = Self.date(input.effectiveOn, field: "effectiveOn", label: "Ngày có hiệu lực", errors: &errors)
        // The parent takes the children in: the account must be allowed to restructure it too.
        let parentID = try await Self.openLink(of: id, on: db)?.parentID
        if let parentID {
            guard try await access.canSee(unit: parentID) else {
                throw Abort(.forbidden, reason: "Giải thể đơn vị này cần quyền trên đơn vị cấp trên của nó, nơi tiếp nhận các đơn vị trực thuộc.")
            }
            try await access.requireRestructure(unit: parentID)
        } else {
            try access.requireRole(.admin)
        }
        guard errors.isEmpty, let day else { throw InvalidInput(errors) }

        let actor = user
        return try await db.transaction { tx in
            guard let unit = try await OrgUnit.find(id, on: tx) else { throw Abort(.notFound) }
            if let problem = TreeChange.checkDissolve(unit: unit.lifespan, day: day) {
                throw Self.failure(problem, targetField: "unit")
            }
            let members = try await Membership.query(on: tx).filter(\.$unitID == id).filter(\.$validTo == nil).count()
            if members > 0 {
                throw InvalidInput([.init(field: "members", message: "Không thể giải thể: còn \(VietnameseFormat.number(members)) người đang sinh hoạt tại đơn vị này. Hãy chuyển sinh hoạt cho họ trước khi giải thể.")])
            }
            let open = try await Self.openLink(of: id, on: tx)
            guard open?.parentID == parentID else { throw Abort(.conflict, reason: "Đơn vị vừa được thay đổi. Vui lòng tải lại trang và thử lại.") }
            let held = try await Holdings.load(of: id, on: tx)
            try Self.requireAfterOpenRecords(day, open: open, held: held)
            let parent = try await parentID.asyncMap { try await OrgUnit.find($0, on: tx) } ?? nil
            if let parent, !held.childLinks.isEmpty, !parent.lifespan.exists(on: day) {
                throw InvalidInput([.init(field: "effectiveOn", message: "Đơn vị cấp trên \(parent.name) không tồn tại vào ngày có hiệu lực, không thể tiếp nhận các đơn vị trực thuộc.")])
            }
            let parentHeld = try await parentID.asyncMap { try await Holdings.load(of: $0, on: tx) }
            let parentOpen = try await parentID.asyncMap { try await Self.openLink(of: $0, on: tx) } ?? nil
            let unitBefore = UnitAuditSnapshot(unit, parentID: open?.parentID, parentSince: open?.validFrom)
                .with(children: held.childIDs, members: [], positions: held.positionIDs, effectiveOn: day)

            unit.dissolvedOn = day
            try await unit.save(on: tx)
            try await Self.endLink(open, on: day, tx)
            try await Self.moveChildren(held.childLinks, to: parentID, on: day, by: actor, reason: "giải thể \(unit.name)", tx)
            try await Self.endPositions(held.positions, on: day, tx)
            try await TreeIndex.rebuild(on: tx)

            let summaryDay = VietnameseFormat.date(day)
            try await Audit.record(on: tx, by: actor, .dissolve, .unit, id: id, unit: id,
                                   summary: "Giải thể \(unit.name) (\(unit.code)) từ ngày \(summaryDay)",
                                   before: unitBefore,
                                   after: UnitAuditSnapshot(unit, parentID: nil, parentSince: nil)
                                       .with(children: [], members: [], positions: [], effectiveOn: day))
            if let parent, let parentHeld, !held.childLinks.isEmpty {
                let before = UnitAuditSnapshot(parent, parentID: parentOpen?.parentID, parentSince: parentOpen?.validFrom)
                    .with(children: parentHeld.childIDs, members: parentHeld.personIDs, positions: parentHeld.positionIDs, effectiveOn: day)
                try await Audit.record(on: tx, by: actor, .dissolve, .unit, id: parent.id, unit: parent.id,
                                       summary: "\(parent.name) (\(parent.code)) tiếp nhận các đơn vị trực thuộc của \(unit.name) (giải thể từ ngày \(summaryDay))",
                                       before: before, after: before.with(children: parentHeld.childIDs + held.childIDs,
                                                                          members: parentHeld.personIDs, positions: parentHeld.positionIDs, effectiveOn: day))
            }
            return unit
        }
    }
}

fileprivate extension Optional {
    /// `map` for an async transform.
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
