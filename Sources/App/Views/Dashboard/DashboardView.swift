import Domain
import Plot

/// What `/tong-quan` shows: the filters as typed, their problems, and the dashboard when they are fine.
struct DashboardPageModel: Sendable {
    var unitCode: String?
    var year: String?
    var errors = FormErrors()
    var dashboard: RenderedDashboard?

    /// The page's form fields, by the names the service's problems carry.
    static let fields = ["unit": "don-vi", "year": "nam"]
}

/// A dashboard with the part of the page made from it alone rendered once: what the dashboard
/// cache keeps, so a request served from it renders only the filters and the page around.
struct RenderedDashboard: Sendable {
    let dashboard: Dashboard
    let html: String

    init(_ dashboard: Dashboard) {
        self.dashboard = dashboard
        html = DashboardView.body(dashboard).render()
    }
}

/// `/tong-quan`: the key indicators of a unit's year as tiles, their five-year trend as charts,
/// the unit × month grid of monthly content and the units lagging most, each unit below opening
/// its own dashboard.
enum DashboardView {
    static func render(_ m: DashboardPageModel) -> Markup {
        H.group([
            H.h1("Tổng quan"),
            filters(m),
            Form.errorSummary(m.errors),
            m.dashboard.map { .raw($0.html) } ?? .empty,
        ])
    }

    /// The dashboard of `unit` for `year`.
    static func link(_ code: String, year: Int) -> String {
        SiteURL.dashboard.with([("don-vi", code), ("nam", String(year))])
    }

    private static func filters(_ m: DashboardPageModel) -> Markup {
        H.el("form", ["method": "get", "action": SiteURL.dashboard.path, "class": "filters", "role": "search"],
            Form.text("don-vi", "Mã đơn vị", value: m.unitCode ?? m.dashboard?.dashboard.unit.code, errors: m.errors,
                      hint: "Để trống: đơn vị của bạn."),
            Form.text("nam", "Năm", value: m.year ?? m.dashboard.map { String($0.dashboard.year) }, errors: m.errors, type: "number",
                      extra: [("min", "1945"), ("max", "9999"), ("inputmode", "numeric")]),
            Form.submit("Xem"))
    }

    /// Everything below the filters: made from the dashboard alone (no account, no request).
    static func body(_ d: Dashboard) -> Markup {
        let indicators = SiteURL.indicators.with([("don-vi", d.unit.code), ("nam", String(d.year))])
        return H.group([
            H.el("p", ["id": "dashboard-scope"],
                 H.a(SiteURL.unit(d.unit.id).path, "\(d.unit.name) (\(d.unit.code))"),
                 .text(", \(d.period.text). Tính các tổ chức đảng thuộc đơn vị theo cây tổ chức ngày "
                       + "\(VietnameseFormat.date(d.period.to)). "),
                 H.a(indicators, "Xem đủ các chỉ tiêu")),
            glance(d),
            TrendChart.section(d.trend),
            ComplianceHeatmap.section(d),
            ComplianceHeatmap.lagging(d),
        ])
    }

    private static func glance(_ d: Dashboard) -> Markup {
        let tiles = d.glance.map { result -> Markup in
            let code = result.definition.code.rawValue
            let figure = DashboardService.keyFigure(result)
            let big = figure.measure == .share
                ? VietnameseFormat.percent(numerator: figure.numerator, denominator: figure.denominator ?? 0) ?? VietnameseFormat.notANumber
                : VietnameseFormat.number(figure.numerator)
            let detail = SiteURL.indicators.with([("don-vi", d.unit.code), ("nam", String(d.year))]) + "#indicator-\(code)"
            return H.el("article", ["class": "tile", "id": "tile-\(code)"],
                H.el("h3", [:], H.el("span", ["class": "code"], .text(code)), .text(" " + DashboardService.keyLabel(result))),
                H.el("p", ["class": "big", "aria-hidden": "true"], .text(big)),
                H.el("p", ["class": "figure"], .text(figure.text)),
                figure == result.value ? .empty : H.p(result.value.text, class: "hint"),
                H.el("a", ["href": detail], .text("Chi tiết "), H.el("span", ["class": "code"], .text(code))))
        }
        return H.el("section", ["id": "glance", "aria-labelledby": "glance-title"],
            H.el("h2", ["id": "glance-title"], .text("Kết quả chính \(d.period.text)")),
            H.el("div", ["class": "tiles"], children: tiles))
    }
}
