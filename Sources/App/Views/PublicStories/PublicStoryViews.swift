import Domain
import Foundation
import Plot

struct PublicStoryListQuery: Sendable {
    var unit = ""
    var year = ""
    var status = ""

    static let statuses: [(value: String, label: String, published: Bool)] = [
        ("da-cong-bo", "Đã công bố", true), ("chua-cong-bo", "Chưa công bố", false),
    ]

    var pairs: [(String, String?)] { [("don-vi", unit), ("nam", year), ("trang-thai", status)] }
}

enum PublicStoryListView {
    static func render(
        query: PublicStoryListQuery, stories: [PublicStory], unitsByID: [Int: OrgUnit], total: Int, page: Int, perPage: Int,
        unknownUnit: Bool
    ) -> Markup {
        let none = FormErrors()
        let filters = H.el("form", ["method": "get", "action": SiteURL.publicStories.path, "class": "filters", "role": "search"],
            Form.text("don-vi", "Mã đơn vị (gồm cấp dưới)", value: query.unit, errors: none),
            Form.text("nam", "Năm", value: query.year, errors: none, type: "number",
                      extra: [("min", String(YearRecordFields.firstYear)), ("max", "9999"), ("inputmode", "numeric")]),
            Form.select("trang-thai", "Trạng thái", options: PublicStoryListQuery.statuses.map { ($0.value, $0.label) },
                        selected: query.status, errors: none, blank: "Tất cả"),
            Form.submit("Lọc"))
        let rows = stories.map { s in
            H.row([H.text(String(s.year)), H.a(SiteURL.publicStory(s.id).path, s.title), H.text(s.kind.label),
                   H.text(PublicStoryDetailView.status(s)), H.text(unitsByID[s.unitID]?.name ?? "")])
        }
        return H.group([
            H.h1("Giới thiệu gương sáng"),
            H.p("Bài giới thiệu điển hình tiên tiến, mô hình hay trên trang công khai “Gương sáng” (không cần đăng nhập). "
                + "Tạo bài từ trang của một điển hình hoặc mô hình (nút “Giới thiệu công khai”)."),
            H.el("p", ["class": "actions"], H.a(SiteURL.publicExemplars.path, "Xem trang công khai", class: "button")),
            filters,
            unknownUnit ? H.el("p", ["class": "flash-error", "role": "status"],
                               .text("Không tìm thấy tổ chức đảng có mã “\(query.unit)” trong phạm vi của bạn.")) : .empty,
            H.el("p", ["class": "hint", "id": "public-story-counts"], .text("\(VietnameseFormat.number(total)) bài")),
            H.table(id: "public-story-list", headers: ["Năm", "Tiêu đề", "Loại", "Trạng thái", "Đơn vị giới thiệu"], rows: rows,
                    empty: "Không có bài nào phù hợp."),
            Pager.render(page: page, perPage: perPage, total: total) { n in
                SiteURL.publicStories.with(query.pairs + [("trang", n > 1 ? String(n) : nil)])
            },
        ])
    }
}

enum PublicStoryDetailView {
    static func status(_ s: PublicStory) -> String {
        s.isPublished ? "Đã công bố" : (s.publishedAt == nil ? "Chưa công bố" : "Đã thôi công bố")
    }

    static func render(story s: PublicStory, unitName: String, canEdit: Bool, csrf: String) -> Markup {
        let source: Markup = s.exemplarID.map { H.a(SiteURL.exemplar($0).path, "Điển hình tiên tiến") }
            ?? s.practiceModelID.map { H.a(SiteURL.practiceModel($0).path, "Mô hình") } ?? H.text("—")
        let action: Markup = s.isPublished
            ? Form.post(action: SiteURL.publicStoryUnpublish(s.id).path, csrf: csrf, id: "unpublish-form", class: "inline",
                        [Form.submit("Thôi công bố", class: "button")])
            : Form.post(action: SiteURL.publicStoryPublish(s.id).path, csrf: csrf, id: "publish-form", class: "inline",
                        [Form.submit("Công bố")])
        return H.group([
            H.el("p", [:], H.a(SiteURL.publicStories.path, "‹ Giới thiệu gương sáng")),
            H.h1(s.title),
            H.facts([
                ("Loại", H.text(s.kind.label)),
                ("Nguồn", source),
                ("Năm", H.text(String(s.year))),
                ("Đơn vị giới thiệu", H.a(SiteURL.unit(s.unitID).path, unitName)),
                ("Trạng thái", H.text(status(s))),
                ("Công bố lần đầu", H.text(s.publishedAt.map { VietnameseFormat.date(LocalDate($0)) } ?? "—")),
                ("Tóm tắt", PublicPageView.paragraphs(s.summary)),
                ("Nội dung", PublicPageView.paragraphs(s.body)),
            ]),
            s.isPublished ? H.el("p", [:], H.a(SiteURL.publicExemplar(s.id).path, "Xem trên trang công khai")) : .empty,
            canEdit ? H.el("div", ["class": "actions"],
                           H.a(SiteURL.publicStoryEdit(s.id).path, "Sửa bài", class: "button"), action) : .empty,
        ])
    }
}

enum PublicStoryFormView {
    /// /bai-cong-khai/moi without a source: where to start one.
    static func chooseSource() -> Markup {
        H.group([
            H.h1("Thêm bài giới thiệu"),
            H.p("Bài giới thiệu được tạo từ một điển hình tiên tiến hoặc một mô hình trong phạm vi của bạn: mở trang của điển hình "
                + "hoặc mô hình đó và chọn “Giới thiệu công khai”."),
            H.el("p", ["class": "actions"],
                 H.a(SiteURL.exemplars.path, "Điển hình tiên tiến", class: "button"),
                 H.a(SiteURL.practiceModels.path, "Mô hình, cách làm hay", class: "button")),
        ])
    }

    static func render(id: Int?, values: PublicStoryInput, errors: FormErrors, csrf: String) -> Markup {
        let action = id.map { SiteURL.publicStoryEdit($0).path } ?? SiteURL.publicStoryNew.path
        let back = id.map { SiteURL.publicStory($0).path } ?? SiteURL.publicStories.path
        let source: [Markup] = id != nil ? [] : [
            values.exemplarID.map { Form.hidden("exemplar", $0) } ?? .empty,
            values.practiceModelID.map { Form.hidden("model", $0) } ?? .empty,
        ]
        return H.group([
            H.h1(id == nil ? "Thêm bài giới thiệu" : "Sửa bài giới thiệu"),
            H.p("Chỉ tiêu đề, tóm tắt, nội dung, năm và tên đơn vị giới thiệu hiện trên trang công khai. "
                + "Không ghi ngày sinh, số điện thoại, địa chỉ hay giấy tờ tùy thân của ai vào bài.", class: "hint"),
            Form.errorSummary(errors),
            Form.post(action: action, csrf: csrf, id: "public-story-form", source + [
                Form.text("unit", "Mã đơn vị giới thiệu", value: values.unitCode, errors: errors, required: true,
                          hint: "Tên đơn vị này hiện là tác giả của bài.", extra: [("autocomplete", "off")]),
                Form.text("year", "Năm", value: values.year, errors: errors, type: "number", required: true,
                          extra: [("min", String(YearRecordFields.firstYear)), ("inputmode", "numeric")]),
                Form.text("title", "Tiêu đề", value: values.title, errors: errors, required: true,
                          extra: [("maxlength", String(PublicStoryService.titleLimit))]),
                Form.textarea("summary", "Tóm tắt", value: values.summary, errors: errors, rows: 3),
                Form.textarea("body", "Nội dung bài", value: values.body, errors: errors, rows: 12),
                H.el("p", ["class": "actions"], Form.submit("Lưu"), H.a(back, "Hủy", class: "button")),
            ]),
        ])
    }
}
