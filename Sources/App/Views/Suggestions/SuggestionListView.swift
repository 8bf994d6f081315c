import Domain
import Plot

/// `/de-xuat-khen-thuong`: for each active rule, who the grading history qualifies, each list a
/// form whose one button turns the checked candidates into a draft nomination.
struct SuggestionPageModel: Sendable {
    /// The filters as typed.
    let unit: String
    let year: String
    let report: SuggestionReport
    let page: Int
    let perPage: Int
    /// The account may propose (writes the unit's records) and a unit is chosen.
    let canPropose: Bool
    let csrf: String
    /// Administrators edit the rules.
    let showRules: Bool
    var errors = FormErrors()
}

enum SuggestionListView {
    static func render(_ m: SuggestionPageModel) -> Markup {
        let r = m.report
        let none = FormErrors()
        let filters = H.el("form", ["method": "get", "action": SiteURL.suggestions.path, "class": "filters", "role": "search"],
            Form.text("don-vi", "Mã đơn vị (gồm các tổ chức trực thuộc)", value: m.unit, errors: none,
                      hint: "Để trống: đơn vị của bạn."),
            Form.text("nam", "Năm xét", value: String(r.year), errors: none, type: "number",
                      extra: [("min", "1945"), ("max", "9999"), ("inputmode", "numeric")]),
            Form.submit("Xem"))
        var body: [Markup] = [H.h1("Đề xuất khen thưởng"), filters, Form.errorSummary(m.errors)]
        if r.unknownUnit {
            body.append(H.el("p", ["class": "flash-error", "role": "status"],
                             .text("Không tìm thấy tổ chức đảng có mã “\(m.unit)” trong phạm vi của bạn.")))
            return H.group(body)
        }
        let scope = r.root.map { "\($0.name) và các tổ chức đảng trực thuộc" } ?? "Toàn bộ các tổ chức đảng"
        body.append(H.p("\(scope). Tính theo kết quả xếp loại chất lượng đã nộp; thiếu một năm là không liên tục.", class: "hint"))
        if r.root == nil { body.append(H.p("Chọn một đơn vị để lập đề nghị khen thưởng.", class: "hint")) }
        if m.showRules { body.append(H.el("p", [:], H.a(SiteURL.suggestionRules.path, "Quy tắc đề xuất khen thưởng"))) }
        if r.rules.isEmpty { body.append(H.p("Chưa có quy tắc đề xuất nào đang áp dụng.", class: "empty")) }
        body += r.rules.map { section($0, m) }
        body.append(Pager.render(page: m.page, perPage: m.perPage, total: r.rules.map(\.total).max() ?? 0) { page in
            SiteURL.suggestions.with([("don-vi", m.unit), ("nam", String(r.year)), ("trang", String(page))])
        })
        return H.group(body)
    }

    private static func section(_ s: RuleSuggestions, _ m: SuggestionPageModel) -> Markup {
        let isMember = s.criterion.subject == .member
        let noun = isMember ? "đảng viên" : "tổ chức đảng"
        let open = s.candidates.filter { $0.nominationID == nil }
        let propose = m.canPropose && !open.isEmpty
        let rows = s.candidates.map { c -> Markup in
            let key = String(isMember ? c.personID! : c.unitID)
            let choose: Markup = c.nominationID.map { id in
                c.nominationVisible ? H.a(SiteURL.nomination(id).path, "Đã đề nghị") : H.text("Đã đề nghị")
            } ?? (propose
                ? H.el("label", ["class": "check"], H.el("input", ["type": "checkbox", "name": "chon-\(key)", "value": "1",
                                                                    "checked": "", "aria-label": "Chọn \(c.name)"]))
                : H.text("Chưa đề nghị"))
            return H.el("tr", ["data-id": key], children: [
                H.el("td", [:], choose), H.el("td", [:], .text(c.name)),
                isMember ? H.el("td", [:], .text(c.unitName)) : .empty,
            ])
        }
        let window = s.criterion.window(endingIn: m.report.year)
        let table = H.table(id: "quy-tac-\(s.rule.id!)", headers: ["Chọn", isMember ? "Đảng viên" : "Tổ chức đảng"] + (isMember ? ["Chi bộ"] : []),
                            rows: rows, empty: "Không có \(noun) nào đủ điều kiện.")
        let list: Markup = propose
            ? Form.post(action: SiteURL.suggestions.path, csrf: m.csrf, [
                Form.hidden("don-vi", m.report.root?.code ?? ""), Form.hidden("nam", String(m.report.year)),
                Form.hidden("ruleId", String(s.rule.id!)), table,
                H.el("p", ["class": "actions"], Form.submit("Lập đề nghị khen thưởng")),
            ])
            : table
        return H.el("section", ["class": "suggestion-rule", "id": "de-xuat-\(s.rule.id!)"],
            H.h2(s.rule.name),
            H.p("\(s.criterion.describe(year: m.report.year)) → \(s.formName) của \(s.issuerName). "
                + "Năm xét: \(window.lowerBound == window.upperBound ? "\(window.upperBound)" : "\(window.lowerBound)–\(window.upperBound)"). "
                + "Có \(VietnameseFormat.count(s.total, unit: noun)).", class: "hint"),
            list)
    }
}
