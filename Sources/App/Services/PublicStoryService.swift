import Domain
import Fluent
import Vapor

/// A public story form, as entered. The source (an exemplar or a practice model) is chosen when
/// the story is created and never changes.
struct PublicStoryInput: Sendable {
    var exemplarID: String?
    var practiceModelID: String?
    var unitCode: String?
    var year: String?
    var title: String?
    var summary: String?
    var body: String?
}

/// What the audit log keeps of a public story.
struct PublicStorySnapshot: Codable, Sendable {
    let unitID: Int
    let kind: String
    let exemplarID: Int?
    let practiceModelID: Int?
    let year: Int
    let title: String
    let summary: String
    let body: String
    let isPublished: Bool

    init(_ s: PublicStory) {
        unitID = s.unitID
        kind = s.kind.rawValue
        exemplarID = s.exemplarID
        practiceModelID = s.practiceModelID
        year = s.year
        title = s.title
        summary = s.summary
        body = s.body
        isPublished = s.isPublished
    }
}

/// Stories of exemplars and good-practice models that an officer writes for the public page
/// (/guong-sang) and publishes or withdraws. Scoped like exemplars: writers write, leaders read.
enum PublicStoryService {
    static let titleLimit = 300
    static let summaryLimit = 1000
    static let bodyLimit = 20000

    static func create(_ input: PublicStoryInput, access: Access) async throws -> PublicStory {
        try TopicService.requireWriter(access)
        let source = try await source(of: input, access: access)
        let story = PublicStory()
        story.kind = source.kind
        story.exemplarID = source.exemplarID
        story.practiceModelID = source.practiceModelID
        story.isPublished = false
        try await validated(input, access: access).apply(to: story)
        try await access.db.transaction { tx in
            try await story.create(on: tx)
            try await Audit.record(
                on: tx, by: access.user, .create, .publicStory, id: story.id, unit: story.unitID,
                summary: "Thêm bài giới thiệu \(story.title)", after: PublicStorySnapshot(story))
        }
        return story
    }

    static func update(_ story: PublicStory, with input: PublicStoryInput, access: Access) async throws {
        try TopicService.requireWriter(access)
        try await access.requireWrite(unit: story.unitID)
        let before = PublicStorySnapshot(story)
        try await validated(input, access: access).apply(to: story)
        try await access.db.transaction { tx in
            try await story.update(on: tx)
            try await Audit.record(
                on: tx, by: access.user, .update, .publicStory, id: story.id, unit: story.unitID,
                summary: "Sửa bài giới thiệu \(story.title)", before: before, after: PublicStorySnapshot(story))
        }
    }

    /// Publishes (`true`) or withdraws the story; the first publication's time is kept.
    static func setPublished(_ story: PublicStory, _ published: Bool, access: Access) async throws {
        try await access.requireWrite(unit: story.unitID)
        guard story.isPublished != published else { return }
        let before = PublicStorySnapshot(story)
        story.isPublished = published
        if published && story.publishedAt == nil { story.publishedAt = Date() }
        try await access.db.transaction { tx in
            try await story.update(on: tx)
            try await Audit.record(
                on: tx, by: access.user, published ? .publish : .unpublish, .publicStory, id: story.id, unit: story.unitID,
                summary: (published ? "Công bố bài " : "Thôi công bố bài ") + story.title,
                before: before, after: PublicStorySnapshot(story))
        }
    }

    static func readable(_ id: Int?, access: Access) async throws -> PublicStory {
        try YearRecordFields.requireLister(access)
        guard let id, let story = try await PublicStory.find(id, on: access.db) else { throw Abort(.notFound) }
        try await access.requireRead(unit: story.unitID)
        return story
    }

    static func writable(_ id: Int?, access: Access) async throws -> PublicStory {
        guard let id, let story = try await PublicStory.find(id, on: access.db) else { throw Abort(.notFound) }
        try await access.requireWrite(unit: story.unitID)
        return story
    }

    /// The form of a new story from an exemplar or a practice model of the subtree, pre-filled
    /// from it. Only the record's own texts are copied, never anything from a person's record.
    static func draft(exemplarID: Int?, practiceModelID: Int?, access: Access) async throws -> PublicStoryInput? {
        if let exemplarID {
            let e = try await ExemplarService.readable(exemplarID, access: access)
            return PublicStoryInput(
                exemplarID: String(exemplarID), unitCode: try await OrgUnit.find(e.unitID, on: access.db)?.code,
                year: String(e.year), title: e.name, summary: String(e.story.prefix(summaryLimit)), body: e.story)
        }
        if let practiceModelID {
            guard let m = try await PracticeModel.find(practiceModelID, on: access.db) else { throw Abort(.notFound) }
            try await access.requireRead(unit: m.unitID)
            let body = [m.description, m.results].filter { !$0.isEmpty }.joined(separator: "\n\n")
            return PublicStoryInput(
                practiceModelID: String(practiceModelID), unitCode: try await OrgUnit.find(m.unitID, on: access.db)?.code,
                year: String(m.year), title: m.title, summary: String(m.description.prefix(summaryLimit)), body: body)
        }
        return nil
    }

    private struct Source {
        let kind: PublicStoryKind
        let exemplarID: Int?
        let practiceModelID: Int?
    }

    /// The exemplar or practice model a new story tells about: one of the subtree's records.
    private static func source(of input: PublicStoryInput, access: Access) async throws -> Source {
        let exemplar = Int(VietnameseText.normalize(input.exemplarID ?? ""))
        let model = Int(VietnameseText.normalize(input.practiceModelID ?? ""))
        if let exemplar, let e = try await Exemplar.find(exemplar, on: access.db), try await access.canSee(unit: e.unitID) {
            return Source(kind: .exemplar, exemplarID: exemplar, practiceModelID: nil)
        }
        if let model, let m = try await PracticeModel.find(model, on: access.db), try await access.canSee(unit: m.unitID) {
            return Source(kind: .practiceModel, exemplarID: nil, practiceModelID: model)
        }
        throw InvalidInput([ValidationFailure(
            field: "source", message: "Nguồn: chưa chọn điển hình hoặc mô hình trong phạm vi của bạn để giới thiệu.")])
    }

    private struct Values {
        let unitID: Int
        let year: Int
        let title: String
        let summary: String
        let body: String

        func apply(to s: PublicStory) {
            s.unitID = unitID
            s.year = year
            s.title = title
            s.summary = summary
            s.body = body
        }
    }

    private static func validated(_ input: PublicStoryInput, access: Access) async throws -> Values {
        var problems = InvalidInput()
        let unit = try await YearRecordFields.writableUnit(input.unitCode, label: "Đơn vị giới thiệu", access: access, &problems)
        let year = YearRecordFields.year(input.year, &problems)
        let title = YearRecordFields.text(input.title, field: "title", label: "Tiêu đề", limit: titleLimit, required: true, &problems)
        let summary = YearRecordFields.text(input.summary, field: "summary", label: "Tóm tắt", limit: summaryLimit, required: true, &problems)
        let body = YearRecordFields.text(input.body, field: "body", label: "Nội dung bài", limit: bodyLimit, required: true, &problems)
        try problems.check()
        return Values(unitID: unit!.id!, year: year!, title: title, summary: summary, body: body)
    }
}
