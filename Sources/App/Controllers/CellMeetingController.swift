import Domain
import Fluent
import Vapor

/// Chi bộ meetings: the compliance grid, a cell's meetings, and the forms. Read and written in the
/// account's subtree; a cell secretary sees their one cell.
struct CellMeetingController: RouteCollection {
    static let perPage = 50

    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.cellMeetings.pattern, use: list)
        routes.get(SiteURL.cellMeetingNew.pattern, use: newForm)
        routes.post(SiteURL.cellMeetingNew.pattern, use: create)
        routes.get(SiteURL.cellMeeting(nil).pattern, use: show)
        routes.get(SiteURL.cellMeetingEdit(nil).pattern, use: editForm)
        routes.post(SiteURL.cellMeetingEdit(nil).pattern, use: update)
    }

    /// The form's fields, named as in the API.
    struct MeetingForm: Content {
        var unit: String?
        var kind: String?
        var heldOn: String?
        var durationMinutes: String?
        var present: String?
        var absentExcused: String?
        var absentUnexcused: String?
        var includedProgrammeContent: String?
        var contentNote: String?
        var topicId: String?
        var opinionsRaised: String?
        var summary: String?

        var input: CellMeetingInput {
            CellMeetingInput(
                unitCode: unit, kind: kind, heldOn: heldOn, durationMinutes: durationMinutes, present: present,
                absentExcused: absentExcused, absentUnexcused: absentUnexcused,
                includedProgrammeContent: !(includedProgrammeContent ?? "").isEmpty,
                contentNote: contentNote, topicID: topicId, opinionsRaised: opinionsRaised, summary: summary)
        }
    }

    func list(req: Request) async throws -> HTMLPage {
        let access = try req.access
        try CellMeetingService.requireLister(access)
        let p = try req.query.decode(UnitYearPageQuery.self)
        let query = CellMeetingListQuery(unit: p.donVi ?? "", year: p.nam ?? "")
        let year = ListYear.from(query.year)
        let page = PageNumber.from(p.trang)
        let result = try await CellMeetingService.compliance(
            unitCode: query.unit, year: year, offset: (page - 1) * Self.perPage, limit: Self.perPage, access: access)
        var cellCode: String?
        var lines: [CellMeetingLine] = []
        if let root = result.root, try await CellMeetingService.isCell(root, on: req.db) {
            cellCode = root.code
            let meetings = try await CellMeetingService.search(
                CellMeetingFilter(unitCode: root.code, year: year), offset: 0, limit: 200, access: access)
            lines = Self.lines(meetings)
        }
        let model = CellMeetingPageModel(
            query: query, year: year, rows: result.rows, total: result.total, page: page, perPage: Self.perPage,
            unknownUnit: result.unknownUnit, rootName: result.root?.name, cellCode: cellCode, meetings: lines,
            canCreate: access.user.role.writesUnitRecords)
        return HTMLPage(req.chrome("Sinh hoạt chi bộ", section: nil), CellMeetingListView.render(model))
    }

    func show(req: Request) async throws -> HTMLPage {
        let access = try req.access
        let meeting = try await CellMeetingService.readable(req.parameters.get("id", as: Int.self), access: access)
        let unit = try await OrgUnit.find(meeting.unitID, on: req.db)
        var topic: Topic?
        if let id = meeting.topicID { topic = try await Topic.find(id, on: req.db) }
        let facts = CellMeetingFacts(
            id: meeting.id!, kind: meeting.kind, heldOn: meeting.heldOn, unitID: meeting.unitID,
            unitCode: unit?.code ?? "", unitName: unit?.name ?? "", durationMinutes: meeting.durationMinutes,
            present: meeting.present, absentExcused: meeting.absentExcused, absentUnexcused: meeting.absentUnexcused,
            includedContent: meeting.includedProgrammeContent, contentNote: meeting.contentNote, topicTitle: topic?.title,
            opinionsRaised: meeting.opinionsRaised, summary: meeting.summary)
        let view = CellMeetingDetailView.render(facts, canEdit: access.user.role.writesUnitRecords)
        return HTMLPage(req.chrome("\(meeting.kind.label) ngày \(VietnameseFormat.date(meeting.heldOn))"), view)
    }

    func newForm(req: Request) async throws -> HTMLPage {
        let access = try req.access
        try TopicService.requireWriter(access)
        var values = CellMeetingInput()
        values.unitCode = try? req.query.get(String.self, at: "don-vi")
        if values.unitCode?.isEmpty ?? true, let root = access.scopeRoot {
            values.unitCode = try await OrgUnit.find(root, on: req.db)?.code
        }
        let kind = (try? req.query.get(String.self, at: "loai")).flatMap(CellMeetingKind.init(rawValue:)) ?? .regular
        values.kind = kind.rawValue
        values.heldOn = LocalDate.today().iso
        values.durationMinutes = kind == .regular ? "90" : "120"
        return try await page(req, id: nil, values: values, errors: FormErrors())
    }

    func create(req: Request) async throws -> Response {
        let access = try req.access
        try TopicService.requireWriter(access)
        let form = try req.content.decode(MeetingForm.self)
        do {
            let meeting = try await CellMeetingService.create(form.input, access: access)
            return req.redirect(to: .cellMeeting(meeting.id), flash: "Đã ghi \(meeting.kind.label.lowercased()) ngày \(VietnameseFormat.date(meeting.heldOn)).")
        } catch let problems as InvalidInput {
            return try await page(req, id: nil, values: form.input, errors: problems.formErrors, status: .unprocessableEntity)
                .encodeResponse(for: req)
        }
    }

    func editForm(req: Request) async throws -> HTMLPage {
        let access = try req.access
        let m = try await CellMeetingService.writable(req.parameters.get("id", as: Int.self), access: access)
        let unitCode = try await OrgUnit.find(m.unitID, on: req.db)?.code
        let values = CellMeetingInput(
            unitCode: unitCode, kind: m.kind.rawValue, heldOn: m.heldOn.iso, durationMinutes: String(m.durationMinutes),
            present: String(m.present), absentExcused: String(m.absentExcused), absentUnexcused: String(m.absentUnexcused),
            includedProgrammeContent: m.includedProgrammeContent, contentNote: m.contentNote, topicID: m.topicID.map(String.init),
            opinionsRaised: String(m.opinionsRaised), summary: m.summary)
        return try await page(req, id: m.id, values: values, errors: FormErrors())
    }

    func update(req: Request) async throws -> Response {
        let access = try req.access
        let meeting = try await CellMeetingService.writable(req.parameters.get("id", as: Int.self), access: access)
        let form = try req.content.decode(MeetingForm.self)
        do {
            try await CellMeetingService.update(meeting, with: form.input, access: access)
            return req.redirect(to: .cellMeeting(meeting.id), flash: "Đã lưu \(meeting.kind.label.lowercased()) ngày \(VietnameseFormat.date(meeting.heldOn)).")
        } catch let problems as InvalidInput {
            return try await page(req, id: meeting.id, values: form.input, errors: problems.formErrors, status: .unprocessableEntity)
                .encodeResponse(for: req)
        }
    }

    private func page(_ req: Request, id: Int?, values: CellMeetingInput, errors: FormErrors, status: HTTPStatus = .ok) async throws -> HTMLPage {
        let access = try req.access
        let topics = try await Topic.query(on: req.db).scoped(try await access.subtreeOrAboveFilter("unit_id"))
            .sort(\.$year, .descending).sort(\.$id).all()
        let options = topics.map { (value: String($0.id!), label: "\($0.yearsText): \($0.title)") }
        let chrome = req.chrome(id == nil ? "Ghi sinh hoạt chi bộ" : "Sửa sinh hoạt chi bộ")
        let view = CellMeetingFormView.render(id: id, values: values, topics: options, errors: errors, csrf: chrome.csrf)
        return HTMLPage(chrome, view, status: status)
    }

    static func lines(_ result: CellMeetingSearchResult) -> [CellMeetingLine] {
        result.meetings.map { m in
            CellMeetingLine(
                id: m.id!, kind: m.kind, heldOn: m.heldOn, unitName: result.units[m.unitID]?.name ?? "",
                present: m.present, absent: m.absentExcused + m.absentUnexcused, includedContent: m.includedProgrammeContent,
                opinionsRaised: m.opinionsRaised, topicTitle: m.topicID.flatMap { result.topics[$0]?.title })
        }
    }
}
