import Domain
import Fluent
import Vapor

/// A cell-meeting form or API body, as entered (numbers as text, so a non-number gets its own message).
struct CellMeetingInput: Sendable {
    var unitCode: String?
    var kind: String?
    var heldOn: String?
    var durationMinutes: String?
    var present: String?
    var absentExcused: String?
    var absentUnexcused: String?
    var includedProgrammeContent = false
    var contentNote: String?
    var topicID: String?
    var opinionsRaised: String?
    var summary: String?
}

/// What the audit log keeps of a cell meeting.
struct CellMeetingSnapshot: Codable, Sendable {
    let unitID: Int
    let kind: String
    let heldOn: String
    let durationMinutes: Int
    let present: Int
    let absentExcused: Int
    let absentUnexcused: Int
    let includedProgrammeContent: Bool
    let contentNote: String
    let topicID: Int?
    let opinionsRaised: Int
    let summary: String

    init(_ m: CellMeeting) {
        unitID = m.unitID
        kind = m.kind.rawValue
        heldOn = m.heldOn.iso
        durationMinutes = m.durationMinutes
        present = m.present
        absentExcused = m.absentExcused
        absentUnexcused = m.absentUnexcused
        includedProgrammeContent = m.includedProgrammeContent
        contentNote = m.contentNote
        topicID = m.topicID
        opinionsRaised = m.opinionsRaised
        summary = m.summary
    }
}

/// Chi bộ meetings (sinh hoạt chi bộ): the monthly regular meeting, at most one per cell and
/// month, and thematic meetings. Read and written in the account's subtree only.
enum CellMeetingService {
    static let durationRange = 15...600
    /// A count above this is a typing slip: the largest chi bộ have a few hundred members.
    static let countLimit = 10_000
    static let noteLimit = 2000
    static let summaryLimit = 5000

    static func create(_ input: CellMeetingInput, access: Access) async throws -> CellMeeting {
        try TopicService.requireWriter(access)
        let meeting = CellMeeting()
        try await validated(input, for: nil, access: access).apply(to: meeting)
        try await saving(meeting) {
            try await access.db.transaction { tx in
                try await meeting.create(on: tx)
                try await Audit.record(
                    on: tx, by: access.user, .create, .cellMeeting, id: meeting.id, unit: meeting.unitID,
                    summary: "Thêm \(meeting.kind.label.lowercased()) ngày \(VietnameseFormat.date(meeting.heldOn))",
                    after: CellMeetingSnapshot(meeting))
            }
        }
        return meeting
    }

    static func update(_ meeting: CellMeeting, with input: CellMeetingInput, access: Access) async throws {
        try TopicService.requireWriter(access)
        try await access.requireWrite(unit: meeting.unitID)
        let before = CellMeetingSnapshot(meeting)
        try await validated(input, for: meeting, access: access).apply(to: meeting)
        try await saving(meeting) {
            try await access.db.transaction { tx in
                try await meeting.update(on: tx)
                try await Audit.record(
                    on: tx, by: access.user, .update, .cellMeeting, id: meeting.id, unit: meeting.unitID,
                    summary: "Sửa \(meeting.kind.label.lowercased()) ngày \(VietnameseFormat.date(meeting.heldOn))",
                    before: before, after: CellMeetingSnapshot(meeting))
            }
        }
    }

    /// A meeting of the account's subtree; 404 otherwise (a cell's meetings are not read from above).
    static func readable(_ id: Int?, access: Access) async throws -> CellMeeting {
        guard let id, let meeting = try await CellMeeting.find(id, on: access.db) else { throw Abort(.notFound) }
        try await access.requireRead(unit: meeting.unitID)
        return meeting
    }

    /// A meeting the account may change: 404 outside the subtree, 403 when read-only.
    static func writable(_ id: Int?, access: Access) async throws -> CellMeeting {
        guard let id, let meeting = try await CellMeeting.find(id, on: access.db) else { throw Abort(.notFound) }
        try await access.requireWrite(unit: meeting.unitID)
        return meeting
    }

    static func duplicateMessage(_ existing: LocalDate, cellName: String) -> String {
        "Ngày sinh hoạt: \(cellName) đã có sinh hoạt thường kỳ tháng \(existing.month)/\(existing.year) "
            + "(ngày \(VietnameseFormat.date(existing))); mỗi tháng chỉ ghi một lần sinh hoạt thường kỳ."
    }

    /// A concurrent save of the same month passes the check but hits the unique index.
    private static func saving(_ meeting: CellMeeting, _ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let error as any DatabaseError where error.isConstraintFailure {
            let d = meeting.heldOn
            throw InvalidInput([ValidationFailure(field: "heldOn", message: "Ngày sinh hoạt: chi bộ đã có sinh hoạt thường kỳ "
                + "tháng \(d.month)/\(d.year); mỗi tháng chỉ ghi một lần sinh hoạt thường kỳ.")])
        }
    }
}
