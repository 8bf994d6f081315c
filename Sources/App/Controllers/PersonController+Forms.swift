import Domain
import Fluent
import Vapor

extension PersonController {
    /// `GET /nguoi/moi?don-vi=CODE`: the unit is filled in when coming from a unit's page.
    func createForm(req: Request) async throws -> HTMLPage {
        let service = try PersonService(req)
        guard service.writes else { throw Abort(.forbidden, reason: Access.readOnlyMessage) }
        let code = req.query[String.self, at: "don-vi"].map(VietnameseText.normalize)
        let values = PersonFormValues(unitCode: code, membershipFrom: LocalDate.today().iso)
        let view = PersonFormView.render(
            mode: .create, values: values, errors: FormErrors(), units: try await service.unitChoices(),
            csrf: CSRF.token(for: req))
        return HTMLPage(req.chrome(PersonFormView.title(.create), section: .people), view)
    }

    func create(req: Request) async throws -> Response {
        let service = try PersonService(req)
        let values = try req.content.decode(PersonFormValues.self)
        do {
            let person = try await service.create(
                values.input, unit: .code(values.unitCode), membershipFrom: values.membershipFrom)
            return req.redirect(to: .person(person.id), flash: "Đã thêm \(person.fullName).")
        } catch {
            let units = try await service.unitChoices()
            return try await Self.invalid(error, req: req, title: PersonFormView.title(.create)) { errors in
                PersonFormView.render(mode: .create, values: values, errors: errors, units: units, csrf: CSRF.token(for: req))
            }
        }
    }

    /// `GET /nguoi/:id/sua`.
    func editForm(req: Request) async throws -> HTMLPage {
        let service = try PersonService(req)
        let person = try await service.writable(try Self.id(req))
        let mode = PersonFormView.Mode.edit(id: person.id!, name: person.fullName)
        let view = PersonFormView.render(
            mode: mode, values: PersonFormValues(PersonSnapshot(person)), errors: FormErrors(), units: [],
            csrf: CSRF.token(for: req))
        return HTMLPage(req.chrome(PersonFormView.title(mode), section: .people), view)
    }

    func edit(req: Request) async throws -> Response {
        let service = try PersonService(req)
        let id = try Self.id(req)
        // Scope first: an out-of-scope id answers 404 before its input is looked at.
        let current = try await service.writable(id)
        let mode = PersonFormView.Mode.edit(id: id, name: current.fullName)
        let values = try req.content.decode(PersonFormValues.self)
        do {
            let person = try await service.update(id, values.input)
            return req.redirect(to: .person(id), flash: "Đã lưu thông tin \(person.fullName).")
        } catch {
            return try await Self.invalid(error, req: req, title: PersonFormView.title(mode)) { errors in
                PersonFormView.render(mode: mode, values: values, errors: errors, units: [], csrf: CSRF.token(for: req))
            }
        }
    }
}
