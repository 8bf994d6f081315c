import Domain
import Fluent
import Vapor

/// API keys (khóa API): every account manages its own, and sees only its own.
struct TokenController: RouteCollection {
    static let nameLimit = 100

    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.tokens.pattern, use: list)
        routes.post(SiteURL.tokens.pattern, use: create)
        routes.post(SiteURL.tokenRevoke(nil).pattern, use: revoke)
    }

    struct Input: Content {
        var name: String?
    }

    /// What the audit log keeps of a token: never the token nor its hash.
    struct Snapshot: Codable {
        let name: String
        let userID: Int
        let revoked: Bool

        init(_ token: APIToken) {
            name = token.name
            userID = token.userID
            revoked = token.revokedAt != nil
        }
    }

    func list(req: Request) async throws -> HTMLPage {
        try await page(req, name: "", errors: FormErrors(), created: nil)
    }

    func create(req: Request) async throws -> HTMLPage {
        let user = try req.user
        let name = VietnameseText.normalize(try req.content.decode(Input.self).name ?? "")
        var errors = FormErrors()
        if name.isEmpty { errors.add("name", "Vui lòng đặt tên cho khóa (ví dụ: “Phần mềm báo cáo của Văn phòng”).") }
        if name.count > Self.nameLimit { errors.add("name", "Tên khóa dài tối đa \(Self.nameLimit) ký tự.") }
        guard errors.isEmpty else { return try await page(req, name: name, errors: errors, created: nil, status: .unprocessableEntity) }
        let raw = APITokens.generate()
        let token = APIToken()
        token.userID = user.id
        token.name = name
        token.tokenHash = APITokens.hash(raw)
        try await req.db.transaction { tx in
            try await token.create(on: tx)
            try await Audit.record(on: tx, by: user, .create, .apiToken, id: token.id, unit: user.scopeUnitID,
                                   summary: "Tạo khóa API “\(name)” của \(user.username)", after: Snapshot(token))
        }
        // The raw token goes into this response only: it is neither stored nor put in the session.
        return try await page(req, name: "", errors: FormErrors(), created: (name, raw), status: .created)
    }

    func revoke(req: Request) async throws -> Response {
        let user = try req.user
        // Someone else's token answers exactly like a missing one.
        guard let id = req.parameters.get("id", as: Int.self),
              let token = try await APIToken.query(on: req.db).filter(\.$id == id).filter(\.$userID == user.id).first()
        else { throw Abort(.notFound) }
        guard token.revokedAt == nil else {
            return req.redirect(to: SiteURL.tokens, flash: "Khóa “\(token.name)” đã được thu hồi trước đó.")
        }
        let before = Snapshot(token)
        token.revokedAt = Date()
        try await req.db.transaction { tx in
            try await token.save(on: tx)
            try await Audit.record(on: tx, by: user, .revoke, .apiToken, id: token.id, unit: user.scopeUnitID,
                                   summary: "Thu hồi khóa API “\(token.name)” của \(user.username)",
                                   before: before, after: Snapshot(token))
        }
        return req.redirect(to: SiteURL.tokens, flash: "Đã thu hồi khóa “\(token.name)”. Chương trình dùng khóa này không truy cập được nữa.")
    }

    private func page(_ req: Request, name: String, errors: FormErrors, created: (name: String, token: String)?,
                      status: HTTPStatus = .ok) async throws -> HTMLPage {
        let user = try req.user
        let tokens = try await APIToken.query(on: req.db).filter(\.$userID == user.id)
            .sort(\.$id, .descending).all()
        let rows = tokens.map { token in
            TokenListView.Row(id: token.id!, name: token.name, createdAt: token.createdAt,
                              lastUsedAt: token.lastUsedAt, revokedAt: token.revokedAt)
        }
        let chrome = req.chrome("Khóa API", section: .tokens)
        let model = TokenListView.Model(rows: rows, name: name, errors: errors, created: created)
        return HTMLPage(chrome, TokenListView.render(model, csrf: chrome.csrf), status: status)
    }
}
