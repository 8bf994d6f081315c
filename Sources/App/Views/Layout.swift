import Domain
import Plot
import Vapor

/// What every page needs besides its content: who is signed in, the form token, a one-time message.
struct PageChrome: Sendable {
    let user: CurrentUser?
    let csrf: String
    let flash: Flash?
    var title: String
    var section: NavSection?
}

struct Flash: Codable, Sendable {
    enum Kind: String, Codable, Sendable { case success, error }
    let kind: Kind
    let message: String
}

enum NavSection: String, Sendable {
    case home, units, people, records, programmes, documents, audit, users, tokens, myPlan, myGradings, indicators, dashboard, reviews
}

enum Layout {
    static func render(_ chrome: PageChrome, _ content: Markup) -> String {
        let html = HTML(
            .lang(.vietnamese),
            .head(
                .meta(.charset(.utf8)),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                // Not Plot's `.title()`: it also writes og:/twitter: meta tags with the text unescaped.
                .element(named: "title", text: chrome.title + " · LamTheoBac"),
                .stylesheet(SiteURL.stylesheet.path)
            ),
            .body(
                .raw("<a class=\"skip\" href=\"#main\">Bỏ qua điều hướng</a>"),
                header(chrome),
                H.el("main", ["id": "main"], flash(chrome.flash), content),
                H.el("footer", [:], H.p("LamTheoBac — Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"))
            )
        )
        return html.render()
    }

    private static func header(_ chrome: PageChrome) -> Markup {
        guard let user = chrome.user else {
            return H.el("header", ["class": "top"], H.a(SiteURL.home.path, "LamTheoBac", class: "brand"))
        }
        var links: [(NavSection, String, String)] = [(.home, SiteURL.home.path, "Trang chủ")]
        if user.role.seesUnits {
            links += [(.units, SiteURL.units.path, "Tổ chức đảng"), (.people, SiteURL.people.path, "Cán bộ, đảng viên")]
        } else {
            links.append((.people, SiteURL.person(user.personID).path, "Hồ sơ của tôi"))
        }
        if user.personID != nil { links.append((.myPlan, SiteURL.myPlan.path, "Kế hoạch của tôi")) }
        if user.role == .member { links.append((.myGradings, SiteURL.myGradings.path, "Xếp loại của tôi")) }
        if user.role.seesUnits { links.append((.records, SiteURL.records.path, "Thực hiện")) }
        if user.role.seesUnits {
            links += [(.dashboard, SiteURL.dashboard.path, "Tổng quan"), (.indicators, SiteURL.indicators.path, "Chỉ tiêu"),
                      (.reviews, SiteURL.reviews.path, "Sơ kết, tổng kết")]
        }
        links += [(.programmes, SiteURL.programmes.path, "Chương trình, chuyên đề"), (.documents, SiteURL.documents.path, "Văn bản")]
        if user.role.seesUnits { links.append((.audit, SiteURL.audit.path, "Nhật ký")) }
        if user.role == .admin { links.append((.users, SiteURL.users.path, "Tài khoản")) }
        links.append((.tokens, SiteURL.tokens.path, "Khóa API"))
        let items = links.map { section, href, label in
            H.el("li", [:], H.el("a", ["href": href, "aria-current": section == chrome.section ? "page" : nil], .text(label)))
        }
        return H.el("header", ["class": "top"],
            H.a(SiteURL.home.path, "LamTheoBac", class: "brand"),
            H.el("details", ["class": "menu"],
                H.el("summary", [:], .text("Menu")),
                H.el("nav", ["aria-label": "Điều hướng chính"], H.el("ul", [:], children: items))),
            H.el("div", ["class": "who"],
                H.el("span", [:], .text("\(user.displayName) · \(user.role.label)")),
                H.a(SiteURL.password.path, "Đổi mật khẩu"),
                Form.post(action: SiteURL.logout.path, csrf: chrome.csrf, id: "logout-form", class: "inline",
                          [Form.submit("Đăng xuất", class: "button link")])))
    }

    private static func flash(_ flash: Flash?) -> Markup {
        guard let flash else { return .empty }
        return H.el("div", ["class": flash.kind == .success ? "flash-success" : "flash-error", "role": "status"], .text(flash.message))
    }
}

/// An HTML page as a response.
struct HTMLPage: AsyncResponseEncodable {
    let html: String
    var status: HTTPStatus = .ok

    init(_ chrome: PageChrome, _ content: Markup, status: HTTPStatus = .ok) {
        html = Layout.render(chrome, content)
        self.status = status
    }

    func encodeResponse(for request: Request) async throws -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .html
        headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return Response(status: status, headers: headers, body: .init(string: html))
    }
}

extension Request {
    /// The chrome of a page, consuming the one-time message.
    func chrome(_ title: String, section: NavSection? = nil) -> PageChrome {
        var flash: Flash?
        if let raw = session.data["flash"] {
            flash = try? JSONDecoder().decode(Flash.self, from: Data(raw.utf8))
            session.data["flash"] = nil
        }
        return PageChrome(user: auth.get(CurrentUser.self), csrf: CSRF.token(for: self), flash: flash, title: title, section: section)
    }

    /// A message shown once on the next page.
    func flash(_ message: String, _ kind: Flash.Kind = .success) {
        let data = (try? JSONEncoder().encode(Flash(kind: kind, message: message))) ?? Data()
        session.data["flash"] = String(decoding: data, as: UTF8.self)
    }

    /// After a successful POST: show `message` on the page at `to`.
    func redirect(to url: SiteURL, flash message: String) -> Response {
        flash(message)
        return redirect(to: url.path)
    }
}
