import Domain
import Fluent
import Vapor

/// A conduct-code form or API body, as entered.
struct ConductCodeInput: Sendable {
    var unitCode: String?
    var scope: String?
    var title: String?
    var documentNumber: String?
    var issuedOn: String?
    var replacesID: String?
    var summary: String?
}

/// What the audit log keeps of a conduct code.
struct ConductCodeSnapshot: Codable, Sendable {
    let unitID: Int
    let scope: String
    let title: String
    let documentNumber: String
    let issuedOn: String
    let replacesID: Int?
    let summary: String

    init(_ c: ConductCode) {
        unitID = c.unitID
        scope = c.scope.rawValue
        title = c.title
        documentNumber = c.documentNumber
        issuedOn = c.issuedOn.iso
        replacesID = c.replacesID
        summary = c.summary
    }
}

/// The codes of conduct units issue and revise (chuẩn mực đạo đức, lối sống, đạo đức nghề nghiệp).
/// Read and written in the account's subtree only: a unit's standards bind its own members.
enum ConductCodeService {
    static let titleLimit = 1000
    static let summaryLimit = 10_000

    static func create(_ input: ConductCodeInput, access: Access) async throws -> ConductCode {
        try TopicService.requireWriter(access)
        let code = ConductCode()
        try await validated(input, for: nil, access: access).apply(to: code)
        try await saving(code) {
            try await access.db.transaction { tx in
                try await code.create(on: tx)
                try await Audit.record(
                    on: tx, by: access.user, .create, .conductCode, id: code.id, unit: code.unitID,
                    summary: "Thêm chuẩn mực \(code.documentNumber)", after: ConductCodeSnapshot(code))
            }
        }
        return code
    }

    static func update(_ code: ConductCode, with input: ConductCodeInput, access: Access) async throws {
        try TopicService.requireWriter(access)
        try await access.requireWrite(unit: code.unitID)
        let before = ConductCodeSnapshot(code)
        try await validated(input, for: code, access: access).apply(to: code)
        try await saving(code) {
            try await access.db.transaction { tx in
                try await code.update(on: tx)
                try await Audit.record(
                    on: tx, by: access.user, .update, .conductCode, id: code.id, unit: code.unitID,
                    summary: "Sửa chuẩn mực \(code.documentNumber)", before: before, after: ConductCodeSnapshot(code))
            }
        }
    }

    /// Lists are for the roles that work with units; a member account has no register to read.
    static func requireReader(_ access: Access) throws {
        guard access.user.role.seesUnits else { throw Abort(.forbidden, reason: Access.readOnlyMessage) }
    }

    /// A code of the account's subtree; 404 otherwise.
    static func readable(_ id: Int?, access: Access) async throws -> ConductCode {
        guard let id, let code = try await ConductCode.find(id, on: access.db),
              try await access.canSee(unit: code.unitID)
        else { throw Abort(.notFound) }
        return code
    }

    /// A code the account may change: 404 outside its subtree, 403 when read-only.
    static func writable(_ id: Int?, access: Access) async throws -> ConductCode {
        guard let id, let code = try await ConductCode.find(id, on: access.db) else { throw Abort(.notFound) }
        try await access.requireWrite(unit: code.unitID)
        return code
    }

    static func duplicateMessage(_ number: String, unitName: String) -> String {
        "Số, ký hiệu văn bản: \(unitName) đã có văn bản số \(number)."
    }

    /// A concurrent save of the same number passes the check but hits the unique index.
    private static func saving(_ code: ConductCode, _ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let error as any DatabaseError where error.isConstraintFailure {
            throw InvalidInput([ValidationFailure(
                field: "documentNumber", message: duplicateMessage(code.documentNumber, unitName: "Đơn vị ban hành"))])
        }
    }

    private struct Values {
        let unitID: Int
        let scope: ConductScope
        let title: String
        let number: DocumentNumber
        let issuedOn: LocalDate
        let replacesID: Int?
        let summary: String

        func apply(to c: ConductCode) {
            c.unitID = unitID
            c.scope = scope
            c.title = title
            c.documentNumber = number.raw
            c.issuedOn = issuedOn
            c.replacesID = replacesID
            c.summary = summary
        }
    }

    private static func validated(_ input: ConductCodeInput, for existing: ConductCode?, access: Access) async throws -> Values {
        let db = access.db
        var problems = InvalidInput()
        let unit = try await UnitLookup.resolve(input.unitCode, label: "Đơn vị ban hành", access: access, &problems)

        let scope = ConductScope(rawValue: input.scope ?? "")
        if scope == nil { problems.add("scope", "Loại chuẩn mực: chưa chọn.") }

        let title = VietnameseText.normalize(input.title ?? "")
        if title.isEmpty {
            problems.add("title", "Tên chuẩn mực: chưa nhập.")
        } else if title.count > titleLimit {
            problems.add("title", "Tên chuẩn mực: dài quá \(titleLimit) ký tự.")
        }

        var number: DocumentNumber?
        switch DocumentNumber.parse(input.documentNumber ?? "") {
        case .failure(let error):
            problems.add("documentNumber", InvalidInput.labelled("Số, ký hiệu văn bản", error.message))
        case .success(let parsed):
            if let unit {
                var query = ConductCode.query(on: db).filter(\.$unitID == unit.id!).filter(\.$documentNumber == parsed.raw)
                if let id = existing?.id { query = query.filter(\.$id != id) }
                if try await query.first() != nil {
                    problems.add("documentNumber", duplicateMessage(parsed.raw, unitName: unit.name))
                }
            }
            number = parsed
        }

        let issuedOn = ProgrammeService.requiredDate(input.issuedOn, "issuedOn", "Ngày ban hành", &problems)
        if let issuedOn, issuedOn > .today() {
            problems.add("issuedOn", "Ngày ban hành: không được sau ngày hôm nay.")
        }

        let replacesID = try await checkedReplacement(input.replacesID, existing: existing, unit: unit, issuedOn: issuedOn,
                                                      access: access, &problems)

        let summary = VietnameseText.normalize(input.summary ?? "")
        if summary.count > summaryLimit { problems.add("summary", "Nội dung chính: dài quá \(summaryLimit) ký tự.") }

        try problems.check()
        return Values(unitID: unit!.id!, scope: scope!, title: title, number: number!, issuedOn: issuedOn!,
                      replacesID: replacesID, summary: summary)
    }

    /// The code a revision replaces: an earlier code of the same unit, not yet replaced by another.
    /// Requiring it to be issued strictly earlier also rules out cycles of revisions.
    private static func checkedReplacement(
        _ text: String?, existing: ConductCode?, unit: OrgUnit?, issuedOn: LocalDate?, access: Access,
        _ problems: inout InvalidInput
    ) async throws -> Int? {
        let value = VietnameseText.normalize(text ?? "")
        guard !value.isEmpty else { return nil }
        let label = "Thay thế chuẩn mực"
        guard let id = Int(value), let earlier = try await ConductCode.find(id, on: access.db),
              try await access.canSee(unit: earlier.unitID)
        else {
            problems.add("replacesId", "\(label): không tìm thấy chuẩn mực được thay thế trong phạm vi của bạn.")
            return nil
        }
        if let existing, existing.id == id {
            problems.add("replacesId", "\(label): một chuẩn mực không thể thay thế chính nó.")
            return nil
        }
        if let unit, earlier.unitID != unit.id {
            problems.add("replacesId", "\(label): văn bản \(earlier.documentNumber) là của đơn vị khác; chỉ thay thế được chuẩn mực của \(unit.name).")
            return nil
        }
        if let issuedOn, earlier.issuedOn >= issuedOn {
            problems.add("replacesId", "\(label): văn bản \(earlier.documentNumber) ban hành ngày \(VietnameseFormat.date(earlier.issuedOn)), phải trước ngày ban hành của bản sửa đổi.")
            return nil
        }
        var other = ConductCode.query(on: access.db).filter(\.$replacesID == id)
        if let own = existing?.id { other = other.filter(\.$id != own) }
        if let later = try await other.first() {
            problems.add("replacesId", "\(label): văn bản \(earlier.documentNumber) đã được thay thế bởi văn bản \(later.documentNumber).")
            return nil
        }
        return id
    }
}
