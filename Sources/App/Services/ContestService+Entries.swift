import Domain
import Fluent
import Vapor

/// An entry form or API body, as entered.
struct ContestEntryInput: Sendable {
    var unitCode: String?
    var title: String?
    var authorIDs: [String] = []
    var result: String?
    var prize: String?
    var selected: Bool = false
}

struct ContestEntrySnapshot: Codable, Sendable {
    let contestID: Int
    let unitID: Int
    let title: String
    let result: String
    let prize: String
    let selectedForHigherLevel: Bool
    let authorIDs: [Int]

    init(_ e: ContestEntry, authors: [Int]) {
        contestID = e.contestID
        unitID = e.unitID
        title = e.title
        result = e.result.rawValue
        prize = e.prize
        selectedForHigherLevel = e.selectedForHigherLevel
        authorIDs = authors
    }
}

extension ContestService {
    static let prizeLimit = 200

    static func addEntry(to contest: Contest, _ input: ContestEntryInput, access: Access) async throws -> ContestEntry {
        try TopicService.requireWriter(access)
        let entry = ContestEntry()
        entry.contestID = contest.id!
        let values = try await validated(input, contest: contest, existingAuthors: [], access: access)
        values.apply(to: entry)
        try await access.db.transaction { tx in
            try await entry.create(on: tx)
            try await values.authorIDs.map { ContestEntryAuthor(entryID: entry.id!, personID: $0) }.create(on: tx)
            try await Audit.record(
                on: tx, by: access.user, .create, .contestEntry, id: entry.id, unit: entry.unitID,
                summary: "Thêm bài dự thi “\(entry.title)”", after: ContestEntrySnapshot(entry, authors: values.authorIDs))
        }
        return entry
    }

    static func updateEntry(_ entry: ContestEntry, with input: ContestEntryInput, access: Access) async throws {
        try TopicService.requireWriter(access)
        guard let contest = try await Contest.find(entry.contestID, on: access.db) else { throw Abort(.notFound) }
        let authors = try await authorIDs(of: entry, on: access.db)
        let before = ContestEntrySnapshot(entry, authors: authors)
        let values = try await validated(input, contest: contest, existingAuthors: Set(authors), access: access)
        values.apply(to: entry)
        try await access.db.transaction { tx in
            try await entry.update(on: tx)
            try await ContestEntryAuthor.query(on: tx).filter(\.$entryID == entry.id!).delete()
            try await values.authorIDs.map { ContestEntryAuthor(entryID: entry.id!, personID: $0) }.create(on: tx)
            try await Audit.record(
                on: tx, by: access.user, .update, .contestEntry, id: entry.id, unit: entry.unitID,
                summary: "Sửa bài dự thi “\(entry.title)”", before: before, after: ContestEntrySnapshot(entry, authors: values.authorIDs))
        }
    }

    /// An entry the account may read: its unit is in the subtree, or the contest's organiser is.
    static func readableEntry(_ id: Int?, access: Access) async throws -> (ContestEntry, Contest) {
        guard let id, let entry = try await ContestEntry.find(id, on: access.db),
              let contest = try await Contest.find(entry.contestID, on: access.db)
        else { throw Abort(.notFound) }
        let canSeeUnit = try await access.canSee(unit: entry.unitID)
        let canSeeOrganiser = try await access.canSee(unit: contest.unitID)
        guard canSeeUnit || canSeeOrganiser else { throw Abort(.notFound) }
        return (entry, contest)
    }

    /// An entry the account may change (the submitting unit records it, the organiser marks it).
    static func writableEntry(_ id: Int?, access: Access) async throws -> (ContestEntry, Contest) {
        let found = try await readableEntry(id, access: access)
        try TopicService.requireWriter(access)
        return found
    }

    static func authorIDs(of entry: ContestEntry, on db: any Database) async throws -> [Int] {
        try await ContestEntryAuthor.query(on: db).filter(\.$entryID == entry.id!).sort(\.$id).all().map(\.personID)
    }

    private struct EntryValues {
        let unitID: Int
        let title: String
        let authorIDs: [Int]
        let result: ContestEntryResult
        let prize: String
        let selected: Bool

        func apply(to e: ContestEntry) {
            e.unitID = unitID
            e.title = title
            e.result = result
            e.prize = prize
            e.selectedForHigherLevel = selected
        }
    }

    private static func validated(_ input: ContestEntryInput, contest: Contest, existingAuthors: Set<Int>,
                                  access: Access) async throws -> EntryValues {
        var problems = InvalidInput()
        var unit = try await YearRecordFields.writableUnit(input.unitCode, label: "Đơn vị dự thi", access: access, &problems)
        if let u = unit, !(try await Access.isDescendant(u.id!, of: contest.unitID, on: access.db)) {
            problems.add("unit", "Đơn vị dự thi: phải là đơn vị tổ chức cuộc thi hoặc đơn vị cấp dưới.")
            unit = nil
        }
        let title = YearRecordFields.text(input.title, field: "title", label: "Tên bài dự thi", limit: titleLimit, required: true, &problems)

        var authors: [Int] = []
        var seen = Set<String>()
        let ids = input.authorIDs.map { VietnameseText.normalize($0) }.filter { !$0.isEmpty && seen.insert($0).inserted }
        if ids.isEmpty { problems.add("authors", "Tác giả: chọn ít nhất một người.") }
        for text in ids {
            // An author already on the entry stays even after a transfer out of the scope.
            if let id = Int(text), existingAuthors.contains(id) {
                authors.append(id)
                continue
            }
            guard let person = try await ScopedPersonPicker.person(text, field: "authors", label: "Tác giả", access: access, &problems) else { continue }
            // A new author must belong to the submitting unit or a unit below it.
            if let unit,
               !(try await Access.isDescendant(person.currentUnitID!, of: unit.id!, on: access.db)) {
                problems.add("authors", "Tác giả: \(person.fullName) không sinh hoạt ở \(unit.name) hoặc đơn vị cấp dưới.")
                continue
            }
            authors.append(person.id!)
        }

        let resultText = VietnameseText.normalize(input.result ?? "")
        let result = resultText.isEmpty ? .notMarked : ContestEntryResult(rawValue: resultText)
        if result == nil { problems.add("result", "Kết quả: không hợp lệ.") }
        var prize = YearRecordFields.text(input.prize, field: "prize", label: "Giải", limit: prizeLimit, required: false, &problems)
        if result == .awarded && prize.isEmpty {
            problems.add("prize", "Giải: chưa nhập (bắt buộc khi kết quả là Đạt giải).")
        }
        if result != .awarded { prize = "" }
        try problems.check()
        return EntryValues(unitID: unit!.id!, title: title, authorIDs: authors, result: result!, prize: prize, selected: input.selected)
    }
}
