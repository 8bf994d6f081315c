import Domain

/// The people of the demo province, cell by cell, with the cell each was first recorded in.
struct DemoRoster {
    var people: [DemoDataset.PersonEntry] = []
    /// The cell each person was first recorded in, and from which day.
    var firstCell: [String] = []
    var since: [LocalDate] = []
    /// Party members of each cell in the order generated. The first `seniors` of a cell are
    /// long-standing members, recorded there from the cell's founding: they hold the posts.
    var partyMembers: [String: [Int]] = [:]

    /// Enough for the most posts one cell supplies (Chi bộ Phòng Tổng hợp: its own two, two of
    /// its Đảng bộ, two of the Tỉnh ủy).
    static let seniors = 7

    /// The person at `rank` among the party members of `cell`.
    func holder(_ cell: String, _ rank: Int) -> Int {
        partyMembers[cell]![rank]
    }

    static func generate(using rng: inout DemoRandom) -> DemoRoster {
        var roster = DemoRoster()
        var names: Set<String> = []
        var mailboxes: Set<String> = []
        for cell in DemoProvince.cells where cell.people > 0 {
            let profile = cell.profile
            let partyCount = Int((Double(cell.people) * profile.partyShare).rounded())
            var members: [Int] = []
            for i in 0..<cell.people {
                let index = roster.people.count
                let gender: Gender = rng.chance(profile.femaleShare) ? .female : .male
                let fullName = DemoNames.make(gender, used: &names, using: &rng)
                let category: PersonCategory
                let birth: LocalDate
                var joined: LocalDate?
                var since: LocalDate
                if i < partyCount {
                    category = .partyMember
                    let years = i < seniors ? 1962...1978 : profile.memberBirthYears
                    birth = rng.day(in: rng.int(years))
                    // Members are admitted between 19 and 36, seniors before 31; none after 2024,
                    // so every probation (12 months) ends inside the demo's years.
                    let age = i < seniors ? rng.int(22...30) : rng.int(19...36)
                    let admitted = rng.day(in: min(birth.year + age, 2024))
                    joined = admitted
                    // Admitted after the cell was founded: recorded in it from the admission.
                    since = max(cell.founded, admitted)
                    members.append(index)
                } else {
                    category = rng.weighted(profile.otherCategories)
                    birth = rng.day(in: rng.int(category.demoBirthYears))
                    since = max(cell.founded, birth.adding(months: 19 * 12))
                }
                var email = ""
                if profile != .hamlet {
                    let base = DemoNames.mailbox(fullName)
                    var box = base
                    var n = 2
                    while mailboxes.contains(box) { box = base + String(n); n += 1 }
                    mailboxes.insert(box)
                    email = box + "@lachong.example"
                }
                roster.people.append(.init(
                    fullName: fullName, gender: gender, category: category, birth: birth,
                    joined: joined, official: joined?.adding(months: 12),
                    identity: identityNumber(index: index, gender: gender, birth: birth),
                    phone: rng.chance(0.85) ? phoneNumber(index: index) : "", email: email))
                roster.firstCell.append(cell.code)
                roster.since.append(since)
            }
            roster.partyMembers[cell.code] = members
        }
        return roster
    }

    /// 12 digits in the layout of a citizen identity card (province, century and sex, year of
    /// birth, serial) with province code 099, which no real province has. The serial walks
    /// through 0–999999 by a step coprime to 10⁶, so no two people share one.
    static func identityNumber(index: Int, gender: Gender, birth: LocalDate) -> String {
        let centurySex = (birth.year >= 2000 ? 2 : 0) + (gender == .female ? 1 : 0)
        let serial = (index * 7919 + 104_729) % 1_000_000
        return "099" + String(centurySex) + pad(birth.year % 100, 2) + pad(serial, 6)
    }

    /// 10 digits behind the area code 0200, which is not assigned to any area.
    static func phoneNumber(index: Int) -> String {
        "0200" + pad((index * 7331 + 2718) % 1_000_000, 6)
    }

    private static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }
}

extension DemoPeopleProfile {
    var partyShare: Double {
        switch self {
        case .hamlet: 0.86
        case .publicService: 0.75
        case .agency: 0.82
        case .organ: 0.86
        }
    }

    var femaleShare: Double {
        switch self {
        case .hamlet: 0.45
        case .publicService: 0.65
        case .agency: 0.45
        case .organ: 0.35
        }
    }

    /// Villages keep their veterans; offices and schools have members of working age.
    var memberBirthYears: ClosedRange<Int> {
        switch self {
        case .hamlet: 1946...2000
        case .publicService: 1968...1998
        case .agency: 1966...1998
        case .organ: 1966...1994
        }
    }

    var otherCategories: [(PersonCategory, Int)] {
        switch self {
        case .hamlet: [(.youthUnionMember, 3), (.associationMember, 2), (.citizen, 1)]
        case .publicService: [(.civilServant, 3), (.youthUnionMember, 1)]
        case .agency: [(.civilServant, 3), (.cadre, 1)]
        case .organ: [(.cadre, 1)]
        }
    }
}

extension PersonCategory {
    var demoBirthYears: ClosedRange<Int> {
        switch self {
        case .youthUnionMember: 1994...2005
        case .associationMember: 1950...1985
        case .citizen: 1955...2000
        case .civilServant: 1970...1999
        case .cadre: 1968...1995
        case .worker, .partyMember: 1970...2000
        }
    }
}
