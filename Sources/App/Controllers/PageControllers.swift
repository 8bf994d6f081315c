import Vapor

/// The browser pages behind login. Each area registers its routes in its own controller.
enum PageControllers {
    static var all: [any RouteCollection] { [
        HomeController(),
    ] }
}

/// The /api/v1 operations, one registration function per area.
enum APIGroups {
    static let all: [@Sendable (APIBuilder) -> Void] = [
    ]
}
