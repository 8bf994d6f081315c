import Domain
import Fluent
import Vapor

extension CellMeetingService {
    struct Values {
        let unitID: Int
        let kind: CellMeetingKind
        let heldOn: LocalDate
        let durationMinutes: Int
        let present: Int
        let absentExcused: Int
        let absentUnexcused: Int
        let includedContent: Bool
        let contentNote: String
        let topicID: Int?
        let opinionsRaised: Int
        let summary: String

        func apply(to m: CellMeeting) {
            m.unitID = unitID
            m.kind = kind
            m.heldOn = heldOn
            m.regularMonth = kind == .regular ? CellMeeting.monthKey(heldOn) : nil
            m.durationMinutes = durationMinutes
            m.present = present
            m.absentExcused = absentExcused
            m.absentUnexcused = absentUnexcused
            m.includedProgrammeContent = includedContent
            m.contentNote = contentNote
            m.topicID = topicID
            m.opinionsRaised = opinionsRaised
            m.summary = summary
        }
    }

    static func validated(_ input: CellMeetingInput, for existing: CellMeeting?, access: Access) async throws -> Values {
        let db = access.db
        var problems = InvalidInput()

        let cell = try await resolveCell(input.unitCode, access: access, &problems)

        let kind = CellMeetingKind(rawValue: input.kind ?? "")
        if kind == nil { problems.add("kind", "Loại sinh hoạt: chưa chọn (thường kỳ hoặc chuyên đề).") }

        let heldOn = ProgrammeService.requiredDate(input.heldOn, "heldOn", "Ngày sinh hoạt", &problems)
        if let heldOn {
            if heldOn > .today() {
                problems.add("heldOn", "Ngày sinh hoạt: không được sau ngày hôm nay.")
            } else if let cell, heldOn < cell.foundedOn {
                problems.add("heldOn", "Ngày sinh hoạt: \(cell.name) thành lập ngày \(VietnameseFormat.date(cell.foundedOn)), sau ngày này.")
            } else if let cell, let end = cell.dissolvedOn, heldOn >= end {
                problems.add("heldOn", "Ngày sinh hoạt: \(cell.name) không còn tồn tại từ ngày \(VietnameseFormat.date(end)).")
            } else if let cell, kind == .regular {
                var query = CellMeeting.query(on: db)
                    .filter(\.$unitID == cell.id!).filter(\.$regularMonth == CellMeeting.monthKey(heldOn))
                if let id = existing?.id { query = query.filter(\.$id != id) }
                if let other = try await query.first() {
                    problems.add("heldOn", duplicateMessage(other.heldOn, cellName: cell.name))
                }
            }
        }

        let duration = count(input.durationMinutes, "durationMinutes", "Thời lượng (phút)", range: durationRange, &problems)
        let present = count(input.present, "present", "Số đảng viên có mặt", range: 0...countLimit, &problems)
        let excused = count(input.absentExcused, "absentExcused", "Số vắng có lý do", range: 0...countLimit, &problems)
        let unexcused = count(input.absentUnexcused, "absentUnexcused", "Số vắng không lý do", range: 0...countLimit, &problems)

        let note = VietnameseText.normalize(input.contentNote ?? "")
        if input.includedProgrammeContent && note.isEmpty {
            problems.add("contentNote", "Nội dung học tập và làm theo Bác: chưa nhập nội dung đã đưa vào sinh hoạt.")
        } else if note.count > noteLimit {
            problems.add("contentNote", "Nội dung học tập và làm theo Bác: dài quá \(noteLimit) ký tự.")
        }

        var topicID: Int?
        let topicText = VietnameseText.normalize(input.topicID ?? "")
        if !topicText.isEmpty {
            if kind == .regular {
                problems.add("topicId", "Chuyên đề: chỉ ghi cho sinh hoạt chuyên đề.")
            } else if let id = Int(topicText), let topic = try await Topic.find(id, on: db),
                      try await access.canSeeFromAbove(unit: topic.unitID) {
                topicID = id
            } else {
                problems.add("topicId", "Chuyên đề: không tồn tại hoặc không thuộc cấp trên của bạn.")
            }
        }

        var opinions = 0
        let opinionsText = VietnameseText.normalize(input.opinionsRaised ?? "")
        if !opinionsText.isEmpty {
            if let value = count(opinionsText, "opinionsRaised", "Số ý kiến phát biểu", range: 0...countLimit, &problems) {
                if kind == .regular && value > 0 {
                    problems.add("opinionsRaised", "Số ý kiến phát biểu: chỉ ghi cho sinh hoạt chuyên đề.")
                } else {
                    opinions = value
                }
            }
        }

        let summary = VietnameseText.normalize(input.summary ?? "")
        if summary.count > summaryLimit { problems.add("summary", "Tóm tắt: dài quá \(summaryLimit) ký tự.") }

        try problems.check()
        return Values(
            unitID: cell!.id!, kind: kind!, heldOn: heldOn!, durationMinutes: duration!, present: present!,
            absentExcused: excused!, absentUnexcused: unexcused!, includedContent: input.includedProgrammeContent,
            contentNote: note, topicID: topicID, opinionsRaised: opinions, summary: summary)
    }

    /// A whole number in `range`, or a message naming the field.
    private static func count(_ text: String?, _ field: String, _ label: String, range: ClosedRange<Int>, _ problems: inout InvalidInput) -> Int? {
        let value = VietnameseText.normalize(text ?? "")
        guard !value.isEmpty else {
            problems.add(field, "\(label): chưa nhập.")
            return nil
        }
        guard let n = Int(value) else {
            problems.add(field, "\(label): phải là một số nguyên.")
            return nil
        }
        guard range.contains(n) else {
            problems.add(field, "\(label): phải từ \(VietnameseFormat.number(range.lowerBound)) đến \(VietnameseFormat.number(range.upperBound)).")
            return nil
        }
        return n
    }

    /// The cell by code: a chi bộ in the account's subtree, which it may write. A code outside the
    /// subtree gets the same message as an unknown one, so codes cannot be probed.
    private static func resolveCell(_ code: String?, access: Access, _ problems: inout InvalidInput) async throws -> OrgUnit? {
        let code = VietnameseText.normalize(code ?? "")
        guard !code.isEmpty else {
            problems.add("unit", "Chi bộ: chưa nhập mã chi bộ.")
            return nil
        }
        guard let unit = try await OrgUnit.query(on: access.db).filter(\.$code == code).first(),
              try await access.canSee(unit: unit.id!)
        else {
            problems.add("unit", "Chi bộ: không tìm thấy tổ chức đảng có mã “\(code)” trong phạm vi của bạn.")
            return nil
        }
        try await access.requireWrite(unit: unit.id!)
        guard try await isCell(unit, on: access.db) else {
            problems.add("unit", "Chi bộ: “\(unit.name)” không phải là chi bộ; sinh hoạt chi bộ chỉ ghi cho chi bộ.")
            return nil
        }
        return unit
    }

    static func isCell(_ unit: OrgUnit, on db: any Database) async throws -> Bool {
        try await UnitKind.query(on: db).filter(\.$code == unit.kindCode).first()?.isCell ?? false
    }
}
