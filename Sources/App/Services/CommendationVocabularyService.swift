import Domain
import Fluent
import Vapor

/// A form or an issuer of commendations, as an administrator enters it.
struct CommendationTermInput: Sendable {
    var name: String?
    /// Forms only: "on" / "true" when the form is a biểu dương (praise).
    var isPraise: String?
    var sortOrder: String?

    var praise: Bool { ["on", "true", "1"].contains(isPraise ?? "") }
}

/// What the audit log keeps of a form or an issuer.
struct CommendationTermSnapshot: Codable, Sendable {
    let name: String
    let isPraise: Bool?
    let sortOrder: Int
}

/// The forms and issuers of commendations: data, read by everyone who reads the register,
/// added and edited by administrators.
enum CommendationVocabularyService {
    static let nameLimit = 200

    static func forms(on db: any Database) async throws -> [CommendationForm] {
        try await CommendationForm.query(on: db).sort(\.$sortOrder).sort(\.$id).all()
    }

    static func issuers(on db: any Database) async throws -> [CommendationIssuer] {
        try await CommendationIssuer.query(on: db).sort(\.$sortOrder).sort(\.$id).all()
    }

    /// `form` nil: a new one.
    @discardableResult
    static func saveForm(_ form: CommendationForm?, _ input: CommendationTermInput, access: Access) async throws -> CommendationForm {
        try access.requireRole(.admin)
        let target = form ?? CommendationForm()
        let before = form.map { CommendationTermSnapshot(name: $0.name, isPraise: $0.isPraise, sortOrder: $0.sortOrder) }
        let taken = try await CommendationForm.query(on: access.db).all().filter { $0.id != form?.id }.map(\.name)
        let (name, order) = try validated(input, taken: taken)
        target.name = name
        target.isPraise = input.praise
        target.sortOrder = order
        try await access.db.transaction { tx in
            try await target.save(on: tx)
            try await Audit.record(
                on: tx, by: access.user, form == nil ? .create : .update, .commendationForm, id: target.id, unit: nil,
                summary: (form == nil ? "Thêm" : "Sửa") + " hình thức khen thưởng “\(name)”", before: before,
                after: CommendationTermSnapshot(name: name, isPraise: target.isPraise, sortOrder: order))
        }
        return target
    }

    @discardableResult
    static func saveIssuer(_ issuer: CommendationIssuer?, _ input: CommendationTermInput, access: Access) async throws -> CommendationIssuer {
        try access.requireRole(.admin)
        let target = issuer ?? CommendationIssuer()
        let before = issuer.map { CommendationTermSnapshot(name: $0.name, isPraise: nil, sortOrder: $0.sortOrder) }
        let taken = try await CommendationIssuer.query(on: access.db).all().filter { $0.id != issuer?.id }.map(\.name)
        let (name, order) = try validated(input, taken: taken)
        target.name = name
        target.sortOrder = order
        try await access.db.transaction { tx in
            try await target.save(on: tx)
            try await Audit.record(
                on: tx, by: access.user, issuer == nil ? .create : .update, .commendationIssuer, id: target.id, unit: nil,
                summary: (issuer == nil ? "Thêm" : "Sửa") + " cấp khen “\(name)”", before: before,
                after: CommendationTermSnapshot(name: name, isPraise: nil, sortOrder: order))
        }
        return target
    }

    /// The name (required, unique regardless of case and spacing) and the sort order (default 100).
    private static func validated(_ input: CommendationTermInput, taken: [String]) throws -> (String, Int) {
        var problems = InvalidInput()
        let name = YearRecordFields.text(input.name, field: "name", label: "Tên", limit: nameLimit, required: true, &problems)
        if !name.isEmpty, taken.contains(where: { VietnameseText.fold($0) == VietnameseText.fold(name) }) {
            problems.add("name", "Tên: đã có trong danh mục.")
        }
        let orderText = VietnameseText.normalize(input.sortOrder ?? "")
        let order = orderText.isEmpty ? 100 : Int(orderText)
        if order == nil || order! < 0 || order! > 10_000 {
            problems.add("sortOrder", "Thứ tự: phải là số nguyên từ 0 đến 10.000.")
        }
        try problems.check()
        return (name, order!)
    }

    static func form(_ id: Int?, access: Access) async throws -> CommendationForm {
        try access.requireRole(.admin)
        guard let id, let form = try await CommendationForm.find(id, on: access.db) else { throw Abort(.notFound) }
        return form
    }

    static func issuer(_ id: Int?, access: Access) async throws -> CommendationIssuer {
        try access.requireRole(.admin)
        guard let id, let issuer = try await CommendationIssuer.find(id, on: access.db) else { throw Abort(.notFound) }
        return issuer
    }
}
