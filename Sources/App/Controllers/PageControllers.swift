import Vapor

/// The browser pages behind login. Each area registers its routes in its own controller.
enum PageControllers {
    static var all: [any RouteCollection] { [
        HomeController(),
        UnitController(),
        AuditController(),
        AccountController(),
        TokenController(),
        PasswordController(),
        PersonController(),
        ProgrammeController(), TopicController(), DocumentController(),
    ] }
}

/// The /api/v1 operations, one registration function per area.
enum APIGroups {
    static let all: [@Sendable (APIBuilder) -> Void] = [
        AuditAPI.register,
        UnitsAPI.register,
        AccountsAPI.register,
        PeopleAPI.register,
        ProgrammesAPI.register, DocumentsAPI.register,
    ]
}
