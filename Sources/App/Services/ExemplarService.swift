import Domain
import Fluent
import Vapor

/// An exemplar form or API body, as entered.
struct ExemplarInput: Sendable {
    var unitCode: String?
    var year: String?
    var subject: String?
    /// The collective's unit code (tập thể).
    var subjectUnitCode: String?
    /// The person's id (cá nhân).
    var personID: String?
    var story: String?
    var recognisedOn: String?
    var recognisedBy: String?
}

/// What the audit log keeps of an exemplar.
struct ExemplarSnapshot: Codable, Sendable {
    let unitID: Int
    let year: Int
    let subject: String
    let subjectUnitID: Int?
    let personID: Int?
    let name: String
    let story: String
    let recognisedOn: String
    let recognisedBy: String

    init(_ e: Exemplar) {
        unitID = e.unitID
        year = e.year
        subject = e.subject.rawValue
        subjectUnitID = e.subjectUnitID
        personID = e.personID
        name = e.name
        story = e.story
        recognisedOn = e.recognisedOn.iso
        recognisedBy = e.recognisedBy
    }
}

/// Exemplary collectives and individuals (điển hình tiên tiến), recorded by the unit that
/// recognises them (III.4).
enum ExemplarService {
    static let storyLimit = 20000
    static let byLimit = 300

    static func create(_ input: ExemplarInput, access: Access) async throws -> Exemplar {
        try TopicService.requireWriter(access)
        let exemplar = Exemplar()
        try await validated(input, access: access).apply(to: exemplar)
        try await access.db.transaction { tx in
            try await exemplar.create(on: tx)
            try await Audit.record(
                on: tx, by: access.user, .create, .exemplar, id: exemplar.id, unit: exemplar.unitID,
                summary: "Thêm điển hình \(exemplar.name)", after: ExemplarSnapshot(exemplar))
        }
        return exemplar
    }

    static func update(_ exemplar: Exemplar, with input: ExemplarInput, access: Access) async throws {
        try TopicService.requireWriter(access)
        try await access.requireWrite(unit: exemplar.unitID)
        let before = ExemplarSnapshot(exemplar)
        try await validated(input, access: access).apply(to: exemplar)
        try await access.db.transaction { tx in
            try await exemplar.update(on: tx)
            try await Audit.record(
                on: tx, by: access.user, .update, .exemplar, id: exemplar.id, unit: exemplar.unitID,
                summary: "Sửa điển hình \(exemplar.name)", before: before, after: ExemplarSnapshot(exemplar))
        }
    }

    static func readable(_ id: Int?, access: Access) async throws -> Exemplar {
        guard let id, let exemplar = try await Exemplar.find(id, on: access.db) else { throw Abort(.notFound) }
        try await access.requireRead(unit: exemplar.unitID)
        return exemplar
    }

    static func writable(_ id: Int?, access: Access) async throws -> Exemplar {
        guard let id, let exemplar = try await Exemplar.find(id, on: access.db) else { throw Abort(.notFound) }
        try await access.requireWrite(unit: exemplar.unitID)
        return exemplar
    }

    private struct Values {
        let unitID: Int
        let year: Int
        let subject: ExemplarSubject
        let subjectUnitID: Int?
        let personID: Int?
        let name: String
        let story: String
        let recognisedOn: LocalDate
        let recognisedBy: String

        func apply(to e: Exemplar) {
            e.unitID = unitID
            e.year = year
            e.subject = subject
            e.subjectUnitID = subjectUnitID
            e.personID = personID
            e.name = name
            e.story = story
            e.recognisedOn = recognisedOn
            e.recognisedBy = recognisedBy
        }
    }

    private static func validated(_ input: ExemplarInput, access: Access) async throws -> Values {
        var problems = InvalidInput()
        let unit = try await YearRecordFields.writableUnit(input.unitCode, label: "Đơn vị ghi nhận", access: access, &problems)
        let year = YearRecordFields.year(input.year, &problems)
        let subject = ExemplarSubject(rawValue: input.subject ?? "")
        var subjectUnit: OrgUnit?
        var person: Person?
        switch subject {
        case nil:
            problems.add("subject", "Đối tượng: chưa chọn tập thể hay cá nhân.")
        case .collective:
            subjectUnit = try await YearRecordFields.readableUnit(
                input.subjectUnitCode, field: "subjectUnit", label: "Tập thể điển hình", access: access, &problems)
        case .individual:
            person = try await ScopedPersonPicker.person(input.personID, field: "personId", label: "Cá nhân điển hình", access: access, &problems)
        }
        let story = YearRecordFields.text(input.story, field: "story", label: "Câu chuyện, thành tích", limit: storyLimit, required: true, &problems)
        let recognisedOn = ProgrammeService.requiredDate(input.recognisedOn, "recognisedOn", "Ngày ghi nhận", &problems)
        if let recognisedOn, recognisedOn > .today() {
            problems.add("recognisedOn", "Ngày ghi nhận: không được sau ngày hôm nay.")
        }
        let recognisedBy = YearRecordFields.text(input.recognisedBy, field: "recognisedBy", label: "Cấp ghi nhận", limit: byLimit, required: true, &problems)
        try problems.check()
        return Values(
            unitID: unit!.id!, year: year!, subject: subject!, subjectUnitID: subjectUnit?.id, personID: person?.id,
            name: subjectUnit?.name ?? person?.fullName ?? "", story: story, recognisedOn: recognisedOn!, recognisedBy: recognisedBy)
    }
}

/// A person chosen by id: only people whose current unit is in the account's subtree. An id
/// outside it gets the same message as an unknown one.
enum ScopedPersonPicker {
    static func person(_ text: String?, field: String, label: String, access: Access, _ problems: inout InvalidInput) async throws -> Person? {
        let value = VietnameseText.normalize(text ?? "")
        guard !value.isEmpty else {
            problems.add(field, "\(label): chưa chọn người.")
            return nil
        }
        guard let id = Int(value), let person = try await Person.find(id, on: access.db),
              let unitID = person.currentUnitID, try await access.canSee(unit: unitID)
        else {
            problems.add(field, "\(label): không tìm thấy người có mã số “\(value)” trong phạm vi của bạn.")
            return nil
        }
        return person
    }
}
