/// The rules a change of the tree must follow, checked before anything is written.
public enum TreeChangeError: Error, Equatable, Sendable {
    case unitDissolved
    case targetNotExisting
    case beforeFounding
    case notAfterCurrentLink
    case cycle
    case sameUnit
    case sameParent

    public var message: String {
        switch self {
        case .unitDissolved: "Đơn vị đã giải thể, không thể thay đổi."
        case .targetNotExisting: "Đơn vị đích không tồn tại vào ngày có hiệu lực."
        case .beforeFounding: "Ngày có hiệu lực không được trước ngày thành lập đơn vị."
        case .notAfterCurrentLink: "Ngày có hiệu lực phải sau ngày bắt đầu của vị trí hiện tại trong cây tổ chức."
        case .cycle: "Không thể đặt đơn vị vào dưới chính nó hoặc đơn vị cấp dưới của nó."
        case .sameUnit: "Không thể sáp nhập đơn vị vào chính nó."
        case .sameParent: "Đơn vị đã trực thuộc đơn vị này."
        }
    }

    /// The form field the message belongs to.
    public var field: String {
        switch self {
        case .unitDissolved, .sameUnit, .sameParent, .cycle, .targetNotExisting: "target"
        case .beforeFounding, .notAfterCurrentLink: "effectiveOn"
        }
    }
}

public enum TreeChange {
    /// Validates moving `unit` under `newParent` from `day`.
    public static func checkMove(
        unit: UnitLifespan, currentLink: ParentLink?, newParent: UnitLifespan?,
        day: LocalDate, treeOnDay: OrgTree
    ) -> TreeChangeError? {
        if unit.dissolvedOn != nil { return .unitDissolved }
        if day < unit.foundedOn { return .beforeFounding }
        if let currentLink, day <= currentLink.from { return .notAfterCurrentLink }
        if let newParent {
            if !newParent.exists(on: day) { return .targetNotExisting }
            if newParent.id == unit.id || treeOnDay.isInSubtree(newParent.id, of: unit.id) { return .cycle }
            if currentLink?.parentID == newParent.id { return .sameParent }
        }
        return nil
    }

    /// Validates merging `unit` into `successor` from `day` (the unit ends, the successor absorbs it).
    public static func checkMerge(
        unit: UnitLifespan, successor: UnitLifespan, day: LocalDate, treeOnDay: OrgTree
    ) -> TreeChangeError? {
        if unit.id == successor.id { return .sameUnit }
        if unit.dissolvedOn != nil { return .unitDissolved }
        if day <= unit.foundedOn { return .beforeFounding }
        if !successor.exists(on: day) { return .targetNotExisting }
        if treeOnDay.isInSubtree(successor.id, of: unit.id) { return .cycle }
        return nil
    }

    /// Validates dissolving `unit` from `day`.
    public static func checkDissolve(unit: UnitLifespan, day: LocalDate) -> TreeChangeError? {
        if unit.dissolvedOn != nil { return .unitDissolved }
        if day <= unit.foundedOn { return .beforeFounding }
        return nil
    }
}
