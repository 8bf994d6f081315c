import Domain
import Fluent
import SQLKit
import Vapor

extension ContestController {
    /// The entry form's fields: each author is a checkbox named `author-<person id>`, so a plain
    /// HTML form sends a group of authors without JavaScript.
    static func entryInput(_ req: Request) throws -> ContestEntryInput {
        let fields = try req.content.decode([String: String].self)
        let authors = fields.keys.filter { $0.hasPrefix("author-") }.map { String($0.dropFirst("author-".count)) }.sorted()
        return ContestEntryInput(
            unitCode: fields["unit"], title: fields["title"], authorIDs: authors, result: fields["result"],
            prize: fields["prize"], selected: fields["selected"] == "1")
    }

    func newEntryForm(req: Request) async throws -> HTMLPage {
        let access = try req.access
        let contest = try await ContestService.readable(req.parameters.get("id", as: Int.self), access: access)
        try TopicService.requireWriter(access)
        var values = ContestEntryInput()
        values.unitCode = try? req.query.get(String.self, at: "don-vi")
        if values.unitCode == nil, let root = access.scopeRoot,
           try await Access.isDescendant(root, of: contest.unitID, on: req.db) {
            values.unitCode = try await OrgUnit.find(root, on: req.db)?.code
        }
        return try await entryPage(req, contest: contest, entryID: nil, values: values, errors: FormErrors())
    }

    func createEntry(req: Request) async throws -> Response {
        let access = try req.access
        let contest = try await ContestService.readable(req.parameters.get("id", as: Int.self), access: access)
        try TopicService.requireWriter(access)
        let input = try Self.entryInput(req)
        do {
            let entry = try await ContestService.addEntry(to: contest, input, access: access)
            return req.redirect(to: .contest(contest.id), flash: "Đã thêm bài dự thi “\(entry.title)”.")
        } catch let problems as InvalidInput {
            return try await entryPage(req, contest: contest, entryID: nil, values: input, errors: problems.formErrors,
                                       status: .unprocessableEntity).encodeResponse(for: req)
        }
    }

    func editEntryForm(req: Request) async throws -> HTMLPage {
        let access = try req.access
        let (entry, contest) = try await ContestService.writableEntry(req.parameters.get("id", as: Int.self), access: access)
        let authors = try await ContestService.authorIDs(of: entry, on: req.db)
        var values = ContestEntryInput(
            unitCode: try await OrgUnit.find(entry.unitID, on: req.db)?.code, title: entry.title,
            authorIDs: authors.map(String.init), result: entry.result.rawValue, prize: entry.prize,
            selected: entry.selectedForHigherLevel)
        if let chosen = try? req.query.get(String.self, at: "don-vi") { values.unitCode = chosen }
        return try await entryPage(req, contest: contest, entryID: entry.id, values: values, errors: FormErrors())
    }

    func updateEntry(req: Request) async throws -> Response {
        let access = try req.access
        let (entry, contest) = try await ContestService.writableEntry(req.parameters.get("id", as: Int.self), access: access)
        let input = try Self.entryInput(req)
        do {
            try await ContestService.updateEntry(entry, with: input, access: access)
            return req.redirect(to: .contest(contest.id), flash: "Đã lưu bài dự thi “\(entry.title)”.")
        } catch let problems as InvalidInput {
            return try await entryPage(req, contest: contest, entryID: entry.id, values: input, errors: problems.formErrors,
                                       status: .unprocessableEntity).encodeResponse(for: req)
        }
    }

    private func entryPage(_ req: Request, contest: Contest, entryID: Int?, values: ContestEntryInput, errors: FormErrors,
                           status: HTTPStatus = .ok) async throws -> HTMLPage {
        let access = try req.access
        let units = try await Self.submittingUnits(contest: contest, access: access)
        let chosen = units.first { $0.code == VietnameseText.normalize(values.unitCode ?? "") }
        var people: [(value: String, label: String)] = []
        if let chosen {
            people = try await Self.members(of: chosen.id!, access: access)
        }
        // Authors already chosen stay listed (and checked) even when they are no longer members.
        let listed = Set(people.map(\.value))
        let missing = values.authorIDs.compactMap(Int.init).filter { !listed.contains(String($0)) }
        if !missing.isEmpty {
            let extra = try await Person.query(on: req.db).filter(\.$id ~~ missing).all()
            people += extra.map { (value: String($0.id!), label: $0.fullName) }
        }
        let chrome = req.chrome(entryID == nil ? "Thêm bài dự thi" : "Sửa bài dự thi")
        let view = ContestEntryFormView.render(
            contest: contest, entryID: entryID, values: values,
            units: units.map { (value: $0.code, label: $0.name) }, unitChosen: chosen != nil, people: people,
            errors: errors, csrf: chrome.csrf)
        return HTMLPage(chrome, view, status: status)
    }

    /// Units that may send an entry: in the account's subtree (writable) and at or below the organiser.
    static func submittingUnits(contest: Contest, access: Access) async throws -> [OrgUnit] {
        let query = OrgUnit.query(on: access.db)
            .filter(.sql(embed: Access.inSubtree(of: contest.unitID, column: "id")))
            .filter(\.$dissolvedOn == nil)
            .scoped(access.subtreeFilter("id"))
        return try await query.sort(\.$name).all()
    }

    /// Current members of the unit and the units below it, by name.
    static func members(of unitID: Int, access: Access) async throws -> [(value: String, label: String)] {
        let people = try await Person.query(on: access.db)
            .filter(.sql(embed: Access.inSubtree(of: unitID, column: "current_unit_id")))
            .sort(\.$sortKey).all()
        let units = try await YearRecordFields.units(people.compactMap(\.currentUnitID), on: access.db)
        return people.map { p in (value: String(p.id!), label: "\(p.fullName) — \(p.currentUnitID.flatMap { units[$0]?.name } ?? "")") }
    }
}
