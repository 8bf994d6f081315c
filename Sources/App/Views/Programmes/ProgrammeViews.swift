import Domain
import Plot

/// A programme as its pages show it.
struct ProgrammeSummary: Sendable {
    let id: Int
    let number: String
    let title: String
    let issuedOn: LocalDate
    let startsOn: LocalDate
    let endsOn: LocalDate?
    let summary: String

    init(_ p: Programme) {
        id = p.id!
        number = p.documentNumber
        title = p.title
        issuedOn = p.issuedOn
        startsOn = p.startsOn
        endsOn = p.endsOn
        summary = p.summary
    }

    var period: String {
        let start = VietnameseFormat.date(startsOn)
        return endsOn.map { start + " – " + VietnameseFormat.date($0) } ?? "Từ " + start
    }
}

/// One line of a programme's topics.
struct TopicLine: Sendable {
    let id: Int
    let kind: TopicKind
    let years: String
    let title: String
    let description: String
    let canEdit: Bool
    /// Study materials attached to the topic.
    var materials = 0
}

/// The topics one provincial committee chose under a programme, whole-term topics each followed
/// by their annual topics in year order.
struct TopicGroup: Sendable {
    let unitName: String
    let lines: [TopicLine]
}

enum ProgrammeListView {
    static func render(_ programmes: [ProgrammeSummary], canCreate: Bool) -> Markup {
        let rows = programmes.map { p in
            H.row([
                H.a(SiteURL.programme(p.id).path, p.number),
                H.text(p.title),
                H.text(VietnameseFormat.date(p.issuedOn)),
                H.text(p.period),
            ])
        }
        return H.group([
            H.h1("Chương trình, chuyên đề"),
            H.p("Các văn bản của Đảng về học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh; chọn một chương trình để xem chuyên đề toàn khóa, chuyên đề hằng năm và văn bản chỉ đạo thực hiện."),
            canCreate ? H.el("p", ["class": "actions"], H.a(SiteURL.programmeNew.path, "Thêm chương trình", class: "button primary")) : .empty,
            H.table(id: "programmes", headers: ["Số hiệu", "Tên văn bản", "Ngày ban hành", "Thời gian thực hiện"], rows: rows,
                    empty: "Chưa có chương trình nào."),
        ])
    }
}

enum ProgrammeDetailView {
    static func render(
        _ p: ProgrammeSummary, groups: [TopicGroup], documents: [DocumentLine], documentTotal: Int,
        canEdit: Bool, canAddTopic: Bool
    ) -> Markup {
        var actions: [Markup] = []
        if canEdit { actions.append(H.a(SiteURL.programmeEdit(p.id).path, "Sửa chương trình", class: "button")) }
        if canAddTopic {
            actions.append(H.a(SiteURL.topicNew.with([("chuong-trinh", String(p.id))]), "Thêm chuyên đề", class: "button primary"))
        }
        return H.group([
            H.el("p", [:], H.a(SiteURL.programmes.path, "‹ Chương trình, chuyên đề")),
            H.h1(p.number),
            H.facts([
                ("Số hiệu", H.text(p.number)),
                ("Tên văn bản", H.text(p.title)),
                ("Ngày ban hành", H.text(VietnameseFormat.date(p.issuedOn))),
                ("Thời gian thực hiện", H.text(p.period)),
                ("Nội dung chính", H.text(p.summary.isEmpty ? "—" : p.summary)),
            ]),
            actions.isEmpty ? .empty : H.el("p", ["class": "actions"], children: actions),
            H.el("section", ["id": "topics"], children: [H.h2("Chuyên đề")] + topicSections(groups)),
            H.el("section", ["id": "documents"],
                 H.h2("Văn bản chỉ đạo thực hiện"),
                 DocumentTable.render(documents, showProgramme: false,
                                      empty: "Chưa có văn bản chỉ đạo nào gắn với chương trình này trong phạm vi của bạn."),
                 documentTotal > documents.count
                     ? H.el("p", [:], H.a(SiteURL.documents.with([("chuong-trinh", String(p.id))]),
                                          "Xem tất cả \(VietnameseFormat.number(documentTotal)) văn bản"))
                     : .empty),
        ])
    }

    private static func topicSections(_ groups: [TopicGroup]) -> [Markup] {
        guard !groups.isEmpty else {
            return [H.p("Chưa có chuyên đề nào trong phạm vi của bạn.", class: "empty")]
        }
        return groups.map { group in
            H.el("section", ["class": "topic-group"],
                 H.el("h3", [:], .text(group.unitName)),
                 H.table(headers: ["Năm", "Loại", "Chuyên đề", "Thao tác"], rows: group.lines.map(topicRow)))
        }
    }

    private static func topicRow(_ t: TopicLine) -> Markup {
        let title: Markup = t.description.isEmpty
            ? H.text(t.title)
            : H.group([H.el("strong", [:], .text(t.title)), H.el("br"), H.el("small", [:], .text(t.description))])
        return H.row([
            H.text(t.years),
            H.el("span", ["class": "badge kind"], .text(t.kind.label)),
            t.kind == .annual ? H.el("span", ["class": "annual"], title) : title,
            H.group([
                H.a(SiteURL.topicMaterials(t.id).path, t.materials > 0 ? "Tài liệu (\(t.materials))" : "Tài liệu"),
                t.canEdit ? H.group([H.text(" · "), H.a(SiteURL.topicEdit(t.id).path, "Sửa")]) : .empty,
            ]),
        ], attributes: ["class": t.kind == .annual ? "topic annual" : "topic whole-term"])
    }
}
