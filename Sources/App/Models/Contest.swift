import Domain
import Fluent
import Foundation

/// The outcome of a contest entry.
enum ContestEntryResult: String, Codable, CaseIterable, Sendable {
    case notMarked = "chua_cham"
    case awarded = "dat_giai"
    case notAwarded = "khong_dat"

    var label: String {
        switch self {
        case .notMarked: "Chưa chấm"
        case .awarded: "Đạt giải"
        case .notAwarded: "Không đạt giải"
        }
    }
}

/// A writing contest (cuộc thi viết) organised by a unit; units below it send entries.
final class Contest: Model, @unchecked Sendable {
    static let schema = "contests"

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    /// The organising unit.
    @Field(key: "unit_id") var unitID: Int
    @Field(key: "year") var year: Int
    @Field(key: "title") var title: String
    @Field(key: "title_folded") var titleFolded: String
    /// One round a line, as the organiser writes it ("Vòng sơ khảo: 1/3–30/4/2023").
    @Field(key: "rounds") var rounds: String
    @Field(key: "note") var note: String

    init() {}

    var roundLines: [String] {
        rounds.split(whereSeparator: \.isNewline).map { VietnameseText.normalize(String($0)) }.filter { !$0.isEmpty }
    }
}

/// An entry (bài dự thi) a unit sends to a contest, by one author or a group.
final class ContestEntry: Model, @unchecked Sendable {
    static let schema = "contest_entries"

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Field(key: "contest_id") var contestID: Int
    /// The submitting unit.
    @Field(key: "unit_id") var unitID: Int
    @Field(key: "title") var title: String
    @Field(key: "result") var result: ContestEntryResult
    /// The prize won ("Giải Nhì"); empty unless awarded.
    @Field(key: "prize") var prize: String
    @Field(key: "selected_for_higher_level") var selectedForHigherLevel: Bool

    init() {}
}

/// One author of an entry.
final class ContestEntryAuthor: Model, @unchecked Sendable {
    static let schema = "contest_entry_authors"

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "entry_id") var entryID: Int
    @Field(key: "person_id") var personID: Int

    init() {}

    init(entryID: Int, personID: Int) {
        self.entryID = entryID
        self.personID = personID
    }
}
