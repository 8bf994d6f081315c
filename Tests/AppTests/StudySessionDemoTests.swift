@testable import App
import Domain
import Fluent
import Foundation
import Testing
import Vapor

/// The demo's study sessions: a provincial conference a year and one session per TCCS.
@Suite struct StudySessionDemoTests {
    @Test func everyYearHasTheProvincesConferenceAndGrassrootsSessions() async throws {
        try await withTestApp { app in
            // setup
            try await DemoLoader.loadIfEmpty(app: app)
            let province = try await OrgUnit.query(on: app.db).filter(\.$code == "TU").first()!
            let grassroots = try await OrgUnit.query(on: app.db).filter(\.$kindCode ~~ DemoStudySessions.grassrootsKinds).all()

            // act
            let sessions = try await StudySession.query(on: app.db).all()
            let conferences = sessions.filter { $0.unitID == province.id! }.sorted { $0.heldOn < $1.heldOn }
            var shares: [Double] = []
            for conference in conferences {
                let counts = try await StudySessionService.counts(conference, on: app.db)
                #expect(counts.notMarked == 0)
                shares.append(Double(counts.present) / Double(max(1, counts.expected)))
            }
            try await Attendance.query(on: app.db).delete()
            try await StudySessionUnit.query(on: app.db).delete()
            try await StudySession.query(on: app.db).delete()
            try await DemoStudySessions.build(on: app.db)
            let rebuilt = try await StudySession.query(on: app.db).sort(\.$heldOn).sort(\.$unitID).all()

            // assert
            #expect(conferences.map(\.heldOn.year) == Array(2021...2025))
            #expect(conferences.allSatisfy { $0.topicID != nil })
            #expect(shares.allSatisfy { (0.9...0.99).contains($0) }, "\(shares)")
            for year in 2021...2025 {
                let units = Set(sessions.filter { $0.heldOn.year == year && $0.unitID != province.id! }.map(\.unitID))
                let living = grassroots.filter { $0.foundedOn.year <= year && ($0.dissolvedOn.map { $0 > LocalDate(year: year, month: 3, day: 31)! } ?? true) }
                #expect(Set(living.map { $0.id! }).isSubset(of: units), "\(year)")
            }
            #expect(sessions.contains { $0.nonMemberCount > 0 } && sessions.contains { $0.mode == .inCellMeeting })
            // Deterministic: a second build writes the same sessions.
            #expect(rebuilt.map { "\($0.unitID) \($0.heldOn.iso) \($0.mode.rawValue) \($0.nonMemberCount)" }.sorted()
                == sessions.map { "\($0.unitID) \($0.heldOn.iso) \($0.mode.rawValue) \($0.nonMemberCount)" }.sorted())
        }
    }
}
