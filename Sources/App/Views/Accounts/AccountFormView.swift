import Domain
import Plot

/// Creating or editing an account. The password is never echoed back into the form.
enum AccountFormView {
    enum Mode: Equatable, Sendable {
        case create
        case edit(Int)
    }

    struct Values: Sendable {
        var username: String
        var displayName: String
        var role: String
        var unit: String
        var person: String
        var isActive: Bool
    }

    static func render(mode: Mode, values: Values, errors: FormErrors, csrf: String) -> Markup {
        let roles = Role.allCases.map { (value: $0.rawValue, label: $0.label) }
        var fields: [Markup] = []
        let action: String
        switch mode {
        case .create:
            action = SiteURL.userNew.path
            fields.append(Form.text("username", "Tên đăng nhập", value: values.username, errors: errors, required: true,
                                    hint: "3–40 ký tự: chữ thường không dấu, số, dấu chấm, gạch ngang, gạch dưới.",
                                    extra: [("autocomplete", "off"), ("autocapitalize", "none")]))
        case .edit(let id):
            action = SiteURL.userEdit(id).path
            fields.append(H.facts([("Tên đăng nhập", H.text(values.username))]))
        }
        fields += [
            Form.text("displayName", "Tên hiển thị", value: values.displayName, errors: errors, hint: "Để trống thì dùng tên đăng nhập."),
            Form.select("role", "Vai trò", options: roles, selected: values.role, errors: errors, required: true),
            Form.text("unit", "Mã tổ chức đảng làm phạm vi", value: values.unit, errors: errors,
                      hint: "Bắt buộc với Cán bộ theo dõi, Lãnh đạo, Bí thư chi bộ: tài khoản làm việc trong tổ chức này và các tổ chức trực thuộc."),
            Form.text("person", "Mã số người", value: values.person, errors: errors,
                      hint: "Bắt buộc với Đảng viên: người mà tài khoản đại diện.", extra: [("inputmode", "numeric")]),
        ]
        if case .edit = mode {
            fields.append(Form.select("isActive", "Trạng thái", options: [("1", "Đang hoạt động"), ("0", "Đã khóa (không đăng nhập được)")],
                                      selected: values.isActive ? "1" : "0", errors: errors))
        }
        let newPassword = mode == .create
        fields += [
            Form.text("password", newPassword ? "Mật khẩu" : "Mật khẩu mới", value: nil, errors: errors, type: "password",
                      required: newPassword, hint: newPassword ? "Ít nhất \(Passwords.minimumLength) ký tự." : "Để trống nếu không đổi.",
                      extra: [("autocomplete", "new-password")]),
            Form.text("password2", "Nhập lại mật khẩu", value: nil, errors: errors, type: "password", required: newPassword,
                      extra: [("autocomplete", "new-password")]),
            H.div("actions", Form.submit(newPassword ? "Tạo tài khoản" : "Lưu thay đổi"), H.a(SiteURL.users.path, "Hủy", class: "button")),
        ]
        return H.group([
            H.el("p", [:], H.a(SiteURL.users.path, "← Tài khoản")),
            H.h1(newPassword ? "Tạo tài khoản" : "Sửa tài khoản"),
            Form.errorSummary(errors),
            Form.post(action: action, csrf: csrf, id: "account-form", fields),
        ])
    }
}
