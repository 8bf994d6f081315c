import Domain
import Fluent
import Spreadsheets
import Vapor

/// Attendance of a study session from a file: each row names one of the session's expected
/// members whom the account may mark (`StudySessionService.visibleLines`), by name, narrowed by
/// birth date and cell when namesakes need it; the marks are saved by `StudySessionService.mark`,
/// the attendance screen's own save.
enum AttendanceImport {
    struct Plan: Sendable {
        var preview: ImportPreview
        var marks: [(row: Int, mark: AttendanceMark)] = []
    }

    static func plan(_ upload: ImportUpload, sha256: String, session: StudySession, access: Access) async throws -> Plan {
        let (table, preview) = try ImportService.open(upload, sha256: sha256, kind: .attendance)
        var plan = Plan(preview: preview)
        let people = try await Roster(session, access: access)
        var matched: [Int: Int] = [:]
        for row in table.rows {
            upload.rowChecked()
            let (read, problems) = AttendanceRows.line(table, row)
            guard let line = read else {
                plan.preview.problems += problems
                continue
            }
            let candidates = people.candidates(line)
            guard candidates.count == 1, let person = candidates.first else {
                let reason = candidates.isEmpty
                    ? "Không có trong danh sách đảng viên dự kiến tham dự hội nghị mà bạn được điểm danh"
                        + (line.birthDate != nil || !line.unitCode.isEmpty ? " (với ngày sinh, chi bộ đã ghi)." : ".")
                    : "Có \(candidates.count) đảng viên cùng họ tên trong danh sách; ghi thêm ngày sinh hoặc chi bộ để phân biệt."
                plan.preview.problems.append(ImportProblem(table, row, "fullName", reason))
                continue
            }
            if let first = matched[person.personID] {
                plan.preview.problems.append(ImportProblem(table, row, "fullName", "Cùng một người với dòng \(first)."))
                continue
            }
            matched[person.personID] = row.number
            let who = "\(person.fullName) (\(people.codes[person.unitID] ?? ""))"
            guard let status = line.status else {
                plan.preview.add(ImportLine(row: row.number, action: .skip, text: who, note: "Chưa ghi điểm danh, bỏ qua."))
                continue
            }
            let text = "\(who): \(status.label)"
            if person.status == status {
                plan.preview.add(ImportLine(row: row.number, action: .skip, text: text, note: "Đã có, bỏ qua."))
                continue
            }
            let note = person.status.map { "Trước đây: \($0.label.lowercased())." } ?? ""
            plan.preview.add(ImportLine(row: row.number, action: person.status == nil ? .create : .update, text: text, note: note))
            plan.marks.append((row.number, AttendanceMark(personID: person.personID, status: status.rawValue)))
        }
        return plan
    }

    /// Saves the marks inside the caller's transaction (the save's own audit entry with them).
    static func write(_ plan: Plan, session: StudySession, access: Access) async throws {
        guard !plan.marks.isEmpty else { return }
        do {
            try await StudySessionService.mark(session, plan.marks.map(\.mark), access: access)
        } catch {
            // The save names a refused mark "[index].personId".
            let index = (error as? InvalidInput)?.failures.first.flatMap { failure in
                Int(failure.field.dropFirst().prefix { $0.isNumber })
            }
            let row = index.flatMap { plan.marks.indices.contains($0) ? plan.marks[$0].row : nil }
            throw ImportService.writeFailure(plan.preview, row: row, error)
        }
    }

    /// The members the account may mark, indexed by folded name, with what tells namesakes apart.
    private struct Roster {
        let byName: [String: [AttendanceLine]]
        let births: [Int: LocalDate]
        let codes: [Int: String]

        init(_ session: StudySession, access: Access) async throws {
            let lines = try await StudySessionService.visibleLines(session, access: access)
            byName = Dictionary(grouping: lines) { VietnameseText.fold($0.fullName) }
            var births: [Int: LocalDate] = [:]
            for chunk in lines.map(\.personID).chunked(into: 500) {
                for person in try await Person.query(on: access.db).filter(\.$id ~~ Array(chunk)).all() {
                    births[person.id!] = person.birthDate
                }
            }
            self.births = births
            let unitIDs = Array(Set(lines.map(\.unitID)))
            var codes: [Int: String] = [:]
            for chunk in unitIDs.chunked(into: 500) {
                for unit in try await OrgUnit.query(on: access.db).filter(\.$id ~~ Array(chunk)).all() { codes[unit.id!] = unit.code }
            }
            self.codes = codes
        }

        /// Those the line may mean: same folded name, then the same birth date and cell when
        /// given; among namesakes, those written exactly so (with the same diacritics).
        func candidates(_ line: AttendanceRows.Line) -> [AttendanceLine] {
            var found = byName[VietnameseText.fold(line.name)] ?? []
            if let birth = line.birthDate { found = found.filter { births[$0.personID] == birth } }
            if !line.unitCode.isEmpty {
                let code = HeaderMatcher.fold(line.unitCode)
                found = found.filter { codes[$0.unitID].map(HeaderMatcher.fold) == code }
            }
            if found.count > 1 {
                let exact = found.filter { VietnameseText.normalize($0.fullName).lowercased() == line.name.lowercased() }
                if !exact.isEmpty { found = exact }
            }
            return found
        }
    }
}
