@testable import App
import Domain
import Fluent
import Foundation
import Vapor

/// Records on both sides of a scope boundary. Users are scoped to A (or A1); every record whose id
/// fills a route parameter belongs to B, to B1, or to another province, so none of them may be
/// read or changed by those users.
struct ScopeWorld {
    /// Accounts that work inside A and must see nothing of B.
    static let outsiders = ["canbo.a", "lanhdao.a", "bithu.a1", "dangvien.a1"]
    static let publicPaths: Set<String> = [
        SiteURL.login.path, SiteURL.logout.path, SiteURL.health.path, SiteURL.stylesheet.path, APIRoutes.prefix + "/openapi.json",
        // Public page of exemplars (helper P): no login, published stories only (PublicPageTests).
        SiteURL.publicExemplars.path, SiteURL.publicExemplarsFeed.path, SiteURL.publicExemplar(nil).path,
    ]

    /// Route segment → id of an out-of-scope record of that kind.
    var ids: [String: Int] = [:]
    var tokens: [String: APIClient] = [:]
    /// Texts that only records outside the scope carry.
    var secrets: [String] = []

    static func build(_ app: Application) async throws -> ScopeWorld {
        var world = ScopeWorld()
        let tree = try await Fixtures.tree(app)
        let day = LocalDate(year: 2020, month: 1, day: 1)!
        let otherProvince = try await Fixtures.unit(app, "TK", "Tỉnh ủy Bí Mật Khác", kind: "TINH", parent: nil, founded: day)
        try await TreeIndex.rebuild(on: app.db)

        let memberA = try await Fixtures.person(app, "Trần Thị Trong Phạm Vi", in: tree.a1)
        let personB = try await Fixtures.person(app, "Lê Văn Ngoài Phạm Vi", in: tree.b1)

        let admin = try await Fixtures.user(app, "quantri", .admin)
        let officerB = try await Fixtures.user(app, "canbo.b", .officer, unit: tree.b)
        var users: [String: User] = ["quantri": admin]
        users["canbo.a"] = try await Fixtures.user(app, "canbo.a", .officer, unit: tree.a)
        users["lanhdao.a"] = try await Fixtures.user(app, "lanhdao.a", .leader, unit: tree.a)
        users["bithu.a1"] = try await Fixtures.user(app, "bithu.a1", .cellSecretary, unit: tree.a1)
        users["dangvien.a1"] = try await Fixtures.user(app, "dangvien.a1", .member, person: memberA)
        for (name, user) in users { world.tokens[name] = try await Fixtures.token(app, for: user) }
        let tokenB = try await Fixtures.token(app, for: officerB)
        let tokenBRow = try await APIToken.query(on: app.db).filter(\.$tokenHash == APITokens.hash(tokenB.token)).first()!

        let programme = try await Programme.query(on: app.db).filter(\.$documentNumber == "01-KL/TW").first()!
        let topic = Topic()
        topic.programmeID = programme.id!
        topic.unitID = otherProvince.id!
        topic.kind = .wholeTerm
        topic.year = 2021
        topic.endYear = 2025
        topic.title = "Chuyên đề bí mật của tỉnh khác"
        topic.titleFolded = VietnameseText.fold(topic.title)
        topic.description = ""
        try await topic.create(on: app.db)

        let document = GuidanceDocument()
        document.unitID = tree.b.id!
        document.number = "99-KH/ĐUB"
        document.numberStyle = .party
        document.kind = .plan
        document.title = "Kế hoạch bí mật của Đảng bộ B"
        document.titleFolded = VietnameseText.fold(document.title)
        document.issuedOn = LocalDate(year: 2024, month: 3, day: 1)!
        try await document.create(on: app.db)

        let position = Position()
        position.personID = personB.id!
        position.unitID = tree.b1.id!
        position.title = .secretary
        position.validFrom = day
        try await position.create(on: app.db)

        try await Audit.record(on: app.db, by: nil, .update, .unit, id: tree.b1.id, unit: tree.b1.id, summary: "Thay đổi bí mật ở Chi bộ B1")
        let entry = try await AuditEntry.query(on: app.db).filter(\.$unitID == tree.b1.id).first()!

        world.ids = [
            "don-vi": tree.b1.id!, "units": tree.b1.id!,
            "nguoi": personB.id!, "people": personB.id!,
            "van-ban": document.id!, "documents": document.id!,
            "chuyen-de": topic.id!, "topics": topic.id!,
            "chuong-trinh": programme.id!, "programmes": programme.id!,
            "nhat-ky": entry.id!, "audit": entry.id!,
            "tai-khoan": officerB.id!, "users": officerB.id!,
            "khoa-api": tokenBRow.id!,
            "positions": position.id!,
        ]
        for records in ScopeRecords.all {
            let extra = try await records(app, tree)
            world.ids.merge(extra.ids) { _, new in new }
            world.secrets += extra.secrets
        }
        world.secrets += ["Chi bộ B1", "Lê Văn Ngoài Phạm Vi", "Kế hoạch bí mật", "Chuyên đề bí mật", "Thay đổi bí mật", "Tỉnh ủy Bí Mật Khác", "canbo.b"]
        return world
    }

    static func hasParameter(_ route: Route) -> Bool {
        route.path.contains { if case .parameter = $0 { return true } else { return false } }
    }

    func isAPI(_ route: Route) -> Bool { path(route).hasPrefix(APIRoutes.prefix + "/") }

    /// Programmes are national documents: every signed-in user reads them.
    func readableByAll(_ route: Route) -> Bool {
        let segments = route.path.map(\.description)
        return segments.contains("chuong-trinh") || segments.contains("programmes")
    }

    func path(_ route: Route) -> String { "/" + route.path.map(\.description).joined(separator: "/") }

    /// The route's path with each parameter replaced by the id of the record its segment names.
    func fill(_ route: Route) throws -> String {
        var parts: [String] = []
        var owner: String?
        for component in route.path {
            switch component {
            case .constant(let value):
                parts.append(value)
                if ids[value] != nil { owner = value }
            case .parameter:
                guard let owner, let id = ids[owner] else {
                    throw TestFailure("ScopeWorld cannot fill \(route.method) \(path(route)): classify it in ScopeWorld.ids")
                }
                parts.append(String(id))
            default:
                throw TestFailure("unexpected path component in \(path(route))")
            }
        }
        return "/" + parts.joined(separator: "/")
    }

    static func openAPIDocument(_ app: Application) async throws -> [String: Any] {
        let response = try await app.testing().sendRequest(.GET, APIRoutes.prefix + "/openapi.json")
        return try JSONSerialization.jsonObject(with: Data(response.body.string.utf8)) as! [String: Any]
    }

    /// The documented schema of the route's success response.
    static func responseSchema(_ document: [String: Any], route: Route) throws -> [String: Any] {
        let path = "/" + route.path.map(\.description).joined(separator: "/")
        let documented = String(path.dropFirst(APIRoutes.prefix.count)).replacingOccurrences(
            of: #":([A-Za-z]+)"#, with: "{$1}", options: .regularExpression)
        guard let operation = ((document["paths"] as? [String: Any])?[documented] as? [String: Any])?[route.method.rawValue.lowercased()] as? [String: Any],
              let responses = operation["responses"] as? [String: Any],
              let success = responses.first(where: { $0.key.hasPrefix("2") })?.value as? [String: Any],
              let schema = ((success["content"] as? [String: Any])?["application/json"] as? [String: Any])?["schema"] as? [String: Any]
        else { throw TestFailure("no documented JSON response for \(route.method) \(documented)") }
        return schema
    }
}
