import Domain
import Plot

/// The form that creates a unit or edits its own fields.
enum UnitFormView {
    enum Mode: Sendable {
        case create
        case edit(UnitRef)
    }

    /// The values shown in the fields: what was stored, or what was typed.
    struct Values: Sendable {
        var code = ""
        var name = ""
        var kindCode = ""
        var attachment = ""
        var foundedOn = ""
        var note = ""
        var parentCode = ""
    }

    static func render(
        mode: Mode, values: Values, kinds: [(value: String, label: String)], errors: FormErrors, csrf: String, rootAllowed: Bool
    ) -> Markup {
        let title: String
        let action: String
        let cancel: String
        var fields: [Markup] = [Form.errorSummary(errors)]
        switch mode {
        case .create:
            title = "Thêm tổ chức đảng"
            action = SiteURL.unitNew.path
            cancel = SiteURL.units.path
            fields.append(Form.text(
                "parentCode", "Mã đơn vị cấp trên", value: values.parentCode, errors: parentErrors(errors), required: !rootAllowed,
                hint: rootAllowed ? "Để trống khi tạo tổ chức đảng cấp cao nhất." : "Đơn vị cấp trên phải thuộc phạm vi của bạn.",
                extra: [("autocapitalize", "characters")]))
        case .edit(let unit):
            title = "Sửa thông tin \(unit.name)"
            action = SiteURL.unitEdit(unit.id).path
            cancel = SiteURL.unit(unit.id).path
        }
        fields += [
            Form.text("code", "Mã đơn vị", value: values.code, errors: errors, required: true,
                      hint: "Chữ in hoa không dấu, chữ Đ, số và . _ - ; ví dụ ĐUK hoặc CB-A1.",
                      extra: [("autocapitalize", "characters"), ("maxlength", "32")]),
            Form.text("name", "Tên tổ chức đảng", value: values.name, errors: errors, required: true,
                      extra: [("maxlength", String(UnitService.nameMaxLength))]),
            Form.select("kindCode", "Loại tổ chức đảng", options: kinds, selected: values.kindCode, errors: errors,
                        required: true, blank: "— Chọn loại —"),
            Form.select("attachment", "Loại hình", options: UnitAttachment.allCases.map { ($0.rawValue, $0.label) },
                        selected: values.attachment, errors: errors, required: true),
            Form.text("foundedOn", "Ngày thành lập", value: values.foundedOn, errors: errors, type: "date", required: true,
                      hint: foundedHint(mode)),
            Form.textarea("note", "Ghi chú", value: values.note, errors: errors, rows: 3),
            H.el("div", ["class": "actions"], Form.submit("Lưu"), H.a(cancel, "Hủy", class: "button")),
        ]
        return H.group([
            H.h1(title),
            Form.post(action: action, csrf: csrf, id: "unit-form", fields),
        ])
    }

    private static func foundedHint(_ mode: Mode) -> String? {
        if case .edit = mode {
            return "Chỉ đổi được khi không mâu thuẫn với quá trình trực thuộc, đơn vị trực thuộc, sinh hoạt và chức vụ đã ghi nhận."
        }
        return nil
    }

    /// Problems with the parent, found by id or by code, belong beside the code field.
    static func parentErrors(_ errors: FormErrors) -> FormErrors {
        guard errors["parentCode"] == nil, let message = errors["parentId"] else { return errors }
        var copy = errors
        copy.add("parentCode", message)
        return copy
    }
}
