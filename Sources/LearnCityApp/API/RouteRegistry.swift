import Foundation
import LearnCityCore
import Vapor

/// Who may call an endpoint. Every route declares one; the access-matrix test reads them
/// from the registry, so a route cannot be added without saying who may use it.
enum Access: Sendable, Equatable {
    /// Anyone, signed in or not.
    case anyone
    /// Any signed-in account.
    case signedIn
    /// Signed-in accounts whose roles grant this permission (`Role.permissions`).
    case permission(Permission)
}

/// The kind of scoped data a route with an `:id` reads or changes; the access-matrix test
/// calls such routes with ids from inside and outside the caller's scope.
enum ScopedResource: Sendable, Equatable {
    case person, organisation, token, account, importRun, importJob, teacher, record, course
    /// Public catalogue items (a course to enrol in): any signed-in account may act on any of them.
    case catalogueCourse
    case publishedReturn
    /// Work-plan items: every staff account reads them; only responsible units (and the office) post.
    case planItem
    /// A unit's receipt of a notice: only that unit signs it.
    case noticeReceipt
    /// A unit's report for a period: that unit fills it, the office reviews it.
    case reportSubmission
    /// A file attached to something: readable by whoever may read what it is attached to.
    case attachment
    /// A governance row (`table`) every account the route's permission admits may address;
    /// the handler answers 409 when the row is not theirs to change (a unit acting on another
    /// unit's item).
    case row(String)
}

/// The OpenAPI description of an API endpoint.
struct APIDoc: Sendable {
    struct Parameter: Sendable {
        var name: String
        var description: String
        var required: Bool
        var schema: JSONValue
    }
    var operationID: String
    var summary: String
    var tag: String
    var parameters: [Parameter] = []
    var responseName: String
    var responseSchema: JSONValue
    var isList: Bool
    var problems: [ProblemCode]

    init(operationID: String, summary: String, tag: String, parameters: [Parameter] = [],
         response: (some APISchema).Type, isList: Bool = false, problems: [ProblemCode] = []) {
        self.operationID = operationID
        self.summary = summary
        self.tag = tag
        self.parameters = parameters
        responseName = response.schemaName
        responseSchema = response.schema
        self.isList = isList
        self.problems = problems
    }
}

/// One route of the site: HTML page, API endpoint or infrastructure.
struct Endpoint: Sendable {
    var method: HTTPMethod
    var url: SiteURL
    var access: Access
    /// Set for `/api/v1` endpoints: they appear in the OpenAPI document.
    var api: APIDoc?
    /// Set for routes whose `:id` names scoped data.
    var scoped: ScopedResource? = nil
    /// The largest body the route accepts (uploads); others take the app's default (1 MB).
    var maxBody: Int? = nil
    /// The handler reads the body as a stream (large uploads); it is never collected in memory.
    var streamsBody = false
    var handler: @Sendable (Request) async throws -> Response
}

/// The one registry of routes: it registers every endpoint with Vapor, enforces its declared
/// access, and emits the OpenAPI document from the same list, so the document cannot drift.
struct RouteRegistry: Sendable {
    private(set) var endpoints: [Endpoint] = []

    mutating func add(_ endpoint: Endpoint) { endpoints.append(endpoint) }

    mutating func add(_ method: HTTPMethod, _ url: SiteURL, access: Access, api: APIDoc? = nil,
                      scoped: ScopedResource? = nil, maxBody: Int? = nil, streamsBody: Bool = false,
                      handler: @escaping @Sendable (Request) async throws -> Response) {
        add(Endpoint(method: method, url: url, access: access, api: api, scoped: scoped, maxBody: maxBody, streamsBody: streamsBody,
                     handler: handler))
    }

    func register(on routes: any RoutesBuilder) {
        for endpoint in endpoints {
            let path = endpoint.url.pattern.split(separator: "/").map { PathComponent(stringLiteral: String($0)) }
            // Every body streams in; `BodyGate` reads it only after the caller's access is known.
            routes.on(endpoint.method, path, body: .stream) { request async throws -> Response in
                try AccessCheck.enforce(endpoint.access, on: request)
                // After the role's check, so a role that may not act still gets "not found".
                try TokenScopeCheck.enforce(endpoint.access, on: request)
                try await BodyGate.admit(request, to: endpoint)
                return try await endpoint.handler(request)
            }
        }
    }
}

/// Applies an endpoint's `Access` to a request.
enum AccessCheck {
    static func enforce(_ access: Access, on request: Request) throws {
        switch access {
        case .anyone:
            return
        case .signedIn:
            guard request.auth.has(User.self) else { throw notSignedIn(request) }
        case .permission(let permission):
            guard let user = request.auth.get(User.self) else { throw notSignedIn(request) }
            // A role that may not act gets the same answer as a missing record (design.md §5).
            guard user.roles.allows(permission) else { throw AppError(.notFound) }
        }
    }

    /// API callers get 401; browsers are sent to the sign-in page and back afterwards.
    private static func notSignedIn(_ request: Request) -> any Error {
        if request.url.path.hasPrefix("/api/") { return AppError(.unauthorized) }
        // Encoded so that `&`, `#` and `?` in the path stay part of `next`.
        let safe = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/-._~")
        let next = request.url.path.addingPercentEncoding(withAllowedCharacters: safe) ?? "/"
        return Abort.redirect(to: SiteURL.signIn.path + "?next=" + next)
    }
}

