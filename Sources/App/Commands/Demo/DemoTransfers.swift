import Domain

/// Where everyone was recorded, and when: ordinary transfers between cells over 2021–2025, and
/// the transfers the 2025 restructuring forced (dissolved staff cells, the merged village cells).
enum DemoTransfers {
    static let count = 30
    static let firstDay = LocalDate(year: 2021, month: 2, day: 1)!
    /// Before the restructuring, so no ordinary transfer crosses it.
    static let lastDay = LocalDate(year: 2025, month: 6, day: 20)!

    /// Staff cells whose people all leave on the restructuring day.
    static let staffCells: Set<String> = ["HU-DL-CQ", "DUK-CQ"]

    /// Where the district staff went: its two leaders to lead communes, the others spread over
    /// communes and provincial offices, in this order.
    static let districtStaffDestinations = ["X-DL-02", "X-DP-01", "CQ-VPTU-02", "X-DH-02", "P-TH-01", "X-DL-03"]

    private struct Stay {
        let unit: String
        let from: LocalDate
        let note: String
    }

    static func memberships(
        roster: DemoRoster, holders: Set<Int>, using rng: inout DemoRandom
    ) -> [DemoDataset.MembershipEntry] {
        let people = roster.people
        var stays: [[Stay]] = people.indices.map { i in
            let admitted = people[i].joined == roster.since[i]
            return [Stay(unit: roster.firstCell[i], from: roster.since[i], note: admitted ? "Kết nạp Đảng tại chi bộ." : "")]
        }

        // Ordinary transfers: members without posts, to cells that still exist today.
        let targets = DemoProvince.cells.filter {
            DemoProvince.ending($0.code) == nil && $0.founded < DemoProvince.restructuring
        }
        let candidates = people.indices.filter {
            people[$0].category == .partyMember && !holders.contains($0) && !staffCells.contains(roster.firstCell[$0])
        }
        var moved: Set<Int> = []
        while moved.count < count {
            let i = rng.pick(candidates)
            let earliest = max(firstDay, roster.since[i].adding(days: 180))
            guard !moved.contains(i), earliest <= lastDay else { continue }
            let on = rng.day(earliest, lastDay)
            let source = roster.firstCell[i]
            let target = rng.pick(targets.filter { $0.code != source && $0.founded <= on })
            stays[i].append(Stay(unit: target.code, from: on, note: "Chuyển sinh hoạt từ \(DemoProvince.spec(source).name)."))
            moved.insert(i)
        }

        // The restructuring: nobody may stay recorded in a unit that no longer exists.
        let r = DemoProvince.restructuring
        let districtSecretary = roster.holder("HU-DL-CQ", 2)
        let districtDeputy = roster.holder("HU-DL-CQ", 3)
        var nextDestination = 0
        for i in people.indices {
            switch stays[i].last!.unit {
            case "DUK-CQ":
                stays[i].append(Stay(unit: "DU-CQD-CQ", from: r,
                                     note: "Hợp nhất Chi bộ Cơ quan Đảng ủy Khối các cơ quan tỉnh vào chi bộ."))
            case "X-DP-03":
                stays[i].append(Stay(unit: "X-DP-02", from: r,
                                     note: "Sáp nhập Chi bộ thôn Phong Lộc vào Chi bộ thôn Phong Thạnh."))
            case "HU-DL-CQ":
                let target: String
                if i == districtSecretary {
                    target = "X-DH-01"
                } else if i == districtDeputy {
                    target = "X-DL-01"
                } else {
                    target = districtStaffDestinations[nextDestination % districtStaffDestinations.count]
                    nextDestination += 1
                }
                stays[i].append(Stay(unit: target, from: r,
                                     note: "Chuyển sinh hoạt khi giải thể Chi bộ Cơ quan Huyện ủy Đông Lạc."))
            default:
                break
            }
        }

        var result: [DemoDataset.MembershipEntry] = []
        for (person, list) in stays.enumerated() {
            for (k, stay) in list.enumerated() {
                let to = k + 1 < list.count ? list[k + 1].from : nil
                result.append(.init(person: person, unit: stay.unit, from: stay.from, to: to, note: stay.note))
            }
        }
        return result
    }
}
