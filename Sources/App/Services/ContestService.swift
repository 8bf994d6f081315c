import Domain
import Fluent
import Vapor

/// A contest form or API body, as entered.
struct ContestInput: Sendable {
    var unitCode: String?
    var year: String?
    var title: String?
    var rounds: String?
    var note: String?
}

struct ContestSnapshot: Codable, Sendable {
    let unitID: Int
    let year: Int
    let title: String
    let rounds: String
    let note: String

    init(_ c: Contest) {
        unitID = c.unitID
        year = c.year
        title = c.title
        rounds = c.rounds
        note = c.note
    }
}

/// Writing contests (IV.2). A contest is read in the organiser's subtree and from below it (units
/// below take part in contests organised above); its entries are read by the organiser's
/// subtree and by the submitting unit's.
enum ContestService {
    static let titleLimit = 500
    static let textLimit = 5000

    static func create(_ input: ContestInput, access: Access) async throws -> Contest {
        try TopicService.requireWriter(access)
        let contest = Contest()
        try await validated(input, access: access).apply(to: contest)
        try await access.db.transaction { tx in
            try await contest.create(on: tx)
            try await Audit.record(
                on: tx, by: access.user, .create, .contest, id: contest.id, unit: contest.unitID,
                summary: "Thêm cuộc thi “\(contest.title)”", after: ContestSnapshot(contest))
        }
        return contest
    }

    static func update(_ contest: Contest, with input: ContestInput, access: Access) async throws {
        try TopicService.requireWriter(access)
        try await access.requireWrite(unit: contest.unitID)
        let before = ContestSnapshot(contest)
        let values = try await validated(input, access: access)
        // Entries come from the organiser's subtree; moving the contest elsewhere would strand them.
        if values.unitID != contest.unitID, try await ContestEntry.query(on: access.db).filter(\.$contestID == contest.id!).count() > 0 {
            throw InvalidInput([ValidationFailure(field: "unit", message: "Đơn vị tổ chức: không đổi được khi cuộc thi đã có bài dự thi.")])
        }
        values.apply(to: contest)
        try await access.db.transaction { tx in
            try await contest.update(on: tx)
            try await Audit.record(
                on: tx, by: access.user, .update, .contest, id: contest.id, unit: contest.unitID,
                summary: "Sửa cuộc thi “\(contest.title)”", before: before, after: ContestSnapshot(contest))
        }
    }

    /// A contest organised in the account's subtree or above it; 404 otherwise.
    static func readable(_ id: Int?, access: Access) async throws -> Contest {
        try YearRecordFields.requireLister(access)
        guard let id, let contest = try await Contest.find(id, on: access.db),
              try await access.canSeeFromAbove(unit: contest.unitID)
        else { throw Abort(.notFound) }
        return contest
    }

    /// A contest the account organises: 404 outside its subtree, 403 when read-only.
    static func writable(_ id: Int?, access: Access) async throws -> Contest {
        guard let id, let contest = try await Contest.find(id, on: access.db) else { throw Abort(.notFound) }
        try await access.requireWrite(unit: contest.unitID)
        return contest
    }

    private struct Values {
        let unitID: Int
        let year: Int
        let title: String
        let rounds: String
        let note: String

        func apply(to c: Contest) {
            c.unitID = unitID
            c.year = year
            c.title = title
            c.titleFolded = VietnameseText.fold(title)
            c.rounds = rounds
            c.note = note
        }
    }

    private static func validated(_ input: ContestInput, access: Access) async throws -> Values {
        var problems = InvalidInput()
        let unit = try await YearRecordFields.writableUnit(input.unitCode, label: "Đơn vị tổ chức", access: access, &problems)
        let year = YearRecordFields.year(input.year, &problems)
        let title = YearRecordFields.text(input.title, field: "title", label: "Tên cuộc thi", limit: titleLimit, required: true, &problems)
        // Lines are kept (one round a line); each is normalised on its own.
        let rounds = (input.rounds ?? "").split(whereSeparator: \.isNewline)
            .map { VietnameseText.normalize(String($0)) }.filter { !$0.isEmpty }.joined(separator: "\n")
        if rounds.count > textLimit { problems.add("rounds", "Các vòng thi: dài quá \(VietnameseFormat.number(textLimit)) ký tự.") }
        let note = YearRecordFields.text(input.note, field: "note", label: "Ghi chú", limit: textLimit, required: false, &problems)
        try problems.check()
        return Values(unitID: unit!.id!, year: year!, title: title, rounds: rounds, note: note)
    }
}
