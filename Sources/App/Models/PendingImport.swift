import Fluent
import Foundation

/// An uploaded file between its preview (dry run) and its confirmation: the bytes are kept
/// here, not in the session, so any app server can confirm it. Only its uploader may confirm
/// it; it is deleted on confirmation and ignored (then swept) after `ImportService.lifetime`.
final class PendingImport: Model, @unchecked Sendable {
    static let schema = "pending_imports"

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    // references
    @Field(key: "user_id") var userID: Int

    // data
    /// An `ImportKind` raw value.
    @Field(key: "kind") var kind: String
    /// `ImportParams` as JSON (the study session of an attendance list).
    @Field(key: "params") var params: String
    @Field(key: "filename") var filename: String
    /// Hex SHA-256 of `data`, shown in the preview and kept in the audit log.
    @Field(key: "sha256") var sha256: String
    @Field(key: "data") var data: Data

    init() {}

    /// A checked file waiting for its confirmation (the web), or checked and written at once
    /// (the command line, which never saves it).
    init(_ upload: ImportUpload, kind: ImportKind, params: ImportParams, sha256: String, userID: Int) {
        self.userID = userID
        self.kind = kind.rawValue
        self.params = params.json
        self.filename = upload.filename
        self.sha256 = sha256
        self.data = upload.data
    }
}
