import Domain
import Fluent
import Vapor

/// Demo practice models, exemplars and writing contests for 2021–2025: about 60% of the
/// grassroots units register one or two models a year, about ten exemplars a year, and one
/// writing contest a year organised by the Tỉnh ủy.
enum DemoModelsAndContests {
    static let years = 2021...2025

    static func build(on db: any Database) async throws {
        var rng = DemoRandom(seed: 0x4D4F_4849_4E48)
        let kinds = try await UnitKind.query(on: db).all()
        let grassrootsKinds = Set(kinds.filter(\.isGrassroots).map(\.code))
        let units = try await OrgUnit.query(on: db).sort(\.$id).all()
        guard let province = units.first(where: { $0.code == "TU" }) else { return }
        let grassroots = units.filter { grassrootsKinds.contains($0.kindCode) }
        let people = try await Person.query(on: db).filter(\.$currentUnitID != nil).sort(\.$id).all()

        func alive(_ unit: OrgUnit, in year: Int) -> Bool {
            unit.foundedOn <= LocalDate.lastOf(year: year)
                && (unit.dissolvedOn.map { $0 > LocalDate.firstOf(year: year) } ?? true)
        }

        // Models: a unit that takes part does so year after year, as the programme asks.
        let registering = grassroots.filter { _ in rng.chance(0.6) }
        var models: [PracticeModel] = []
        for year in years {
            for unit in registering where alive(unit, in: year) {
                for _ in 0..<rng.int(1...2) {
                    let kind = rng.pick(PracticeModelKind.allCases)
                    let model = PracticeModel()
                    model.unitID = unit.id!
                    model.year = year
                    model.kind = kind
                    model.title = "\(rng.pick(modelTitles[kind]!)) (\(year))"
                    model.titleFolded = VietnameseText.fold(model.title)
                    model.description = "\(unit.name) triển khai từ quý \(rng.int(1...2)) năm \(year), "
                        + "giao chi bộ theo dõi, đánh giá hằng quý."
                    model.results = "\(rng.int(20...300)) lượt người tham gia; \(rng.pick(modelResults))."
                    models.append(model)
                }
            }
        }
        try await insert(models, on: db)

        var exemplars: [Exemplar] = []
        for year in years {
            let living = grassroots.filter { alive($0, in: year) }
            for index in 0..<10 {
                let exemplar = Exemplar()
                exemplar.year = year
                exemplar.recognisedOn = LocalDate(year: year, month: rng.int(5...11), day: rng.int(1...28))!
                if index % 3 == 0, let unit = living.isEmpty ? nil : rng.pick(living) {
                    exemplar.unitID = province.id!
                    exemplar.subject = .collective
                    exemplar.subjectUnitID = unit.id
                    exemplar.name = unit.name
                    exemplar.recognisedBy = "Ban Thường vụ Tỉnh ủy"
                    exemplar.story = "\(unit.name) \(rng.pick(collectiveStories))."
                } else {
                    let person = rng.pick(people)
                    let own = rng.chance(0.5)
                    exemplar.unitID = own ? person.currentUnitID! : province.id!
                    exemplar.subject = .individual
                    exemplar.personID = person.id
                    exemplar.name = person.fullName
                    exemplar.recognisedBy = own ? "Cấp ủy cơ sở" : "Ban Thường vụ Tỉnh ủy"
                    exemplar.story = "Đồng chí \(person.fullName) \(rng.pick(personStories))."
                }
                exemplars.append(exemplar)
            }
        }
        try await insert(exemplars, on: db)
        try await contests(province: province, people: people, rng: &rng, on: db)
    }

    /// One contest a year by the Tỉnh ủy; about ten units send entries, some by a group of
    /// authors, and about one in five is selected for the national round.
    private static func contests(province: OrgUnit, people: [Person], rng: inout DemoRandom, on db: any Database) async throws {
        let byUnit = Dictionary(grouping: people) { $0.currentUnitID! }
        let senders = byUnit.keys.sorted()
        for year in years {
            let contest = Contest()
            contest.unitID = province.id!
            contest.year = year
            contest.title = "Cuộc thi viết “Những tấm gương bình dị mà cao quý” năm \(year)"
            contest.titleFolded = VietnameseText.fold(contest.title)
            contest.rounds = "Vòng sơ khảo: 1/3–30/6/\(year)\nVòng chung khảo: 1/8–30/9/\(year)\nTrao giải: 19/5/\(year + 1)"
            contest.note = "Bài viết dài không quá 3.000 chữ, về người thật, việc thật trên địa bàn tỉnh."
            try await contest.create(on: db)
            var chosen: [Int] = []
            while chosen.count < min(10, senders.count) {
                let unit = rng.pick(senders)
                if !chosen.contains(unit) { chosen.append(unit) }
            }
            for unitID in chosen {
                let members = byUnit[unitID]!
                let entry = ContestEntry()
                entry.contestID = contest.id!
                entry.unitID = unitID
                entry.title = rng.pick(entryTitles)
                entry.result = rng.weighted([(ContestEntryResult.awarded, 4), (.notAwarded, 5), (.notMarked, year == years.upperBound ? 3 : 0)])
                entry.prize = entry.result == .awarded ? rng.pick(["Giải Nhất", "Giải Nhì", "Giải Ba", "Giải Khuyến khích"]) : ""
                entry.selectedForHigherLevel = entry.result == .awarded && rng.chance(0.5)
                try await entry.create(on: db)
                var authors: [Int] = []
                for _ in 0..<(rng.chance(0.3) ? min(3, members.count) : 1) {
                    let person = rng.pick(members).id!
                    if !authors.contains(person) { authors.append(person) }
                }
                try await authors.map { ContestEntryAuthor(entryID: entry.id!, personID: $0) }.create(on: db)
            }
        }
    }

    private static func insert<M: Model>(_ models: [M], on db: any Database) async throws {
        let size = max(1, 900 / M.keys.count)
        for start in stride(from: 0, to: models.count, by: size) {
            try await Array(models[start..<min(start + size, models.count)]).create(on: db)
        }
    }

    static let entryTitles = [
        "Người bí thư chi bộ của bản làng", "Thầy giáo vùng cao", "Nữ y sĩ trạm y tế xã",
        "Người thương binh làm kinh tế giỏi", "Cán bộ một cửa tận tụy", "Người giữ rừng", "Ngọn lửa ở khu phố",
    ]
    static let modelTitles: [PracticeModelKind: [String]] = [
        .skilledOutreach: ["Dân vận khéo trong vận động hiến đất làm đường", "Dân vận khéo trong giải quyết thủ tục hành chính",
                           "Dân vận khéo xây dựng khu dân cư kiểu mẫu", "Dân vận khéo trong chuyển đổi số"],
        .goodModel: ["Tủ sách Bác Hồ tại chi bộ", "Thắp sáng đường quê", "Ngày thứ bảy văn minh",
                     "Bữa cơm nghĩa tình", "Mỗi đảng viên một việc làm theo Bác"],
        .effectivePractice: ["Giải quyết hồ sơ không hẹn lần hai", "Sinh hoạt chi bộ theo chuyên đề hằng quý",
                             "Đảng viên phụ trách hộ gia đình", "Một cửa liên thông trực tuyến"],
    ]
    static let modelResults = [
        "được Huyện ủy biểu dương", "nhân rộng ra các chi bộ khác", "người dân đồng tình cao",
        "hoàn thành vượt chỉ tiêu đề ra", "rút ngắn thời gian giải quyết hồ sơ",
    ]
    static let collectiveStories = [
        "dẫn đầu phong trào thi đua, không có đảng viên vi phạm",
        "hoàn thành xuất sắc nhiệm vụ nhiều năm liền",
        "có cách làm sáng tạo trong học tập và làm theo Bác",
    ]
    static let personStories = [
        "gương mẫu, tận tụy, được nhân dân tin yêu",
        "có nhiều sáng kiến trong công tác chuyên môn",
        "tích cực giúp đỡ hộ nghèo trên địa bàn",
        "nêu gương trong thực hành tiết kiệm, chống lãng phí",
    ]
}
