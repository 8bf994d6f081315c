import Domain
import Plot

/// Messages for the fields of a form that failed validation, by field name.
struct FormErrors: Sendable {
    private(set) var messages: [(field: String, message: String)] = []

    var isEmpty: Bool { messages.isEmpty }

    mutating func add(_ field: String, _ message: String) {
        messages.append((field, message))
    }

    subscript(field: String) -> String? { messages.first { $0.field == field }?.message }
}

/// Form controls with a label, the value entered, and the error beside the field it belongs to.
enum Form {
    static func post(action: String, csrf: String, id: String? = nil, class cls: String? = nil, _ children: [Markup]) -> Markup {
        H.el("form", ["method": "post", "action": action, "id": id, "class": cls, "novalidate": ""],
             children: [hidden(CSRF.field, csrf)] + children)
    }

    static func hidden(_ name: String, _ value: String) -> Markup {
        H.el("input", ["type": "hidden", "name": name, "value": value])
    }

    /// A text-like input; `extra` adds attributes such as min, max, autocomplete or inputmode.
    static func text(
        _ name: String, _ label: String, value: String?, errors: FormErrors, type: String = "text",
        required: Bool = false, hint: String? = nil, extra: [(String, String?)] = []
    ) -> Markup {
        let attributes: [(String, String?)] = [
            ("type", type), ("id", "f-\(name)"), ("name", name), ("value", value ?? ""),
            ("required", required ? "" : nil),
            ("aria-invalid", errors[name] == nil ? nil : "true"),
            ("aria-describedby", errors[name] == nil ? nil : "e-\(name)"),
        ] + extra
        return field(name, label, required: required, hint: hint, errors: errors,
                     control: H.el("input", attributes: attributes, children: []))
    }

    static func textarea(_ name: String, _ label: String, value: String?, errors: FormErrors, rows: Int = 4) -> Markup {
        field(name, label, required: false, hint: nil, errors: errors,
              control: H.el("textarea", ["id": "f-\(name)", "name": name, "rows": String(rows)], .text(value ?? "")))
    }

    static func select(
        _ name: String, _ label: String, options: [(value: String, label: String)], selected: String?,
        errors: FormErrors, required: Bool = false, blank: String? = nil
    ) -> Markup {
        var nodes: [Markup] = []
        if let blank { nodes.append(H.el("option", ["value": ""], .text(blank))) }
        nodes += options.map { H.el("option", ["value": $0.value, "selected": $0.value == selected ? "" : nil], .text($0.label)) }
        return field(name, label, required: required, hint: nil, errors: errors,
                     control: H.el("select", ["id": "f-\(name)", "name": name], children: nodes))
    }

    static func submit(_ label: String, class cls: String = "button primary") -> Markup {
        H.el("button", ["type": "submit", "class": cls], .text(label))
    }

    /// A summary of all errors at the top of a form, so a screen reader hears them first.
    static func errorSummary(_ errors: FormErrors) -> Markup {
        guard !errors.isEmpty else { return .empty }
        return H.el("div", ["class": "flash-error", "role": "alert"],
                    H.p("Vui lòng sửa các lỗi sau:"),
                    H.el("ul", [:], children: errors.messages.map { H.el("li", [:], .text($0.message)) }))
    }

    private static func field(_ name: String, _ label: String, required: Bool, hint: String?, errors: FormErrors, control: Markup) -> Markup {
        H.el("div", ["class": errors[name] == nil ? "field" : "field invalid"],
             H.el("label", ["for": "f-\(name)"], .text(label), required ? H.el("span", ["class": "req", "aria-hidden": "true"], .text(" *")) : .empty),
             control,
             hint.map { H.el("small", ["class": "hint"], .text($0)) } ?? .empty,
             errors[name].map { H.el("p", ["class": "error", "id": "e-\(name)"], .text($0)) } ?? .empty)
    }
}

/// Links to the pages of a long list.
enum Pager {
    static func render(page: Int, perPage: Int, total: Int, link: (Int) -> String) -> Markup {
        let pages = max(1, (total + perPage - 1) / perPage)
        guard pages > 1 else { return .empty }
        var items: [Markup] = []
        if page > 1 { items.append(H.a(link(page - 1), "‹ Trang trước", class: "button")) }
        items.append(H.el("span", ["class": "page-of"], .text("Trang \(page)/\(pages)")))
        if page < pages { items.append(H.a(link(page + 1), "Trang sau ›", class: "button")) }
        return H.el("nav", ["class": "pager", "aria-label": "Phân trang"], children: items)
    }
}
