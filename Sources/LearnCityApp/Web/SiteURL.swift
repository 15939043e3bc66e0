import Vapor

/// Every URL of the site, used both to register routes and to build links, so that no path
/// string is written twice.
enum SiteURL: Sendable, Equatable {
    case home
    case signIn
    case signOut
    case workspace
    case healthz
    case metrics
    case asset(String)
    case openAPI
    case apiIndicators
    case apiRegions
    case apiOrganisations
    case apiMe

    /// The path for links.
    var path: String {
        switch self {
        case .home: "/"
        case .signIn: "/signin"
        case .signOut: "/signout"
        case .workspace: "/workspace"
        case .healthz: "/healthz"
        case .metrics: "/metrics"
        case .asset(let name): "/assets/\(name)"
        case .openAPI: "/api/openapi.json"
        case .apiIndicators: "/api/v1/indicators"
        case .apiRegions: "/api/v1/regions"
        case .apiOrganisations: "/api/v1/organisations"
        case .apiMe: "/api/v1/me"
        }
    }

    /// The same path with `:name` placeholders for routing (`/assets/:file`).
    var pattern: String {
        switch self {
        case .asset: "/assets/:file"
        default: path
        }
    }

    /// The path with `?lang=` switched, for the language link of every page.
    static func switchingLanguage(_ request: Request, to code: String) -> String {
        var components = URLComponents(string: request.url.string) ?? URLComponents()
        var items = (components.queryItems ?? []).filter { $0.name != "lang" }
        items.append(URLQueryItem(name: "lang", value: code))
        components.queryItems = items
        return (components.path.isEmpty ? "/" : components.path) + "?" + (components.percentEncodedQuery ?? "")
    }
}
