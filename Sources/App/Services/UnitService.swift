import Domain
import Fluent
import SQLKit
import Vapor

/// The rules of the organisation tree (DESIGN.md §2), in one place for the pages and the API:
/// who may change what, what input is valid, and what one change writes (in one transaction,
/// with the closure rebuilt and an audit entry per changed unit).
struct UnitService: Sendable {
    let access: Access
    var db: any Database { access.db }
    var user: CurrentUser { access.user }

    init(_ req: Request) throws {
        access = try req.access
    }

    init(access: Access) {
        self.access = access
    }

    /// The fields of a unit as typed in a form or sent to the API, before validation.
    struct Input: Sendable {
        var code: String?
        var name: String?
        var kindCode: String?
        var attachment: String?
        var foundedOn: String?
        var note: String?
        /// Only when creating: the parent by id (API, prefilled link) or by code (typed).
        var parentID: Int?
        var parentCode: String?
    }

    /// Validated fields, ready to be written.
    struct Fields: Sendable {
        let code: String
        let name: String
        let kindCode: String
        let attachment: UnitAttachment
        let foundedOn: LocalDate
        let note: String
    }

    static let codePattern = "^[A-Z0-9Đ][A-Z0-9Đ._-]{0,31}$"
    static let nameMaxLength = 300
    static let noteMaxLength = 4000

    // MARK: Create

    /// Only roles that restructure may create units; the scope is checked on the parent.
    func requireRestructuringRole() throws {
        guard user.role.restructures else { throw Abort(.forbidden, reason: Access.readOnlyMessage) }
    }

    func create(_ input: Input) async throws -> OrgUnit {
        try requireRestructuringRole()
        var errors: [ValidationFailure] = []
        let fields = try await validate(input, existingID: nil, errors: &errors)
        let parent = try await resolveTarget(id: input.parentID, code: input.parentCode, role: .parent, errors: &errors)
        if parent == nil, errors.first(where: { $0.field.hasPrefix("parent") }) == nil, let message = topLevelRefusal {
            errors.append(.init(field: "parentId", message: message))
        }
        if let parent, let founded = fields?.foundedOn, let message = Self.parentRefusal(parent, founded: founded) {
            errors.append(.init(field: "parentId", message: message))
        }
        guard errors.isEmpty, let fields else { throw InvalidInput(errors) }

        let unit = OrgUnit()
        Self.apply(fields, to: unit)
        let actor = user
        let parentID = parent?.id
        return try await db.transaction { tx in
            try await unit.create(on: tx)
            try await UnitParentLink(unitID: unit.id!, parentID: parentID, validFrom: fields.foundedOn).create(on: tx)
            try await TreeIndex.rebuild(on: tx)
            let after = UnitAuditSnapshot(unit, parentID: parentID, parentSince: fields.foundedOn)
            try await Audit.record(on: tx, by: actor, .create, .unit, id: unit.id, unit: unit.id,
                                   summary: "Tạo tổ chức đảng \(unit.name) (\(unit.code))", after: after)
            return unit
        }
    }

    // MARK: Edit

    func update(_ id: Int, _ input: Input) async throws -> OrgUnit {
        try await access.requireRestructure(unit: id)
        guard let unit = try await OrgUnit.find(id, on: db) else { throw Abort(.notFound) }
        var errors: [ValidationFailure] = []
        let fields = try await validate(input, existingID: id, errors: &errors)
        guard errors.isEmpty, let fields else { throw InvalidInput(errors) }

        let actor = user
        let foundingMoves = fields.foundedOn != unit.foundedOn
        return try await db.transaction { tx in
            let links = try await UnitParentLink.query(on: tx).filter(\.$unitID == id).sort(\.$validFrom).all()
            if foundingMoves {
                if let problem = try await Self.foundingConflict(unit, links: links, newFounding: fields.foundedOn, on: tx) {
                    throw InvalidInput([.init(field: "foundedOn", message: problem)])
                }
            }
            let open = links.last { $0.validTo == nil }
            let before = UnitAuditSnapshot(unit, parentID: open?.parentID, parentSince: open?.validFrom)
            Self.apply(fields, to: unit)
            try await unit.save(on: tx)
            if foundingMoves, let first = links.first {
                // The first place in the tree starts when the unit does.
                first.validFrom = fields.foundedOn
                try await first.save(on: tx)
                try await TreeIndex.rebuild(on: tx)
            }
            let after = UnitAuditSnapshot(unit, parentID: open?.parentID, parentSince: open?.validFrom)
            try await Audit.record(on: tx, by: actor, .update, .unit, id: id, unit: id,
                                   summary: "Cập nhật thông tin \(unit.name) (\(unit.code))", before: before, after: after)
            return unit
        }
    }

    /// Why the founding date cannot move to `newFounding`, or nil. Everything already dated in
    /// the unit (its later places, its children, its members and posts) must stay on or after it,
    /// and its first parent must already exist then.
    static func foundingConflict(_ unit: OrgUnit, links: [UnitParentLink], newFounding: LocalDate, on db: any Database) async throws -> String? {
        if let dissolved = unit.dissolvedOn, newFounding >= dissolved {
            return "Ngày thành lập phải trước ngày giải thể (\(VietnameseFormat.date(dissolved)))."
        }
        if let firstEnd = links.first?.validTo, newFounding >= firstEnd {
            return "Ngày thành lập phải trước ngày đơn vị chuyển sang đơn vị cấp trên khác (\(VietnameseFormat.date(firstEnd)))."
        }
        if let parentID = links.first?.parentID, let parent = try await OrgUnit.find(parentID, on: db),
           !parent.lifespan.exists(on: newFounding) {
            return "Đơn vị cấp trên \(parent.name) chưa thành lập hoặc đã giải thể vào ngày \(VietnameseFormat.date(newFounding))."
        }
        let id = unit.id!
        var earliest: [LocalDate] = []
        if let child = try await UnitParentLink.query(on: db).filter(\.$parentID == id).sort(\.$validFrom).first() { earliest.append(child.validFrom) }
        if let member = try await Membership.query(on: db).filter(\.$unitID == id).sort(\.$validFrom).first() { earliest.append(member.validFrom) }
        if let post = try await Position.query(on: db).filter(\.$unitID == id).sort(\.$validFrom).first() { earliest.append(post.validFrom) }
        if let first = earliest.min(), first < newFounding {
            return "Đơn vị đã có đơn vị trực thuộc, người sinh hoạt hoặc chức vụ từ ngày \(VietnameseFormat.date(first)), trước ngày thành lập mới."
        }
        return nil
    }

    // MARK: Validation

    /// Checks every field, collecting all messages so a form can show them together.
    func validate(_ input: Input, existingID: Int?, errors: inout [ValidationFailure]) async throws -> Fields? {
        let start = errors.count
        let code = VietnameseText.normalize(input.code ?? "").uppercased()
        if code.isEmpty {
            errors.append(.init(field: "code", message: "Mã đơn vị là bắt buộc."))
        } else if code.range(of: Self.codePattern, options: .regularExpression) == nil {
            errors.append(.init(field: "code", message: "Mã đơn vị chỉ gồm chữ in hoa không dấu, chữ Đ, chữ số và các dấu . _ - (tối đa 32 ký tự), bắt đầu bằng chữ hoặc số."))
        } else if let other = try await OrgUnit.query(on: db).filter(\.$code == code).first(), other.id != existingID {
            errors.append(.init(field: "code", message: "Mã đơn vị “\(code)” đã được dùng cho tổ chức đảng khác."))
        }
        let name = VietnameseText.normalize(input.name ?? "")
        if name.isEmpty {
            errors.append(.init(field: "name", message: "Tên đơn vị là bắt buộc."))
        } else if name.count > Self.nameMaxLength {
            errors.append(.init(field: "name", message: "Tên đơn vị dài tối đa \(Self.nameMaxLength) ký tự."))
        }
        let kindCode = VietnameseText.normalize(input.kindCode ?? "")
        if kindCode.isEmpty {
            errors.append(.init(field: "kindCode", message: "Loại tổ chức đảng là bắt buộc."))
        } else if try await UnitKind.query(on: db).filter(\.$code == kindCode).first() == nil {
            errors.append(.init(field: "kindCode", message: "Loại tổ chức đảng “\(kindCode)” không có trong danh mục."))
        }
        let attachment = UnitAttachment(rawValue: VietnameseText.normalize(input.attachment ?? ""))
        if attachment == nil {
            errors.append(.init(field: "attachment", message: "Loại hình đơn vị là bắt buộc; chọn một trong: "
                + UnitAttachment.allCases.map(\.label).joined(separator: ", ") + "."))
        }
        let founded = Self.date(input.foundedOn, field: "foundedOn", label: "Ngày thành lập", errors: &errors)
        let note = VietnameseText.normalize(input.note ?? "")
        if note.count > Self.noteMaxLength {
            errors.append(.init(field: "note", message: "Ghi chú dài tối đa \(Self.noteMaxLength) ký tự."))
        }
        guard errors.count == start, let attachment, let founded else { return nil }
        return Fields(code: code, name: name, kindCode: kindCode, attachment: attachment, foundedOn: founded, note: note)
    }

    /// A required date, in any form `LocalDate.parse` accepts.
    static func date(_ raw: String?, field: String, label: String, errors: inout [ValidationFailure]) -> LocalDate? {
        let text = VietnameseText.normalize(raw ?? "")
        if text.isEmpty {
            errors.append(.init(field: field, message: "\(label) là bắt buộc."))
            return nil
        }
        guard let day = LocalDate.parse(text) else {
            errors.append(.init(field: field, message: "\(label) không hợp lệ: nhập ngày/tháng/năm (ví dụ 18/5/2021) hoặc năm-tháng-ngày (2021-05-18)."))
            return nil
        }
        return day
    }

    /// Why this account may not create a unit without a parent; nil for an administrator.
    var topLevelRefusal: String? {
        access.isAdmin ? nil : "Đơn vị cấp trên là bắt buộc: chỉ quản trị hệ thống được tạo tổ chức đảng cấp cao nhất."
    }

    /// Why `parent` cannot take a unit founded on `founded`; nil when it can.
    static func parentRefusal(_ parent: OrgUnit, founded: LocalDate) -> String? {
        parent.lifespan.exists(on: founded) && parent.dissolvedOn == nil ? nil
            : "Đơn vị cấp trên \(parent.name) (\(parent.code)) chưa thành lập vào ngày thành lập đã nhập hoặc đã giải thể."
    }

    static func apply(_ fields: Fields, to unit: OrgUnit) {
        unit.code = fields.code
        unit.name = fields.name
        unit.nameFolded = VietnameseText.fold(fields.name)
        unit.kindCode = fields.kindCode
        unit.attachment = fields.attachment
        unit.foundedOn = fields.foundedOn
        unit.note = fields.note
    }

    // MARK: Targets

    /// Which other unit a change points at: the parent (create, move) or the successor (merge).
    enum TargetRole: Sendable {
        case parent, successor

        var idField: String { self == .parent ? "parentId" : "successorId" }
        var codeField: String { self == .parent ? "parentCode" : "successorCode" }
    }

    /// The target of a change, which the account must be allowed to restructure as well.
    /// By id (a select, the API) a unit outside the scope answers 404 like any record. By code
    /// (typed), an unknown code and one outside the scope get the same message, so typing codes
    /// does not reveal what exists elsewhere.
    func resolveTarget(id: Int?, code: String?, role: TargetRole, errors: inout [ValidationFailure]) async throws -> OrgUnit? {
        let typed = VietnameseText.normalize(code ?? "").uppercased()
        if !typed.isEmpty {
            guard let unit = try await OrgUnit.query(on: db).filter(\.$code == typed).first(),
                  try await access.canSee(unit: unit.id!)
            else {
                errors.append(.init(field: role.codeField, message: "Không tìm thấy tổ chức đảng có mã “\(typed)” trong phạm vi của bạn."))
                return nil
            }
            try await access.requireRestructure(unit: unit.id!)
            return unit
        }
        guard let id else { return nil }
        try await access.requireRestructure(unit: id)
        guard let unit = try await OrgUnit.find(id, on: db) else { throw Abort(.notFound) }
        return unit
    }
}

