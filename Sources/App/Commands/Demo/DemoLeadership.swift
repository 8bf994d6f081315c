import Domain

/// Who led which unit when: bí thư and phó bí thư of every cell and committee, and the cấp ủy
/// viên of each committee (the secretaries of the units under it, plus named members).
enum DemoLeadership {
    /// A person named by the cell they were first recorded in and their rank among its seniors.
    struct Holder {
        let cell: String
        let rank: Int
    }

    /// One term of a committee's leadership.
    struct Term {
        let from: LocalDate
        let to: LocalDate?
        let secretary: Holder
        let deputy: Holder
        var members: [Holder] = []
    }

    /// The 2020–2025 congresses: cells first, then grassroots, districts and the province.
    static let cellTerm = day("2020-05-15")
    static let grassrootsTerm = day("2020-07-20")
    static let districtTerm = day("2020-08-25")
    static let provinceTerm = day("2020-10-15")
    static let r = DemoProvince.restructuring

    /// Committees (not cells). In X-DL and X-DH a former leader of the dissolved Huyện ủy becomes
    /// secretary in 2025, as happened across the country; the former secretary stays as deputy.
    static let committees: [(code: String, terms: [Term])] = [
        ("TU", [Term(from: provinceTerm, to: nil, secretary: .init(cell: "CQ-VPTU-01", rank: 5), deputy: .init(cell: "CQ-VPTU-01", rank: 6))]),
        ("HU-DL", [Term(from: districtTerm, to: nil, secretary: .init(cell: "HU-DL-CQ", rank: 2), deputy: .init(cell: "HU-DL-CQ", rank: 3), members: [.init(cell: "HU-DL-CQ", rank: 4)])]),
        ("DUK", [Term(from: districtTerm, to: nil, secretary: .init(cell: "DUK-CQ", rank: 2), deputy: .init(cell: "DUK-CQ", rank: 3), members: [.init(cell: "DUK-CQ", rank: 4)])]),
        ("TP-LH", [Term(from: districtTerm, to: nil, secretary: .init(cell: "TP-LH-CQ", rank: 2), deputy: .init(cell: "TP-LH-CQ", rank: 3), members: [.init(cell: "TP-LH-CQ", rank: 4)])]),
        ("DU-CQD", [Term(from: r, to: nil, secretary: .init(cell: "DUK-CQ", rank: 2), deputy: .init(cell: "DUK-CQ", rank: 3), members: [.init(cell: "DUK-CQ", rank: 4)])]),
        ("DU-UBND", [Term(from: r, to: nil, secretary: .init(cell: "CQ-STC", rank: 2), deputy: .init(cell: "CQ-SGD-01", rank: 4))]),
        ("X-DL", [
            Term(from: grassrootsTerm, to: r, secretary: .init(cell: "X-DL-01", rank: 2), deputy: .init(cell: "X-DL-01", rank: 3)),
            Term(from: r, to: nil, secretary: .init(cell: "HU-DL-CQ", rank: 3), deputy: .init(cell: "X-DL-01", rank: 2), members: [.init(cell: "X-DL-01", rank: 3)]),
        ]),
        ("X-DH", [
            Term(from: grassrootsTerm, to: r, secretary: .init(cell: "X-DH-01", rank: 2), deputy: .init(cell: "X-DH-01", rank: 3)),
            Term(from: r, to: nil, secretary: .init(cell: "HU-DL-CQ", rank: 2), deputy: .init(cell: "X-DH-01", rank: 2), members: [.init(cell: "X-DH-01", rank: 3)]),
        ]),
        ("X-DP", [Term(from: grassrootsTerm, to: nil, secretary: .init(cell: "X-DP-01", rank: 2), deputy: .init(cell: "X-DP-01", rank: 3))]),
        ("CQ-VPTU", [Term(from: grassrootsTerm, to: nil, secretary: .init(cell: "CQ-VPTU-01", rank: 2), deputy: .init(cell: "CQ-VPTU-01", rank: 3))]),
        ("CQ-SGD", [Term(from: grassrootsTerm, to: nil, secretary: .init(cell: "CQ-SGD-01", rank: 2), deputy: .init(cell: "CQ-SGD-01", rank: 3))]),
        ("P-TH", [Term(from: grassrootsTerm, to: nil, secretary: .init(cell: "P-TH-01", rank: 2), deputy: .init(cell: "P-TH-01", rank: 3))]),
        ("P-BM", [Term(from: grassrootsTerm, to: nil, secretary: .init(cell: "P-BM-01", rank: 2), deputy: .init(cell: "P-BM-01", rank: 3))]),
    ]

    /// The terms of a cell: its two most senior members lead it; the cell that absorbed the bloc
    /// committee's staff in 2025 is led by the staff cell's former leaders.
    static func cellTerms(_ cell: DemoUnitSpec) -> [Term] {
        if cell.code == "DU-CQD-CQ" {
            return [Term(from: r, to: nil, secretary: .init(cell: "DUK-CQ", rank: 0), deputy: .init(cell: "DUK-CQ", rank: 1))]
        }
        return [Term(from: max(cellTerm, cell.founded), to: nil, secretary: .init(cell: cell.code, rank: 0), deputy: .init(cell: cell.code, rank: 1))]
    }

    static func terms(of code: String) -> [Term] {
        if let committee = committees.first(where: { $0.code == code }) { return committee.terms }
        return cellTerms(DemoProvince.spec(code))
    }

    static func positions(roster: DemoRoster) -> [DemoDataset.PositionEntry] {
        var result: [DemoDataset.PositionEntry] = []
        let links = DemoProvince.links()
        func person(_ holder: Holder) -> Int { roster.holder(holder.cell, holder.rank) }
        func add(_ person: Int, _ unit: String, _ title: PositionTitle, _ span: Span?) {
            guard let span else { return }
            // Consecutive spans of the same post are one period of office, not two.
            if let i = result.firstIndex(where: {
                $0.person == person && $0.unit == unit && $0.title == title && $0.to == span.from
            }) {
                result[i].to = span.to
            } else {
                result.append(.init(person: person, unit: unit, title: title, from: span.from, to: span.to))
            }
        }
        for unit in DemoProvince.units {
            let lifetime = Span(from: unit.founded, to: DemoProvince.ending(unit.code))
            for term in terms(of: unit.code) {
                guard let office = lifetime.intersect(Span(from: term.from, to: term.to)) else { continue }
                add(person(term.secretary), unit.code, .secretary, office)
                add(person(term.deputy), unit.code, .deputySecretary, office)
                for member in term.members {
                    add(person(member), unit.code, .committeeMember, office)
                }
                // The secretaries of the units directly below sit on the committee while they are below it.
                let leaders = [person(term.secretary), person(term.deputy)]
                for link in links where link.parent == unit.code {
                    let child = DemoProvince.spec(link.unit)
                    guard let below = office.intersect(Span(from: link.from, to: link.to)) else { continue }
                    for childTerm in terms(of: child.code) {
                        let secretary = person(childTerm.secretary)
                        if leaders.contains(secretary) { continue }
                        let childLife = Span(from: child.founded, to: DemoProvince.ending(child.code))
                        let held = below.intersect(Span(from: childTerm.from, to: childTerm.to))
                        add(secretary, unit.code, .committeeMember, held.flatMap { $0.intersect(childLife) })
                    }
                }
            }
        }
        return result
    }
}

/// A half-open range of days [from, to); nil `to` is open.
struct Span {
    let from: LocalDate
    let to: LocalDate?

    /// The common part, or nil when the two do not overlap.
    func intersect(_ other: Span) -> Span? {
        let start = max(from, other.from)
        let end: LocalDate?
        switch (to, other.to) {
        case let (a?, b?): end = min(a, b)
        case let (a?, nil): end = a
        case let (nil, b?): end = b
        case (nil, nil): end = nil
        }
        if let end, end <= start { return nil }
        return Span(from: start, to: end)
    }
}

private func day(_ iso: String) -> LocalDate { LocalDate(iso)! }
