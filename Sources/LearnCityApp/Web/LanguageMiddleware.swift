import LearnCityCore
import Vapor

/// Chooses the request's language (design.md §4): `?lang=` (which also sets a cookie), then
/// the cookie, then `Accept-Language`, then Chinese.
struct LanguageMiddleware: AsyncMiddleware {
    static let cookieName = "lang"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let fromQuery = request.query[String.self, at: "lang"].flatMap(UILanguage.init(tag:))
        request.language = fromQuery
            ?? request.cookies[Self.cookieName].flatMap { UILanguage(tag: $0.string) }
            ?? request.headers.first(name: .acceptLanguage).flatMap(UILanguage.negotiate(acceptLanguage:))
            ?? .zh
        let response = try await next.respond(to: request)
        if let fromQuery {
            response.cookies[Self.cookieName] = HTTPCookies.Value(
                string: fromQuery.code, maxAge: 365 * 24 * 3600, path: "/", isHTTPOnly: true, sameSite: .lax)
        }
        return response
    }
}

extension Request {
    private struct LanguageKey: StorageKey { typealias Value = UILanguage }

    /// The language chosen by `LanguageMiddleware` (Chinese before it has run).
    var language: UILanguage {
        get { storage[LanguageKey.self] ?? .zh }
        set { storage[LanguageKey.self] = newValue }
    }

    /// The strings table of the request's language.
    var strings: Strings { Strings.table(for: language) }
}
