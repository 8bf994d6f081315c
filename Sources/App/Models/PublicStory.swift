import Domain
import Fluent
import Foundation

/// What a public story tells about.
enum PublicStoryKind: String, Codable, CaseIterable, Sendable {
    case exemplar = "dien_hinh"
    case practiceModel = "mo_hinh"

    var label: String { self == .exemplar ? "Điển hình tiên tiến" : "Mô hình hay" }
}

/// A story of an exemplar or a good-practice model that an officer chose to publish on the
/// public page (/guong-sang) and its Atom feed. Only the title, summary and body written for
/// the public are shown there; nothing is read from the person's record.
final class PublicStory: Model, @unchecked Sendable {
    static let schema = "public_stories"

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    // references
    /// The unit that publishes it (its scope, and the public page's unit filter).
    @Field(key: "unit_id") var unitID: Int
    @Field(key: "kind") var kind: PublicStoryKind
    @OptionalField(key: "exemplar_id") var exemplarID: Int?
    @OptionalField(key: "practice_model_id") var practiceModelID: Int?

    // data
    @Field(key: "year") var year: Int
    @Field(key: "title") var title: String
    @Field(key: "summary") var summary: String
    @Field(key: "body") var body: String
    @Field(key: "is_published") var isPublished: Bool
    /// First publication; the feed's `published`. `updated_at` is its `updated`.
    @OptionalField(key: "published_at") var publishedAt: Date?

    init() {}
}
