import Domain
import Plot

/// The fields of the person form, as entered (strings, so a wrong value is shown back as typed).
/// Names match the API's keys, so a validation message's field is the same in both.
struct PersonFormValues: Codable, Sendable {
    var fullName: String?
    var category: String?
    var gender: String?
    var birthDate: String?
    var identityNumber: String?
    var phone: String?
    var email: String?
    var partyJoinedOn: String?
    var partyOfficialOn: String?
    var note: String?
    /// Creation only: the unit and the day membership starts.
    var unitCode: String?
    var membershipFrom: String?

    init(unitCode: String? = nil, membershipFrom: String? = nil) {
        category = PersonCategory.partyMember.rawValue
        self.unitCode = unitCode
        self.membershipFrom = membershipFrom
    }

    init(_ p: PersonSnapshot) {
        fullName = p.fullName
        category = p.category.rawValue
        gender = p.gender?.rawValue
        birthDate = p.birthDate?.iso
        identityNumber = p.identityNumber
        phone = p.phone
        email = p.email
        partyJoinedOn = p.partyJoinedOn?.iso
        partyOfficialOn = p.partyOfficialOn?.iso
        note = p.note
    }

    var input: PersonService.PersonInput {
        PersonService.PersonInput(
            fullName: fullName, category: category, gender: gender, birthDate: birthDate,
            identityNumber: identityNumber, phone: phone, email: email, partyJoinedOn: partyJoinedOn,
            partyOfficialOn: partyOfficialOn, note: note)
    }
}

/// Create (`/nguoi/moi`) and edit (`/nguoi/:id/sua`). The unit is chosen only on creation;
/// afterwards it changes by transfer, which keeps the history.
enum PersonFormView {
    enum Mode: Sendable {
        case create
        case edit(id: Int, name: String)
    }

    static func title(_ mode: Mode) -> String {
        switch mode {
        case .create: "Thêm người"
        case .edit(_, let name): "Sửa thông tin: \(name)"
        }
    }

    static func render(
        mode: Mode, values v: PersonFormValues, errors: FormErrors, units: [PersonService.UnitChoice], csrf: String
    ) -> Markup {
        let action: String
        let cancel: String
        var placement: [Markup] = []
        switch mode {
        case .create:
            action = SiteURL.personNew.path
            cancel = SiteURL.people.path
            placement = [
                PeopleFields.unitCode("unitCode", "Đơn vị sinh hoạt", value: v.unitCode, errors: errors, units: units),
                PeopleFields.date("membershipFrom", "Ngày bắt đầu sinh hoạt", raw: v.membershipFrom, errors: errors, required: true),
            ]
        case .edit(let id, _):
            action = SiteURL.personEdit(id).path
            cancel = SiteURL.person(id).path
        }
        let genders = Gender.allCases.map { (value: $0.rawValue, label: $0.label) }
        return H.group([
            H.h1(title(mode)),
            Form.errorSummary(errors),
            Form.post(action: action, csrf: csrf, id: "person-form", [
                Form.text("fullName", "Họ và tên", value: v.fullName, errors: errors, required: true,
                          extra: [("maxlength", "120"), ("autocomplete", "off")]),
                Form.select("category", "Loại", options: PeopleFields.categoryOptions(), selected: v.category,
                            errors: errors, required: true),
                Form.select("gender", "Giới tính", options: genders, selected: v.gender, errors: errors, blank: "Chưa rõ"),
                PeopleFields.date("birthDate", "Ngày sinh", raw: v.birthDate, errors: errors),
                Form.text("identityNumber", "Số CCCD/CMND", value: v.identityNumber, errors: errors,
                          hint: "9 hoặc 12 chữ số; để trống nếu chưa có.", extra: [("inputmode", "numeric"), ("maxlength", "12")]),
                Form.text("phone", "Số điện thoại", value: v.phone, errors: errors, type: "tel",
                          extra: [("maxlength", "15"), ("autocomplete", "off")]),
                Form.text("email", "Thư điện tử", value: v.email, errors: errors, type: "email",
                          extra: [("autocomplete", "off")]),
                PeopleFields.date("partyJoinedOn", "Ngày vào Đảng", raw: v.partyJoinedOn, errors: errors),
                PeopleFields.date("partyOfficialOn", "Ngày chính thức", raw: v.partyOfficialOn, errors: errors,
                                  hint: "Không trước ngày vào Đảng."),
            ] + placement + [
                Form.textarea("note", "Ghi chú", value: v.note, errors: errors, rows: 3),
                H.el("div", ["class": "actions"], Form.submit("Lưu"), H.a(cancel, "Hủy", class: "button")),
            ]),
        ])
    }
}
