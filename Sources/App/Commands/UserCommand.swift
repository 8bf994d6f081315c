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
        guard let role = Role(rawValue: input.role) else {
            throw ValidationFailure(field: "role", message: "Vai trò không hợp lệ. Chọn một trong: " + Role.allCases.map(\.rawValue).joined(separator: ", ") + ".")
        }
        if let problem = Passwords.problem(with: input.password) { throw ValidationFailure(field: "password", message: problem) }
        if try await User.query(on: db).filter(\.$username == username).first() != nil {
            throw ValidationFailure(field: "username", message: "Tên đăng nhập đã được dùng.")
        }
        var scopeUnitID: Int?
        if role.needsScopeUnit {
            guard let code = input.unitCode.map(VietnameseText.normalize), !code.isEmpty,
                  let unit = try await OrgUnit.query(on: db).filter(\.$code == code).first()
            else {
                throw ValidationFailure(field: "unit", message: "Vai trò \(role.label) cần mã tổ chức đảng làm phạm vi, và mã đó phải tồn tại.")
            }
            scopeUnitID = unit.id
        }
        var personID: Int?
        if role == .member {
            guard let id = input.personID, try await Person.find(id, on: db) != nil else {
                throw ValidationFailure(field: "person", message: "Tài khoản đảng viên cần mã số người đã có trong hệ thống.")
            }
            personID = id
        }
        let user = User()
        user.username = username
        user.displayName = VietnameseText.normalize(input.displayName ?? "").isEmpty ? username : VietnameseText.normalize(input.displayName!)
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
