import Vapor

/// Every page's address, used both to register routes and to build links, so no path is written
/// twice. A case with a nil id gives the route pattern (`:id`); with an id, the link.
enum SiteURL: Equatable {
    case home
    case login
    case logout
    case health
    case units
    case unitNew
    case unit(Int?)
    case unitEdit(Int?)
    case unitMove(Int?)
    case unitMerge(Int?)
    case unitDissolve(Int?)
    case people
    case personNew
    case person(Int?)
    case personEdit(Int?)
    case personTransfer(Int?)
    case personPositions(Int?)
    case programmes
    case programmeNew
    case programme(Int?)
    case programmeEdit(Int?)
    case topicNew
    case topicEdit(Int?)
    case documents
    case documentNew
    case document(Int?)
    case documentEdit(Int?)
    case audit
    case auditEntry(Int?)
    case users
    case userNew
    case userEdit(Int?)
    case tokens
    case tokenRevoke(Int?)
    case password
    case stylesheet

    var path: String {
        func id(_ value: Int?) -> String { value.map(String.init) ?? ":id" }
        switch self {
        case .home: return "/"
        case .login: return "/dang-nhap"
        case .logout: return "/dang-xuat"
        case .health: return "/healthz"
        case .units: return "/don-vi"
        case .unitNew: return "/don-vi/moi"
        case .unit(let v): return "/don-vi/\(id(v))"
        case .unitEdit(let v): return "/don-vi/\(id(v))/sua"
        case .unitMove(let v): return "/don-vi/\(id(v))/chuyen"
        case .unitMerge(let v): return "/don-vi/\(id(v))/sap-nhap"
        case .unitDissolve(let v): return "/don-vi/\(id(v))/giai-the"
        case .people: return "/nguoi"
        case .personNew: return "/nguoi/moi"
        case .person(let v): return "/nguoi/\(id(v))"
        case .personEdit(let v): return "/nguoi/\(id(v))/sua"
        case .personTransfer(let v): return "/nguoi/\(id(v))/chuyen-sinh-hoat"
        case .personPositions(let v): return "/nguoi/\(id(v))/chuc-vu"
        case .programmes: return "/chuong-trinh"
        case .programmeNew: return "/chuong-trinh/moi"
        case .programme(let v): return "/chuong-trinh/\(id(v))"
        case .programmeEdit(let v): return "/chuong-trinh/\(id(v))/sua"
        case .topicNew: return "/chuyen-de/moi"
        case .topicEdit(let v): return "/chuyen-de/\(id(v))/sua"
        case .documents: return "/van-ban"
        case .documentNew: return "/van-ban/moi"
        case .document(let v): return "/van-ban/\(id(v))"
        case .documentEdit(let v): return "/van-ban/\(id(v))/sua"
        case .audit: return "/nhat-ky"
        case .auditEntry(let v): return "/nhat-ky/\(id(v))"
        case .users: return "/tai-khoan"
        case .userNew: return "/tai-khoan/moi"
        case .userEdit(let v): return "/tai-khoan/\(id(v))/sua"
        case .tokens: return "/khoa-api"
        case .tokenRevoke(let v): return "/khoa-api/\(id(v))/thu-hoi"
        case .password: return "/doi-mat-khau"
        case .stylesheet: return "/static/app.css"
        }
    }

    /// Path components for route registration.
    var pattern: [PathComponent] { path.pathComponents }

    /// The link with a query string; values are percent-encoded.
    func with(_ query: [(String, String?)]) -> String {
        var components = URLComponents()
        components.path = path
        let items = query.compactMap { key, value in value.flatMap { $0.isEmpty ? nil : URLQueryItem(name: key, value: $0) } }
        components.queryItems = items.isEmpty ? nil : items
        return components.string ?? path
    }

    static func login(next: String?) -> String {
        SiteURL.login.with([("next", next)])
    }
}
