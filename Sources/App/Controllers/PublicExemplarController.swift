import Domain
import Fluent
import Vapor

/// The public page of exemplars (/guong-sang) and its Atom feed: published stories only, for
/// anyone, no login. Registered outside the login group.
struct PublicExemplarController: RouteCollection {
    static let perPage = 20

    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.publicExemplars.pattern, use: list)
        routes.get(SiteURL.publicExemplarsFeed.pattern, use: feed)
        routes.get(SiteURL.publicExemplar(nil).pattern, use: show)
    }

    struct Parameters: Content {
        var donVi: String?
        var nam: String?
        var trang: String?

        enum CodingKeys: String, CodingKey {
            case nam, trang
            case donVi = "don-vi"
        }

        var query: PublicListQuery {
            PublicListQuery(unit: VietnameseText.normalize(donVi ?? ""), year: year.map(String.init) ?? "")
        }

        /// A year outside the programme's years filters nothing, as no year.
        var year: Int? {
            Int((nam ?? "").trimmingCharacters(in: .whitespaces)).flatMap { (YearRecordFields.firstYear...9999).contains($0) ? $0 : nil }
        }

        var filter: PublicStoryFilter { PublicStoryFilter(unitCode: query.unit, year: year) }
    }

    func list(req: Request) async throws -> PublicHTMLPage {
        let p = try req.query.decode(Parameters.self)
        let page = PageNumber.from(p.trang)
        let result = try await PublicStoryService.publicSearch(p.filter, offset: (page - 1) * Self.perPage, limit: Self.perPage, on: req.db)
        let view = PublicPageView.list(
            query: p.query, stories: Self.lines(result), units: try await PublicStoryService.publicUnits(on: req.db),
            total: result.total, page: page, perPage: Self.perPage, unknownUnit: result.unknownUnit)
        return PublicHTMLPage(html: PublicLayout.render(title: "Gương sáng", feedURL: SiteURL.publicExemplarsFeed.with(p.query.pairs), view))
    }

    func show(req: Request) async throws -> PublicHTMLPage {
        let story = try await PublicStoryService.publicStory(req.parameters.get("id", as: Int.self), on: req.db)
        let unit = try await OrgUnit.find(story.unitID, on: req.db)
        let line = PublicStoryLine(story, unitName: unit?.name ?? "")
        return PublicHTMLPage(html: PublicLayout.render(title: story.title, feedURL: SiteURL.publicExemplarsFeed.path, PublicPageView.story(line)))
    }

    func feed(req: Request) async throws -> Response {
        let p = try req.query.decode(Parameters.self)
        let result = try await PublicStoryService.publicSearch(p.filter, offset: 0, limit: PublicFeed.entryLimit, on: req.db)
        let base = Self.baseURL(req)
        var subtitle = "Điển hình tiên tiến, mô hình hay"
        if !p.query.unit.isEmpty, let unit = try await OrgUnit.query(on: req.db).filter(\.$code == p.query.unit).first() {
            subtitle += " — \(unit.name)"
        }
        if let year = p.year { subtitle += " — năm \(year)" }
        let xml = PublicFeed.render(
            stories: Self.lines(result), baseURL: base, selfURL: base + SiteURL.publicExemplarsFeed.with(p.query.pairs),
            pageURL: base + SiteURL.publicExemplars.with(p.query.pairs), subtitle: subtitle)
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: PublicFeed.contentType)
        headers.replaceOrAdd(name: .cacheControl, value: "no-cache")
        return Response(status: .ok, headers: headers, body: .init(string: xml))
    }

    static func lines(_ result: PublicStorySearchResult) -> [PublicStoryLine] {
        result.stories.map { PublicStoryLine($0, unitName: result.unitsByID[$0.unitID]?.name ?? "") }
    }

    /// "http://host[:port]" from the request; HTTPS when a proxy in front says so. A Host header
    /// with anything but a host name, an address and a port is not trusted.
    static func baseURL(_ req: Request) -> String {
        let allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-:[]")
        var host = req.headers.first(name: .host) ?? ""
        if host.isEmpty || host.count > 255 || !host.unicodeScalars.allSatisfy(allowed.contains) { host = "localhost" }
        let scheme = req.headers.first(name: "X-Forwarded-Proto")?.lowercased() == "https" ? "https" : "http"
        return "\(scheme)://\(host)"
    }
}
