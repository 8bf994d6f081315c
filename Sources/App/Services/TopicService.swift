import Domain
import Fluent
import Vapor

/// A topic form or API body, as entered (numbers as text, so a non-number gets its own message).
struct TopicInput: Sendable {
    var programmeID: String?
    var unitCode: String?
    var kind: String?
    var year: String?
    var endYear: String?
    var parentTopicID: String?
    var title: String?
    var description: String?
}

/// What the audit log keeps of a topic.
struct TopicSnapshot: Codable, Sendable {
    let programmeID: Int
    let unitID: Int
    let parentTopicID: Int?
    let kind: String
    let year: Int
    let endYear: Int
    let title: String
    let description: String

    init(_ t: Topic) {
        programmeID = t.programmeID
        unitID = t.unitID
        parentTopicID = t.parentTopicID
        kind = t.kind.rawValue
        year = t.year
        endYear = t.endYear
        title = t.title
        description = t.description
    }
}

extension Topic {
    /// "2021–2025" for a whole-term topic, "2024" for an annual one.
    var yearsText: String { endYear == year ? String(year) : "\(year)–\(endYear)" }
}

/// Study topics (chuyên đề), chosen by each provincial committee (Tỉnh ủy, Thành ủy): whole-term
/// topics inside the programme's years, and annual topics each under a whole-term one.
enum TopicService {
    /// The unit kind that chooses topics (the first row of `UnitKindSeed.defaults`).
    static let provincialKind = "TINH"
    static let titleLimit = 500

    static func create(_ input: TopicInput, access: Access) async throws -> Topic {
        try requireWriter(access)
        let topic = Topic()
        let values = try await validated(input, for: nil, access: access)
        values.apply(to: topic)
        try await access.db.transaction { tx in
            try await topic.create(on: tx)
            try await Audit.record(
                on: tx, by: access.user, .create, .topic, id: topic.id, unit: topic.unitID,
                summary: "Thêm \(topic.kind.label.lowercased()) “\(topic.title)” (\(topic.yearsText))",
                after: TopicSnapshot(topic))
        }
        return topic
    }

    static func update(_ topic: Topic, with input: TopicInput, access: Access) async throws {
        try requireWriter(access)
        try await access.requireWrite(unit: topic.unitID)
        let before = TopicSnapshot(topic)
        let values = try await validated(input, for: topic, access: access)
        values.apply(to: topic)
        try await access.db.transaction { tx in
            try await topic.update(on: tx)
            try await Audit.record(
                on: tx, by: access.user, .update, .topic, id: topic.id, unit: topic.unitID,
                summary: "Sửa \(topic.kind.label.lowercased()) “\(topic.title)” (\(topic.yearsText))",
                before: before, after: TopicSnapshot(topic))
        }
    }

    /// A read-only account is refused before anything it sent is looked at.
    static func requireWriter(_ access: Access) throws {
        guard access.user.role.writesUnitRecords else { throw Abort(.forbidden, reason: Access.readOnlyMessage) }
    }

    /// Provincial committees whose topics the account may choose, by name.
    static func writableProvinces(access: Access) async throws -> [OrgUnit] {
        guard access.user.role.writesUnitRecords else { return [] }
        return try await OrgUnit.query(on: access.db)
            .filter(\.$kindCode == provincialKind)
            .scoped(access.subtreeFilter("id"))
            .sort(\.$name)
            .all()
    }

    private struct Values {
        let programmeID: Int
        let unitID: Int
        let kind: TopicKind
        let year: Int
        let endYear: Int
        let parentTopicID: Int?
        let title: String
        let description: String

        func apply(to t: Topic) {
            t.programmeID = programmeID
            t.unitID = unitID
            t.kind = kind
            t.year = year
            t.endYear = endYear
            t.parentTopicID = parentTopicID
            t.title = title
            t.titleFolded = VietnameseText.fold(title)
            t.description = description
        }
    }

    private static func validated(_ input: TopicInput, for existing: Topic?, access: Access) async throws -> Values {
        let db = access.db
        var problems = InvalidInput()

        var programme: Programme?
        if let id = Int(VietnameseText.normalize(input.programmeID ?? "")) {
            programme = try await Programme.find(id, on: db)
        }
        if programme == nil { problems.add("programmeId", "Chương trình: chưa chọn hoặc không tồn tại.") }

        let unit = try await resolveProvince(input.unitCode, access: access, &problems)

        let kind = TopicKind(rawValue: input.kind ?? "")
        if kind == nil { problems.add("kind", "Loại chuyên đề: chưa chọn (toàn khóa hoặc hằng năm).") }

        let year = number(input.year, "year", "Năm", &problems)
        var endYear = year
        var parent: Topic?
        if kind == .wholeTerm {
            endYear = number(input.endYear, "endYear", "Năm kết thúc", &problems)
            if let year, let end = endYear, end < year {
                problems.add("endYear", "Năm kết thúc: không được trước năm bắt đầu (\(year)).")
                endYear = nil
            }
        }
        if let programme {
            let outside = "nằm ngoài thời gian thực hiện \(programme.documentNumber) (\(programme.topicYearsText))."
            if let year, !programme.containsTopicYear(year) {
                problems.add("year", "Năm: \(year) " + outside)
            }
            if kind == .wholeTerm, let year, let end = endYear, end != year, !programme.containsTopicYear(end) {
                problems.add("endYear", "Năm kết thúc: \(end) " + outside)
            }
        }
        if kind == .annual {
            parent = try await annualParent(input.parentTopicID, programme: programme, unit: unit, year: year, on: db, &problems)
        }

        let title = VietnameseText.normalize(input.title ?? "")
        if title.isEmpty {
            problems.add("title", "Tên chuyên đề: chưa nhập.")
        } else if title.count > titleLimit {
            problems.add("title", "Tên chuyên đề: dài quá \(titleLimit) ký tự.")
        }

        if let existing, let id = existing.id, existing.kind == .wholeTerm {
            try await checkChildrenStillFit(
                topicID: id, existing: existing, kind: kind, programmeID: programme?.id, unitID: unit?.id,
                year: year, endYear: endYear, on: db, &problems)
        }

        try problems.check()
        return Values(
            programmeID: programme!.id!, unitID: unit!.id!, kind: kind!, year: year!, endYear: endYear!,
            parentTopicID: parent?.id, title: title, description: VietnameseText.normalize(input.description ?? ""))
    }

    /// The unit by code: it must be a provincial committee the account may write. A code outside
    /// the account's view gets the same message as an unknown one, so codes cannot be probed.
    private static func resolveProvince(_ code: String?, access: Access, _ problems: inout InvalidInput) async throws -> OrgUnit? {
        let code = VietnameseText.normalize(code ?? "")
        guard !code.isEmpty else {
            problems.add("unit", "Tỉnh ủy, thành ủy: chưa chọn.")
            return nil
        }
        guard let unit = try await OrgUnit.query(on: access.db).filter(\.$code == code).first(),
              try await access.canSee(unit: unit.id!)
        else {
            problems.add("unit", "Tỉnh ủy, thành ủy: không tìm thấy tổ chức đảng có mã “\(code)” trong phạm vi của bạn.")
            return nil
        }
        guard unit.kindCode == provincialKind else {
            problems.add("unit", "Tỉnh ủy, thành ủy: chuyên đề do tỉnh ủy, thành ủy lựa chọn; “\(unit.name)” không phải là tỉnh ủy, thành ủy.")
            return nil
        }
        try await access.requireWrite(unit: unit.id!)
        return unit
    }

    private static func annualParent(
        _ idText: String?, programme: Programme?, unit: OrgUnit?, year: Int?, on db: any Database,
        _ problems: inout InvalidInput
    ) async throws -> Topic? {
        guard let id = Int(VietnameseText.normalize(idText ?? "")) else {
            problems.add("parentTopicId", "Chuyên đề toàn khóa: chuyên đề hằng năm phải thuộc một chuyên đề toàn khóa, hãy chọn.")
            return nil
        }
        guard let programme, let unit else { return nil }
        guard let parent = try await Topic.find(id, on: db), parent.kind == .wholeTerm,
              parent.programmeID == programme.id, parent.unitID == unit.id
        else {
            problems.add("parentTopicId", "Chuyên đề toàn khóa: phải là chuyên đề toàn khóa của cùng tỉnh ủy, thành ủy và cùng chương trình.")
            return nil
        }
        if let year, !(parent.year...parent.endYear).contains(year) {
            problems.add("year", "Năm: \(year) nằm ngoài các năm của chuyên đề toàn khóa “\(parent.title)” (\(parent.yearsText)).")
        }
        return parent
    }

    /// A whole-term topic with annual topics under it keeps its unit, programme and kind, and
    /// its years keep covering theirs.
    private static func checkChildrenStillFit(
        topicID: Int, existing: Topic, kind: TopicKind?, programmeID: Int?, unitID: Int?, year: Int?, endYear: Int?,
        on db: any Database, _ problems: inout InvalidInput
    ) async throws {
        let children = try await Topic.query(on: db).filter(\.$parentTopicID == topicID).all()
        guard !children.isEmpty else { return }
        if kind == .annual {
            problems.add("kind", "Loại chuyên đề: chuyên đề toàn khóa này đã có \(children.count) chuyên đề hằng năm, không thể đổi thành chuyên đề hằng năm.")
        }
        if let programmeID, programmeID != existing.programmeID {
            problems.add("programmeId", "Chương trình: chuyên đề toàn khóa này đã có chuyên đề hằng năm, không thể chuyển sang chương trình khác.")
        }
        if let unitID, unitID != existing.unitID {
            problems.add("unit", "Tỉnh ủy, thành ủy: chuyên đề toàn khóa này đã có chuyên đề hằng năm, không thể chuyển sang đơn vị khác.")
        }
        if kind == .wholeTerm, let year, let endYear,
           let outside = children.map(\.year).filter({ !(year...endYear).contains($0) }).min() {
            problems.add("year", "Năm: đã có chuyên đề hằng năm năm \(outside), các năm của chuyên đề toàn khóa phải bao gồm năm đó.")
        }
    }

    private static func number(_ text: String?, _ field: String, _ label: String, _ problems: inout InvalidInput) -> Int? {
        let value = VietnameseText.normalize(text ?? "")
        guard let n = Int(value), (1945...9999).contains(n) else {
            problems.add(field, value.isEmpty ? "\(label): chưa nhập." : "\(label): phải là một năm, ví dụ 2024.")
            return nil
        }
        return n
    }
}
