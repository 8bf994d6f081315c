import Plot

/// All page content is a Plot node of the body context.
typealias Markup = Node<HTML.BodyContext>

/// The one way views build elements. Text goes through Plot's escaping; attribute values, which
/// Plot writes as given, go through `escapeAttribute`, so user text is inert wherever it lands.
enum H {
    /// An element with attributes (nil values are left out, "" gives a bare boolean attribute).
    static func el(_ name: String, _ attributes: KeyValuePairs<String, String?> = [:], _ children: Markup...) -> Markup {
        el(name, attributes, children: children)
    }

    static func el(_ name: String, _ attributes: KeyValuePairs<String, String?> = [:], children: [Markup]) -> Markup {
        el(name, attributes: attributes.map { ($0.key, $0.value) }, children: children)
    }

    static func el(_ name: String, attributes: [(String, String?)], children: [Markup]) -> Markup {
        var nodes: [Markup] = []
        for (key, value) in attributes {
            guard let value else { continue }
            nodes.append(value.isEmpty
                ? .attribute(named: key, value: nil, ignoreIfValueIsEmpty: false)
                : .attribute(named: key, value: escapeAttribute(value)))
        }
        return .element(named: name, nodes: nodes + children)
    }

    static func text(_ s: String) -> Markup { .text(s) }

    static func group(_ children: [Markup]) -> Markup { .group(children) }

    static func a(_ href: String, _ label: String, class cls: String? = nil) -> Markup {
        el("a", ["href": href, "class": cls], .text(label))
    }

    static func div(_ cls: String, _ children: Markup...) -> Markup { el("div", ["class": cls], children: children) }

    static func p(_ s: String, class cls: String? = nil) -> Markup { el("p", ["class": cls], .text(s)) }

    static func h1(_ s: String) -> Markup { el("h1", [:], .text(s)) }

    static func h2(_ s: String) -> Markup { el("h2", [:], .text(s)) }

    /// A description list of label/value rows, for detail pages.
    static func facts(_ rows: [(String, Markup)]) -> Markup {
        el("dl", ["class": "facts"], children: rows.flatMap { [el("dt", [:], .text($0.0)), el("dd", [:], $0.1)] })
    }

    /// A table that scrolls sideways inside its box on a phone instead of widening the page.
    static func table(id: String? = nil, headers: [String], rows: [Markup], empty: String = "Chưa có dữ liệu.") -> Markup {
        if rows.isEmpty { return p(empty, class: "empty") }
        return el("div", ["class": "table-wrap"],
            el("table", ["id": id],
               el("thead", [:], el("tr", [:], children: headers.map { el("th", ["scope": "col"], .text($0)) })),
               el("tbody", [:], children: rows)))
    }

    static func row(_ cells: [Markup], attributes: KeyValuePairs<String, String?> = [:]) -> Markup {
        el("tr", attributes, children: cells.map { el("td", [:], $0) })
    }

    static func escapeAttribute(_ value: String) -> String {
        var out = ""
        out.reserveCapacity(value.utf8.count)
        for ch in value {
            switch ch {
            case "&": out += "&amp;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.append(ch)
            }
        }
        return out
    }
}
