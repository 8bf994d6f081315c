import Domain
import Fluent
import Vapor

/// Study sessions: read in the subtree and from the levels above (a cell attends the province's
/// conference), written by the roles that write unit records; attendance in StudySessionController+Attendance.
struct StudySessionController: RouteCollection {
    static let perPage = 50

    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.studySessions.pattern, use: list)
        routes.get(SiteURL.studySessionNew.pattern, use: newForm)
        routes.post(SiteURL.studySessionNew.pattern, use: create)
        routes.get(SiteURL.studySession(nil).pattern, use: show)
        routes.get(SiteURL.studySessionEdit(nil).pattern, use: editForm)
        routes.post(SiteURL.studySessionEdit(nil).pattern, use: update)
        routes.get(SiteURL.studySessionAttendance(nil).pattern, use: attendance)
        routes.post(SiteURL.studySessionAttendance(nil).pattern, use: saveAttendance)
    }

    /// The form's fields, named as in the API (expected units as one text of codes).
    struct SessionForm: Content {
        var unit: String?
        var topicId: String?
        var title: String?
        var heldOn: String?
        var format: String?
        var mode: String?
        var nonMemberCount: String?
        var note: String?
        var expectedUnits: String?

        var input: StudySessionInput {
            StudySessionInput(unitCode: unit, topicID: topicId, title: title, heldOn: heldOn, format: format, mode: mode,
                              nonMemberCount: nonMemberCount, note: note, expectedUnits: expectedUnits)
        }
    }

    struct ListParameters: Content {
        var donVi: String?
        var nam: String?
        var chuyenDe: String?
        var trang: String?

        enum CodingKeys: String, CodingKey {
            case nam, trang
            case donVi = "don-vi"
            case chuyenDe = "chuyen-de"
        }
    }

    func list(req: Request) async throws -> HTMLPage {
        let access = try req.access
        let p = try req.query.decode(ListParameters.self)
        let query = StudySessionListQuery(unit: p.donVi ?? "", year: p.nam ?? "", topic: p.chuyenDe ?? "")
        let filter = StudySessionFilter(
            unitCode: query.unit, year: Int(query.year.trimmingCharacters(in: .whitespaces)), topicID: Int(query.topic))
        let page = PageNumber.from(p.trang)
        let result = try await StudySessionService.search(filter, offset: (page - 1) * Self.perPage, limit: Self.perPage, access: access)
        let lines = result.sessions.map { s in
            StudySessionLine(id: s.id!, title: s.title, heldOn: s.heldOn, unitName: result.units[s.unitID]?.name ?? "",
                             topicTitle: s.topicID.flatMap { result.topics[$0]?.title }, format: s.format, mode: s.mode)
        }
        let view = StudySessionListView.render(
            query: query, lines: lines, total: result.total, page: page, perPage: Self.perPage,
            topics: try await Self.topicOptions(access), unknownUnit: result.unknownUnit,
            canCreate: access.user.role.writesUnitRecords)
        return HTMLPage(req.chrome("Hội nghị học tập"), view)
    }

    func show(req: Request) async throws -> HTMLPage {
        let access = try req.access
        let session = try await StudySessionService.readable(req.parameters.get("id", as: Int.self), access: access)
        let unit = try await OrgUnit.find(session.unitID, on: req.db)
        var topic: Topic?
        if let topicID = session.topicID { topic = try await Topic.find(topicID, on: req.db) }
        let expected = try await StudySessionService.expectedUnits(session.id!, on: req.db)
        let inSubtree = try await access.canSee(unit: session.unitID)
        let facts = StudySessionFacts(
            id: session.id!, title: session.title, heldOn: session.heldOn, unitName: unit?.name ?? "", unitID: session.unitID,
            topicTitle: topic?.title, format: session.format, mode: session.mode, nonMemberCount: session.nonMemberCount,
            note: session.note, expectedUnits: expected.map { ($0.code, $0.name) },
            counts: try await StudySessionService.counts(session, on: req.db))
        let writer = access.user.role.writesUnitRecords
        let view = StudySessionDetailView.render(facts, canEdit: inSubtree && writer, canMark: writer, linkUnit: inSubtree)
        return HTMLPage(req.chrome(session.title), view)
    }

    func newForm(req: Request) async throws -> HTMLPage {
        let access = try req.access
        try TopicService.requireWriter(access)
        var values = StudySessionInput()
        if let root = access.scopeRoot, let code = try await OrgUnit.find(root, on: req.db)?.code {
            values.unitCode = code
            values.expectedUnits = code
        }
        values.format = StudyFormat.inPerson.rawValue
        values.mode = StudyMode.plenary.rawValue
        return try await page(req, id: nil, values: values, errors: FormErrors())
    }

    func create(req: Request) async throws -> Response {
        let access = try req.access
        try TopicService.requireWriter(access)
        let form = try req.content.decode(SessionForm.self)
        do {
            let session = try await StudySessionService.create(form.input, access: access)
            return req.redirect(to: .studySession(session.id), flash: "Đã thêm hội nghị “\(session.title)”.")
        } catch let problems as InvalidInput {
            return try await page(req, id: nil, values: form.input, errors: problems.formErrors, status: .unprocessableEntity)
                .encodeResponse(for: req)
        }
    }

    func editForm(req: Request) async throws -> HTMLPage {
        let access = try req.access
        let session = try await StudySessionService.writable(req.parameters.get("id", as: Int.self), access: access)
        let unitCode = try await OrgUnit.find(session.unitID, on: req.db)?.code
        let expected = try await StudySessionService.expectedUnits(session.id!, on: req.db)
        let values = StudySessionInput(
            unitCode: unitCode, topicID: session.topicID.map(String.init), title: session.title, heldOn: session.heldOn.iso,
            format: session.format.rawValue, mode: session.mode.rawValue, nonMemberCount: String(session.nonMemberCount),
            note: session.note, expectedUnits: expected.map(\.code).joined(separator: ", "))
        return try await page(req, id: session.id, values: values, errors: FormErrors())
    }

    func update(req: Request) async throws -> Response {
        let access = try req.access
        let session = try await StudySessionService.writable(req.parameters.get("id", as: Int.self), access: access)
        let form = try req.content.decode(SessionForm.self)
        do {
            try await StudySessionService.update(session, with: form.input, access: access)
            return req.redirect(to: .studySession(session.id), flash: "Đã lưu hội nghị “\(session.title)”.")
        } catch let problems as InvalidInput {
            return try await page(req, id: session.id, values: form.input, errors: problems.formErrors, status: .unprocessableEntity)
                .encodeResponse(for: req)
        }
    }

    private func page(_ req: Request, id: Int?, values: StudySessionInput, errors: FormErrors, status: HTTPStatus = .ok) async throws -> HTMLPage {
        let chrome = req.chrome(id == nil ? "Thêm hội nghị học tập" : "Sửa hội nghị học tập")
        let view = StudySessionFormView.render(
            id: id, values: values, topics: try await Self.topicOptions(try req.access), errors: errors, csrf: chrome.csrf)
        return HTMLPage(chrome, view, status: status)
    }

    static func topicOptions(_ access: Access) async throws -> [(value: String, label: String)] {
        try await StudySessionService.topicChoices(access: access).map { topic in
            let label = topic.kind == .annual ? "Năm \(topic.year): \(topic.title)" : "Toàn khóa \(topic.year)–\(topic.endYear): \(topic.title)"
            return (value: String(topic.id!), label: label)
        }
    }
}
