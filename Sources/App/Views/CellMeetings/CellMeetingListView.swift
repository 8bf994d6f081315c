import Domain
import Plot

/// A meeting as lists show it.
struct CellMeetingLine: Sendable {
    let id: Int
    let kind: CellMeetingKind
    let heldOn: LocalDate
    let unitName: String
    let present: Int
    let absent: Int
    let includedContent: Bool
    let opinionsRaised: Int
    let topicTitle: String?
}

/// The list page's filters as entered (text, so the form shows what was typed).
struct CellMeetingListQuery: Sendable {
    var unit = ""
    var year = ""

    var pairs: [(String, String?)] { [("don-vi", unit), ("nam", year)] }
}

/// What the list page shows besides the grid: the chosen cell's meetings, when a cell is chosen.
struct CellMeetingPageModel: Sendable {
    let query: CellMeetingListQuery
    let year: Int
    let rows: [CellComplianceRow]
    let total: Int
    let page: Int
    let perPage: Int
    let unknownUnit: Bool
    let rootName: String?
    /// The chosen unit when it is a cell: its code, for the "record" links, and its meetings.
    let cellCode: String?
    let meetings: [CellMeetingLine]
    let canCreate: Bool
}

enum CellMeetingListView {
    static func render(_ m: CellMeetingPageModel) -> Markup {
        let none = FormErrors()
        let filters = H.el("form", ["method": "get", "action": SiteURL.cellMeetings.path, "class": "filters", "role": "search"],
            Form.text("don-vi", "Mã đơn vị (gồm các chi bộ trực thuộc)", value: m.query.unit, errors: none,
                      hint: "Để trống: toàn bộ phạm vi của bạn."),
            Form.text("nam", "Năm", value: m.query.year.isEmpty ? String(m.year) : m.query.year, errors: none, type: "number",
                      extra: [("min", "1945"), ("max", "9999"), ("inputmode", "numeric")]),
            Form.submit("Xem"))
        var actions: [Markup] = []
        if m.canCreate {
            for kind in CellMeetingKind.allCases {
                let link = SiteURL.cellMeetingNew.with([("don-vi", m.cellCode), ("loai", kind.rawValue)])
                actions.append(H.a(link, "Ghi \(kind.label.lowercased())", class: kind == .regular ? "button primary" : "button"))
            }
        }
        var notes: [Markup] = []
        if m.unknownUnit {
            notes.append(H.el("p", ["class": "flash-error", "role": "status"],
                              .text("Không tìm thấy tổ chức đảng có mã “\(m.query.unit)” trong phạm vi của bạn.")))
        }
        if m.cellCode != nil, let name = m.rootName {
            notes.append(H.p("\(name), năm \(m.year)", class: "hint"))
        } else {
            let scope = m.rootName.map { " thuộc \($0)" } ?? ""
            notes.append(H.p("\(VietnameseFormat.number(m.total)) chi bộ\(scope), năm \(m.year)", class: "hint"))
        }
        var meetings: Markup = .empty
        if m.cellCode != nil {
            meetings = H.group([
                H.h2("Các lần sinh hoạt năm \(m.year)"),
                CellMeetingTable.render(m.meetings, empty: "Chưa ghi lần sinh hoạt nào trong năm \(m.year)."),
            ])
        }
        return H.group([
            H.h1("Sinh hoạt chi bộ"),
            actions.isEmpty ? .empty : H.el("p", ["class": "actions"], children: actions),
            filters,
            H.group(notes),
            CellComplianceGrid.render(m.rows, year: m.year, empty: "Không có chi bộ nào trong phạm vi đã chọn."),
            Pager.render(page: m.page, perPage: m.perPage, total: m.total) { n in
                SiteURL.cellMeetings.with(m.query.pairs + [("trang", n > 1 ? String(n) : nil)])
            },
            meetings,
            CellComplianceGrid.legend(),
        ])
    }
}

/// The meetings of a cell, newest first.
enum CellMeetingTable {
    static func render(_ lines: [CellMeetingLine], empty: String) -> Markup {
        let rows = lines.map { l in
            H.row([
                H.a(SiteURL.cellMeeting(l.id).path, VietnameseFormat.date(l.heldOn)),
                H.text(l.kind.label),
                H.text("\(VietnameseFormat.number(l.present)) có mặt, \(VietnameseFormat.number(l.absent)) vắng"),
                H.text(l.kind == .regular ? (l.includedContent ? "Có" : "Không") : (l.topicTitle ?? "—")),
                H.text(l.kind == .thematic ? VietnameseFormat.number(l.opinionsRaised) : "—"),
            ])
        }
        return H.table(id: "cell-meeting-list",
                       headers: ["Ngày", "Loại", "Dự họp", "Nội dung học tập và làm theo Bác / Chuyên đề", "Ý kiến phát biểu"],
                       rows: rows, empty: empty)
    }
}
