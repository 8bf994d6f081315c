import Domain
import Fluent
import Vapor

/// An outreach form or API body, as entered.
struct OutreachInput: Sendable {
    var unitCode: String?
    var heldOn: String?
    var form: String?
    var title: String?
    var participants: String?
    var note: String?
}

/// What the audit log keeps of an outreach activity.
struct OutreachSnapshot: Codable, Sendable {
    let unitID: Int
    let heldOn: String
    let form: String
    let title: String
    let participants: Int
    let note: String

    init(_ a: OutreachActivity) {
        unitID = a.unitID
        heldOn = a.heldOn.iso
        form = a.form.rawValue
        title = a.title
        participants = a.participants
        note = a.note
    }
}

/// Outreach activities (hoạt động tuyên truyền) with the people they reached (indicator IV.1).
/// Read and written in the account's subtree.
enum OutreachService {
    static let titleLimit = 1000
    static let noteLimit = 10_000
    /// Lượt người of one activity: a broadcast or a post may reach a whole province, but not more
    /// than the country's population; a larger figure is a typing mistake.
    static let participantsLimit = 10_000_000

    static func create(_ input: OutreachInput, access: Access) async throws -> OutreachActivity {
        try TopicService.requireWriter(access)
        let activity = OutreachActivity()
        try await validated(input, access: access).apply(to: activity)
        try await access.db.transaction { tx in
            try await activity.create(on: tx)
            try await Audit.record(
                on: tx, by: access.user, .create, .outreach, id: activity.id, unit: activity.unitID,
                summary: "Thêm hoạt động tuyên truyền “\(activity.title)”", after: OutreachSnapshot(activity))
        }
        return activity
    }

    static func update(_ activity: OutreachActivity, with input: OutreachInput, access: Access) async throws {
        try TopicService.requireWriter(access)
        try await access.requireWrite(unit: activity.unitID)
        let before = OutreachSnapshot(activity)
        try await validated(input, access: access).apply(to: activity)
        try await access.db.transaction { tx in
            try await activity.update(on: tx)
            try await Audit.record(
                on: tx, by: access.user, .update, .outreach, id: activity.id, unit: activity.unitID,
                summary: "Sửa hoạt động tuyên truyền “\(activity.title)”", before: before, after: OutreachSnapshot(activity))
        }
    }

    /// An activity of the account's subtree; 404 otherwise.
    static func readable(_ id: Int?, access: Access) async throws -> OutreachActivity {
        guard let id, let activity = try await OutreachActivity.find(id, on: access.db),
              try await access.canSee(unit: activity.unitID)
        else { throw Abort(.notFound) }
        return activity
    }

    /// An activity the account may change: 404 outside its subtree, 403 when read-only.
    static func writable(_ id: Int?, access: Access) async throws -> OutreachActivity {
        guard let id, let activity = try await OutreachActivity.find(id, on: access.db) else { throw Abort(.notFound) }
        try await access.requireWrite(unit: activity.unitID)
        return activity
    }

    private struct Values {
        let unitID: Int
        let heldOn: LocalDate
        let form: OutreachForm
        let title: String
        let participants: Int
        let note: String

        func apply(to a: OutreachActivity) {
            a.unitID = unitID
            a.heldOn = heldOn
            a.form = form
            a.title = title
            a.participants = participants
            a.note = note
        }
    }

    private static func validated(_ input: OutreachInput, access: Access) async throws -> Values {
        var problems = InvalidInput()
        let unit = try await UnitLookup.resolve(input.unitCode, label: "Đơn vị tổ chức", access: access, &problems)

        let heldOn = ProgrammeService.requiredDate(input.heldOn, "heldOn", "Ngày tổ chức", &problems)
        if let heldOn, heldOn > .today() {
            problems.add("heldOn", "Ngày tổ chức: không được sau ngày hôm nay.")
        }

        let form = OutreachForm(rawValue: input.form ?? "")
        if form == nil { problems.add("form", "Hình thức tuyên truyền: chưa chọn.") }

        let title = VietnameseText.normalize(input.title ?? "")
        if title.isEmpty {
            problems.add("title", "Nội dung tuyên truyền: chưa nhập.")
        } else if title.count > titleLimit {
            problems.add("title", "Nội dung tuyên truyền: dài quá \(titleLimit) ký tự.")
        }

        var participants: Int?
        let count = VietnameseText.normalize(input.participants ?? "").replacingOccurrences(of: ".", with: "")
        if count.isEmpty {
            problems.add("participants", "Số lượt người tham gia: chưa nhập.")
        } else if let value = Int(count) {
            if value < 0 {
                problems.add("participants", "Số lượt người tham gia: không được âm.")
            } else if value > participantsLimit {
                problems.add("participants", "Số lượt người tham gia: không được lớn hơn \(VietnameseFormat.number(participantsLimit)).")
            } else {
                participants = value
            }
        } else {
            problems.add("participants", "Số lượt người tham gia: phải là số nguyên, ví dụ 150.")
        }

        let note = VietnameseText.normalize(input.note ?? "")
        if note.count > noteLimit { problems.add("note", "Ghi chú: dài quá \(noteLimit) ký tự.") }

        try problems.check()
        return Values(unitID: unit!.id!, heldOn: heldOn!, form: form!, title: title, participants: participants!, note: note)
    }
}
