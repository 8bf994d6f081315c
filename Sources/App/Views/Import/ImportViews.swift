import Domain
import Plot

/// "Nhập từ tệp": the kinds of import, one card each.
enum ImportHubView {
    static func render() -> Markup {
        H.group([
            H.h1("Nhập từ tệp"),
            H.p("Nhập nhiều bản ghi cùng lúc từ tệp Excel (.xlsx) hoặc CSV có dòng tiêu đề tiếng Việt. "
                + "Tệp được kiểm tra trước, báo từng lỗi theo dòng và cột; khi bạn xác nhận, mọi dòng được ghi cùng lúc hoặc không dòng nào."),
            H.el("div", ["class": "cards"],
                H.el("section", ["class": "card"],
                     H.el("h2", [:], H.a(SiteURL.cellMeetingImport.path, ImportKind.cellMeetings.label)),
                     H.p(ImportKind.cellMeetings.intro),
                     H.el("p", [:], H.a(ImportKind.cellMeetings.templateURL.path, "Tải tệp mẫu (CSV)"))),
                H.el("section", ["class": "card"],
                     H.el("h2", [:], .text(ImportKind.attendance.label)),
                     H.p(ImportKind.attendance.intro),
                     H.el("p", [:], .text("Mở trang của hội nghị trong mục "), H.a(SiteURL.studySessions.path, "Học tập chuyên đề"),
                          .text(" rồi chọn “Nhập điểm danh từ tệp”.")),
                     H.el("p", [:], H.a(ImportKind.attendance.templateURL.path, "Tải tệp mẫu (CSV)"))),
                // MARK: helper I: people import
                H.el("section", ["class": "card"],
                     H.el("h2", [:], H.a(SiteURL.peopleImport.path, ImportKind.people.label)),
                     H.p(ImportKind.people.intro),
                     H.el("p", [:], H.a(ImportKind.people.templateURL.path, "Tải tệp mẫu (CSV)"))),
                // MARK: helper U: units and commendations import
                H.group([ImportKind.units, .commendations].map { kind in
                    H.el("section", ["class": "card"],
                         H.el("h2", [:], H.a(ImportController.uploadURL(kind).path, kind.label)),
                         H.p(kind.intro),
                         H.el("p", [:], H.a(kind.templateURL.path, "Tải tệp mẫu (CSV)")))
                }),
                // MARK: helper J: gradings import, column mapping
                H.el("section", ["class": "card"],
                     H.el("h2", [:], H.a(SiteURL.gradingImport.path, ImportKind.gradings.label)),
                     H.p(ImportKind.gradings.intro),
                     H.el("p", [:], H.a(ImportKind.gradings.templateURL.path, "Tải tệp mẫu (CSV)")))),
        ])
    }
}

/// The upload form of one kind, with the columns it reads.
enum ImportUploadView {
    static func render(kind: ImportKind, title: String, action: String, back: (href: String, label: String),
                       facts: [(String, Markup)] = [], error: String?, csrf: String) -> Markup {
        let downloads: [Markup] = kind == .gradings
            ? [H.a(SiteURL.gradingsXlsx.path, "Tải danh sách xếp loại đã có (Excel)", class: "button"),
               H.a(SiteURL.gradingsCsv.path, "Tải danh sách xếp loại đã có (CSV)", class: "button")]
            : []
        let columns = kind.columns.map { column in
            H.row([H.text(column.title), H.text(column.required ? "Có" : "Không"), H.text(kind.help(column.key))])
        }
        return H.group([
            H.el("p", [:], H.a(back.href, "‹ " + back.label)),
            H.h1(title),
            facts.isEmpty ? .empty : H.facts(facts),
            H.p(kind.intro),
            form(action: action, error: error, csrf: csrf),
            H.h2("Các cột của tệp"),
            H.p("Dòng tiêu đề có thể nằm dưới vài dòng tên đơn vị, tiêu đề; cột có thể theo thứ tự bất kỳ; "
                + "tên cột không phân biệt chữ hoa, chữ thường, có dấu hay không dấu. Chữ gõ bằng phông cũ TCVN3 (ABC), VNI "
                + "hoặc bảng mã Windows-1258 được nhận ra và chuyển sang Unicode theo từng cột."),
            H.el("p", ["class": "actions"], children: [H.a(kind.templateURL.path, "Tải tệp mẫu (CSV)", class: "button")] + downloads),
            H.table(id: "import-columns", headers: ["Cột", "Bắt buộc", "Cách ghi"], rows: columns),
        ])
    }

    /// A multipart form: the one place a file is sent, so not `Form.post`.
    static func form(action: String, error: String?, csrf: String, label: String = "Kiểm tra tệp") -> Markup {
        H.el("form", ["method": "post", "action": action, "enctype": "multipart/form-data", "class": "import-upload", "novalidate": ""],
             Form.hidden(CSRF.field, csrf),
             H.el("div", ["class": error == nil ? "field" : "field invalid"],
                  H.el("label", ["for": "f-file"], .text("Tệp Excel (.xlsx) hoặc CSV, đến 10 MB"),
                       H.el("span", ["class": "req", "aria-hidden": "true"], .text(" *"))),
                  H.el("input", ["type": "file", "id": "f-file", "name": "file", "required": "",
                                 "accept": ".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                                 "aria-invalid": error == nil ? nil : "true", "aria-describedby": error == nil ? nil : "e-file"]),
                  error.map { H.el("p", ["class": "error", "id": "e-file"], .text($0)) } ?? .empty),
             Form.submit(label))
    }
}
