import Domain
import Fluent
import Vapor

/// A practice-model form or API body, as entered.
struct PracticeModelInput: Sendable {
    var unitCode: String?
    var year: String?
    var kind: String?
    var title: String?
    var description: String?
    var results: String?
}

/// What the audit log keeps of a practice model.
struct PracticeModelSnapshot: Codable, Sendable {
    let unitID: Int
    let year: Int
    let kind: String
    let title: String
    let description: String
    let results: String

    init(_ m: PracticeModel) {
        unitID = m.unitID
        year = m.year
        kind = m.kind.rawValue
        title = m.title
        description = m.description
        results = m.results
    }
}

/// Models units register by year (mô hình "Dân vận khéo", mô hình hay, cách làm hiệu quả).
enum PracticeModelService {
    static let titleLimit = 500
    static let textLimit = 20000

    static func create(_ input: PracticeModelInput, access: Access) async throws -> PracticeModel {
        try TopicService.requireWriter(access)
        let model = PracticeModel()
        try await validated(input, access: access).apply(to: model)
        try await access.db.transaction { tx in
            try await model.create(on: tx)
            try await Audit.record(
                on: tx, by: access.user, .create, .practiceModel, id: model.id, unit: model.unitID,
                summary: "Thêm mô hình “\(model.title)”", after: PracticeModelSnapshot(model))
        }
        return model
    }

    static func update(_ model: PracticeModel, with input: PracticeModelInput, access: Access) async throws {
        try TopicService.requireWriter(access)
        try await access.requireWrite(unit: model.unitID)
        let before = PracticeModelSnapshot(model)
        try await validated(input, access: access).apply(to: model)
        try await access.db.transaction { tx in
            try await model.update(on: tx)
            try await Audit.record(
                on: tx, by: access.user, .update, .practiceModel, id: model.id, unit: model.unitID,
                summary: "Sửa mô hình “\(model.title)”", before: before, after: PracticeModelSnapshot(model))
        }
    }

    /// A model of the account's subtree; 404 otherwise.
    static func readable(_ id: Int?, access: Access) async throws -> PracticeModel {
        guard let id, let model = try await PracticeModel.find(id, on: access.db) else { throw Abort(.notFound) }
        try await access.requireRead(unit: model.unitID)
        return model
    }

    /// A model the account may change: 404 outside its subtree, 403 when read-only.
    static func writable(_ id: Int?, access: Access) async throws -> PracticeModel {
        guard let id, let model = try await PracticeModel.find(id, on: access.db) else { throw Abort(.notFound) }
        try await access.requireWrite(unit: model.unitID)
        return model
    }

    private struct Values {
        let unitID: Int
        let year: Int
        let kind: PracticeModelKind
        let title: String
        let description: String
        let results: String

        func apply(to m: PracticeModel) {
            m.unitID = unitID
            m.year = year
            m.kind = kind
            m.title = title
            m.titleFolded = VietnameseText.fold(title)
            m.description = description
            m.results = results
        }
    }

    private static func validated(_ input: PracticeModelInput, access: Access) async throws -> Values {
        var problems = InvalidInput()
        let unit = try await YearRecordFields.writableUnit(input.unitCode, label: "Đơn vị đăng ký", access: access, &problems)
        let year = YearRecordFields.year(input.year, &problems)
        let kind = PracticeModelKind(rawValue: input.kind ?? "")
        if kind == nil { problems.add("kind", "Loại mô hình: chưa chọn.") }
        let title = YearRecordFields.text(input.title, field: "title", label: "Tên mô hình", limit: titleLimit, required: true, &problems)
        let description = YearRecordFields.text(input.description, field: "description", label: "Mô tả", limit: textLimit, required: false, &problems)
        let results = YearRecordFields.text(input.results, field: "results", label: "Kết quả", limit: textLimit, required: false, &problems)
        try problems.check()
        return Values(unitID: unit!.id!, year: year!, kind: kind!, title: title, description: description, results: results)
    }
}
