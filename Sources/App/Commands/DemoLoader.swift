import Domain
import Fluent
import Vapor

/// Loads the demo province (Sources/App/Commands/Demo) into an empty database: about 40 units
/// with the 2025 restructuring, about 600 people, topics, guidance documents and one login per role.
enum DemoLoader {
    struct Account: Sendable {
        let username: String
        let role: Role
        /// Where the account works, in Vietnamese: "toàn tỉnh", "Đảng ủy xã Đông Lạc"…
        let scopeNote: String
    }

    static let password = "demo-lamtheobac"

    static let accounts: [Account] = DemoDataset.shared.accounts.map {
        Account(username: $0.username, role: $0.role, scopeNote: $0.scopeNote)
    }

    /// Loads the demo data in one transaction when there is no unit yet; returns whether it did.
    @discardableResult
    static func loadIfEmpty(app: Application) async throws -> Bool {
        let data = DemoDataset.shared
        let clock = ContinuousClock()
        let started = clock.now
        let counts = try await app.db.transaction { tx -> DemoWriter.Counts? in
            // Checked inside the transaction, so two servers started together cannot both load.
            guard try await OrgUnit.query(on: tx).count() == 0 else { return nil }
            return try await DemoWriter.write(data, on: tx)
        }
        guard let counts else { return false }
        let elapsed = (clock.now - started).components
        let seconds = Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
        app.logger.info("""
            Đã nạp dữ liệu mẫu: \(counts.units) tổ chức đảng, \(counts.people) người, \(counts.memberships) lượt sinh hoạt, \
            \(counts.positions) chức vụ, \(counts.documents) văn bản (\(VietnameseFormat.number(seconds, fractionDigits: 1)) giây).
            """)
        return true
    }
}
