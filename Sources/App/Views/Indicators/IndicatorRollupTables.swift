import Domain
import Plot

/// The tables of `/chi-tieu`, inside the wrapper that scrolls on a phone instead of the page.
/// Every number comes from the rollup's `FigureTable`s and results; nothing is counted here.
enum IndicatorRollupTables {
    /// STT | Nội dung | Đơn vị tính | one column per year | Tổng | Ghi chú.
    static func appendix(_ table: FigureTable) -> Markup {
        let width = String(4 + table.columns.count)
        let rows = table.rows.map { row -> Markup in
            if row.isHeading {
                return H.el("tr", ["class": "group"],
                            H.el("th", ["colspan": width, "scope": "colgroup"], .text("\(row.stt). \(row.label)")))
            }
            let isPart = row.key.contains("/")
            let cells = [H.el("td", [:], .text(row.stt)), H.el("td", [:], .text(row.label)), H.el("td", [:], .text(row.unit))]
                + row.values.map { H.el("td", ["class": "num"], .text(FigureRow.text($0))) }
                + [H.el("td", [:], .text(row.note))]
            return H.el("tr", ["id": isPart ? nil : "indicator-\(row.key)", "class": isPart ? "part" : nil], children: cells)
        }
        return H.table(id: "indicators", headers: ["STT", "Nội dung", "Đơn vị tính"] + table.columns + ["Ghi chú"], rows: rows)
    }

    /// One row per unit directly below, one column per indicator's headline; a unit's name opens
    /// the same page for it.
    static func breakdown(_ r: IndicatorRollupModel) -> Markup {
        let rows = r.breakdown.rows.map { row in
            H.el("tr", ["data-unit": row.key], children: [
                H.el("td", [:], .text(row.stt)),
                H.el("th", ["scope": "row"], H.a(r.drillDown(row.key), row.label)),
            ] + row.values.map { H.el("td", ["class": "num"], .text(FigureRow.text($0))) })
        }
        return H.table(id: "breakdown", headers: ["STT", "Tổ chức đảng"] + r.breakdown.columns, rows: rows,
                       empty: "Không có tổ chức đảng trực thuộc vào ngày cuối kỳ.")
    }

    /// C.1 for the unit and each unit below: reports expected, received, the rate, and each kind's
    /// own rate and on-time rate.
    static func reporting(_ r: IndicatorRollupModel) -> Markup {
        let labels = r.table.total(.reporting)?.parts.map(\.label) ?? []
        let rows = r.reporting.compactMap { unit -> Markup? in
            guard let result = unit.result else { return nil }
            let name: Markup = unit.code == r.unit.code ? .text("\(unit.name) (toàn đơn vị)") : H.a(r.drillDown(unit.code), unit.name)
            let figure = result.value
            return H.el("tr", ["data-unit": unit.code], children: [
                H.el("th", ["scope": "row"], name),
                H.el("td", ["class": "num"], .text(VietnameseFormat.number(figure.denominator ?? 0))),
                H.el("td", ["class": "num"], .text(VietnameseFormat.number(figure.numerator))),
                H.el("td", ["class": "num"], .text(VietnameseFormat.percent(numerator: figure.numerator, denominator: figure.denominator ?? 0) ?? VietnameseFormat.notANumber)),
            ] + result.parts.map { H.el("td", [:], .text($0.text)) })
        }
        return H.table(id: "reporting", headers: ["Tổ chức đảng", "Phải có", "Đã nhận", "Tỉ lệ"] + labels, rows: rows)
    }
}
