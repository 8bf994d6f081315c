import Domain
import Fluent
import Vapor

/// The forms that change a unit's place in the tree: move, merge, dissolve.
extension UnitController {
    /// What the restructure forms post. Ids come from a select as text ("" when none is chosen).
    struct RestructureForm: Content {
        var parentId: String?
        var parentCode: String?
        var successorId: String?
        var successorCode: String?
        var effectiveOn: String?

        var values: UnitRestructureView.Values {
            .init(targetID: Int(parentId ?? successorId ?? ""), targetCode: parentCode ?? successorCode ?? "",
                  effectiveOn: effectiveOn ?? "")
        }
    }

    // MARK: Move

    func moveForm(req: Request) async throws -> HTMLPage {
        try await restructurePage(req, .move, values: .init(), errors: FormErrors())
    }

    func move(req: Request) async throws -> Response {
        let form = try req.content.decode(RestructureForm.self)
        let input = UnitService.MoveInput(parentID: Int(form.parentId ?? ""), parentCode: form.parentCode, effectiveOn: form.effectiveOn)
        return try await save(req, .move, form) { service, id in
            let unit = try await service.move(id, input)
            return "Đã chuyển \(unit.name) sang đơn vị cấp trên mới."
        }
    }

    // MARK: Merge

    func mergeForm(req: Request) async throws -> HTMLPage {
        try await restructurePage(req, .merge, values: .init(), errors: FormErrors())
    }

    func merge(req: Request) async throws -> Response {
        let form = try req.content.decode(RestructureForm.self)
        let input = UnitService.MergeInput(successorID: Int(form.successorId ?? ""), successorCode: form.successorCode, effectiveOn: form.effectiveOn)
        return try await save(req, .merge, form) { service, id in
            let unit = try await service.merge(id, input)
            return "Đã sáp nhập \(unit.name) vào đơn vị tiếp nhận."
        }
    }

    // MARK: Dissolve

    func dissolveForm(req: Request) async throws -> HTMLPage {
        try await restructurePage(req, .dissolve, values: .init(), errors: FormErrors())
    }

    func dissolve(req: Request) async throws -> Response {
        let form = try req.content.decode(RestructureForm.self)
        return try await save(req, .dissolve, form) { service, id in
            let unit = try await service.dissolve(id, .init(effectiveOn: form.effectiveOn))
            return "Đã giải thể \(unit.name)."
        }
    }

    // MARK: Shared

    /// Runs a change; on success goes to the unit's page, on invalid input shows the form again.
    private func save(
        _ req: Request, _ kind: UnitRestructureView.Kind, _ form: RestructureForm,
        _ change: (UnitService, Int) async throws -> String
    ) async throws -> Response {
        let service = try UnitService(req)
        let id = try Self.id(req)
        do {
            let message = try await change(service, id)
            return req.redirect(to: .unit(id), flash: message)
        } catch let invalid as InvalidInput {
            return try await restructurePage(req, kind, values: form.values, errors: invalid.formErrors, status: .unprocessableEntity)
                .encodeResponse(for: req)
        }
    }

    private func restructurePage(
        _ req: Request, _ kind: UnitRestructureView.Kind, values: UnitRestructureView.Values, errors: FormErrors,
        status: HTTPStatus = .ok
    ) async throws -> HTMLPage {
        let service = try UnitService(req)
        let id = try Self.id(req)
        try await service.access.requireRestructure(unit: id)
        let detail = try await service.detail(id)
        let held = try await service.holdings(of: id)
        let choices = kind == .dissolve ? [] : try await service.targetChoices(excludingSubtreeOf: id)
        let chrome = req.chrome(kind.title(detail.ref.name), section: .units)
        let context = UnitRestructureView.Context(
            kind: kind, unit: detail.ref, currentParent: detail.currentParent, dissolvedOn: detail.dissolvedOn,
            childCount: held.childLinks.count, memberCount: held.memberships.count, positionCount: held.positions.count,
            choices: choices)
        return HTMLPage(chrome, UnitRestructureView.render(context, values: values, errors: errors, csrf: chrome.csrf), status: status)
    }
}
