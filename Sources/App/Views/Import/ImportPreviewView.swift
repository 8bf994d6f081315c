import Domain
import Plot

/// The dry run of a file: every problem by row and column, or what confirming would write.
enum ImportPreviewView {
    /// A page of 100.000 rows would not open on a phone; the first rows show what is wrong or
    /// what will happen, and the counts cover the rest.
    static let shownLimit = ImportPreview.keptLines

    /// The header cells of the file no column took, each with a select of the kind's columns.
    struct Mapping {
        let action: String
        let headers: [String]
        /// Header → the column key chosen so far.
        let chosen: [String: String]
    }

    static func render(_ preview: ImportPreview, confirm: String?, upload: String, back: (href: String, label: String),
                       mapping: Mapping? = nil, csrf: String) -> Markup {
        H.group([
            H.el("p", [:], H.a(back.href, "‹ " + back.label)),
            H.h1("Kiểm tra tệp: \(preview.kind.label)"),
            H.facts([
                ("Tệp", H.text(preview.filename)),
                ("Mã kiểm tra (SHA-256)", H.el("code", [:], .text(grouped(preview.sha256)))),
                ("Số dòng dữ liệu", H.text(VietnameseFormat.number(preview.rowCount))),
            ]),
            conversions(preview.conversions),
            warnings(preview.warnings),
            preview.isValid ? .empty : problems(preview),
            mapping.map { columns($0, kind: preview.kind, csrf: csrf) } ?? .empty,
            preview.isValid ? plan(preview, confirm: confirm, upload: upload, csrf: csrf) : reupload(upload, csrf: csrf),
        ])
    }

    /// More headers than this are not offered (a sheet with hundreds of columns is not a list).
    static let mappingLimit = 60
    static func headerField(_ index: Int) -> String { "tieu-de-\(index)" }
    static func columnField(_ index: Int) -> String { "cot-\(index)" }

    private static func columns(_ mapping: Mapping, kind: ImportKind, csrf: String) -> Markup {
        let options = kind.columns.map { (value: $0.key, label: $0.title + ($0.required ? " (bắt buộc)" : "")) }
        let rows: [Markup] = mapping.headers.prefix(mappingLimit).enumerated().map { index, header in
            H.group([
                Form.hidden(headerField(index), header),
                Form.select(columnField(index), "Cột “\(header)” của tệp là", options: options, selected: mapping.chosen[header],
                            errors: FormErrors(), blank: "Không dùng"),
            ])
        }
        return H.el("section", ["id": "import-mapping", "class": "card"],
            H.h2("Cột chưa nhận ra"),
            H.p("Tệp có cột mà hệ thống chưa nhận ra tên. Nếu đó là một cột cần nhập (nhất là cột bắt buộc còn thiếu), "
                + "chọn cột tương ứng rồi kiểm tra lại; để “Không dùng” thì cột đó được bỏ qua. Tệp đã tải lên được giữ lại, không cần chọn lại."),
            Form.post(action: mapping.action, csrf: csrf, id: "import-mapping-form", rows + [Form.submit("Kiểm tra lại với các cột đã chọn")]))
    }

    private static func problems(_ preview: ImportPreview) -> Markup {
        let rows = preview.problems.prefix(shownLimit).map { p in
            H.row([H.text(p.row.map(String.init) ?? "—"), H.text(p.column.isEmpty ? "—" : p.column),
                   H.text(p.value.isEmpty ? "(trống)" : p.value), H.text(p.reason)])
        }
        let count = preview.problems.count
        return H.group([
            H.el("div", ["class": "flash-error", "role": "alert"],
                 H.p("Tệp có \(VietnameseFormat.number(count)) lỗi; chưa ghi gì vào hệ thống. Sửa tệp theo các lỗi dưới đây rồi tải lên lại.")),
            H.table(id: "import-problems", headers: ["Dòng", "Cột", "Giá trị", "Lỗi"], rows: rows),
            more(count),
        ])
    }

    private static func reupload(_ upload: String, csrf: String) -> Markup {
        H.group([H.h2("Tải lên tệp đã sửa"), ImportUploadView.form(action: upload, error: nil, csrf: csrf)])
    }

    private static func plan(_ preview: ImportPreview, confirm: String?, upload: String, csrf: String) -> Markup {
        let counts = preview.counts
        let rows = preview.lines.prefix(shownLimit).map { line in
            H.row([H.text(String(line.row)), H.text(line.action.label), H.text(line.text), H.text(line.note)],
                  attributes: ["class": "import-\(line.action.rawValue)"])
        }
        var action: [Markup] = []
        if let confirm, counts.changes > 0 {
            action = [
                H.p("Khi xác nhận: \(counts.text). Mọi dòng được ghi cùng lúc; nếu một dòng không ghi được thì không dòng nào được ghi."),
                Form.post(action: confirm, csrf: csrf, id: "import-confirm",
                          [Form.submit("Xác nhận ghi \(VietnameseFormat.number(counts.changes)) dòng")]),
            ]
        } else {
            action = [H.el("p", ["class": "flash-success", "role": "status"],
                           .text("Không có gì mới để ghi: \(counts.text)."))]
        }
        return H.group(action + [
            H.table(id: "import-lines", headers: ["Dòng", "Thao tác", "Nội dung", "Ghi chú"], rows: rows),
            more(counts.total),
            H.el("p", [:], H.a(upload, "Chọn tệp khác")),
        ])
    }

    /// The columns converted from a legacy encoding (TCVN3, VNI…), so the person knows the
    /// names they will see were not typed that way.
    private static func conversions(_ lines: [String]) -> Markup {
        guard !lines.isEmpty else { return .empty }
        return H.el("ul", ["id": "import-conversions", "class": "hint"], children: lines.map { H.el("li", [:], .text($0)) })
    }

    private static func warnings(_ lines: [String]) -> Markup {
        guard !lines.isEmpty else { return .empty }
        return H.el("ul", ["id": "import-warnings", "class": "flash-error", "role": "status"], children: lines.map { H.el("li", [:], .text($0)) })
    }

    /// Groups of eight, so the 64 characters wrap on a phone and can be compared by eye.
    static func grouped(_ hex: String) -> String {
        stride(from: 0, to: hex.count, by: 8).map { i in
            String(hex.dropFirst(i).prefix(8))
        }.joined(separator: " ")
    }

    private static func more(_ total: Int) -> Markup {
        guard total > shownLimit else { return .empty }
        return H.el("p", ["class": "hint"], .text("Trang chỉ hiện \(VietnameseFormat.number(shownLimit)) dòng đầu; "
            + "còn \(VietnameseFormat.number(total - shownLimit)) dòng nữa, đã tính trong các số ở trên."))
    }
}
