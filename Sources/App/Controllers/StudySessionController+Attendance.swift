import Domain
import Fluent
import Vapor

/// The attendance screen: one form for every expected member the account may mark.
extension StudySessionController {
    func attendance(req: Request) async throws -> HTMLPage {
        let access = try req.access
        let session = try await StudySessionService.readable(req.parameters.get("id", as: Int.self), access: access)
        return try await attendancePage(req, session, errors: FormErrors())
    }

    func saveAttendance(req: Request) async throws -> Response {
        let access = try req.access
        let session = try await StudySessionService.readable(req.parameters.get("id", as: Int.self), access: access)
        try TopicService.requireWriter(access)
        let fields = try req.content.decode([String: String].self)
        let marks: [AttendanceMark]
        if fields[StudySessionAttendanceView.allPresentField] != nil {
            marks = try await StudySessionService.visibleLines(session, access: access)
                .map { AttendanceMark(personID: $0.personID, status: AttendanceStatus.present.rawValue) }
        } else {
            marks = fields.compactMap { key, value in
                guard key.hasPrefix("s-"), let id = Int(key.dropFirst(2)) else { return nil }
                return AttendanceMark(personID: id, status: value)
            }.sorted { ($0.personID ?? 0) < ($1.personID ?? 0) }
        }
        do {
            let changed = try await StudySessionService.mark(session, marks, access: access)
            return req.redirect(to: .studySession(session.id),
                                flash: "Đã lưu điểm danh (\(VietnameseFormat.number(changed)) người thay đổi).")
        } catch let problems as InvalidInput {
            return try await attendancePage(req, session, errors: problems.formErrors, status: .unprocessableEntity)
                .encodeResponse(for: req)
        }
    }

    private func attendancePage(_ req: Request, _ session: StudySession, errors: FormErrors, status: HTTPStatus = .ok) async throws -> HTMLPage {
        let access = try req.access
        let lines = try await StudySessionService.visibleLines(session, access: access)
        let unitIDs = Array(Set(lines.map(\.unitID)))
        let units = unitIDs.isEmpty ? [] : try await OrgUnit.query(on: req.db).filter(\.$id ~~ unitIDs).sort(\.$code).all()
        let byUnit = Dictionary(grouping: lines, by: \.unitID)
        let groups = units.map { (unitName: $0.name, lines: byUnit[$0.id!] ?? []) }
        let chrome = req.chrome("Điểm danh: \(session.title)")
        let view = StudySessionAttendanceView.render(
            id: session.id!, title: session.title, heldOn: session.heldOn, groups: groups,
            editable: access.user.role.writesUnitRecords, errors: errors, csrf: chrome.csrf)
        return HTMLPage(chrome, view, status: status)
    }
}
