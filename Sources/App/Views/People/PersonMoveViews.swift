import Domain
import Plot

struct TransferFormValues: Codable, Sendable {
    var unitCode: String?
    var effectiveOn: String?
    var note: String?
}

/// The add-position form (`action=add`) and the end-position forms (`action=end`) post to the
/// same address, `/nguoi/:id/chuc-vu`.
struct PositionFormValues: Codable, Sendable {
    var action: String?
    var title: String?
    var unitCode: String?
    var from: String?
    var to: String?
    /// For `end`: which position, and the day it ends.
    var position: String?
    var on: String?
}

/// `/nguoi/:id/chuyen-sinh-hoat`: move a person to another unit from a date.
enum PersonTransferView {
    static func render(
        person: PersonSnapshot, currentUnit: PersonService.UnitChoice?, openSince: LocalDate?,
        values v: TransferFormValues, errors: FormErrors, units: [PersonService.UnitChoice], csrf: String
    ) -> Markup {
        let id = person.id ?? 0
        var current = "Đang sinh hoạt tại: " + (currentUnit?.name ?? "—")
        if let openSince { current += " từ ngày \(VietnameseFormat.date(openSince))" }
        return H.group([
            H.h1("Chuyển sinh hoạt: \(person.fullName)"),
            H.p(current + "."),
            H.p("Quá trình sinh hoạt ở đơn vị hiện tại kết thúc vào ngày chuyển, và bắt đầu ở đơn vị mới từ chính ngày đó.", class: "hint"),
            Form.errorSummary(errors),
            Form.post(action: SiteURL.personTransfer(id).path, csrf: csrf, id: "transfer-form", [
                PeopleFields.unitCode("unitCode", "Đơn vị chuyển đến", value: v.unitCode, errors: errors, units: units),
                PeopleFields.date("effectiveOn", "Ngày chuyển", raw: v.effectiveOn, errors: errors, required: true),
                Form.textarea("note", "Ghi chú (số quyết định, giấy giới thiệu…)", value: v.note, errors: errors, rows: 2),
                H.el("div", ["class": "actions"],
                     Form.submit("Chuyển sinh hoạt"), H.a(SiteURL.person(id).path, "Hủy", class: "button")),
            ]),
        ])
    }
}

/// `/nguoi/:id/chuc-vu`: the person's positions, ending one, adding one.
enum PersonPositionsView {
    static func render(
        person: PersonSnapshot, positions: [PersonService.PositionRow], values v: PositionFormValues,
        errors: FormErrors, units: [PersonService.UnitChoice], csrf: String
    ) -> Markup {
        let id = person.id ?? 0
        let adding = v.action != "end"
        let addErrors = adding ? errors : FormErrors()
        return H.group([
            H.h1("Chức vụ: \(person.fullName)"),
            H.p("Chức vụ đang giữ có thể kết thúc bằng cách nhập ngày thôi giữ chức vụ.", class: "hint"),
            adding ? .empty : Form.errorSummary(errors),
            PersonPageView.positionsTable(positions, personID: id, canEnd: true, csrf: csrf),
            H.h2("Thêm chức vụ"),
            Form.errorSummary(addErrors),
            Form.post(action: SiteURL.personPositions(id).path, csrf: csrf, id: "position-form", [
                Form.hidden("action", "add"),
                Form.select("title", "Chức vụ", options: PeopleFields.titleOptions(), selected: v.title,
                            errors: addErrors, required: true, blank: "— Chọn chức vụ —"),
                PeopleFields.unitCode("unitCode", "Đơn vị", value: v.unitCode, errors: addErrors, units: units),
                PeopleFields.date("from", "Từ ngày", raw: v.from, errors: addErrors, required: true),
                PeopleFields.date("to", "Đến ngày", raw: v.to, errors: addErrors, hint: "Để trống nếu đang giữ chức vụ."),
                H.el("div", ["class": "actions"],
                     Form.submit("Thêm chức vụ"), H.a(SiteURL.person(id).path, "Về hồ sơ", class: "button")),
            ]),
        ])
    }
}
