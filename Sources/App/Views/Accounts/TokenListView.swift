import Domain
import Foundation
import Plot

/// The signed-in account's API keys, the form for a new one, and a new key shown once.
enum TokenListView {
    struct Row: Sendable {
        let id: Int
        let name: String
        let createdAt: Date?
        let lastUsedAt: Date?
        let revokedAt: Date?
    }

    struct Model: Sendable {
        let rows: [Row]
        let name: String
        let errors: FormErrors
        /// A key just made: its only appearance anywhere.
        let created: (name: String, token: String)?
    }

    static func render(_ model: Model, csrf: String) -> Markup {
        let rows = model.rows.map { row in
            H.row([
                H.text(row.name),
                H.text(row.createdAt.map(VietnameseFormat.dateTime) ?? "—"),
                H.text(row.lastUsedAt.map(VietnameseFormat.dateTime) ?? "Chưa dùng"),
                row.revokedAt.map { H.el("span", ["class": "badge dissolved"], .text("Đã thu hồi \(VietnameseFormat.dateTime($0))")) }
                    ?? H.el("span", ["class": "badge"], .text("Đang dùng")),
                row.revokedAt == nil
                    ? Form.post(action: SiteURL.tokenRevoke(row.id).path, csrf: csrf, class: "inline",
                                [Form.submit("Thu hồi", class: "button")])
                    : .empty,
            ])
        }
        return H.group([
            H.h1("Khóa API"),
            H.p("Chương trình khác (phần mềm báo cáo, bảng tính) gọi API của LamTheoBac bằng khóa API, với đúng quyền và phạm vi của tài khoản này. Thu hồi ngay khóa không còn dùng hoặc bị lộ."),
            model.created.map(created) ?? .empty,
            H.table(id: "api-tokens", headers: ["Tên", "Tạo lúc", "Dùng lần cuối", "Trạng thái", ""],
                    rows: rows, empty: "Bạn chưa có khóa API nào."),
            H.h2("Tạo khóa mới"),
            Form.errorSummary(model.errors),
            Form.post(action: SiteURL.tokens.path, csrf: csrf, id: "token-form", [
                Form.text("name", "Tên khóa", value: model.name, errors: model.errors, required: true,
                          hint: "Để nhận ra khóa dùng cho việc gì, ví dụ “Bảng tổng hợp của Ban Tuyên giáo”."),
                Form.submit("Tạo khóa"),
            ]),
        ])
    }

    private static func created(_ created: (name: String, token: String)) -> Markup {
        H.el("div", ["class": "flash-success", "role": "status", "id": "new-token"],
            H.p("Đã tạo khóa “\(created.name)”. Hãy sao chép ngay: khóa chỉ hiện một lần này, hệ thống chỉ lưu dấu băm của nó."),
            H.el("p", [:], H.el("code", ["class": "token"], .text(created.token))),
            H.p("Gửi kèm mỗi yêu cầu: Authorization: Bearer <khóa>"))
    }
}
