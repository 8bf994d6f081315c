import Vapor

func routes(_ app: Application) throws {
    app.get(SiteURL.health.pattern) { _ in "ok" }
    app.get(SiteURL.stylesheet.pattern) { _ -> Response in
        var headers = HTTPHeaders()
        headers.contentType = .init(type: "text", subType: "css", parameters: ["charset": "utf-8"])
        headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=3600")
        return Response(status: .ok, headers: headers, body: .init(string: Stylesheet.css))
    }

    // Browser pages: session, CSRF on every form post.
    let browser = app.grouped(SessionUserMiddleware(), CSRFMiddleware())
    try browser.register(collection: LoginController())
    // Public pages, no login: MARK: helper P: public page of exemplars
    try browser.register(collection: PublicExemplarController())
    let pages = browser.grouped(RequireLoginMiddleware())
    for controller in PageControllers.all {
        try pages.register(collection: controller)
    }

    // Programs: bearer tokens, no session, no CSRF (a token is not sent by a browser on its own).
    try APIRoutes.register(in: app)
}
