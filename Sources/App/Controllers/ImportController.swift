import Domain
import Fluent
import Vapor

/// "Nhập từ tệp": upload, preview (a dry run), confirm. For the roles that write unit records.
struct ImportController: RouteCollection {
    /// The file's limit plus room for the multipart framing around it.
    static let bodyLimit = ImportService.maxBytes + 64 * 1024

    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.imports.pattern, use: hub)
        routes.get(SiteURL.cellMeetingImport.pattern, use: cellMeetingForm)
        routes.postUpload(SiteURL.cellMeetingImport.pattern, maxBytes: Self.bodyLimit, use: cellMeetingUpload)
        routes.get(SiteURL.cellMeetingImportTemplate.pattern) { try Self.template(.cellMeetings, req: $0) }
        routes.get(SiteURL.attendanceImportTemplate.pattern) { try Self.template(.attendance, req: $0) }
        routes.get(SiteURL.attendanceImport(nil).pattern, use: attendanceForm)
        routes.postUpload(SiteURL.attendanceImport(nil).pattern, maxBytes: Self.bodyLimit, use: attendanceUpload)
        routes.post(SiteURL.importConfirm(nil).pattern, use: confirm)
        // MARK: helper I: people import
        routes.get(SiteURL.peopleImport.pattern) { try await self.scopeForm(.people, req: $0) }
        routes.postUpload(SiteURL.peopleImport.pattern, maxBytes: Self.bodyLimit) { try await self.scopeUpload(.people, req: $0) }
        routes.get(SiteURL.peopleImportTemplate.pattern) { try Self.template(.people, req: $0) }
        // MARK: helper U: units and commendations import
        for kind in [ImportKind.units, .commendations] {
            routes.get(Self.uploadURL(kind).pattern) { try await self.scopeForm(kind, req: $0) }
            routes.postUpload(Self.uploadURL(kind).pattern, maxBytes: Self.bodyLimit) { try await self.scopeUpload(kind, req: $0) }
            routes.get(kind.templateURL.pattern) { try Self.template(kind, req: $0) }
        }
        // MARK: helper J: gradings import, column mapping
        routes.get(Self.uploadURL(.gradings).pattern) { try await self.scopeForm(.gradings, req: $0) }
        routes.postUpload(Self.uploadURL(.gradings).pattern, maxBytes: Self.bodyLimit) { try await self.scopeUpload(.gradings, req: $0) }
        routes.get(ImportKind.gradings.templateURL.pattern) { try Self.template(.gradings, req: $0) }
        routes.post(SiteURL.importMapping(nil).pattern, use: remap)
    }

    func hub(req: Request) async throws -> HTMLPage {
        try TopicService.requireWriter(try req.access)
        return HTMLPage(req.chrome("Nhập từ tệp", section: .records), ImportHubView.render())
    }

    func cellMeetingForm(req: Request) async throws -> HTMLPage {
        try await scopeForm(.cellMeetings, req: req)
    }

    func cellMeetingUpload(req: Request) async throws -> Response {
        try await scopeUpload(.cellMeetings, req: req)
    }

    /// The upload form of a kind whose rows name their units (any in the account's scope).
    func scopeForm(_ kind: ImportKind, req: Request) async throws -> HTMLPage {
        try TopicService.requireWriter(try req.access)
        return scopePage(kind, req, error: nil)
    }

    func scopeUpload(_ kind: ImportKind, req: Request) async throws -> Response {
        let access = try req.access
        try TopicService.requireWriter(access)
        guard let upload = Self.upload(req) else {
            return try await scopePage(kind, req, error: Self.noFile, status: .unprocessableEntity).encodeResponse(for: req)
        }
        let (preview, pendingID, unrecognised) = try await ImportService.preview(upload, kind: kind, params: ImportParams(), access: access)
        return try await previewPage(req, preview, pendingID: pendingID, unrecognised: unrecognised).encodeResponse(for: req)
    }

    func attendanceForm(req: Request) async throws -> HTMLPage {
        let (session, count) = try await markableSession(req)
        return attendancePage(req, session, markable: count, error: nil)
    }

    func attendanceUpload(req: Request) async throws -> Response {
        let (session, count) = try await markableSession(req)
        guard let upload = Self.upload(req) else {
            return try await attendancePage(req, session, markable: count, error: Self.noFile, status: .unprocessableEntity)
                .encodeResponse(for: req)
        }
        let (preview, pendingID, unrecognised) = try await ImportService.preview(
            upload, kind: .attendance, params: ImportParams(sessionID: session.id), access: try req.access)
        return try await previewPage(req, preview, pendingID: pendingID, sessionID: session.id, unrecognised: unrecognised)
            .encodeResponse(for: req)
    }

    func confirm(req: Request) async throws -> Response {
        let access = try req.access
        try TopicService.requireWriter(access)
        let pending = try await ImportService.pending(req.parameters.get("id", as: Int.self), access: access)
        let sessionID = ImportParams(json: pending.params).sessionID
        do {
            let (preview, params) = try await ImportService.confirm(pending, access: access)
            let target: SiteURL = switch preview.kind {
            case .attendance: .studySession(params.sessionID)
            case .cellMeetings: .cellMeetings
            case .people: .people
            case .units: .units
            case .commendations: .commendations
            case .gradings: .gradings
            }
            return req.redirect(to: target, flash: "Đã nhập tệp “\(preview.filename)”: \(preview.counts.text).")
        } catch let rejected as ImportRejected {
            return try await previewPage(req, rejected.preview, pendingID: nil, sessionID: sessionID, status: .unprocessableEntity)
                .encodeResponse(for: req)
        }
    }

    /// The preview's mapping form: each unrecognised header with the column chosen for it
    /// ("" = not used); the kept file is checked again with it.
    func remap(req: Request) async throws -> Response {
        let access = try req.access
        try TopicService.requireWriter(access)
        let pending = try await ImportService.pending(req.parameters.get("id", as: Int.self), access: access)
        let fields = try req.content.decode([String: String].self)
        var mapping: [String: String] = [:]
        for index in 0..<ImportPreviewView.mappingLimit {
            guard let header = fields[ImportPreviewView.headerField(index)] else { continue }
            mapping[header] = fields[ImportPreviewView.columnField(index)] ?? ""
        }
        let sessionID = ImportParams(json: pending.params).sessionID
        do {
            let (preview, pendingID, unrecognised) = try await ImportService.remap(pending, mapping: mapping, access: access)
            // the headers mapped so far stay in the form, so a second check may change them
            let mapped = mapping.filter { !$0.value.isEmpty }.keys.sorted()
            return try await previewPage(req, preview, pendingID: pendingID, sessionID: sessionID,
                                         unrecognised: mapped + unrecognised.filter { !mapped.contains($0) }, mapping: mapping)
                .encodeResponse(for: req)
        } catch let failure as ValidationFailure where failure.field == "mapping" {
            let kind = ImportKind(rawValue: pending.kind) ?? .people
            let unrecognised = Array(mapping.keys).sorted()
            var refused = ImportPreview(kind: kind, filename: pending.filename, sha256: pending.sha256)
            refused.problems = [ImportProblem(row: nil, reason: failure.message)]
            return try await previewPage(req, refused, pendingID: pending.id, sessionID: sessionID, unrecognised: unrecognised,
                                         mapping: mapping, status: .unprocessableEntity).encodeResponse(for: req)
        }
    }

    // MARK: pages

    private func scopePage(_ kind: ImportKind, _ req: Request, error: String?, status: HTTPStatus = .ok) -> HTMLPage {
        let title = "Nhập \(kind.label.lowercased()) từ tệp"
        let chrome = req.chrome(title, section: .records)
        let view = ImportUploadView.render(
            kind: kind, title: title, action: Self.uploadURL(kind).path,
            back: (SiteURL.imports.path, "Nhập từ tệp"), error: error, csrf: chrome.csrf)
        return HTMLPage(chrome, view, status: status)
    }

    private func attendancePage(_ req: Request, _ session: StudySession, markable: Int, error: String?, status: HTTPStatus = .ok) -> HTMLPage {
        let chrome = req.chrome("Nhập điểm danh từ tệp: \(session.title)", section: .records)
        let view = ImportUploadView.render(
            kind: .attendance, title: "Nhập điểm danh từ tệp", action: SiteURL.attendanceImport(session.id).path,
            back: (SiteURL.studySession(session.id).path, session.title),
            facts: [("Hội nghị", H.text(session.title)), ("Ngày tổ chức", H.text(VietnameseFormat.date(session.heldOn))),
                    ("Đảng viên bạn được điểm danh", H.text(VietnameseFormat.number(markable)))],
            error: error, csrf: chrome.csrf)
        return HTMLPage(chrome, view, status: status)
    }

    private func previewPage(_ req: Request, _ preview: ImportPreview, pendingID: Int?, sessionID: Int? = nil, unrecognised: [String] = [],
                             mapping: [String: String] = [:], status: HTTPStatus? = nil) -> HTMLPage {
        let chrome = req.chrome("Kiểm tra tệp: \(preview.kind.label)", section: .records)
        let upload: String
        let back: (href: String, label: String)
        switch preview.kind {
        case .cellMeetings, .people, .units, .commendations, .gradings:
            upload = Self.uploadURL(preview.kind).path
            back = (SiteURL.imports.path, "Nhập từ tệp")
        case .attendance:
            upload = SiteURL.attendanceImport(sessionID).path
            back = (SiteURL.studySession(sessionID).path, "Hội nghị học tập")
        }
        let remap = pendingID.flatMap { id in unrecognised.isEmpty ? nil : ImportPreviewView.Mapping(
            action: SiteURL.importMapping(id).path, headers: unrecognised, chosen: mapping) }
        let view = ImportPreviewView.render(
            preview, confirm: pendingID.map { SiteURL.importConfirm($0).path }, upload: upload, back: back, mapping: remap, csrf: chrome.csrf)
        return HTMLPage(chrome, view, status: status ?? (preview.isValid ? .ok : .unprocessableEntity))
    }

    // MARK: helpers

    /// A session the account reads (404 otherwise) and may mark (403 when read-only), with the
    /// number of its expected members the account marks.
    private func markableSession(_ req: Request) async throws -> (StudySession, Int) {
        let access = try req.access
        let session = try await StudySessionService.readable(req.parameters.get("id", as: Int.self), access: access)
        try TopicService.requireWriter(access)
        return (session, try await StudySessionService.visibleLines(session, access: access).count)
    }

    /// Where a kind's file is uploaded, for the kinds that need nothing but the file.
    static func uploadURL(_ kind: ImportKind) -> SiteURL {
        switch kind {
        case .people: .peopleImport
        case .units: .unitImport
        case .commendations: .commendationImport
        case .gradings: .gradingImport
        case .cellMeetings, .attendance: .cellMeetingImport
        }
    }

    private static let noFile = "Chưa chọn tệp: chọn một tệp Excel (.xlsx) hoặc CSV."

    private struct UploadForm: Content {
        var file: File?
    }

    /// The uploaded file; nil when none was chosen (or the form was not a file upload).
    private static func upload(_ req: Request) -> ImportUpload? {
        guard let file = (try? req.content.decode(UploadForm.self))?.file, file.data.readableBytes > 0 else { return nil }
        let name = VietnameseText.normalize(file.filename)
        return ImportUpload(filename: name.isEmpty ? "tệp không tên" : String(name.prefix(255)), data: Data(buffer: file.data))
    }

    private static func template(_ kind: ImportKind, req: Request) throws -> Response {
        try TopicService.requireWriter(try req.access)
        return FileDownload.response(kind.template, filename: kind.templateFilename, type: FileDownload.csv)
    }
}
