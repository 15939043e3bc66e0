import Testing
import Vapor
import VaporTesting
@testable import LearnCityApp

/// The seed of the access matrix: derived from the route registry, so every new route is in it.
@Suite("Access rules from the registry")
struct AccessTests {
    @Test("Every route that needs an account refuses anonymous callers: 401 for the API, sign-in for pages")
    func anonymousIsRefused() async throws {
        try await withLearnCity { app in
            let guarded = app.learnCity.registry.endpoints.filter { $0.access != .anyone }
            #expect(!guarded.isEmpty)
            for endpoint in guarded {
                try await app.testing().test(endpoint.method, endpoint.url.path) { res in
                    if endpoint.url.path.hasPrefix("/api/") {
                        #expect(res.status == .unauthorized, "\(endpoint.url.path)")
                        #expect(res.text.contains(#""code":"unauthorized""#))
                    } else {
                        #expect(res.status == .seeOther, "\(endpoint.method) \(endpoint.url.path)")
                        #expect(res.headers.first(name: .location)?.hasPrefix("/signin") == true)
                    }
                }
            }
        }
    }

    @Test("Every public route answers an anonymous GET without a server error")
    func publicRoutesWork() async throws {
        try await withLearnCity { app in
            for endpoint in app.learnCity.registry.endpoints where endpoint.access == .anyone && endpoint.method == .GET {
                let path = endpoint.url == .asset("") ? SiteURL.asset("app.css").path : endpoint.url.path
                try await app.testing().test(.GET, path) { res in
                    #expect(res.status.code < 500, "\(path)")
                }
            }
        }
    }
}
