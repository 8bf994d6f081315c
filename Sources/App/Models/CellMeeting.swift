import Domain
import Fluent
import Foundation

/// A chi bộ's meeting (sinh hoạt chi bộ): the monthly regular one or a thematic one.
final class CellMeeting: Model, @unchecked Sendable {
    static let schema = "cell_meetings"

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    // references
    /// The cell (a unit whose kind has `is_cell`).
    @Field(key: "unit_id") var unitID: Int
    /// For a thematic meeting: the topic studied, one the cell sees from above.
    @OptionalField(key: "topic_id") var topicID: Int?

    // data
    @Field(key: "kind") var kind: CellMeetingKind
    @Field(key: "held_on") var heldOn: LocalDate
    /// "2024-03" for a regular meeting, nil for a thematic one: a unique index on (unit_id,
    /// regular_month) keeps one regular meeting per cell and month even under concurrent saves
    /// (NULLs never collide, on SQLite nor PostgreSQL).
    @OptionalField(key: "regular_month") var regularMonth: String?
    @Field(key: "duration_minutes") var durationMinutes: Int
    @Field(key: "present") var present: Int
    @Field(key: "absent_excused") var absentExcused: Int
    @Field(key: "absent_unexcused") var absentUnexcused: Int
    @Field(key: "included_programme_content") var includedProgrammeContent: Bool
    @Field(key: "content_note") var contentNote: String
    /// Opinions raised in the discussion (thematic meetings; 0 for regular ones).
    @Field(key: "opinions_raised") var opinionsRaised: Int
    @Field(key: "summary") var summary: String

    init() {}

    static func monthKey(_ day: LocalDate) -> String { String(day.iso.prefix(7)) }
}
