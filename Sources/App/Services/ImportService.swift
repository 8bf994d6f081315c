import Domain
import Fluent
import Spreadsheets
import Vapor

/// Imports from a CSV or XLSX file: a dry run that checks every row with the rules of the
/// forms and writes nothing, then, on confirmation, every row in one transaction or none.
/// The file waits between the two in `pending_imports`.
enum ImportService {
    static let maxBytes = 10 * 1_048_576
    /// How long a previewed file may be confirmed.
    static let lifetime: TimeInterval = 24 * 3600
    /// The sheet limits of DESIGN.md's imports: 10 MB and 100.000 rows a file.
    static let limits = SpreadsheetLimits(maxBytes: maxBytes, maxRows: 100_000)

    /// Checks `upload` as `kind`; when every row passes, keeps the file for confirmation and
    /// returns its id beside the preview. A file refused with header cells no column took is kept
    /// too, so the person can map them (`remap`) without uploading it again.
    static func preview(_ upload: ImportUpload, kind: ImportKind, params: ImportParams, access: Access)
        async throws -> (ImportPreview, pendingID: Int?, unrecognised: [String]) {
        try TopicService.requireWriter(access)
        let sha256 = SHA256.hash(data: upload.data).hex
        let preview = try await check(upload, sha256: sha256, kind: kind, params: params, access: access)
        let unrecognised = upload.headers.unrecognised
        guard keeps(preview, unrecognised: unrecognised) else { return (preview, nil, unrecognised) }
        try await PendingImport.query(on: access.db).filter(\.$createdAt < Date().addingTimeInterval(-lifetime)).delete()
        let pending = PendingImport(upload, kind: kind, params: params, sha256: sha256, userID: access.user.id)
        try await pending.create(on: access.db)
        return (preview, pending.id, unrecognised)
    }

    /// Checks a kept file again with the columns the person mapped, keeping the mapping for the
    /// confirmation; the file is let go when it can be neither confirmed nor mapped further.
    static func remap(_ pending: PendingImport, mapping: [String: String], access: Access)
        async throws -> (ImportPreview, pendingID: Int?, unrecognised: [String]) {
        try TopicService.requireWriter(access)
        guard let kind = ImportKind(rawValue: pending.kind) else { throw Abort(.notFound) }
        var params = ImportParams(json: pending.params)
        params.mapping = mapping.filter { !$0.value.isEmpty }
        let upload = ImportUpload(filename: pending.filename, data: pending.data)
        let preview = try await check(upload, sha256: pending.sha256, kind: kind, params: params, access: access)
        let unrecognised = upload.headers.unrecognised
        guard keeps(preview, unrecognised: unrecognised) || (!preview.isValid && !params.mapping.isEmpty) else {
            try await pending.delete(on: access.db)
            return (preview, nil, unrecognised)
        }
        pending.params = params.json
        try await pending.save(on: access.db)
        return (preview, pending.id, unrecognised)
    }

    /// A file worth keeping: it can be confirmed, or it was refused with headers left to map.
    private static func keeps(_ preview: ImportPreview, unrecognised: [String]) -> Bool {
        preview.isValid ? preview.counts.changes > 0 : !unrecognised.isEmpty
    }

    /// A file previewed by this account in the last 24 hours; 404 for anyone else's.
    static func pending(_ id: Int?, access: Access) async throws -> PendingImport {
        guard let id, let pending = try await PendingImport.query(on: access.db)
            .filter(\.$id == id).filter(\.$userID == access.user.id).first()
        else { throw Abort(.notFound) }
        guard let created = pending.createdAt, created > Date().addingTimeInterval(-lifetime) else {
            throw Abort(.notFound, reason: "Bản xem trước này đã quá 24 giờ; hãy tải tệp lên lại.")
        }
        return pending
    }

    /// Checks the file again and writes it, all in one transaction with its audit entries;
    /// throws `ImportRejected` (nothing written) when a row fails, now or while writing.
    static func confirm(_ pending: PendingImport, access: Access, run: ImportRun = ImportRun()) async throws -> (ImportPreview, ImportParams) {
        try TopicService.requireWriter(access)
        guard let kind = ImportKind(rawValue: pending.kind) else { throw Abort(.notFound) }
        let params = ImportParams(json: pending.params)
        let upload = ImportUpload(filename: pending.filename, data: pending.data, run: run, mapping: try params.headerMapping(kind))
        let user = access.user
        let preview = try await access.db.transaction { tx in
            let access = Access(user: user, db: tx)
            let preview: ImportPreview
            let unit: Int?
            let sha256 = pending.sha256
            switch kind {
            case .cellMeetings:
                preview = try await written(CellMeetingImport.plan(upload, sha256: sha256, access: access)) {
                    try await CellMeetingImport.write($0, access: access)
                }
                unit = access.scopeRoot
            case .attendance:
                let session = try await StudySessionService.readable(params.sessionID, access: access)
                preview = try await written(AttendanceImport.plan(upload, sha256: sha256, session: session, access: access)) {
                    try await AttendanceImport.write($0, session: session, access: access)
                }
                unit = try await access.canSee(unit: session.unitID) ? session.unitID : access.scopeRoot
            case .people:
                preview = try await written(PeopleImport.plan(upload, sha256: sha256, access: access)) {
                    try await PeopleImport.write($0, access: access)
                }
                unit = access.scopeRoot
            case .units:
                preview = try await written(UnitImport.plan(upload, sha256: sha256, access: access)) {
                    try await UnitImport.write($0, access: access)
                }
                unit = access.scopeRoot
            case .commendations:
                preview = try await written(CommendationImport.plan(upload, sha256: sha256, access: access)) {
                    try await CommendationImport.write($0, access: access)
                }
                unit = access.scopeRoot
            case .gradings:
                preview = try await written(GradingImport.plan(upload, sha256: sha256, access: access)) {
                    try await GradingImport.write($0, access: access)
                }
                unit = access.scopeRoot
            }
            let counts = preview.counts
            try await Audit.record(
                on: tx, by: user, .importData, .dataImport, id: pending.id, unit: unit,
                summary: "Nhập \(kind.label.lowercased()) từ tệp “\(pending.filename)”: \(counts.text)",
                after: ImportAuditRecord(
                    kind: kind.rawValue, filename: pending.filename, sha256: pending.sha256, rows: preview.rowCount,
                    created: counts.created, updated: counts.updated, skipped: counts.skipped, sessionID: params.sessionID))
            // A pending never saved is the command line's file, checked and written the same way.
            if pending.id != nil { try await pending.delete(on: tx) }
            return preview
        }
        return (preview, params)
    }

    /// Writes a plan whose every row passed; a plan with a failed row is rejected, nothing written.
    private static func written<Plan: ImportPlan>(_ plan: Plan, write: (Plan) async throws -> Void) async throws -> ImportPreview {
        guard plan.preview.isValid else { throw ImportRejected(preview: plan.preview) }
        try await write(plan)
        return plan.preview
    }

    /// The dry run: what the file would do, or why it cannot be read or written.
    static func check(_ upload: ImportUpload, sha256: String, kind: ImportKind, params: ImportParams, access: Access) async throws -> ImportPreview {
        var upload = upload
        upload.mapping = try params.headerMapping(kind)
        do {
            return try await plannedPreview(upload, sha256: sha256, kind: kind, params: params, access: access)
        } catch let rejected as ImportRejected {
            return rejected.preview
        }
    }

    private static func plannedPreview(_ upload: ImportUpload, sha256: String, kind: ImportKind, params: ImportParams, access: Access) async throws -> ImportPreview {
        switch kind {
        case .cellMeetings:
            return try await CellMeetingImport.plan(upload, sha256: sha256, access: access).preview
        case .attendance:
            let session = try await StudySessionService.readable(params.sessionID, access: access)
            return try await AttendanceImport.plan(upload, sha256: sha256, session: session, access: access).preview
        case .people:
            return try await PeopleImport.plan(upload, sha256: sha256, access: access).preview
        case .units:
            return try await UnitImport.plan(upload, sha256: sha256, access: access).preview
        case .commendations:
            return try await CommendationImport.plan(upload, sha256: sha256, access: access).preview
        case .gradings:
            return try await GradingImport.plan(upload, sha256: sha256, access: access).preview
        }
    }

    /// How every kind's plan starts: the file's data rows under their header, and the preview
    /// to fill (saying which columns were converted from a legacy encoding, for CSV and XLSX
    /// alike). Throws `ImportRejected`, with the preview of why, when the file cannot be read.
    /// The header cells no column took (mapping included) are noted on the upload.
    static func open(_ upload: ImportUpload, sha256: String, kind: ImportKind) throws -> (table: Table, preview: ImportPreview) {
        var sheet: Sheet?
        do {
            let read = try SpreadsheetReader.read(upload.data, filename: upload.filename, limits: upload.run.limits)
            sheet = read
            let table = try HeaderMatcher.table(read, columns: kind.columns, mapping: upload.mapping)
            upload.headers.unrecognised = table.unrecognised
            upload.run.progress?.start(total: table.rows.count)
            var preview = ImportPreview(kind: kind, filename: upload.filename, sha256: sha256, rowCount: table.rows.count)
            preview.conversions = table.conversions
            return (table, preview)
        } catch {
            if let sheet { upload.headers.unrecognised = HeaderMatcher.unrecognisedHeaders(sheet, columns: kind.columns, mapping: upload.mapping) }
            let reason = (error as? SpreadsheetError)?.description ?? "Không đọc được tệp."
            throw ImportRejected(preview: ImportPreview(
                kind: kind, filename: upload.filename, sha256: sha256, problems: [ImportProblem(row: nil, reason: reason)]))
        }
    }

    /// A row that the database refused while writing: everything is rolled back, and the
    /// preview names the row.
    static func writeFailure(_ preview: ImportPreview, row: Int?, _ error: any Error) -> ImportRejected {
        var failed = preview
        failed.dropLines()
        if let invalid = error as? InvalidInput {
            failed.problems = invalid.failures.map { ImportProblem(row: row, reason: ImportProblem.reason(fromMessage: $0.message)) }
        } else {
            Logger(label: "lamtheobac.import").error("import of \(preview.filename) failed at row \(row.map(String.init) ?? "?"): \(String(reflecting: error))")
            failed.problems = [ImportProblem(row: row, reason: "Không ghi được dòng này vào cơ sở dữ liệu; không dòng nào của tệp được ghi. Hãy thử lại sau.")]
        }
        return ImportRejected(preview: failed)
    }
}

/// A kind's checked file: its preview, and what would be written.
protocol ImportPlan: Sendable {
    var preview: ImportPreview { get }
}

extension CellMeetingImport.Plan: ImportPlan {}
extension AttendanceImport.Plan: ImportPlan {}
extension PeopleImport.Plan: ImportPlan {}
extension UnitImport.Plan: ImportPlan {}
extension CommendationImport.Plan: ImportPlan {}
extension GradingImport.Plan: ImportPlan {}
