import Vapor

/// Accounts whose password an admin set (new or reset) must choose their own before anything
/// else: pages redirect to the change form, the API answers `password_change_required`.
struct PasswordChangeGate: AsyncMiddleware {
    private static let allowed: Set<String> = [SiteURL.changePassword.path, SiteURL.signOut.path, SiteURL.home.path]

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let user = request.auth.get(User.self), user.mustChangePassword,
              !Self.allowed.contains(request.url.path), !request.url.path.hasPrefix("/assets/") else {
            return try await next.respond(to: request)
        }
        if request.url.path.hasPrefix("/api/") { throw AppError(.passwordChangeRequired) }
        return request.redirect(to: SiteURL.changePassword.path)
    }
}

/// The session cookie gets `Secure` when the request came over HTTPS; Vapor's cookie factory
/// cannot see the request, so this adds it on the way out.
struct SecureSessionCookieMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        if request.isHTTPS, var cookie = response.cookies[SessionCookie.name] {
            cookie.isSecure = true
            response.cookies[SessionCookie.name] = cookie
        }
        return response
    }
}
