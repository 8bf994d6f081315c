import Plot
import Vapor

/// The layout of the pages anyone reads without logging in: no internal navigation, no account
/// links, no form token (nothing there posts), readable on a phone and printable.
enum PublicLayout {
    static func render(title: String, feedURL: String, _ content: Markup) -> String {
        let html = HTML(
            .lang(.vietnamese),
            .head(
                .meta(.charset(.utf8)),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                // Not Plot's `.title()`: it also writes og:/twitter: meta tags with the text unescaped.
                .element(named: "title", text: title + " · Gương sáng làm theo Bác"),
                .stylesheet(SiteURL.stylesheet.path),
                // Plot writes attribute values as given: user-influenced ones go through the escaping helper.
                .link(.rel(.alternate), .attribute(named: "type", value: "application/atom+xml"),
                      .attribute(named: "title", value: H.escapeAttribute(PublicFeed.title)),
                      .attribute(named: "href", value: H.escapeAttribute(feedURL)))
            ),
            .body(
                H.el("header", ["class": "top public"],
                     H.a(SiteURL.publicExemplars.path, "Gương sáng làm theo Bác", class: "brand")),
                H.el("main", ["id": "main"], content),
                H.el("footer", [:],
                     H.p("Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"),
                     H.el("p", [:], H.a(feedURL, "Nhận tin (Atom)")))
            )
        )
        return html.render()
    }
}

/// A public page as a response; revalidated each time, so a withdrawn story goes at once.
struct PublicHTMLPage: AsyncResponseEncodable {
    let html: String

    func encodeResponse(for request: Request) async throws -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .html
        headers.replaceOrAdd(name: .cacheControl, value: "no-cache")
        return Response(status: .ok, headers: headers, body: .init(string: html))
    }
}
