import Domain
import Fluent
import Vapor

extension ReviewService {
    /// The programme, unit, kind and period a new review is for; every problem named by field.
    static func validated(_ start: ReviewStart, access: Access) async throws -> (Programme, OrgUnit, ReviewKind, IndicatorPeriod) {
        var problems = InvalidInput()
        let programme = try await programme(start.programmeID, &problems, on: access.db)
        let unit = try await UnitLookup.resolve(start.unitCode, label: "Tổ chức đảng", access: access, &problems)
        let kind = ReviewKind(rawValue: VietnameseText.normalize(start.kind ?? ""))
        if kind == nil { problems.add("kind", "Loại báo cáo: chưa chọn (báo cáo năm, sơ kết 3 năm, tổng kết 5 năm hoặc 10 năm).") }
        let from = ProgrammeService.requiredDate(start.from, "from", "Từ ngày", &problems)
        let to = ProgrammeService.requiredDate(start.to, "to", "Đến ngày", &problems)
        var period: IndicatorPeriod?
        if let from, let to {
            do { period = try IndicatorPeriod(from: from, to: to) } catch { problems.add("to", InvalidInput.labelled("Đến ngày", error.message)) }
        }
        try problems.check()
        return (programme!, unit!, kind!, period!)
    }

    /// A programme by id; without one, the programme in force (the latest started).
    static func programme(_ text: String?, _ problems: inout InvalidInput, on db: any Database) async throws -> Programme? {
        let raw = VietnameseText.normalize(text ?? "")
        if raw.isEmpty {
            if let current = try await Programme.query(on: db).sort(\.$startsOn, .descending).first() { return current }
        } else if let id = Int(raw), let found = try await Programme.find(id, on: db) {
            return found
        }
        problems.add("programme", "Chương trình: chưa chọn hoặc không có trong danh sách.")
        return nil
    }

    struct EditValues {
        let edit: ReviewEdit
        let issuedOn: LocalDate?

        func apply(to r: Review) {
            func set(_ value: String?, _ key: ReferenceWritableKeyPath<Review, String>) {
                if let value { r[keyPath: key] = value }
            }
            set(edit.superiorBody, \.superiorBody)
            set(edit.issuingBody, \.issuingBody)
            set(edit.number, \.number)
            set(edit.place, \.place)
            set(edit.summary, \.summary)
            set(edit.signatureOnBehalf, \.signatureOnBehalf)
            set(edit.signatureTitle, \.signatureTitle)
            set(edit.signatureName, \.signatureName)
            set(edit.recipients, \.recipients)
            let keys: [ReferenceWritableKeyPath<Review, String>] = [\.part1, \.part2, \.part3, \.part4]
            for (value, key) in zip(edit.parts, keys) { set(value, key) }
            if let issuedOn { r.issuedOn = issuedOn }
        }
    }

    /// The edit normalised (NFC, line ends) and checked; a field left out keeps its value.
    static func validated(_ edit: ReviewEdit) throws -> EditValues {
        var problems = InvalidInput()
        var e = ReviewEdit()
        func line(_ value: String?, _ field: String, _ label: String, required: Bool = false) -> String? {
            guard let value else { return nil }
            let text = VietnameseText.normalize(value)
            if required && text.isEmpty { problems.add(field, "\(label): chưa nhập.") }
            if text.count > lineLimit { problems.add(field, "\(label): dài quá \(lineLimit) ký tự.") }
            return text
        }
        func block(_ value: String?, _ field: String, _ label: String, limit: Int) -> String? {
            guard let value else { return nil }
            let text = VietnameseText.normalize(value.replacingOccurrences(of: "\r\n", with: "\n"))
            if text.count > limit { problems.add(field, "\(label): dài quá \(VietnameseFormat.number(limit)) ký tự.") }
            return text
        }
        e.superiorBody = line(edit.superiorBody, "cap-tren", "Cơ quan cấp trên")
        e.issuingBody = line(edit.issuingBody, "co-quan", "Cơ quan ban hành", required: true)
        e.number = line(edit.number, "so", "Số văn bản", required: true)
        e.place = line(edit.place, "dia-danh", "Địa danh", required: true)
        e.summary = line(edit.summary, "trich-yeu", "Trích yếu", required: true)
        e.signatureOnBehalf = line(edit.signatureOnBehalf, "tm", "Thẩm quyền ký")
        e.signatureTitle = line(edit.signatureTitle, "chuc-vu", "Chức vụ người ký")
        e.signatureName = line(edit.signatureName, "nguoi-ky", "Người ký")
        e.recipients = block(edit.recipients, "noi-nhan", "Nơi nhận", limit: recipientsLimit)
        e.parts = edit.parts.enumerated().map { i, value in
            block(value, "phan-\(i + 1)", "Phần \(ReviewPart.titles[i].prefix { $0 != "." })", limit: partLimit)
        }
        var issuedOn: LocalDate?
        if edit.issuedOn != nil {
            issuedOn = ProgrammeService.requiredDate(edit.issuedOn, "ngay", "Ngày ban hành", &problems)
        }
        try problems.check()
        return EditValues(edit: e, issuedOn: issuedOn)
    }
}
