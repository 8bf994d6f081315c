import Domain
import Fluent
import Vapor

/// `lamtheobac user create --username U --role R [--unit CODE] [--person ID] [--name "…"]`
/// The password is read from LAMTHEOBAC_PASSWORD or asked for without echo.
struct UserCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "create")
        var action: String
        @Option(name: "username", help: "Tên đăng nhập")
        var username: String?
        @Option(name: "role", help: "quan_tri | can_bo_theo_doi | lanh_dao | bi_thu_chi_bo | dang_vien")
        var role: String?
        @Option(name: "unit", help: "Mã tổ chức đảng làm phạm vi (cán bộ theo dõi, lãnh đạo, bí thư chi bộ)")
        var unit: String?
        @Option(name: "person", help: "Mã số người (đảng viên)")
        var person: Int?
        @Option(name: "name", help: "Tên hiển thị")
        var name: String?
    }

    var help: String { "Tạo tài khoản: user create --username U --role R [--unit MÃ] [--person ID] [--name TÊN]" }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard signature.action == "create" else {
            throw ValidationFailure(field: "action", message: "Chỉ hỗ trợ: user create")
        }
        let password = Environment.get("LAMTHEOBAC_PASSWORD") ?? context.console.ask("Mật khẩu:", isSecure: true)
        let input = AccountInput(
            username: signature.username ?? "", displayName: signature.name, role: signature.role ?? "",
            unitCode: signature.unit, personID: signature.person, password: password)
        let user = try await Accounts.create(input, by: nil, on: context.application.db)
        context.console.print("Đã tạo tài khoản \(user.username) (\(user.role.label)).")
    }
}

/// What creating an account needs, from a form, the API or the command line.
struct AccountInput: Sendable {
    var username: String
    var displayName: String?
    var role: String
    var unitCode: String?
    var personID: Int?
    var password: String
}

enum Accounts {
    /// Validates and creates an account, with its audit entry, in one transaction.
    static func create(_ input: AccountInput, by actor: CurrentUser?, on db: any Database) async throws -> User {
        let username = VietnameseText.normalize(input.username).lowercased()
        guard username.range(of: "^[a-z0-9._-]{3,40}$", options: .regularExpression) != nil else {
            throw ValidationFailure(field: "username", message: "Tên đăng nhập gồm 3–40 ký tự: chữ thường không dấu, số, dấu chấm, gạch ngang, gạch dưới.")
        }
        let role = try Self.role(input.role)
        if let problem = Passwords.problem(with: input.password) { throw ValidationFailure(field: "password", message: problem) }
        if try await User.query(on: db).filter(\.$username == username).first() != nil {
            throw ValidationFailure(field: "username", message: "Tên đăng nhập đã được dùng.")
        }
        let scopeUnitID = try await Self.scopeUnit(for: role, code: input.unitCode, on: db)
        let personID = try await Self.person(for: role, id: input.personID, on: db)
        let user = User()
        user.username = username
        user.displayName = try Self.displayName(input.displayName, fallback: username)
        user.passwordHash = try Passwords.hash(input.password)
        user.role = role
        user.scopeUnitID = scopeUnitID
        user.personID = personID
        user.isActive = true
        let scope = scopeUnitID
        try await db.transaction { tx in
            try await user.create(on: tx)
            try await Audit.record(on: tx, by: actor, .create, .user, id: user.id, unit: scope,
                                   summary: "Tạo tài khoản \(username) (\(role.label))", after: AccountSnapshot(user))
        }
        return user
    }
}

/// What editing an account changes; a nil or empty `newPassword` keeps the current one.
struct AccountUpdate: Sendable {
    var displayName: String?
    var role: String
    var unitCode: String?
    var personID: Int?
    var isActive: Bool
    var newPassword: String?
}

extension Accounts {
    /// Validates and applies an administrator's edit, with its audit entry, in one transaction.
    /// Returns false when nothing changed (and nothing was written). Administrators cannot lock or
    /// demote their own account: that would leave nobody at their desk able to undo it.
    @discardableResult
    static func update(_ user: User, _ input: AccountUpdate, by actor: CurrentUser, on db: any Database) async throws -> Bool {
        let role = try Self.role(input.role)
        if user.id == actor.id {
            if !input.isActive {
                throw ValidationFailure(field: "isActive", message: "Bạn không thể tự khóa tài khoản đang dùng.")
            }
            if role != .admin && user.role == .admin {
                throw ValidationFailure(field: "role", message: "Bạn không thể tự hạ quyền quản trị của chính mình.")
            }
        }
        let displayName = try Self.displayName(input.displayName, fallback: user.username)
        let scopeUnitID = try await Self.scopeUnit(for: role, code: input.unitCode, on: db)
        let personID = try await Self.person(for: role, id: input.personID, on: db)
        let newPassword = input.newPassword.flatMap { $0.isEmpty ? nil : $0 }
        if let newPassword, let problem = Passwords.problem(with: newPassword) {
            throw ValidationFailure(field: "password", message: problem)
        }
        let before = AccountSnapshot(user)
        user.displayName = displayName
        user.role = role
        user.scopeUnitID = scopeUnitID
        user.personID = personID
        user.isActive = input.isActive
        let after = AccountSnapshot(user)
        guard before != after || newPassword != nil else { return false }
        if let newPassword { user.passwordHash = try Passwords.hash(newPassword) }
        // The snapshots cannot show a new password (they never hold the hash), so the summary says it.
        let summary = "Cập nhật tài khoản \(user.username)"
            + (newPassword == nil ? "" : before == after ? ": đặt lại mật khẩu" : "; đặt lại mật khẩu")
        // A reset password or a locked account must not leave the account signed in elsewhere.
        let endSessions = (newPassword != nil || !user.isActive) && user.id != actor.id
        try await db.transaction { tx in
            try await user.save(on: tx)
            if endSessions { try await DatabaseSessions.endSessions(ofUser: user.id!, except: nil, on: tx) }
            try await Audit.record(on: tx, by: actor, .update, .user, id: user.id, unit: scopeUnitID ?? before.scopeUnitID,
                                   summary: summary, before: before, after: after)
        }
        return true
    }

    /// Sets a new password (the owner changing theirs), audited without any trace of the hash.
    /// The account's other sessions end: whoever knew the old password is signed out.
    static func setPassword(
        of user: User, to password: String, by actor: CurrentUser, keeping session: SessionID?, on db: any Database
    ) async throws {
        if let problem = Passwords.problem(with: password) { throw ValidationFailure(field: "password", message: problem) }
        user.passwordHash = try Passwords.hash(password)
        let scope = user.scopeUnitID
        try await db.transaction { tx in
            try await user.save(on: tx)
            try await DatabaseSessions.endSessions(ofUser: user.id!, except: session, on: tx)
            try await Audit.record(on: tx, by: actor, .update, .user, id: user.id, unit: scope,
                                   summary: "Đổi mật khẩu tài khoản \(user.username)")
        }
    }

    static func role(_ raw: String) throws -> Role {
        guard let role = Role(rawValue: raw) else {
            throw ValidationFailure(field: "role", message: "Vai trò không hợp lệ. Chọn một trong: " + Role.allCases.map(\.rawValue).joined(separator: ", ") + ".")
        }
        return role
    }

    /// The unit whose subtree a scoped role works in, by its code; nil for the other roles.
    static func scopeUnit(for role: Role, code: String?, on db: any Database) async throws -> Int? {
        guard role.needsScopeUnit else { return nil }
        guard let code = code.map(VietnameseText.normalize), !code.isEmpty,
              let unit = try await OrgUnit.query(on: db).filter(\.$code == code).first()
        else {
            throw ValidationFailure(field: "unit", message: "Vai trò \(role.label) cần mã tổ chức đảng làm phạm vi, và mã đó phải tồn tại.")
        }
        return unit.id
    }

    /// The person a member account stands for; nil for the other roles.
    static func person(for role: Role, id: Int?, on db: any Database) async throws -> Int? {
        guard role == .member else { return nil }
        guard let id, try await Person.find(id, on: db) != nil else {
            throw ValidationFailure(field: "person", message: "Tài khoản đảng viên cần mã số người đã có trong hệ thống.")
        }
        return id
    }

    static let displayNameLimit = 120

    static func displayName(_ raw: String?, fallback: String) throws -> String {
        let name = VietnameseText.normalize(raw ?? "")
        guard name.count <= displayNameLimit else {
            throw ValidationFailure(field: "displayName", message: "Tên hiển thị dài tối đa \(displayNameLimit) ký tự.")
        }
        return name.isEmpty ? fallback : name
    }
}

/// What the audit log keeps of an account: never the password hash.
struct AccountSnapshot: Codable {
    let username: String
    let displayName: String
    let role: String
    let scopeUnitID: Int?
    let personID: Int?
    let isActive: Bool

    init(_ user: User) {
        username = user.username
        displayName = user.displayName
        role = user.role.rawValue
        scopeUnitID = user.scopeUnitID
        personID = user.personID
        isActive = user.isActive
    }
}

extension AccountSnapshot: Equatable {}
