@testable import App
import Domain
import Fluent
import SQLKit
import Testing
import Vapor

@Suite struct DemoDataTests {
    @Test func loadsOnlyIntoAnEmptyDatabaseAndOnlyOnce() async throws {
        try await withTestApp { app in
            // act
            let first = try await DemoLoader.loadIfEmpty(app: app)
            let afterFirst = try await Counts(app)
            let second = try await DemoLoader.loadIfEmpty(app: app)
            let afterSecond = try await Counts(app)
            // assert
            #expect(first && !second)
            #expect(afterFirst == afterSecond)
            #expect((35...50).contains(afterFirst.units), "units: \(afterFirst.units)")
            #expect((550...650).contains(afterFirst.people), "people: \(afterFirst.people)")
            #expect(afterFirst.users == DemoLoader.accounts.count)
        }
    }

    @Test func doesNotLoadWhenUnitsExist() async throws {
        try await withTestApp { app in
            // setup
            _ = try await Fixtures.tree(app)
            // act
            let loaded = try await DemoLoader.loadIfEmpty(app: app)
            // assert
            let counts = try await Counts(app)
            #expect(!loaded && counts.units == 5 && counts.people == 0)
        }
    }

    @Test func theTreeBeforeAndAfterThe2025Restructuring() async throws {
        try await withTestApp { app in
            // setup
            try await DemoLoader.loadIfEmpty(app: app)
            let units = try await OrgUnit.query(on: app.db).all()
            let world = TreeWorld(units: units)
            // act
            let early = try await TreeIndex.tree(on: app.db, day: day("2022-12-31"))
            let before = try await TreeIndex.tree(on: app.db, day: day("2024-12-31"))
            let after = try await TreeIndex.tree(on: app.db, day: day("2025-12-31"))
            // assert
            #expect(world.parent(early, "X-DH-04") == "X-DH")
            #expect(world.parent(before, "X-DH-04") == "X-DP")
            #expect(world.parent(before, "HU-DL") == "TU" && world.parent(before, "DUK") == "TU")
            #expect(world.children(before, "HU-DL") == ["HU-DL-CQ", "X-DH", "X-DL", "X-DP"])
            #expect(world.children(before, "DUK") == ["CQ-BTC", "CQ-BTG", "CQ-SGD", "CQ-STC", "CQ-VPTU", "DUK-CQ"])
            #expect(world.children(before, "X-DL") == ["X-DL-01", "X-DL-02", "X-DL-03", "X-DL-04"])
            #expect(!world.living(before).contains("DU-CQD"))

            let living = world.living(after)
            for gone in ["HU-DL", "DUK", "HU-DL-CQ", "DUK-CQ", "X-DP-03"] {
                #expect(!living.contains(gone), "\(gone) still exists on 2025-12-31")
            }
            #expect(world.parent(after, "X-DL") == "TU")
            #expect(world.children(after, "TU") == ["DU-CQD", "DU-UBND", "TP-LH", "X-DH", "X-DL", "X-DP"])
            #expect(world.children(after, "DU-CQD") == ["CQ-BTC", "CQ-BTG", "CQ-VPTU", "DU-CQD-CQ"])
            #expect(world.children(after, "DU-UBND") == ["CQ-SGD", "CQ-STC"])
            #expect(world.children(after, "HU-DL").isEmpty)
            // Ended units keep their records reachable: through the successor, or their last parent.
            #expect(world.parent(after, "X-DP-03") == "X-DP-02")
            #expect(world.parent(after, "DUK-CQ") == "DU-CQD-CQ")
            #expect(world.parent(after, "HU-DL") == "TU")
        }
    }

    @Test func twoLoadsWriteTheSameProvince() async throws {
        // act
        let first = try await Self.snapshot()
        let second = try await Self.snapshot()
        // assert
        #expect(first.units.count == DemoProvince.units.count)
        #expect(first.units == second.units)
        #expect(first.people.count > 500)
        #expect(first.people == second.people)
        #expect(first.memberships == second.memberships)
    }

    @Test func everyoneIsRecordedInOneExistingUnitAtATime() async throws {
        try await withTestApp { app in
            // setup
            try await DemoLoader.loadIfEmpty(app: app)
            let units = Dictionary(uniqueKeysWithValues: try await OrgUnit.query(on: app.db).all().map { ($0.id!, $0) })
            let people = try await Person.query(on: app.db).all()
            let memberships = try await Membership.query(on: app.db).sort(\.$validFrom).all()
            let byPerson = Dictionary(grouping: memberships, by: \.personID)
            // assert
            for person in people {
                let rows = byPerson[person.id!] ?? []
                let open = rows.filter { $0.validTo == nil }
                #expect(open.count == 1, "\(person.fullName): \(open.count) open memberships")
                #expect(person.currentUnitID == open.first?.unitID, "\(person.fullName): current unit out of sync")
                // One row ends the day the next begins: no gap, no overlap.
                for (earlier, later) in zip(rows, rows.dropFirst()) {
                    #expect(earlier.validTo == later.validFrom, "\(person.fullName): \(earlier.validTo?.iso ?? "-") vs \(later.validFrom.iso)")
                }
            }
            for membership in memberships {
                let unit = units[membership.unitID]!
                #expect(unit.foundedOn <= membership.validFrom, "\(unit.code) founded after a membership began")
                if let dissolved = unit.dissolvedOn {
                    #expect(membership.validTo != nil && membership.validTo! <= dissolved,
                            "\(unit.code) dissolved on \(dissolved.iso) but a membership runs to \(membership.validTo?.iso ?? "today")")
                }
            }
            // 30 ordinary transfers, plus the people of the three cells that ended on 2025-07-01.
            let restructuring = day("2025-07-01")
            let ordinary = memberships.filter { $0.validTo != nil && $0.validTo! != restructuring }
            #expect(ordinary.count == 30)
            let outsideYears = ordinary.filter { $0.validTo!.year < 2021 || $0.validTo!.year > 2025 }
            #expect(outsideYears.isEmpty)
            let merged = memberships.filter { $0.validTo == restructuring }
            #expect(merged.count >= 30, "people moved by the restructuring: \(merged.count)")
        }
    }

    @Test func postsAreHeldByMembersWhileTheUnitExists() async throws {
        try await withTestApp { app in
            // setup
            try await DemoLoader.loadIfEmpty(app: app)
            let units = try await OrgUnit.query(on: app.db).all()
            let people = Dictionary(uniqueKeysWithValues: try await Person.query(on: app.db).all().map { ($0.id!, $0) })
            let positions = try await Position.query(on: app.db).all()
            // assert
            for unit in units {
                let open = positions.filter { $0.unitID == unit.id && $0.validTo == nil }
                if unit.dissolvedOn == nil {
                    let secretaries = open.filter { $0.title == .secretary }.count
                    let deputies = open.filter { $0.title == .deputySecretary }.count
                    #expect(secretaries == 1 && deputies == 1, "\(unit.code) needs one bí thư and one phó bí thư today")
                } else {
                    #expect(open.isEmpty, "\(unit.code) ended but keeps open posts")
                }
                if unit.kindCode == "DB_CO_SO" || unit.kindCode == "TRUC_THUOC" || unit.kindCode == "TINH" {
                    let members = positions.filter { $0.unitID == unit.id && $0.title == .committeeMember }
                    #expect(!members.isEmpty, "\(unit.code) has no cấp ủy viên")
                }
            }
            for position in positions {
                let unit = units.first { $0.id == position.unitID }!
                #expect(unit.foundedOn <= position.validFrom)
                if let dissolved = unit.dissolvedOn { #expect(position.validTo != nil && position.validTo! <= dissolved) }
                #expect(people[position.personID]?.category == .partyMember)
            }
            // X-DL got a new secretary from the former Huyện ủy in 2025; the old one became deputy.
            let xdl = units.first { $0.code == "X-DL" }!.id!
            let secretaries = positions.filter { $0.unitID == xdl && $0.title == .secretary }.sorted { $0.validFrom < $1.validFrom }
            #expect(secretaries.count == 2)
            #expect(secretaries.first?.validTo == day("2025-07-01"))
            let formerNowDeputy = positions.filter {
                $0.personID == secretaries.first?.personID && $0.unitID == xdl && $0.title == .deputySecretary
            }
            #expect(formerNowDeputy.count == 1 && formerNowDeputy.first?.validFrom == day("2025-07-01"))
        }
    }

    @Test func peopleHaveVietnameseNamesAndFictionalUniqueNumbers() async throws {
        try await withTestApp { app in
            // setup
            try await DemoLoader.loadIfEmpty(app: app)
            let people = try await Person.query(on: app.db).all()
            // assert
            // Closures are kept out of #expect: Swift 6.3 can call the wrong one when both forms mix.
            let nguyenVanFolded = people.filter { $0.nameFolded.contains("nguyen van") }.count
            let nguyenVan = people.filter { $0.fullName.contains("Nguyễn Văn") }.count
            let duc = people.filter { $0.nameFolded.contains("duc") && $0.fullName.contains("Đức") }.count
            let staleFolds = people.filter { $0.nameFolded != VietnameseText.fold($0.fullName) }.count
            let staleKeys = people.filter { $0.sortKey != VietnameseText.sortKey(fullName: $0.fullName) }.count
            #expect(nguyenVanFolded >= 5 && nguyenVan == nguyenVanFolded && duc >= 5)
            #expect(staleFolds == 0 && staleKeys == 0)
            let identities = people.compactMap(\.identityNumber)
            #expect(identities.count == people.count && Set(identities).count == identities.count)
            let malformed = identities.filter { $0.count != 12 || !$0.hasPrefix("099") || !$0.allSatisfy(\.isNumber) }
            #expect(malformed.isEmpty)
            let members = people.filter { $0.category == .partyMember }
            #expect(members.count > people.count * 3 / 4)
            let categories = Set(people.map(\.category))
            #expect(categories.count >= 4)
            for member in members {
                let birth = member.birthDate!, joined = member.partyJoinedOn!
                #expect(birth.adding(months: 18 * 12) <= joined, "\(member.fullName) joined before 18")
                #expect(member.partyOfficialOn == joined.adding(months: 12))
            }
        }
    }

    @Test func topicsAndGuidanceDocuments() async throws {
        try await withTestApp { app in
            // setup
            try await DemoLoader.loadIfEmpty(app: app)
            let programme = try await Programme.query(on: app.db).filter(\.$documentNumber == "01-KL/TW").first()!
            let tu = try await OrgUnit.query(on: app.db).filter(\.$code == "TU").first()!
            let topics = try await Topic.query(on: app.db).all()
            let documents = try await GuidanceDocument.query(on: app.db).all()
            // assert
            let whole = topics.filter { $0.kind == .wholeTerm }
            #expect(whole.count == 1)
            #expect(whole.first?.year == 2021 && whole.first?.endYear == 2025)
            #expect(whole.first?.title.hasPrefix("Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh về") == true)
            let annual = topics.filter { $0.kind == .annual }.sorted { $0.year < $1.year }
            #expect(annual.map(\.year) == [2021, 2022, 2023, 2024, 2025])
            let misplacedAnnual = annual.filter { $0.parentTopicID != whole.first?.id || $0.endYear != $0.year }
            let misattributed = topics.filter {
                $0.programmeID != programme.id || $0.unitID != tu.id || $0.titleFolded != VietnameseText.fold($0.title)
            }
            #expect(misplacedAnnual.isEmpty && misattributed.isEmpty)

            #expect((20...30).contains(documents.count))
            let numbers = Set(documents.map(\.number))
            for number in ["34-KH/TU", "12-HD/ĐUK", "05-KH/HU", "07-KH/ĐU", "123/KH-UBND"] {
                #expect(numbers.contains(number), "missing \(number)")
            }
            for document in documents {
                guard case .success(let parsed) = DocumentNumber.parse(document.number) else {
                    Issue.record("invalid number \(document.number)")
                    continue
                }
                #expect(document.numberStyle == parsed.style)
                #expect(document.titleFolded == VietnameseText.fold(document.title))
                #expect(document.issuedOn.year >= 2021 && document.issuedOn.year <= 2025)
            }
            let stateDocuments = documents.filter { $0.numberStyle == .state }.count
            #expect(stateDocuments >= 2)
        }
    }

    @Test func everyDemoAccountCanLogIn() async throws {
        try await withTestApp { app in
            // setup
            try await DemoLoader.loadIfEmpty(app: app)
            // act + assert
            for account in DemoLoader.accounts {
                _ = try await TestClient.login(app, account.username, password: DemoLoader.password)
            }
            let users = Dictionary(uniqueKeysWithValues: try await User.query(on: app.db).all().map { ($0.username, $0) })
            let units = Dictionary(uniqueKeysWithValues: try await OrgUnit.query(on: app.db).all().map { ($0.code, $0.id!) })
            #expect(users["tinhuy"]?.scopeUnitID == units["TU"])
            #expect(users["lanhdao"]?.role == .leader)
            #expect(users["canbo.dl"]?.scopeUnitID == units["X-DL"])
            let secretary = try #require(users["bithu.x-dl-01"])
            #expect(secretary.role == .cellSecretary && secretary.scopeUnitID == units["X-DL-01"])
            let post = try await Position.query(on: app.db).filter(\.$unitID == units["X-DL-01"]!)
                .filter(\.$title == .secretary).first()!
            #expect(try await Person.find(post.personID, on: app.db)?.fullName == secretary.displayName)
            let member = try #require(users["dangvien"]?.personID)
            let person = try await Person.find(member, on: app.db)!
            #expect(person.category == .partyMember && person.currentUnitID == units["X-DL-01"])
        }
    }

    // MARK: helpers

    /// What must be equal between two loads: units, people, and where each person was when.
    struct Snapshot: Equatable {
        var units: [String] = [], people: [String] = [], memberships: [String] = []
    }

    static func snapshot() async throws -> Snapshot {
        var result = Snapshot()
        try await withTestApp { app in
            try await DemoLoader.loadIfEmpty(app: app)
            let units = try await OrgUnit.query(on: app.db).sort(\.$code).all()
            let codes = Dictionary(uniqueKeysWithValues: units.map { ($0.id!, $0.code) })
            result.units = units.map { "\($0.code) \($0.name)" }
            let people = try await Person.query(on: app.db).sort(\.$id).all()
            result.people = people.map { "\($0.fullName) \($0.identityNumber ?? "")" }
            let ids = Dictionary(uniqueKeysWithValues: people.map { ($0.id!, $0.identityNumber ?? "") })
            result.memberships = try await Membership.query(on: app.db).sort(\.$id).all().map {
                "\(ids[$0.personID]!) \(codes[$0.unitID]!) \($0.validFrom.iso) \($0.validTo?.iso ?? "-")"
            }
        }
        return result
    }

    /// Rows in the tables the loader writes.
    struct Counts: Equatable, Decodable {
        let units, people, memberships, positions, users, topics, documents: Int

        init(_ app: Application) async throws {
            self = try await (app.db as! any SQLDatabase).raw("""
                SELECT (SELECT COUNT(*) FROM org_units) AS units, (SELECT COUNT(*) FROM people) AS people,
                (SELECT COUNT(*) FROM memberships) AS memberships, (SELECT COUNT(*) FROM positions) AS positions,
                (SELECT COUNT(*) FROM users) AS users, (SELECT COUNT(*) FROM topics) AS topics,
                (SELECT COUNT(*) FROM guidance_documents) AS documents
                """).first(decoding: Counts.self)!
        }
    }

    /// Reads an `OrgTree` by unit codes; "living" units are those that exist on the tree's day.
    struct TreeWorld {
        let units: [OrgUnit]

        func code(_ id: Int) -> String { units.first { $0.id == id }!.code }
        func id(_ code: String) -> Int { units.first { $0.code == code }!.id! }
        func living(_ tree: OrgTree) -> Set<String> { Set(units.filter { $0.lifespan.exists(on: tree.day) }.map(\.code)) }

        func parent(_ tree: OrgTree, _ code: String) -> String? {
            (tree.parentOf[id(code)] ?? nil).map(self.code)
        }

        /// Children that exist on the tree's day, sorted by code.
        func children(_ tree: OrgTree, _ code: String) -> [String] {
            let living = living(tree)
            return tree.children(of: id(code)).map(self.code).filter(living.contains).sorted()
        }
    }
}

private func day(_ iso: String) -> LocalDate { LocalDate(iso)! }
