import Domain
import Fluent
import Vapor

extension PersonController {
    /// `GET /nguoi/:id/chuyen-sinh-hoat`.
    func transferForm(req: Request) async throws -> HTMLPage {
        let service = try PersonService(req)
        let person = try await service.writable(try Self.id(req))
        return try await transferPage(req, service, person, values: TransferFormValues(), errors: FormErrors())
    }

    func transfer(req: Request) async throws -> Response {
        let service = try PersonService(req)
        let id = try Self.id(req)
        let person = try await service.writable(id)
        let values = try req.content.decode(TransferFormValues.self)
        do {
            let moved = try await service.transfer(id, .init(
                unit: .code(values.unitCode), effectiveOn: values.effectiveOn, note: values.note))
            return req.redirect(to: .person(id), flash: "Đã chuyển sinh hoạt \(moved.fullName).")
        } catch {
            guard let errors = InvalidInput.formErrors(from: error) else { throw error }
            return try await transferPage(req, service, person, values: values, errors: errors)
                .encodeResponse(for: req)
        }
    }

    private func transferPage(
        _ req: Request, _ service: PersonService, _ person: Person, values: TransferFormValues, errors: FormErrors
    ) async throws -> HTMLPage {
        var current: PersonService.UnitChoice?
        if let unitID = person.currentUnitID {
            current = try await service.unitsByID([unitID])[unitID].map(PersonService.UnitChoice.init)
        }
        let open = try await service.openMembership(person.id!)
        let view = PersonTransferView.render(
            person: PersonSnapshot(person), currentUnit: current, openSince: open?.validFrom, values: values,
            errors: errors, units: try await service.unitChoices(), csrf: CSRF.token(for: req))
        return HTMLPage(req.chrome("Chuyển sinh hoạt", section: .people), view,
                        status: errors.isEmpty ? .ok : .unprocessableEntity)
    }

    /// `GET /nguoi/:id/chuc-vu`.
    func positionsPage(req: Request) async throws -> HTMLPage {
        let service = try PersonService(req)
        let person = try await service.writable(try Self.id(req))
        return try await positionsView(req, service, person, values: PositionFormValues(), errors: FormErrors())
    }

    /// Adds a position (`action=add`) or ends one (`action=end`, with `position` and `on`).
    func positions(req: Request) async throws -> Response {
        let service = try PersonService(req)
        let id = try Self.id(req)
        let person = try await service.writable(id)
        let values = try req.content.decode(PositionFormValues.self)
        do {
            if values.action == "end" {
                guard let positionID = values.position.flatMap({ Int($0) }) else { throw Abort(.notFound) }
                let position = try await service.endPosition(positionID, of: id, on: values.on)
                return req.redirect(to: .person(id), flash: "Đã kết thúc chức vụ \(position.title.label) của \(person.fullName).")
            }
            let position = try await service.addPosition(personID: id, .init(
                title: values.title, unit: .code(values.unitCode), from: values.from, to: values.to))
            return req.redirect(to: .person(id), flash: "Đã thêm chức vụ \(position.title.label) cho \(person.fullName).")
        } catch {
            guard let errors = InvalidInput.formErrors(from: error) else { throw error }
            return try await positionsView(req, service, person, values: values, errors: errors).encodeResponse(for: req)
        }
    }

    private func positionsView(
        _ req: Request, _ service: PersonService, _ person: Person, values: PositionFormValues, errors: FormErrors
    ) async throws -> HTMLPage {
        let detail = try await service.detail(person.id!)
        let view = PersonPositionsView.render(
            person: detail.person, positions: detail.positions, values: values, errors: errors,
            units: try await service.unitChoices(), csrf: CSRF.token(for: req))
        return HTMLPage(req.chrome("Chức vụ: \(person.fullName)", section: .people), view,
                        status: errors.isEmpty ? .ok : .unprocessableEntity)
    }
}
