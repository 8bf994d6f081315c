import Domain
import Plot

/// Pieces shared by the people pages.
enum PeopleFields {
    static let unitListID = "unit-choices"

    /// A text field for a unit code, suggesting the units in scope (typing a code or a name filters
    /// the list in the browser). A plain input, not a select: a province has thousands of units.
    static func unitCode(
        _ name: String, _ label: String, value: String?, errors: FormErrors, units: [PersonService.UnitChoice],
        required: Bool = true
    ) -> Markup {
        H.group([
            Form.text(name, label, value: value, errors: errors, required: required,
                      hint: "Nhập mã tổ chức đảng, hoặc gõ tên để chọn trong danh sách gợi ý.",
                      extra: [("list", unitListID), ("autocomplete", "off"), ("autocapitalize", "characters")]),
            datalist(units),
        ])
    }

    static func datalist(_ units: [PersonService.UnitChoice]) -> Markup {
        H.el("datalist", ["id": unitListID], children: units.map {
            H.el("option", ["value": $0.code], .text("\($0.code) — \($0.name)"))
        })
    }

    /// A date input showing what was entered: ISO when it parses (what the date picker needs),
    /// the raw text otherwise so the user sees their mistake.
    static func date(_ name: String, _ label: String, raw: String?, errors: FormErrors, required: Bool = false, hint: String? = nil) -> Markup {
        let value = raw.flatMap { LocalDate.parse($0)?.iso ?? $0 }
        return Form.text(name, label, value: value, errors: errors, type: "date", required: required, hint: hint)
    }

    static func date(_ d: LocalDate?) -> String {
        d.map(VietnameseFormat.date) ?? "—"
    }

    static func categoryOptions() -> [(value: String, label: String)] {
        PersonCategory.allCases.map { ($0.rawValue, $0.label) }
    }

    static func titleOptions() -> [(value: String, label: String)] {
        PositionTitle.allCases.map { ($0.rawValue, $0.label) }
    }
}
