import Domain
import Plot

/// `/chuyen-de/:id/tai-lieu`: a topic's study materials, with the upload form for its writers.
struct TopicMaterialsModel: Sendable {
    let topicID: Int
    let topicTitle: String
    let topicKind: TopicKind
    let topicYears: String
    let unitName: String
    let programmeID: Int
    let programmeNumber: String
    let materials: [TopicMaterialInfo]
    let canWrite: Bool
    /// The title typed, kept when the upload failed.
    let title: String
    let errors: FormErrors
    let csrf: String
}

enum TopicMaterialsView {
    static func render(_ m: TopicMaterialsModel) -> Markup {
        H.group([
            H.el("p", [:], H.a(SiteURL.programme(m.programmeID).path, "‹ \(m.programmeNumber)")),
            H.h1("Tài liệu học tập"),
            H.facts([
                ("Chuyên đề", H.text(m.topicTitle)),
                ("Loại", H.text(m.topicKind.label)),
                ("Năm", H.text(m.topicYears)),
                ("Tỉnh ủy, thành ủy", H.text(m.unitName)),
            ]),
            H.h2("Tài liệu"),
            H.table(id: "topic-materials", headers: ["Tài liệu", "Tệp", "Tải lên"] + (m.canWrite ? ["Thao tác"] : []),
                    rows: m.materials.map { row($0, m) }, empty: "Chuyên đề này chưa có tài liệu nào."),
            m.canWrite ? uploadForm(m) : .empty,
        ])
    }

    private static func row(_ material: TopicMaterialInfo, _ m: TopicMaterialsModel) -> Markup {
        var cells: [Markup] = [
            H.a(SiteURL.topicMaterial(material.id).path, material.title),
            H.group([H.text(material.filename), H.el("br"),
                     H.el("small", [:], .text(TopicMaterialService.megabytes(material.size)))]),
            H.group([H.text(VietnameseFormat.dateTime(material.createdAt)), H.el("br"),
                     H.el("small", [:], .text(material.username))]),
        ]
        if m.canWrite {
            cells.append(Form.post(action: SiteURL.topicMaterialRemove(material.id).path, csrf: m.csrf, class: "inline",
                                   [Form.submit("Xóa", class: "button")]))
        }
        return H.row(cells)
    }

    /// multipart/form-data, so `Form.post` (URL-encoded) is not used; the CSRF token goes in the body all the same.
    private static func uploadForm(_ m: TopicMaterialsModel) -> Markup {
        H.el("section", ["id": "upload"],
            H.h2("Thêm tài liệu"),
            Form.errorSummary(m.errors),
            H.el("form", ["method": "post", "action": SiteURL.topicMaterials(m.topicID).path, "enctype": "multipart/form-data",
                          "id": "material-form", "novalidate": ""],
                Form.hidden(CSRF.field, m.csrf),
                Form.text("file", "Tệp", value: nil, errors: m.errors, type: "file", required: true,
                          hint: "Nhận \(MaterialFileType.allowedText); tối đa \(TopicMaterialService.megabytes(TopicMaterialService.maxBytes)).",
                          extra: [("accept", MaterialFileType.acceptList)]),
                Form.text("title", "Tên tài liệu", value: m.title, errors: m.errors,
                          hint: "Để trống: dùng tên tệp."),
                H.el("p", ["class": "actions"], Form.submit("Tải lên"))))
    }
}
