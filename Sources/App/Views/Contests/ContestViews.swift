import Domain
import Plot

struct ContestListQuery: Sendable {
    var q = ""
    var year = ""

    var pairs: [(String, String?)] { [("q", q), ("nam", year)] }
}

struct ContestLine: Sendable {
    let id: Int
    let year: Int
    let title: String
    let unitName: String
    let counts: ContestEntryCounts
}

enum ContestListView {
    static func render(
        query: ContestListQuery, lines: [ContestLine], total: Int, totals: ContestEntryCounts, page: Int, perPage: Int, canCreate: Bool
    ) -> Markup {
        let none = FormErrors()
        let filters = H.el("form", ["method": "get", "action": SiteURL.contests.path, "class": "filters", "role": "search"],
            Form.text("q", "Tìm theo tên cuộc thi", value: query.q, errors: none, type: "search"),
            Form.text("nam", "Năm", value: query.year, errors: none, type: "number",
                      extra: [("min", String(YearRecordFields.firstYear)), ("max", "9999"), ("inputmode", "numeric")]),
            Form.submit("Lọc"))
        let rows = lines.map { c in
            H.row([H.text(String(c.year)), H.a(SiteURL.contest(c.id).path, c.title), H.text(c.unitName),
                   H.text(VietnameseFormat.number(c.counts.entries)), H.text(VietnameseFormat.number(c.counts.selected))])
        }
        return H.group([
            H.h1("Cuộc thi viết"),
            canCreate ? H.el("p", ["class": "actions"], H.a(SiteURL.contestNew.path, "Thêm cuộc thi", class: "button primary")) : .empty,
            filters,
            H.el("p", ["class": "hint", "id": "contest-counts"], .text(
                "\(VietnameseFormat.number(total)) cuộc thi, \(VietnameseFormat.number(totals.entries)) bài dự thi, "
                + "\(VietnameseFormat.number(totals.selected)) bài được chọn dự thi cấp trên")),
            H.table(id: "contest-list", headers: ["Năm", "Cuộc thi", "Đơn vị tổ chức", "Bài dự thi", "Được chọn dự thi cấp trên"],
                    rows: rows, empty: "Không có cuộc thi nào phù hợp."),
            Pager.render(page: page, perPage: perPage, total: total) { n in
                SiteURL.contests.with(query.pairs + [("trang", n > 1 ? String(n) : nil)])
            },
        ])
    }
}

enum ContestDetailView {
    static func render(
        contest c: Contest, unitName: String, linkUnit: Bool, entries: [ContestEntryLine], canEdit: Bool, canWrite: Bool
    ) -> Markup {
        let rounds = c.roundLines
        let rows = entries.map { line in
            let e = line.entry
            let result = e.result == .awarded ? "\(e.result.label): \(e.prize)" : e.result.label
            return H.row([
                H.text(e.title),
                H.text(line.unit?.name ?? ""),
                H.text(line.authors.map(\.name).joined(separator: ", ")),
                H.text(result),
                H.text(e.selectedForHigherLevel ? "Có" : "—"),
                canWrite ? H.a(SiteURL.contestEntryEdit(e.id).path, "Sửa") : H.text(""),
            ])
        }
        return H.group([
            H.el("p", [:], H.a(SiteURL.contests.path, "‹ Cuộc thi viết")),
            H.h1(c.title),
            H.facts([
                ("Năm", H.text(String(c.year))),
                ("Đơn vị tổ chức", linkUnit ? H.a(SiteURL.unit(c.unitID).path, unitName) : H.text(unitName)),
                ("Các vòng thi", rounds.isEmpty ? H.text("—") : H.el("ul", [:], children: rounds.map { H.el("li", [:], .text($0)) })),
                ("Ghi chú", c.note.isEmpty ? H.text("—") : H.el("div", ["class": "prose"], .text(c.note))),
            ]),
            H.el("p", ["class": "actions"],
                 canEdit ? H.a(SiteURL.contestEdit(c.id).path, "Sửa cuộc thi", class: "button") : .empty,
                 canWrite ? H.a(SiteURL.contestEntryNew(c.id).path, "Thêm bài dự thi", class: "button primary") : .empty),
            H.h2("Bài dự thi"),
            H.p("\(VietnameseFormat.number(entries.count)) bài dự thi, "
                + "\(VietnameseFormat.number(entries.filter(\.entry.selectedForHigherLevel).count)) bài được chọn dự thi cấp trên",
                class: "hint"),
            H.table(id: "entry-list", headers: ["Tên bài", "Đơn vị dự thi", "Tác giả", "Kết quả", "Chọn dự thi cấp trên", ""],
                    rows: rows, empty: "Chưa có bài dự thi nào."),
        ])
    }
}

enum ContestFormView {
    static func render(id: Int?, values: ContestInput, errors: FormErrors, csrf: String) -> Markup {
        let action = id.map { SiteURL.contestEdit($0).path } ?? SiteURL.contestNew.path
        let back = id.map { SiteURL.contest($0).path } ?? SiteURL.contests.path
        return H.group([
            H.h1(id == nil ? "Thêm cuộc thi" : "Sửa cuộc thi"),
            Form.errorSummary(errors),
            Form.post(action: action, csrf: csrf, id: "contest-form", [
                Form.text("unit", "Mã đơn vị tổ chức", value: values.unitCode, errors: errors, required: true,
                          hint: "Mã tổ chức đảng, trong phạm vi của bạn.", extra: [("autocomplete", "off")]),
                Form.text("year", "Năm", value: values.year, errors: errors, type: "number", required: true,
                          extra: [("min", String(YearRecordFields.firstYear)), ("inputmode", "numeric")]),
                Form.text("title", "Tên cuộc thi", value: values.title, errors: errors, required: true),
                Form.textarea("rounds", "Các vòng thi (mỗi vòng một dòng)", value: values.rounds, errors: errors),
                H.el("small", ["class": "hint"], .text("Ví dụ: Vòng sơ khảo: 1/3–30/4/2023")),
                Form.textarea("note", "Ghi chú", value: values.note, errors: errors),
                H.el("p", ["class": "actions"], Form.submit("Lưu"), H.a(back, "Hủy", class: "button")),
            ]),
        ])
    }
}
