import Domain
import Plot

/// `/don-vi/:id`: a unit's facts, its history in the tree, what hangs on it today.
enum UnitPageView {
    /// The changes the account may start from this page.
    struct Actions: Sendable {
        var edit = false
        var addChild = false
        var move = false
        var merge = false
        var dissolve = false
    }

    /// `deadlines`: the open deadlines of the unit's subtree this year (hạn cần làm).
    static func render(_ unit: UnitDetail, actions: Actions, deadlines: DeadlineCounts? = nil) -> Markup {
        let id = unit.ref.id
        return H.group([
            H.h1(unit.ref.name),
            actionBar(id, actions),
            H.facts(facts(unit)),
            deadlines.map { counts in
                H.el("section", ["id": "unit-deadlines"], H.h2("Hạn cần làm"),
                     DeadlineSummary.render(counts, link: SiteURL.deadlines.with([("don-vi", unit.ref.code)])))
            } ?? .empty,
            H.h2("Quá trình trực thuộc"),
            H.table(id: "parent-history", headers: ["Từ ngày", "Đến ngày", "Đơn vị cấp trên"], rows: unit.parentHistory.map { period in
                H.row([
                    .text(VietnameseFormat.date(period.from)),
                    .text(period.to.map(VietnameseFormat.date) ?? "nay"),
                    period.parent.map { link($0, unit.linkable) } ?? .text("Không có (cấp cao nhất)"),
                ])
            }, empty: "Chưa có thông tin trực thuộc."),
            H.h2("Tổ chức đảng trực thuộc"),
            H.table(id: "unit-children", headers: ["Mã", "Tên", "Loại", "Trực thuộc từ"], rows: unit.children.map { child in
                H.row([.text(child.unit.code), link(child.unit, unit.linkable), .text(child.kindName), .text(VietnameseFormat.date(child.since))])
            }, empty: "Không có tổ chức đảng trực thuộc."),
            H.h2("Đơn vị đã sáp nhập vào đơn vị này"),
            H.table(id: "unit-merged", headers: ["Mã", "Tên", "Sáp nhập từ ngày"], rows: unit.merged.map { merged in
                H.row([.text(merged.unit.code), link(merged.unit, unit.linkable), .text(merged.dissolvedOn.map(VietnameseFormat.date) ?? "")])
            }, empty: "Không có đơn vị nào sáp nhập vào đơn vị này."),
            H.h2("Cán bộ, đảng viên"),
            H.el("p", ["id": "unit-people"],
                 .text("Đang sinh hoạt tại đơn vị: \(VietnameseFormat.count(unit.peopleCount, unit: "người")). "),
                 H.a(SiteURL.people.with([("don-vi", unit.ref.code)]), "Xem danh sách")),
            H.h2("Chức vụ hiện tại"),
            H.table(id: "unit-positions", headers: ["Chức vụ", "Họ và tên", "Từ ngày"], rows: unit.posts.map { post in
                H.row([.text(post.title.label), H.a(SiteURL.person(post.personID).path, post.personName), .text(VietnameseFormat.date(post.since))])
            }, empty: "Chưa ghi nhận chức vụ nào."),
            H.el("p", ["id": "unit-indicators"], H.a(SiteURL.indicators.with([("don-vi", unit.ref.code)]), "Chỉ tiêu thực hiện của đơn vị")),
            H.el("p", [:], H.a(SiteURL.audit.with([("don-vi", unit.ref.code)]), "Nhật ký thay đổi của đơn vị")),
        ])
    }

    private static func facts(_ unit: UnitDetail) -> [(String, Markup)] {
        var rows: [(String, Markup)] = [
            ("Mã đơn vị", .text(unit.ref.code)),
            ("Tên", .text(unit.ref.name)),
            ("Loại tổ chức đảng", .text(unit.kindName)),
            ("Loại hình", .text(unit.attachment.label)),
            ("Ngày thành lập", .text(VietnameseFormat.date(unit.foundedOn))),
            ("Trực thuộc hiện nay", unit.currentParent.map { link($0, unit.linkable) } ?? .text(unit.dissolvedOn == nil ? "Không có (cấp cao nhất)" : "—")),
        ]
        if let dissolved = unit.dissolvedOn {
            let label = unit.successor == nil ? "Giải thể từ ngày" : "Sáp nhập từ ngày"
            rows.append((label, H.el("span", ["class": "badge dissolved"], .text(VietnameseFormat.date(dissolved)))))
        }
        if let successor = unit.successor {
            rows.append(("Đơn vị tiếp nhận", link(successor, unit.linkable)))
        }
        if !unit.note.isEmpty { rows.append(("Ghi chú", .text(unit.note))) }
        return rows
    }

    private static func actionBar(_ id: Int, _ actions: Actions) -> Markup {
        var links: [Markup] = []
        if actions.edit { links.append(H.a(SiteURL.unitEdit(id).path, "Sửa thông tin", class: "button")) }
        if actions.addChild { links.append(H.a(SiteURL.unitNew.with([("cap-tren", String(id))]), "Thêm tổ chức trực thuộc", class: "button")) }
        if actions.move { links.append(H.a(SiteURL.unitMove(id).path, "Chuyển đơn vị cấp trên", class: "button")) }
        if actions.merge { links.append(H.a(SiteURL.unitMerge(id).path, "Sáp nhập", class: "button")) }
        if actions.dissolve { links.append(H.a(SiteURL.unitDissolve(id).path, "Giải thể", class: "button")) }
        guard !links.isEmpty else { return .empty }
        return H.el("div", ["class": "actions"], children: links)
    }

    /// A unit's name, linked when the account may open its page.
    static func link(_ unit: UnitRef, _ linkable: Set<Int>) -> Markup {
        let label = "\(unit.name) (\(unit.code))"
        return linkable.contains(unit.id) ? H.a(SiteURL.unit(unit.id).path, label) : .text(label)
    }
}
