import Crypto
import Foundation
import Vapor

/// Cross-site request forgery protection, by double submission: a random token lives in a
/// SameSite=Strict cookie and in a hidden field of every form (or an `X-CSRF-Token` header);
/// `CSRFMiddleware` refuses every state-changing request whose token does not match its cookie.
/// It needs no server-side state, so anonymous visitors (the sign-in form) create no session
/// rows. Requests a valid bearer token authenticated carry no cookies and are exempt.
enum CSRF {
    static let cookieName = "learncity_csrf"
    static let fieldName = "_csrf"
    static let headerName = "X-CSRF-Token"

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

    /// Throws `csrf_failed` unless the form's (or header's) token matches the cookie, compared
    /// in constant time.
    static func verify(_ request: Request) throws {
        let submitted = request.headers.first(name: headerName)
            ?? (try? request.content.get(String.self, at: fieldName))
        guard matches(submitted, request) else { throw AppError(.csrfFailed) }
    }

    /// Whether a submitted token matches the cookie (constant time). Streaming uploads call it
    /// with the form field they parsed, since the middleware cannot read their body.
    static func matches(_ submitted: String?, _ request: Request) -> Bool {
        guard let cookie = request.cookies[cookieName]?.string, let submitted,
              cookie.count == 43, submitted.utf8.count == cookie.utf8.count else { return false }
        return zip(cookie.utf8, submitted.utf8).reduce(UInt8(0), { $0 | ($1.0 ^ $1.1) }) == 0
    }

    /// Requests a valid API token authenticated carry no cookies and cannot be forged by a
    /// page in a browser; every other state-changing request needs the token. A bearer header
    /// alone exempts nothing: a junk one on a cookie session is checked like any form.
    static func verifyUnlessToken(_ request: Request) throws {
        if request.storage[AuthenticatedByToken.self] == true { return }
        try verify(request)
    }

    /// Set by the bearer authenticator when a token was valid.
    struct AuthenticatedByToken: StorageKey { typealias Value = Bool }

    fileprivate struct PendingToken: StorageKey { typealias Value = String }
}

/// Sets the cookie on pages that handed out a new token. The token itself is checked by
/// `BodyGate` once the route's access is known and its body read.
struct CSRFMiddleware: AsyncMiddleware {
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
    /// True when the client reached us over HTTPS: directly, or through a trusted proxy
    /// (`LEARNCITY_TRUSTED_PROXIES`) that says so. Anyone else's `X-Forwarded-Proto` is ignored.
    var isHTTPS: Bool {
        if url.scheme == "https" { return true }
        guard let peer = remoteAddress?.ipAddress,
              application.learnCity.config.trustedProxies.contains(where: { $0.contains(peer) }) else { return false }
        return headers.first(name: "X-Forwarded-Proto")?.lowercased() == "https"
    }
}
