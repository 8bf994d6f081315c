import Domain
import Plot

enum ContestEntryFormView {
    /// First the submitting unit is chosen (a GET form, so the list of its members can follow),
    /// then the entry itself with its authors as checkboxes.
    static func render(
        contest: Contest, entryID: Int?, values: ContestEntryInput, units: [(value: String, label: String)], unitChosen: Bool,
        people: [(value: String, label: String)], errors: FormErrors, csrf: String
    ) -> Markup {
        let action = entryID.map { SiteURL.contestEntryEdit($0).path } ?? SiteURL.contestEntryNew(contest.id).path
        let none = FormErrors()
        let chooser = H.el("form", ["method": "get", "action": action, "class": "filters"],
            Form.select("don-vi", "Đơn vị dự thi", options: units, selected: values.unitCode, errors: none, blank: "— Chọn đơn vị —"),
            Form.submit("Chọn đơn vị", class: "button"))
        let chosen = Set(values.authorIDs)
        let authorBoxes = people.map { p in
            H.el("label", ["class": "check"],
                 H.el("input", ["type": "checkbox", "name": "author-\(p.value)", "value": "1", "checked": chosen.contains(p.value) ? "" : nil]),
                 .text(" " + p.label))
        }
        let results = ContestEntryResult.allCases.map { (value: $0.rawValue, label: $0.label) }
        let authorsField = H.el("fieldset", ["class": errors["authors"] == nil ? "field" : "field invalid", "id": "f-authors"],
            children: [H.el("legend", [:], .text("Tác giả (một người hoặc nhóm tác giả)"))] + authorBoxes
                + [errors["authors"].map { H.el("p", ["class": "error", "id": "e-authors"], .text($0)) } ?? .empty])
        let entryForm = Form.post(action: action, csrf: csrf, id: "entry-form", [
            Form.hidden("unit", values.unitCode ?? ""),
            Form.text("title", "Tên bài dự thi", value: values.title, errors: errors, required: true),
            authorsField,
            Form.select("result", "Kết quả", options: results, selected: values.result ?? ContestEntryResult.notMarked.rawValue, errors: errors),
            Form.text("prize", "Giải", value: values.prize, errors: errors, hint: "Bắt buộc khi kết quả là Đạt giải, ví dụ: Giải Nhì"),
            H.el("div", ["class": "field"], H.el("label", ["class": "check"],
                 H.el("input", ["type": "checkbox", "id": "f-selected", "name": "selected", "value": "1",
                                "checked": values.selected ? "" : nil]),
                 .text(" Được chọn dự thi cấp trên"))),
            H.el("p", ["class": "actions"], Form.submit("Lưu"), H.a(SiteURL.contest(contest.id).path, "Hủy", class: "button")),
        ])
        return H.group([
            H.el("p", [:], H.a(SiteURL.contest(contest.id).path, "‹ " + contest.title)),
            H.h1(entryID == nil ? "Thêm bài dự thi" : "Sửa bài dự thi"),
            Form.errorSummary(errors),
            chooser,
            errors["unit"].map { H.el("p", ["class": "error", "id": "e-unit"], .text($0)) } ?? .empty,
            unitChosen ? entryForm : H.p("Chọn đơn vị dự thi để thấy danh sách người có thể là tác giả.", class: "hint"),
        ])
    }
}
