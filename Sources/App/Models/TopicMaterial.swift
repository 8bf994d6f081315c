import Fluent
import Foundation

/// A study material (tài liệu học tập) attached to a topic: a file kept in the database with its
/// checksum, so the topic's readers download exactly what was uploaded.
final class TopicMaterial: Model, @unchecked Sendable {
    static let schema = "topic_materials"

    @ID(custom: .id, generatedBy: .database) var id: Int?
    /// Set by the service (not a `@Timestamp`), so the demo can give fixed dates.
    @Field(key: "created_at") var createdAt: Date

    // references
    @Field(key: "topic_id") var topicID: Int

    // data
    @Field(key: "title") var title: String
    /// The file's name as uploaded (NFC, without any folder), sent back on download.
    @Field(key: "filename") var filename: String
    /// Decided by the server from the file's type, never taken from the browser.
    @Field(key: "content_type") var contentType: String
    @Field(key: "size") var size: Int
    /// SHA-256 of `data`, lower-case hex.
    @Field(key: "sha256") var sha256: String
    @Field(key: "data") var data: Data
    /// Who uploaded it.
    @Field(key: "username") var username: String

    init() {}
}
