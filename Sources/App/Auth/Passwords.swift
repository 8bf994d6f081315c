import Vapor

enum Passwords {
    /// bcrypt cost 12: about a quarter of a second here, slow for guessing, fine for a login.
    /// Tests lower it through `LAMTHEOBAC_BCRYPT_COST` to keep the suite fast.
    static let cost: Int = {
        if let value = Environment.get("LAMTHEOBAC_BCRYPT_COST").flatMap(Int.init), (4...31).contains(value) { return value }
        return 12
    }()

    static let minimumLength = 8

    static func hash(_ password: String) throws -> String {
        try Bcrypt.hash(password, cost: cost)
    }

    static func verify(_ password: String, hash: String) -> Bool {
        (try? Bcrypt.verify(password, created: hash)) ?? false
    }

    /// A problem with a new password, in Vietnamese, or nil.
    static func problem(with password: String) -> String? {
        password.count < minimumLength ? "Mật khẩu phải có ít nhất \(minimumLength) ký tự." : nil
    }
}
