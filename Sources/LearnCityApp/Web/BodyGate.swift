import Vapor

/// What a request's body may be, decided before a byte of it is read.
///
/// Every route is registered to stream its body, and the registry calls `admit` after the
/// caller's access is checked: so an anonymous upload, or one with a bad token, is refused
/// without reading it, and only callers who may use a route can make us buffer its limit.
/// Anonymous callers (sign-in, registration) get a small limit whatever the route allows.
enum BodyGate {
    /// Forms anyone may post (sign in, register, verify) are a few hundred bytes.
    static let anonymousLimit = 64 * 1024
    /// Forms and JSON of signed-in callers, unless the route says more.
    static let defaultLimit = 1024 * 1024
    /// Boundaries, part headers and the small fields beside a streamed file.
    static let multipartOverhead = 256 * 1024

    /// Checks the declared length, collects the body within the limit (streaming routes read it
    /// themselves), then checks the CSRF token of state-changing requests.
    static func admit(_ request: Request, to endpoint: Endpoint) async throws {
        let signedIn = request.auth.has(User.self)
        // A streamed upload's limit is its file's; the multipart envelope and fields come on top.
        let routeLimit = (endpoint.maxBody ?? defaultLimit) + (endpoint.streamsBody ? multipartOverhead : 0)
        let limit = signedIn ? routeLimit : min(routeLimit, anonymousLimit)
        if let declared = request.headers.first(name: .contentLength).flatMap(Int.init), declared > limit {
            throw AppError(.payloadTooLarge)
        }
        if endpoint.streamsBody {
            // The handler parses the stream within the limit and checks the form's CSRF token
            // itself (a header token is checked here), since only it reads the form.
            request.storage[StreamLimit.self] = limit
            if request.headers.first(name: CSRF.headerName) != nil { try CSRF.verifyUnlessToken(request) }
            return
        }
        if request.body.data == nil, request.method != .GET, request.method != .HEAD {
            do {
                _ = try await request.body.collect(max: limit).get()
            } catch let error as any AbortError where error.status == .payloadTooLarge {
                throw AppError(.payloadTooLarge)
            }
        }
        if [.POST, .PUT, .PATCH, .DELETE].contains(request.method) { try CSRF.verifyUnlessToken(request) }
    }

    /// The limit `admit` set for a streaming route, for its handler.
    static func streamLimit(_ request: Request) -> Int { request.storage[StreamLimit.self] ?? anonymousLimit }

    private struct StreamLimit: StorageKey { typealias Value = Int }
}
