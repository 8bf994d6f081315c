import Domain
import Plot

/// `/don-vi`: the tree as it stood on a day, or the units matching a search.
enum UnitTreeView {
    struct Header: Sendable {
        let day: LocalDate
        /// The date as typed, shown back when it was not a valid date.
        let rawDay: String
        let dateError: String?
        let query: String
        let createLink: String?
    }

    struct Hit: Sendable {
        let unit: OrgUnit
        let kindName: String
    }

    static func render(header: Header, body: Markup) -> Markup {
        var errors = FormErrors()
        if let message = header.dateError { errors.add("ngay", message) }
        let dayValue = header.dateError == nil ? header.day.iso : header.rawDay
        return H.group([
            H.h1(header.query.isEmpty ? "Cây tổ chức ngày \(VietnameseFormat.date(header.day))" : "Tìm tổ chức đảng"),
            header.createLink.map { H.el("div", ["class": "actions"], H.a($0, "Thêm tổ chức đảng", class: "button primary")) } ?? .empty,
            header.dateError == nil ? downloads(header) : .empty,
            H.el("form", ["method": "get", "action": SiteURL.units.path, "id": "tree-date-form", "class": "filters"],
                 Form.text("ngay", "Xem cây tổ chức vào ngày", value: dayValue, errors: errors, type: "date"),
                 Form.submit("Xem cây", class: "button")),
            H.el("form", ["method": "get", "action": SiteURL.units.path, "id": "unit-search-form", "class": "filters", "role": "search"],
                 Form.text("q", "Tìm theo tên hoặc mã (gõ có dấu hay không dấu đều được)", value: header.query, errors: FormErrors(),
                           type: "search"),
                 Form.submit("Tìm", class: "button")),
            body,
        ])
    }

    /// The list as shown (the tree of the day, or the search), as a file the import reads back.
    private static func downloads(_ header: Header) -> Markup {
        let pairs: [(String, String?)] = header.query.isEmpty ? [("ngay", header.rawDay.isEmpty ? nil : header.day.iso)] : [("q", header.query)]
        return H.el("p", ["class": "actions"],
                    H.a(SiteURL.unitsXlsx.with(pairs), "Tải về Excel", class: "button"),
                    H.a(SiteURL.unitsCsv.with(pairs), "Tải về CSV", class: "button"))
    }

    /// Nested lists: each unit an `li` with its code in `data-unit-code`, under its parent of that day.
    static func tree(_ tree: ScopedTree) -> Markup {
        let when = VietnameseFormat.date(tree.day)
        if let missing = tree.missingScope {
            return H.p("Đơn vị trong phạm vi của bạn, \(missing.name) (\(missing.code)), chưa thành lập hoặc đã không còn tồn tại vào ngày \(when), nên không có cây tổ chức để hiển thị.", class: "empty")
        }
        if tree.nodes.isEmpty { return H.p("Không có tổ chức đảng nào tồn tại vào ngày \(when).", class: "empty") }
        var children: [Int?: [ScopedTree.Node]] = [:]
        for node in tree.nodes { children[node.parentID, default: []].append(node) }
        func list(_ nodes: [ScopedTree.Node], top: Bool) -> Markup {
            H.el("ul", ["class": top ? "tree" : nil, "id": top ? "unit-tree" : nil], children: nodes.map { node in
                let name: Markup = node.linkable ? H.a(SiteURL.unit(node.id).path, node.name) : H.el("span", [:], .text(node.name))
                let below = children[node.id].map { list($0, top: false) } ?? .empty
                return H.el("li", ["data-unit-code": node.code],
                            name, .text(" "), H.el("span", ["class": "badge"], .text(node.code)), .text(" "),
                            H.el("span", ["class": "kind"], .text(node.kindName)), below)
            })
        }
        return H.group([
            H.p("\(VietnameseFormat.number(tree.nodes.count)) tổ chức đảng tồn tại vào ngày \(when).", class: "hint"),
            list(children[nil] ?? [], top: true),
        ])
    }

    static func results(_ hits: [Hit], total: Int, page: Int, perPage: Int, query: String) -> Markup {
        let rows = hits.map { hit -> Markup in
            let unit = hit.unit
            let status: Markup = unit.dissolvedOn.map {
                H.el("span", ["class": "badge dissolved"], .text((unit.successorID == nil ? "Giải thể " : "Sáp nhập ") + VietnameseFormat.date($0)))
            } ?? .text("Đang hoạt động")
            return H.row([
                .text(unit.code), H.a(SiteURL.unit(unit.id!).path, unit.name), .text(hit.kindName),
                .text(VietnameseFormat.date(unit.foundedOn)), status,
            ], attributes: ["data-unit-id": String(unit.id!)])
        }
        return H.group([
            H.el("p", ["id": "result-count", "data-count": String(total)],
                 .text("Tìm thấy \(VietnameseFormat.number(total)) tổ chức đảng cho “\(query)”. "),
                 H.a(SiteURL.units.path, "Xem cây tổ chức")),
            H.table(id: "unit-results", headers: ["Mã", "Tên", "Loại", "Thành lập", "Tình trạng"], rows: rows,
                    empty: "Không có tổ chức đảng nào khớp với từ khóa."),
            Pager.render(page: page, perPage: perPage, total: total) { SiteURL.units.with([("q", query), ("trang", String($0))]) },
        ])
    }
}
