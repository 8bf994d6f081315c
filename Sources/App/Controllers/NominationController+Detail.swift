import Domain
import Fluent
import Vapor

/// A nomination's page and its steps (one POST with `action`; the decision's fields with it).
extension NominationController {
    func show(req: Request) async throws -> HTMLPage {
        let access = try req.access
        let nomination = try await NominationService.readable(req.parameters.get("id", as: Int.self), access: access)
        return try await detailPage(req, nomination, access: access)
    }

    func act(req: Request) async throws -> Response {
        let access = try req.access
        let nomination = try await NominationService.readable(req.parameters.get("id", as: Int.self), access: access)
        let fields = try req.content.decode([String: String].self)
        guard let action = NominationAction(rawValue: fields["action"] ?? "") else {
            throw Abort(.badRequest, reason: "Thao tác không hợp lệ: hãy chọn gửi, trả lại, chuyển lên hoặc quyết định.")
        }
        var decision: NominationDecision?
        if action == .decide {
            let candidates = try await NominationService.candidates(of: nomination, on: req.db)
            decision = NominationDecision(
                issuerID: Int(fields["issuerId"] ?? ""), decisionNumber: fields["decisionNumber"] ?? "",
                decidedOn: fields["decidedOn"] ?? "",
                verdicts: candidates.map { c in
                    .init(candidateID: c.id!, accepted: fields["accept-\(c.id!)"] != nil, formID: Int(fields["form-\(c.id!)"] ?? ""))
                })
        }
        do {
            try await NominationService.act(nomination, action, comment: fields["comment"] ?? "", decision: decision, access: access)
        } catch let problems as InvalidInput {
            return try await refused(req, nomination.id, access, fields, problems.formErrors, .unprocessableEntity)
        } catch let abort as Abort where abort.status == .conflict || abort.status == .forbidden {
            var errors = FormErrors()
            errors.add("action", abort.reason)
            return try await refused(req, nomination.id, access, fields, errors, abort.status)
        }
        return req.redirect(to: .nomination(nomination.id), flash: Self.done(action))
    }

    static func done(_ action: NominationAction) -> String {
        switch action {
        case .submit: "Đã gửi đề nghị lên cấp trên."
        case .returnForRevision: "Đã trả lại đề nghị cho đơn vị đề nghị."
        case .forward: "Đã đồng ý và chuyển đề nghị lên cấp trên."
        case .decide: "Đã ra quyết định; các khen thưởng đã vào sổ khen thưởng."
        }
    }

    /// The page again with the refusal, reading the nomination afresh (the failed step changed nothing).
    private func refused(
        _ req: Request, _ id: Int?, _ access: Access, _ fields: [String: String], _ errors: FormErrors, _ status: HTTPStatus
    ) async throws -> Response {
        let fresh = try await NominationService.readable(id, access: access)
        return try await detailPage(req, fresh, access: access, fields: fields, errors: errors, status: status).encodeResponse(for: req)
    }

    private func detailPage(
        _ req: Request, _ nomination: Nomination, access: Access, fields: [String: String] = [:], errors: FormErrors = FormErrors(),
        status: HTTPStatus = .ok
    ) async throws -> HTMLPage {
        guard let line = try await NominationService.lines([nomination], on: req.db).first else { throw Abort(.notFound) }
        let events = try await NominationService.events(of: nomination, on: req.db)
        let units = try await YearRecordFields.units(events.flatMap { [$0.fromUnitID, $0.toUnitID] }, on: req.db)
        var issuer: CommendationIssuer?
        if let id = nomination.issuerID { issuer = try await CommendationIssuer.find(id, on: req.db) }
        var model = NominationPageModel(
            line: line,
            papers: try await NominationService.papers(of: nomination, on: req.db),
            candidates: try await NominationService.candidates(of: nomination, on: req.db),
            steps: events.map { .init(event: $0, from: units[$0.fromUnitID]?.name ?? "", to: units[$0.toUnitID]?.name ?? "") },
            issuerName: issuer?.name,
            options: try await Self.options(on: req.db),
            actions: try await NominationService.allowedActions(nomination, access: access),
            canEdit: await NominationService.canEdit(nomination, access: access))
        model.fields = fields
        model.errors = errors
        let chrome = req.chrome(nomination.title, section: .records)
        return HTMLPage(chrome, NominationDetailView.render(model, csrf: chrome.csrf), status: status)
    }
}
