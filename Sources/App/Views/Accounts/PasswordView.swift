import Plot

/// The form for changing one's own password. No value is ever written back into it.
enum PasswordView {
    static func render(errors: FormErrors, csrf: String) -> Markup {
        H.group([
            H.h1("Đổi mật khẩu"),
            Form.errorSummary(errors),
            Form.post(action: SiteURL.password.path, csrf: csrf, id: "password-form", [
                Form.text("current", "Mật khẩu hiện tại", value: nil, errors: errors, type: "password", required: true,
                          extra: [("autocomplete", "current-password")]),
                Form.text("password", "Mật khẩu mới", value: nil, errors: errors, type: "password", required: true,
                          hint: "Ít nhất \(Passwords.minimumLength) ký tự.", extra: [("autocomplete", "new-password")]),
                Form.text("password2", "Nhập lại mật khẩu mới", value: nil, errors: errors, type: "password", required: true,
                          extra: [("autocomplete", "new-password")]),
                H.div("actions", Form.submit("Đổi mật khẩu"), H.a(SiteURL.home.path, "Hủy", class: "button")),
            ]),
        ])
    }
}
