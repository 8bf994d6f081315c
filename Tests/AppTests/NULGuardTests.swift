@testable import App
import Domain
import Fluent
import Testing
import Vapor

/// A NUL character in a body is refused alike on both databases (PostgreSQL would fail on it).
@Suite struct NULGuardTests {
    @Test func aNULInAJSONOrFormBodyIsRefusedAndNothingIsWritten() async throws {
        try await withTestApp { app in
            // setup
            let tree = try await CellMeetingTestSupport.world(app)
            let api = try await Fixtures.token(app, for: try await CellMeetingTestSupport.user(app, "canbo.a"))
            var web = try await TestClient.login(app, "canbo.a")
            var form = CellMeetingTestSupport.form(unit: "A1", heldOn: "2024-03-10", summary: "Họp\u{0}chi bộ")
            form["kind"] = CellMeetingKind.regular.rawValue
            let json = #"{"unit":"A1","kind":"thuong_ky","heldOn":"2024-04-10","durationMinutes":90,"present":10,"#
                + #""absentExcused":0,"absentUnexcused":0,"includedProgrammeContent":true,"contentNote":"Kể chuyện về Bác","summary":"Họp\u0000chi bộ"}"#
            let escaped = #"{"unit":"A1","kind":"thuong_ky","heldOn":"2024-05-10","durationMinutes":90,"present":10,"#
                + #""absentExcused":0,"absentUnexcused":0,"includedProgrammeContent":true,"contentNote":"Kể chuyện về Bác","summary":"Dấu \\u0000 gõ như chữ"}"#

            // act
            let viaAPI = try await api.send(.POST, "/cell-meetings", json: json)
            let viaForm = try await web.post(SiteURL.cellMeetingNew.path, form)
            let literal = try await api.send(.POST, "/cell-meetings", json: escaped)

            // assert
            #expect(viaAPI.status == .badRequest)
            #expect(viaAPI.body.string.contains("NUL"))
            #expect(viaForm.status == .badRequest)
            #expect(literal.status == .created, "a typed backslash-u-0000 is text, not a NUL: \(literal.body.string)")
            let meetings = try await CellMeeting.query(on: app.db).filter(\.$unitID == tree.a1.id!).all()
            #expect(meetings.map(\.heldOn.iso) == ["2024-05-10"])
        }
    }
}
