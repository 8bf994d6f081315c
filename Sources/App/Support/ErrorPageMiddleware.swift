import Vapor

/// Turns errors into Vietnamese: an HTML page for browsers, `{"error": {...}}` for /api.
/// Messages of our own `Abort`s are shown; anything unexpected is logged and shown generically.
struct ErrorPageMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            let (status, message, field) = describe(error, request: request)
            if request.url.path.hasPrefix(APIRoutes.prefix) {
                let body = APIError(error: .init(status: Int(status.code), message: message, field: field))
                let response = Response(status: status)
                try response.content.encode(body)
                return response
            }
            let content = H.el("section", ["class": "error-page"], H.h1(title(status)), H.p(message),
                               H.el("p", [:], H.a(SiteURL.home.path, "Về trang chủ")))
            return try await HTMLPage(request.chrome(title(status)), content, status: status).encodeResponse(for: request)
        }
    }

    private func describe(_ error: any Error, request: Request) -> (HTTPStatus, String, String?) {
        if let invalid = error as? ValidationFailure {
            return (.unprocessableEntity, invalid.message, invalid.field)
        }
        if let parameter = error as? ParameterFailure {
            return (.badRequest, parameter.message, parameter.name)
        }
        if let invalid = error as? InvalidInput, let first = invalid.failures.first {
            return (.unprocessableEntity, first.message, first.field)
        }
        if let abort = error as? any AbortError {
            let reason = abort.reason
            // Vapor's own reasons are English; ours are Vietnamese. Show ours, translate the rest.
            let ours = reason.unicodeScalars.contains { $0.value > 0x7F }
            return (abort.status, ours ? reason : defaultMessage(abort.status), nil)
        }
        if error is DecodingError {
            return (.badRequest, "Dữ liệu gửi lên không đúng định dạng.", nil)
        }
        request.logger.report(error: error)
        return (.internalServerError, defaultMessage(.internalServerError), nil)
    }

    private func title(_ status: HTTPStatus) -> String {
        switch status.code {
        case 400, 422: "Dữ liệu không hợp lệ"
        case 401: "Cần đăng nhập"
        case 403: "Không có quyền truy cập"
        case 404: "Không tìm thấy"
        case 413: "Dữ liệu quá lớn"
        case 429: "Thử lại sau"
        default: "Có lỗi xảy ra"
        }
    }

    private func defaultMessage(_ status: HTTPStatus) -> String {
        switch status.code {
        case 400: "Yêu cầu không hợp lệ."
        case 401: "Bạn cần đăng nhập để tiếp tục."
        case 403: "Bạn không có quyền truy cập nội dung này."
        case 404: "Không tìm thấy trang hoặc dữ liệu được yêu cầu."
        case 405: "Phương thức không được hỗ trợ."
        case 413: "Dữ liệu gửi lên vượt quá giới hạn cho phép."
        case 415: "Định dạng dữ liệu không được hỗ trợ."
        case 422: "Dữ liệu không hợp lệ."
        case 429: "Quá nhiều yêu cầu. Vui lòng thử lại sau."
        default: "Hệ thống gặp lỗi. Vui lòng thử lại hoặc liên hệ quản trị."
        }
    }
}

struct APIError: Content {
    struct Body: Content {
        let status: Int
        let message: String
        let field: String?
    }
    let error: Body
}

struct SecurityHeadersMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        response.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        response.headers.replaceOrAdd(name: "X-Frame-Options", value: "DENY")
        response.headers.replaceOrAdd(name: "Referrer-Policy", value: "same-origin")
        response.headers.replaceOrAdd(
            name: "Content-Security-Policy",
            value: "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; form-action 'self'; frame-ancestors 'none'")
        return response
    }
}
