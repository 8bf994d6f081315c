import Domain
import Fluent
import SQLKit
import Vapor

/// A study-session form or API body, as entered.
struct StudySessionInput: Sendable {
    var unitCode: String?
    var topicID: String?
    var title: String?
    var heldOn: String?
    var format: String?
    var mode: String?
    var nonMemberCount: String?
    var note: String?
    /// Codes of the units whose members are expected, separated by commas or new lines.
    var expectedUnits: String?
}

/// What the audit log keeps of a study session.
struct StudySessionSnapshot: Codable, Sendable {
    let unitID: Int
    let topicID: Int?
    let title: String
    let heldOn: String
    let format: String
    let mode: String
    let nonMemberCount: Int
    let note: String
    let expectedUnitIDs: [Int]

    init(_ s: StudySession, expectedUnitIDs: [Int]) {
        unitID = s.unitID
        topicID = s.topicID
        title = s.title
        heldOn = s.heldOn.iso
        format = s.format.rawValue
        mode = s.mode.rawValue
        nonMemberCount = s.nonMemberCount
        note = s.note
        self.expectedUnitIDs = expectedUnitIDs.sorted()
    }
}

/// Study sessions (hội nghị học tập, quán triệt chuyên đề): the organiser's record, the units
/// expected, and the members' attendance (StudySessionService+Attendance).
enum StudySessionService {
    static let titleLimit = 1000
    static let noteLimit = 4000

    static func create(_ input: StudySessionInput, access: Access) async throws -> StudySession {
        try TopicService.requireWriter(access)
        let session = StudySession()
        let values = try await validated(input, access: access)
        values.apply(to: session)
        try await access.db.transaction { tx in
            try await session.create(on: tx)
            try await values.expectedUnitIDs.map { StudySessionUnit(sessionID: session.id!, unitID: $0) }.create(on: tx)
            try await Audit.record(
                on: tx, by: access.user, .create, .studySession, id: session.id, unit: session.unitID,
                summary: "Thêm hội nghị học tập “\(session.title)”",
                after: StudySessionSnapshot(session, expectedUnitIDs: values.expectedUnitIDs))
        }
        return session
    }

    static func update(_ session: StudySession, with input: StudySessionInput, access: Access) async throws {
        try TopicService.requireWriter(access)
        try await access.requireWrite(unit: session.unitID)
        let before = StudySessionSnapshot(session, expectedUnitIDs: try await expectedUnitIDs(session.id!, on: access.db))
        let values = try await validated(input, access: access)
        values.apply(to: session)
        try await access.db.transaction { tx in
            try await session.update(on: tx)
            try await StudySessionUnit.query(on: tx).filter(\.$sessionID == session.id!).delete()
            try await values.expectedUnitIDs.map { StudySessionUnit(sessionID: session.id!, unitID: $0) }.create(on: tx)
            try await Audit.record(
                on: tx, by: access.user, .update, .studySession, id: session.id, unit: session.unitID,
                summary: "Sửa hội nghị học tập “\(session.title)”", before: before,
                after: StudySessionSnapshot(session, expectedUnitIDs: values.expectedUnitIDs))
        }
    }

    /// Members read nothing here: sessions are the units' records. Other roles read the sessions
    /// of their subtree and those organised above it (a cell attends the province's conference).
    static func requireReader(_ access: Access) throws {
        guard access.user.role.seesUnits else { throw Abort(.forbidden, reason: Access.readOnlyMessage) }
    }

    /// A session the account may read; 404 outside the scope.
    static func readable(_ id: Int?, access: Access) async throws -> StudySession {
        try requireReader(access)
        guard let id, let session = try await StudySession.find(id, on: access.db),
              try await access.canSeeFromAbove(unit: session.unitID)
        else { throw Abort(.notFound) }
        return session
    }

    /// A session of the account's subtree that it may change: 404 outside, 403 when read-only.
    static func writable(_ id: Int?, access: Access) async throws -> StudySession {
        guard let id, let session = try await StudySession.find(id, on: access.db) else { throw Abort(.notFound) }
        try await access.requireWrite(unit: session.unitID)
        return session
    }

    static func expectedUnitIDs(_ sessionID: Int, on db: any Database) async throws -> [Int] {
        try await StudySessionUnit.query(on: db).filter(\.$sessionID == sessionID).all().map(\.unitID)
    }

    /// The expected units of a session with their codes, in code order.
    static func expectedUnits(_ sessionID: Int, on db: any Database) async throws -> [OrgUnit] {
        let ids = try await expectedUnitIDs(sessionID, on: db)
        guard !ids.isEmpty else { return [] }
        return try await OrgUnit.query(on: db).filter(\.$id ~~ ids).sort(\.$code).all()
    }

    struct Values {
        let unitID: Int
        let topicID: Int?
        let title: String
        let heldOn: LocalDate
        let format: StudyFormat
        let mode: StudyMode
        let nonMemberCount: Int
        let note: String
        let expectedUnitIDs: [Int]

        func apply(to s: StudySession) {
            s.unitID = unitID
            s.topicID = topicID
            s.title = title
            s.heldOn = heldOn
            s.format = format
            s.mode = mode
            s.nonMemberCount = nonMemberCount
            s.note = note
        }
    }

    private static func validated(_ input: StudySessionInput, access: Access) async throws -> Values {
        var problems = InvalidInput()
        let unit = try await organiser(input.unitCode, access: access, &problems)

        let title = VietnameseText.normalize(input.title ?? "")
        if title.isEmpty {
            problems.add("title", "Tên hội nghị: chưa nhập.")
        } else if title.count > titleLimit {
            problems.add("title", "Tên hội nghị: dài quá \(titleLimit) ký tự.")
        }
        let heldOn = ProgrammeService.requiredDate(input.heldOn, "heldOn", "Ngày tổ chức", &problems)

        let formatText = VietnameseText.normalize(input.format ?? "")
        let format = StudyFormat(rawValue: formatText)
        if formatText.isEmpty {
            problems.add("format", "Hình thức: chưa chọn.")
        } else if format == nil {
            problems.add("format", "Hình thức: không hợp lệ (trực tiếp, trực tuyến hoặc kết hợp).")
        }
        let modeText = VietnameseText.normalize(input.mode ?? "")
        let mode = StudyMode(rawValue: modeText)
        if modeText.isEmpty {
            problems.add("mode", "Cách thức tổ chức: chưa chọn.")
        } else if mode == nil {
            problems.add("mode", "Cách thức tổ chức: không hợp lệ.")
        }

        var nonMemberCount = 0
        let countText = VietnameseText.normalize(input.nonMemberCount ?? "").replacingOccurrences(of: ".", with: "")
        if !countText.isEmpty {
            if let n = Int(countText), n >= 0, n <= 10_000_000 {
                nonMemberCount = n
            } else {
                problems.add("nonMemberCount", "Lượt quần chúng tham dự: phải là số nguyên không âm.")
            }
        }

        let note = VietnameseText.normalize(input.note ?? "")
        if note.count > noteLimit { problems.add("note", "Ghi chú: dài quá \(noteLimit) ký tự.") }

        let topicID = try await topic(input.topicID, organiser: unit, access: access, &problems)
        let expected = try await expectedUnits(input.expectedUnits, organiser: unit, access: access, &problems)

        try problems.check()
        return Values(unitID: unit!.id!, topicID: topicID, title: title, heldOn: heldOn!, format: format!, mode: mode!,
                      nonMemberCount: nonMemberCount, note: note, expectedUnitIDs: expected)
    }

    /// The organising unit by code: in the account's subtree, which it may write. A code outside
    /// the subtree gets the same message as an unknown one, so codes cannot be probed.
    private static func organiser(_ code: String?, access: Access, _ problems: inout InvalidInput) async throws -> OrgUnit? {
        let code = VietnameseText.normalize(code ?? "")
        guard !code.isEmpty else {
            problems.add("unit", "Đơn vị tổ chức: chưa nhập mã tổ chức đảng.")
            return nil
        }
        guard let unit = try await OrgUnit.query(on: access.db).filter(\.$code == code).first(),
              try await access.canSee(unit: unit.id!)
        else {
            problems.add("unit", "Đơn vị tổ chức: không tìm thấy tổ chức đảng có mã “\(code)” trong phạm vi của bạn.")
            return nil
        }
        try await access.requireWrite(unit: unit.id!)
        return unit
    }

    /// A topic set by the organiser or a level above it (topics come from the province).
    private static func topic(_ text: String?, organiser: OrgUnit?, access: Access, _ problems: inout InvalidInput) async throws -> Int? {
        let value = VietnameseText.normalize(text ?? "")
        guard !value.isEmpty else { return nil }
        guard let id = Int(value), let topic = try await Topic.find(id, on: access.db),
              try await access.canSeeFromAbove(unit: topic.unitID)
        else {
            problems.add("topicId", "Chuyên đề: không tồn tại.")
            return nil
        }
        if let organiser, try await !Access.isDescendant(organiser.id!, of: topic.unitID, on: access.db) {
            problems.add("topicId", "Chuyên đề: không phải chuyên đề của đơn vị tổ chức hoặc cấp trên của đơn vị đó.")
            return nil
        }
        return id
    }

    /// Unit codes separated by commas, semicolons or new lines; each must be the organiser or
    /// below it, in the account's scope.
    private static func expectedUnits(_ text: String?, organiser: OrgUnit?, access: Access, _ problems: inout InvalidInput) async throws -> [Int] {
        let codes = VietnameseText.normalize(text ?? "")
            .split(whereSeparator: { $0 == "," || $0 == ";" || $0.isNewline })
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        guard !codes.isEmpty else {
            problems.add("expectedUnits", "Đơn vị dự kiến tham dự: chưa nhập mã tổ chức đảng.")
            return []
        }
        var ids: [Int] = []
        for code in codes {
            guard let unit = try await OrgUnit.query(on: access.db).filter(\.$code == code).first(),
                  try await access.canSee(unit: unit.id!)
            else {
                problems.add("expectedUnits", "Đơn vị dự kiến tham dự: không tìm thấy tổ chức đảng có mã “\(code)” trong phạm vi của bạn.")
                continue
            }
            if let organiser, try await !Access.isDescendant(unit.id!, of: organiser.id!, on: access.db) {
                problems.add("expectedUnits", "Đơn vị dự kiến tham dự: “\(code)” không phải đơn vị tổ chức hoặc cấp dưới của đơn vị tổ chức.")
                continue
            }
            if !ids.contains(unit.id!) { ids.append(unit.id!) }
        }
        return ids
    }
}
