@testable import App
import Domain
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// How passwords are kept and changed.
@Suite struct AuthPasswordTests {
    @Test func passwordsAreBcryptAndNeverReachTheAuditLog() async throws {
        try await withTestApp { app in
            // setup
            let tree = try await Fixtures.tree(app)
            try await Fixtures.user(app, "quan.tri", .admin)
            var admin = try await TestClient.login(app, "quan.tri")
            let first = "mat-khau-dau-tien-01", second = "mat-khau-dat-lai-02"

            // act
            let create = try await admin.post(SiteURL.userNew.path, [
                "username": "can.bo.moi", "displayName": "Cán bộ Mới", "role": Role.officer.rawValue, "unit": "A",
                "password": first, "password2": first,
            ])
            let user = try #require(try await User.query(on: app.db).filter(\.$username == "can.bo.moi").first())
            let firstHash = user.passwordHash
            let reset = try await admin.post(SiteURL.userEdit(user.id).path, [
                "displayName": "Cán bộ Mới", "role": Role.officer.rawValue, "unit": "A", "isActive": "1",
                "password": second, "password2": second,
            ])
            let secondHash = try #require(try await User.find(user.id, on: app.db)).passwordHash

            // assert
            #expect(create.status == .seeOther)
            #expect(reset.status == .seeOther)
            #expect(user.scopeUnitID == tree.a.id)
            for hash in [firstHash, secondHash] {
                #expect(hash.hasPrefix("$2"))
                #expect(hash.count == 60)
            }
            #expect(firstHash != secondHash)
            #expect(Passwords.verify(second, hash: secondHash))
            let entries = try await AuditEntry.query(on: app.db).filter(\.$entityType == Audit.Entity.user.rawValue)
                .filter(\.$entityID == user.id).all()
            #expect(entries.count == 2)
            #expect(entries.contains { $0.summary.contains("đặt lại mật khẩu") })
            for entry in entries {
                let text = [entry.beforeJSON, entry.afterJSON, entry.summary].compactMap { $0 }.joined()
                for secret in [first, second, firstHash, secondHash, "password", "$2"] {
                    #expect(!text.contains(secret), "audit entry \(entry.id!) contains \(secret)")
                }
            }
        }
    }

    @Test func ownPasswordChangeChecksTheCurrentOneAndTheRules() async throws {
        try await withTestApp { app in
            // setup
            let user = try await Fixtures.user(app, "doi.mat.khau", .admin)
            var web = try await TestClient.login(app, "doi.mat.khau")
            let newPassword = "mat-khau-moi-hoan-toan"

            // act
            let wrongCurrent = try await web.post(SiteURL.password.path, ["current": "khong-dung", "password": newPassword, "password2": newPassword])
            let mismatch = try await web.post(SiteURL.password.path, ["current": Fixtures.password, "password": newPassword, "password2": "khac-han"])
            let short = try await web.post(SiteURL.password.path, ["current": Fixtures.password, "password": "ngan", "password2": "ngan"])
            let unchanged = try #require(try await User.find(user.id, on: app.db)).passwordHash
            let ok = try await web.post(SiteURL.password.path, ["current": Fixtures.password, "password": newPassword, "password2": newPassword])

            // assert
            #expect(wrongCurrent.status == .unprocessableEntity)
            #expect(wrongCurrent.body.string.contains("Mật khẩu hiện tại không đúng."))
            #expect(mismatch.status == .unprocessableEntity)
            #expect(mismatch.body.string.contains("Mật khẩu nhập lại không khớp."))
            #expect(short.status == .unprocessableEntity)
            #expect(short.body.string.contains("Mật khẩu phải có ít nhất 8 ký tự."))
            #expect(unchanged == user.passwordHash)
            #expect(ok.status == .seeOther)
            let stored = try #require(try await User.find(user.id, on: app.db)).passwordHash
            #expect(stored.hasPrefix("$2"))
            #expect(Passwords.verify(newPassword, hash: stored))
            #expect(!Passwords.verify(Fixtures.password, hash: stored))
            _ = try await TestClient.login(app, "doi.mat.khau", password: newPassword)
            var old = try await AuthTestSupport.anonymous(app)
            #expect(try await old.post(SiteURL.login.path, ["username": "doi.mat.khau", "password": Fixtures.password]).status == .unauthorized)
            let entry = try #require(try await AuditEntry.query(on: app.db).filter(\.$summary == "Đổi mật khẩu tài khoản doi.mat.khau").first())
            #expect(entry.userID == user.id)
            #expect(entry.beforeJSON == nil && entry.afterJSON == nil)
        }
    }

    @Test func guessingThroughThePasswordFormIsThrottledLikeTheLogin() async throws {
        try await withTestApp { app in
            // setup
            let user = try await Fixtures.user(app, "bi.bo.quen", .admin)
            var web = try await TestClient.login(app, "bi.bo.quen")
            for attempt in 1...LoginThrottle.perUsername {
                let guess = try await web.post(SiteURL.password.path, ["current": "doan-\(attempt)", "password": "mat-khau-ke-gian", "password2": "mat-khau-ke-gian"])
                #expect(guess.status == .unprocessableEntity)
            }

            // act
            let right = try await web.post(SiteURL.password.path, ["current": Fixtures.password, "password": "mat-khau-ke-gian", "password2": "mat-khau-ke-gian"])

            // assert
            #expect(right.status == .tooManyRequests)
            #expect(try await User.find(user.id, on: app.db)?.passwordHash == user.passwordHash)
        }
    }
}
