import Domain
import Fluent
import Vapor

/// Creating and editing a unit's own fields.
extension UnitController {
    /// The fields of the create and edit forms, as posted.
    struct UnitForm: Content {
        var code: String?
        var name: String?
        var kindCode: String?
        var attachment: String?
        var foundedOn: String?
        var note: String?
        var parentCode: String?

        var input: UnitService.Input {
            .init(code: code, name: name, kindCode: kindCode, attachment: attachment, foundedOn: foundedOn,
                  note: note, parentCode: parentCode)
        }

        var values: UnitFormView.Values {
            .init(code: code ?? "", name: name ?? "", kindCode: kindCode ?? "", attachment: attachment ?? "",
                  foundedOn: foundedOn ?? "", note: note ?? "", parentCode: parentCode ?? "")
        }
    }

    func newForm(req: Request) async throws -> HTMLPage {
        let service = try UnitService(req)
        try service.requireRestructuringRole()
        var values = UnitFormView.Values(attachment: UnitAttachment.agency.rawValue)
        if let parentID = try? req.query.get(Int.self, at: "cap-tren") {
            try await service.access.requireRestructure(unit: parentID)
            guard let parent = try await OrgUnit.find(parentID, on: req.db) else { throw Abort(.notFound) }
            values.parentCode = parent.code
        }
        return try await formPage(req, service, .create, values, FormErrors())
    }

    func create(req: Request) async throws -> Response {
        let service = try UnitService(req)
        let form = try req.content.decode(UnitForm.self)
        do {
            let unit = try await service.create(form.input)
            return req.redirect(to: .unit(unit.id!), flash: "Đã thêm tổ chức đảng \(unit.name).")
        } catch let invalid as InvalidInput {
            return try await formPage(req, service, .create, form.values, invalid.formErrors, status: .unprocessableEntity)
                .encodeResponse(for: req)
        }
    }

    func editForm(req: Request) async throws -> HTMLPage {
        let service = try UnitService(req)
        let id = try Self.id(req)
        try await service.access.requireRestructure(unit: id)
        guard let unit = try await OrgUnit.find(id, on: req.db) else { throw Abort(.notFound) }
        let values = UnitFormView.Values(code: unit.code, name: unit.name, kindCode: unit.kindCode,
                                         attachment: unit.attachment.rawValue, foundedOn: unit.foundedOn.iso, note: unit.note)
        return try await formPage(req, service, .edit(UnitRef(unit)), values, FormErrors())
    }

    func update(req: Request) async throws -> Response {
        let service = try UnitService(req)
        let id = try Self.id(req)
        try await service.access.requireRestructure(unit: id)
        guard let unit = try await OrgUnit.find(id, on: req.db) else { throw Abort(.notFound) }
        let form = try req.content.decode(UnitForm.self)
        do {
            let saved = try await service.update(id, form.input)
            return req.redirect(to: .unit(id), flash: "Đã lưu thông tin \(saved.name).")
        } catch let invalid as InvalidInput {
            return try await formPage(req, service, .edit(UnitRef(unit)), form.values, invalid.formErrors, status: .unprocessableEntity)
                .encodeResponse(for: req)
        }
    }

    private func formPage(
        _ req: Request, _ service: UnitService, _ mode: UnitFormView.Mode, _ values: UnitFormView.Values,
        _ errors: FormErrors, status: HTTPStatus = .ok
    ) async throws -> HTMLPage {
        let kinds = try await service.kinds().map { (value: $0.code, label: $0.name) }
        let title: String
        switch mode {
        case .create: title = "Thêm tổ chức đảng"
        case .edit(let unit): title = "Sửa thông tin \(unit.name)"
        }
        let chrome = req.chrome(title, section: .units)
        let view = UnitFormView.render(mode: mode, values: values, kinds: kinds, errors: errors, csrf: chrome.csrf,
                                       rootAllowed: service.access.isAdmin)
        return HTMLPage(chrome, view, status: status)
    }
}
