import Foundation
import LearnCityCore
import Vapor

/// What every page needs besides its own model: language, strings, the signed-in account and
/// the form token. Built once per request by `PageContext(request)`.
struct PageContext: Sendable {
    var language: UILanguage
    var strings: Strings
    var userName: String?
    var roleName: String?
    var csrfToken: String
    var otherLanguageURL: String
    var timeZone: TimeZone

    init(_ request: Request) {
        language = request.language
        strings = request.strings
        let user = request.auth.get(User.self)
        userName = user?.displayName
        roleName = user.map { $0.roles.map { request.strings.roles.name($0) }.sorted().joined(separator: request.strings.listSeparator) }
        csrfToken = CSRF.token(for: request)
        otherLanguageURL = SiteURL.switchingLanguage(request, to: request.language == .zh ? "en" : "zh")
        timeZone = request.application.learnCity.config.timeZone
    }

    /// A context for rendering views in tests without a request.
    init(language: UILanguage, userName: String? = nil) {
        self.language = language
        strings = Strings.table(for: language)
        self.userName = userName
        roleName = nil
        csrfToken = "test-token"
        otherLanguageURL = "/?lang=" + (language == .zh ? "en" : "zh")
        timeZone = TimeZone(identifier: "Asia/Shanghai")!
    }
}
