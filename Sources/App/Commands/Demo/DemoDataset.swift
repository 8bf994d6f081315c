import Domain

/// The demo province as plain values: units by code, people by their place in `people`. Built by a
/// pure function from a fixed seed (no clock, no system randomness), so every load writes the same rows.
struct DemoDataset: Sendable {
    struct UnitEntry: Sendable {
        let code: String
        let name: String
        let kind: String
        let attachment: UnitAttachment
        let founded: LocalDate
        let dissolved: LocalDate?
        let successor: String?
        let note: String
    }

    struct LinkEntry: Sendable {
        let unit: String
        let parent: String?
        let from: LocalDate
        let to: LocalDate?
    }

    struct PersonEntry: Sendable {
        let fullName: String
        let gender: Gender
        let category: PersonCategory
        let birth: LocalDate
        let joined: LocalDate?
        let official: LocalDate?
        /// Unique, so the loader finds each person's id by it.
        let identity: String
        let phone: String
        let email: String
    }

    struct MembershipEntry: Sendable {
        let person: Int
        let unit: String
        let from: LocalDate
        let to: LocalDate?
        let note: String
    }

    struct PositionEntry: Sendable {
        let person: Int
        let unit: String
        let title: PositionTitle
        let from: LocalDate
        var to: LocalDate?
    }

    struct TopicEntry: Sendable {
        let kind: TopicKind
        let year: Int
        let endYear: Int
        let title: String
        let description: String
    }

    struct GuidanceEntry: Sendable {
        let unit: String
        let number: String
        let kind: GuidanceKind
        let title: String
        let issued: LocalDate
    }

    struct AccountEntry: Sendable {
        let username: String
        let role: Role
        let unit: String?
        let person: Int?
        let displayName: String
        let scopeNote: String
    }

    var units: [UnitEntry] = []
    var links: [LinkEntry] = []
    var people: [PersonEntry] = []
    var memberships: [MembershipEntry] = []
    var positions: [PositionEntry] = []
    /// The whole-term topic first, then the annual ones under it.
    var topics: [TopicEntry] = []
    var guidance: [GuidanceEntry] = []
    var accounts: [AccountEntry] = []

    /// Built once per process: the banner and the loader read the same accounts.
    static let shared = DemoDataset.build()

    /// The seed: "LacHong" in ASCII. Changing it changes every person; the tests only rely on
    /// the structure, but the browser tests and screenshots are easier to follow with one province.
    static let seed: UInt64 = 0x4C_6163_486F_6E67

    static func build() -> DemoDataset {
        var data = DemoDataset()
        data.units = DemoProvince.units.map { spec in
            let ending = DemoProvince.endings.first { $0.unit == spec.code }
            return UnitEntry(
                code: spec.code, name: spec.name, kind: spec.kind, attachment: spec.attachment, founded: spec.founded,
                dissolved: ending?.on, successor: ending?.successor,
                note: ending?.note ?? DemoProvince.notes[spec.code] ?? "")
        }
        data.links = DemoProvince.links()

        var rng = DemoRandom(seed: seed)
        let roster = DemoRoster.generate(using: &rng)
        data.people = roster.people
        data.positions = DemoLeadership.positions(roster: roster)
        let holders = Set(data.positions.map(\.person))
        data.memberships = DemoTransfers.memberships(roster: roster, holders: holders, using: &rng)
        data.topics = DemoDocuments.topics
        data.guidance = DemoDocuments.guidance
        data.accounts = accounts(roster: roster, holders: holders, memberships: data.memberships)
        return data
    }

    /// The demo logins: one per role, so each role's view of the province can be tried.
    private static func accounts(roster: DemoRoster, holders: Set<Int>, memberships: [MembershipEntry]) -> [AccountEntry] {
        let cell = DemoProvince.spec("X-DL-01")
        let secretary = roster.holder(cell.code, 0)
        let moved = Set(memberships.filter { $0.to != nil }.map(\.person))
        // A plain member who stayed in the secretary's cell: the secretary's account sees them too.
        let member = roster.partyMembers[cell.code]!.first { !holders.contains($0) && !moved.contains($0) }!
        let memberName = roster.people[member].fullName
        return [
            .init(username: "quantri", role: .admin, unit: nil, person: nil,
                  displayName: "Quản trị hệ thống", scopeNote: "toàn hệ thống"),
            .init(username: "tinhuy", role: .officer, unit: "TU", person: nil,
                  displayName: "Cán bộ theo dõi Tỉnh ủy", scopeNote: "toàn tỉnh"),
            .init(username: "lanhdao", role: .leader, unit: "TU", person: nil,
                  displayName: "Lãnh đạo Tỉnh ủy", scopeNote: "toàn tỉnh"),
            .init(username: "canbo.dl", role: .officer, unit: "X-DL", person: nil,
                  displayName: "Cán bộ theo dõi xã Đông Lạc", scopeNote: "Đảng ủy xã Đông Lạc"),
            .init(username: "bithu." + cell.code.lowercased(), role: .cellSecretary, unit: cell.code, person: nil,
                  displayName: roster.people[secretary].fullName, scopeNote: cell.name),
            .init(username: "dangvien", role: .member, unit: nil, person: member,
                  displayName: memberName, scopeNote: "hồ sơ của đảng viên \(memberName), \(cell.name)"),
        ]
    }
}
