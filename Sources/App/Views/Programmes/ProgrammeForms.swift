import Domain
import Plot

enum ProgrammeFormView {
    /// `id` nil: a new programme.
    static func render(id: Int?, values: ProgrammeInput, errors: FormErrors, csrf: String) -> Markup {
        let action = id.map { SiteURL.programmeEdit($0).path } ?? SiteURL.programmeNew.path
        let back = id.map { SiteURL.programme($0).path } ?? SiteURL.programmes.path
        return H.group([
            H.h1(id == nil ? "Thêm chương trình" : "Sửa chương trình"),
            Form.errorSummary(errors),
            Form.post(action: action, csrf: csrf, id: "programme-form", [
                Form.text("documentNumber", "Số hiệu văn bản", value: values.documentNumber, errors: errors, required: true,
                          hint: "Số hiệu văn bản của Đảng, không có chữ “Số”. Ví dụ: 05-CT/TW, 01-KL/TW.",
                          extra: [("autocapitalize", "characters"), ("autocomplete", "off")]),
                Form.text("title", "Tên văn bản", value: values.title, errors: errors, required: true),
                Form.text("issuedOn", "Ngày ban hành", value: values.issuedOn, errors: errors, type: "date", required: true),
                Form.text("startsOn", "Ngày bắt đầu thực hiện", value: values.startsOn, errors: errors, type: "date", required: true),
                Form.text("endsOn", "Ngày kết thúc", value: values.endsOn, errors: errors, type: "date",
                          hint: "Để trống khi chương trình chưa có văn bản thay thế."),
                Form.textarea("summary", "Nội dung chính", value: values.summary, errors: errors),
                H.el("p", ["class": "actions"], Form.submit("Lưu"), H.a(back, "Hủy", class: "button")),
            ]),
        ])
    }
}

/// Choices for a topic form, each with its value and Vietnamese label.
struct TopicFormChoices: Sendable {
    var programmes: [(value: String, label: String)]
    var provinces: [(value: String, label: String)]
    var parents: [(value: String, label: String)]
}

enum TopicFormView {
    /// `id` nil: a new topic. `back` is the programme page to return to.
    static func render(id: Int?, values: TopicInput, choices: TopicFormChoices, errors: FormErrors, csrf: String, back: String) -> Markup {
        let action = id.map { SiteURL.topicEdit($0).path } ?? SiteURL.topicNew.path
        let kinds = TopicKind.allCases.map { (value: $0.rawValue, label: $0.label) }
        return H.group([
            H.h1(id == nil ? "Thêm chuyên đề" : "Sửa chuyên đề"),
            H.p("Chuyên đề toàn khóa do tỉnh ủy, thành ủy lựa chọn cho cả nhiệm kỳ, trong thời gian thực hiện của chương trình; mỗi chuyên đề hằng năm thuộc một chuyên đề toàn khóa của cùng tỉnh ủy, thành ủy và nằm trong các năm của chuyên đề đó."),
            Form.errorSummary(errors),
            Form.post(action: action, csrf: csrf, id: "topic-form", [
                Form.select("programmeId", "Chương trình", options: choices.programmes, selected: values.programmeID,
                            errors: errors, required: true, blank: "— Chọn chương trình —"),
                Form.select("unit", "Tỉnh ủy, thành ủy", options: choices.provinces, selected: values.unitCode,
                            errors: errors, required: true, blank: choices.provinces.count == 1 ? nil : "— Chọn tỉnh ủy, thành ủy —"),
                Form.select("kind", "Loại chuyên đề", options: kinds, selected: values.kind, errors: errors, required: true,
                            blank: "— Chọn loại —"),
                Form.text("year", "Năm (năm bắt đầu với chuyên đề toàn khóa)", value: values.year, errors: errors, type: "number",
                          required: true, extra: [("min", "1945"), ("max", "9999"), ("inputmode", "numeric")]),
                Form.text("endYear", "Năm kết thúc (chuyên đề toàn khóa)", value: values.endYear, errors: errors, type: "number",
                          hint: "Chỉ nhập với chuyên đề toàn khóa, ví dụ 2025.",
                          extra: [("min", "1945"), ("max", "9999"), ("inputmode", "numeric")]),
                Form.select("parentTopicId", "Thuộc chuyên đề toàn khóa (chuyên đề hằng năm)", options: choices.parents,
                            selected: values.parentTopicID, errors: errors, blank: "— Không (chuyên đề toàn khóa) —"),
                Form.text("title", "Tên chuyên đề", value: values.title, errors: errors, required: true),
                Form.textarea("description", "Mô tả", value: values.description, errors: errors),
                H.el("p", ["class": "actions"], Form.submit("Lưu"), H.a(back, "Hủy", class: "button")),
            ]),
        ])
    }

    /// Shown instead of the form when the account chooses topics for no provincial committee.
    static func noProvince() -> Markup {
        H.group([
            H.h1("Thêm chuyên đề"),
            H.p("Chuyên đề do tỉnh ủy, thành ủy lựa chọn. Phạm vi tài khoản của bạn không có tỉnh ủy, thành ủy nào, nên không thể thêm chuyên đề."),
            H.el("p", [:], H.a(SiteURL.programmes.path, "‹ Chương trình, chuyên đề")),
        ])
    }
}
