import Domain
import Fluent
import Vapor

extension CommendationService {
    struct Values {
        let unitID: Int
        let formID: Int
        let issuerID: Int
        let recipientKind: CommendationRecipient
        let recipientUnitID: Int?
        let personID: Int?
        let recipientName: String
        let period: CommendationPeriod
        let event: String
        let reason: String
        let decisionNumber: String
        let decidedOn: LocalDate

        func apply(to c: Commendation) {
            c.unitID = unitID
            c.formID = formID
            c.issuerID = issuerID
            c.recipientKind = recipientKind
            c.recipientUnitID = recipientUnitID
            c.personID = personID
            c.recipientName = recipientName
            c.fromYear = period.fromYear
            c.toYear = period.toYear
            c.event = event
            c.eventFolded = VietnameseText.fold(event)
            c.reason = reason
            c.decisionNumber = decisionNumber
            c.decidedOn = decidedOn
        }
    }

    static func validated(_ input: CommendationInput, access: Access) async throws -> Values {
        var problems = InvalidInput()
        let unit = try await YearRecordFields.writableUnit(input.unitCode, label: "Đơn vị ghi nhận", access: access, &problems)

        var form: CommendationForm?
        if let id = Int(input.formID ?? "") { form = try await CommendationForm.find(id, on: access.db) }
        if form == nil { problems.add("formId", "Hình thức khen thưởng: chưa chọn.") }

        let kind = CommendationRecipient(rawValue: input.recipientKind ?? "")
        var recipientUnit: OrgUnit?
        var person: Person?
        var name = ""
        switch kind {
        case nil:
            problems.add("recipientKind", "Đối tượng được khen: chưa chọn tập thể, cá nhân hay nhóm tác giả.")
        case .unit:
            recipientUnit = try await YearRecordFields.readableUnit(
                input.recipientUnitCode, field: "recipientUnit", label: "Tập thể được khen", access: access, &problems)
            name = recipientUnit?.name ?? ""
        case .person:
            person = try await ScopedPersonPicker.person(input.personID, field: "personId", label: "Cá nhân được khen", access: access, &problems)
            name = person?.fullName ?? ""
        case .collective, .authors:
            let label = kind == .authors ? "Tên các tác giả" : "Tên tập thể được khen"
            name = YearRecordFields.text(input.recipientName, field: "recipientName", label: label, limit: nameLimit, required: true, &problems)
        }

        let period = self.period(input, &problems)
        let event = YearRecordFields.text(input.event, field: "event", label: "Đợt khen thưởng", limit: eventLimit, required: false, &problems)
        let reason = YearRecordFields.text(input.reason, field: "reason", label: "Thành tích", limit: reasonLimit, required: true, &problems)

        let (issuer, number, decidedOn) = try await decision(
            issuerID: Int(input.issuerID ?? ""), number: input.decisionNumber, date: input.decidedOn, on: access.db, &problems)

        try problems.check()
        return Values(
            unitID: unit!.id!, formID: form!.id!, issuerID: issuer!.id!, recipientKind: kind!, recipientUnitID: recipientUnit?.id,
            personID: person?.id, recipientName: name, period: period!, event: event, reason: reason,
            decisionNumber: number!, decidedOn: decidedOn!)
    }

    /// A decision's issuer, number (Party form 15-QĐ/ĐUK or state form 123/QĐ-UBND) and date (not
    /// in the future): the one check of a decision, for the register and for nominations decided.
    static func decision(
        issuerID: Int?, number text: String?, date: String?, on db: any Database, _ problems: inout InvalidInput
    ) async throws -> (issuer: CommendationIssuer?, number: String?, date: LocalDate?) {
        var issuer: CommendationIssuer?
        if let issuerID { issuer = try await CommendationIssuer.find(issuerID, on: db) }
        if issuer == nil { problems.add("issuerId", "Cấp khen: chưa chọn.") }
        var number: String?
        switch DocumentNumber.parse(text ?? "") {
        case .success(let parsed): number = parsed.raw
        case .failure(let error): problems.add("decisionNumber", InvalidInput.labelled("Số quyết định", error.message))
        }
        let decidedOn = ProgrammeService.requiredDate(date, "decidedOn", "Ngày quyết định", &problems)
        if let decidedOn, decidedOn > .today() {
            problems.add("decidedOn", "Ngày quyết định: không được sau ngày hôm nay.")
        }
        return (issuer, number, decidedOn)
    }

    /// From year to year; a single year when "to" is left empty. A reversed period is refused.
    private static func period(_ input: CommendationInput, _ problems: inout InvalidInput) -> CommendationPeriod? {
        let last = LocalDate.today().year
        func year(_ text: String?, field: String, label: String) -> Int? {
            let value = VietnameseText.normalize(text ?? "")
            guard let year = Int(value), (YearRecordFields.firstYear...last).contains(year) else {
                problems.add(field, "\(label): phải là một năm từ \(YearRecordFields.firstYear) đến \(last).")
                return nil
            }
            return year
        }
        guard !VietnameseText.normalize(input.fromYear ?? "").isEmpty else {
            problems.add("fromYear", "Từ năm: chưa nhập.")
            return nil
        }
        guard let from = year(input.fromYear, field: "fromYear", label: "Từ năm") else { return nil }
        let toText = VietnameseText.normalize(input.toYear ?? "")
        guard !toText.isEmpty else { return CommendationPeriod(fromYear: from, toYear: from) }
        guard let to = year(toText, field: "toYear", label: "Đến năm") else { return nil }
        guard let period = CommendationPeriod(fromYear: from, toYear: to) else {
            problems.add("toYear", "Đến năm: không được trước năm bắt đầu (\(from)).")
            return nil
        }
        return period
    }
}

