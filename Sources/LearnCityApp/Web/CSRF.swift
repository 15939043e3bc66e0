import Crypto
import Foundation
import Vapor

/// Cross-site request forgery protection for HTML forms, by double submission: a random token
/// lives in a SameSite=Strict cookie and in a hidden field of every form; a state-changing
/// request whose field does not match its cookie is refused. It needs no server-side state,
/// so anonymous visitors (the sign-in form) create no session rows.
enum CSRF {
    static let cookieName = "learncity_csrf"
    static let fieldName = "_csrf"

    /// The token for forms on this page, creating it when the visitor has none.
    static func token(for request: Request) -> String {
        if let existing = request.cookies[cookieName]?.string, existing.count == 43 { return existing }
        if let pending = request.storage[PendingToken.self] { return pending }
        let token = Data(SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) })
            .base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
        request.storage[PendingToken.self] = token
        return token
    }

    /// Throws `csrf_failed` unless the form's token matches the cookie (compared in constant time).
    static func verify(_ request: Request) throws {
        guard let cookie = request.cookies[cookieName]?.string,
              let field = try? request.content.get(String.self, at: fieldName),
              cookie.count == 43, field.utf8.count == cookie.utf8.count,
              zip(cookie.utf8, field.utf8).reduce(UInt8(0), { $0 | ($1.0 ^ $1.1) }) == 0
        else { throw AppError(.csrfFailed) }
    }

    fileprivate struct PendingToken: StorageKey { typealias Value = String }
}

/// Sets the CSRF cookie on responses whose page handed out a new token.
struct CSRFCookieMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        if let token = request.storage[CSRF.PendingToken.self] {
            response.cookies[CSRF.cookieName] = HTTPCookies.Value(
                string: token, path: "/", isSecure: request.isHTTPS, isHTTPOnly: true, sameSite: .strict)
        }
        return response
    }
}

extension Request {
    /// True when the client reached us over HTTPS (directly or through a proxy that says so).
    var isHTTPS: Bool {
        url.scheme == "https" || headers.first(name: "X-Forwarded-Proto")?.lowercased() == "https"
    }
}
