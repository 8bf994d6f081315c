import Domain
import Fluent
import Vapor

/// Account administration (quản lý tài khoản): administrators only.
struct AccountController: RouteCollection {
    static let perPage = 50

    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.users.pattern, use: list)
        routes.get(SiteURL.userNew.pattern, use: newForm)
        routes.post(SiteURL.userNew.pattern, use: create)
        routes.get(SiteURL.userEdit(nil).pattern, use: editForm)
        routes.post(SiteURL.userEdit(nil).pattern, use: update)
    }

    /// The form as posted. Every field is optional so a missing one is a message, not a 400.
    struct Input: Content {
        var username: String?
        var displayName: String?
        var role: String?
        var unit: String?
        var person: String?
        var isActive: String?
        var password: String?
        var password2: String?

        /// Checks what the account services cannot: the repeated password and the person number.
        func precheck(passwordRequired: Bool) -> (personID: Int?, errors: FormErrors) {
            var errors = FormErrors()
            let password = password ?? ""
            if passwordRequired && password.isEmpty { errors.add("password", "Vui lòng nhập mật khẩu.") }
            if password != (password2 ?? "") { errors.add("password2", "Mật khẩu nhập lại không khớp.") }
            var personID: Int?
            let personText = VietnameseText.normalize(person ?? "")
            if !personText.isEmpty {
                personID = Int(personText)
                if personID == nil { errors.add("person", "Mã số người phải là một số.") }
            }
            return (personID, errors)
        }
    }

    func list(req: Request) async throws -> HTMLPage {
        try req.access.requireRole(.admin)
        let page = PageNumber.clamp((try? req.query.get(Int.self, at: "trang")) ?? 1)
        let query = VietnameseText.normalize((try? req.query.get(String.self, at: "q")) ?? "").lowercased()
        var users = User.query(on: req.db)
        if !query.isEmpty {
            // Usernames are ASCII by rule, so LIKE is exact here; `%` and `_` typed are taken literally.
            let escaped = query.replacingOccurrences(of: "\\", with: "\\\\")
                .replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
            users = users.filter(.sql(embed: "username LIKE \(bind: "%" + escaped + "%") ESCAPE '\\'"))
        }
        let total = try await users.count()
        let found = try await users.sort(\.$username).offset((page - 1) * Self.perPage).limit(Self.perPage).all()
        let units = try await Self.units(of: found, on: req.db)
        let rows = found.map { user in
            AccountListView.Row(id: user.id!, username: user.username, displayName: user.displayName, role: user.role,
                                scope: Self.scopeText(user, units: units), isActive: user.isActive)
        }
        let model = AccountListView.Model(query: query, rows: rows, page: page, perPage: Self.perPage, total: total)
        return HTMLPage(req.chrome("Tài khoản", section: .users), AccountListView.render(model))
    }

    func newForm(req: Request) async throws -> HTMLPage {
        try req.access.requireRole(.admin)
        let values = AccountFormView.Values(username: "", displayName: "", role: Role.officer.rawValue, unit: "", person: "", isActive: true)
        return page(req, .create, values, FormErrors())
    }

    func create(req: Request) async throws -> Response {
        let access = try req.access
        try access.requireRole(.admin)
        let input = try req.content.decode(Input.self)
        let values = AccountFormView.Values(input, isActive: true)
        var (personID, errors) = input.precheck(passwordRequired: true)
        guard errors.isEmpty else { return try await page(req, .create, values, errors, status: .unprocessableEntity).encodeResponse(for: req) }
        let account = AccountInput(username: input.username ?? "", displayName: input.displayName, role: input.role ?? "",
                                   unitCode: input.unit, personID: personID, password: input.password ?? "")
        do {
            let user = try await Accounts.create(account, by: access.user, on: req.db)
            return req.redirect(to: SiteURL.users, flash: "Đã tạo tài khoản \(user.username).")
        } catch let failure as ValidationFailure {
            errors.add(failure.field, failure.message)
            return try await page(req, .create, values, errors, status: .unprocessableEntity).encodeResponse(for: req)
        }
    }

    func editForm(req: Request) async throws -> HTMLPage {
        try req.access.requireRole(.admin)
        let user = try await Self.user(req)
        var unitCode = ""
        if let id = user.scopeUnitID { unitCode = try await OrgUnit.find(id, on: req.db)?.code ?? "" }
        let values = AccountFormView.Values(username: user.username, displayName: user.displayName, role: user.role.rawValue,
                                            unit: unitCode, person: user.personID.map(String.init) ?? "", isActive: user.isActive)
        return page(req, .edit(user.id!), values, FormErrors())
    }

    func update(req: Request) async throws -> Response {
        let access = try req.access
        try access.requireRole(.admin)
        let user = try await Self.user(req)
        let input = try req.content.decode(Input.self)
        var values = AccountFormView.Values(input, isActive: input.isActive != "0")
        values.username = user.username
        var (personID, errors) = input.precheck(passwordRequired: false)
        guard errors.isEmpty else { return try await page(req, .edit(user.id!), values, errors, status: .unprocessableEntity).encodeResponse(for: req) }
        let change = AccountUpdate(displayName: input.displayName, role: input.role ?? "", unitCode: input.unit,
                                   personID: personID, isActive: values.isActive, newPassword: input.password)
        do {
            let changed = try await Accounts.update(user, change, by: access.user, on: req.db)
            return req.redirect(to: SiteURL.users, flash: changed ? "Đã cập nhật tài khoản \(user.username)." : "Không có thay đổi nào.")
        } catch let failure as ValidationFailure {
            errors.add(failure.field, failure.message)
            return try await page(req, .edit(user.id!), values, errors, status: .unprocessableEntity).encodeResponse(for: req)
        }
    }

    private func page(_ req: Request, _ mode: AccountFormView.Mode, _ values: AccountFormView.Values, _ errors: FormErrors,
                      status: HTTPStatus = .ok) -> HTMLPage {
        let chrome = req.chrome(mode == .create ? "Tạo tài khoản" : "Sửa tài khoản", section: .users)
        return HTMLPage(chrome, AccountFormView.render(mode: mode, values: values, errors: errors, csrf: chrome.csrf), status: status)
    }

    static func user(_ req: Request) async throws -> User {
        guard let id = req.parameters.get("id", as: Int.self), let user = try await User.find(id, on: req.db) else {
            throw Abort(.notFound)
        }
        return user
    }

    /// The scope units of a page of accounts, in one query.
    static func units(of users: [User], on db: any Database) async throws -> [Int: OrgUnit] {
        let ids = Set(users.compactMap(\.scopeUnitID))
        guard !ids.isEmpty else { return [:] }
        let units = try await OrgUnit.query(on: db).filter(\.$id ~~ Array(ids)).all()
        return Dictionary(uniqueKeysWithValues: units.map { ($0.id!, $0) })
    }

    static func scopeText(_ user: User, units: [Int: OrgUnit]) -> String {
        if user.role == .admin { return "Toàn hệ thống" }
        if user.role == .member { return user.personID.map { "Người #\($0)" } ?? "—" }
        guard let id = user.scopeUnitID, let unit = units[id] else { return "—" }
        return "\(unit.name) (\(unit.code))"
    }
}

extension AccountFormView.Values {
    /// The values as posted, to show again beside the messages.
    init(_ input: AccountController.Input, isActive: Bool) {
        self.init(username: VietnameseText.normalize(input.username ?? ""), displayName: input.displayName ?? "",
                  role: input.role ?? "", unit: input.unit ?? "", person: input.person ?? "", isActive: isActive)
    }
}
