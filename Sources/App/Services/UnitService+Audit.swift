import Domain
import Foundation

/// What the audit log keeps of a unit before and after a change: its own fields, its place in
/// the tree, and, for restructures, who and what hung on it (so a merge can be traced back).
struct UnitAuditSnapshot: Codable, Sendable, Equatable {
    let id: Int
    let code: String
    let name: String
    let kindCode: String
    let attachment: String
    let note: String
    let foundedOn: String
    let dissolvedOn: String?
    let successorID: Int?
    /// The parent of the open link, and since when.
    let parentID: Int?
    let parentSince: String?
    /// Units whose open link points here (restructures only).
    var childUnitIDs: [Int]?
    /// People with an open membership here (restructures only).
    var memberPersonIDs: [Int]?
    /// Open positions held here (restructures only).
    var openPositionIDs: [Int]?
    /// The day a restructure takes effect.
    var effectiveOn: String?

    init(_ unit: OrgUnit, parentID: Int?, parentSince: LocalDate?) {
        id = unit.id ?? 0
        code = unit.code
        name = unit.name
        kindCode = unit.kindCode
        attachment = unit.attachment.rawValue
        note = unit.note
        foundedOn = unit.foundedOn.iso
        dissolvedOn = unit.dissolvedOn?.iso
        successorID = unit.successorID
        self.parentID = parentID
        self.parentSince = parentSince?.iso
    }

    func with(children: [Int]? = nil, members: [Int]? = nil, positions: [Int]? = nil, effectiveOn: LocalDate? = nil) -> Self {
        var copy = self
        copy.childUnitIDs = children.map { $0.sorted() }
        copy.memberPersonIDs = members.map { $0.sorted() }
        copy.openPositionIDs = positions.map { $0.sorted() }
        copy.effectiveOn = effectiveOn?.iso
        return copy
    }
}

/// A person's place (sinh hoạt) before and after a transfer made by a merge.
struct MembershipAuditSnapshot: Codable, Sendable {
    let personID: Int
    let unitID: Int
    let validFrom: String
    let validTo: String?
}
