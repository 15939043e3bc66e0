import Foundation
import LearnCityCore
import Testing
import Vapor
import VaporTesting
@testable import LearnCityApp

@Suite("Health, metrics, assets and headers")
struct InfrastructureTests {
    @Test("/healthz answers 200 when the database is reachable")
    func healthy() async throws {
        try await withLearnCity { app in
            try await app.testing().test(.GET, "/healthz") { res in
                #expect(res.status == .ok)
                #expect(res.text.contains(#""database":"reachable""#))
            }
        }
    }

    @Test("/healthz answers 503 when the database is not reachable")
    func unhealthy() async throws {
        var config = try AppConfig.testing()
        // Port 1 on loopback: nothing listens there, so every connection is refused at once.
        config.database = .postgres(try DatabaseLocation.parse(databaseURL: "postgres://nobody@127.0.0.1:1/none"))
        let app = try await Application.make(.testing)
        do {
            try LearnCity.configure(app, config: config)
            try await app.testing().test(.GET, "/healthz") { res in
                #expect(res.status == .serviceUnavailable)
                #expect(res.text.contains(#""status":"unavailable""#))
            }
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }

    @Test("/metrics serves Prometheus text with request counts and durations")
    func metrics() async throws {
        try await withLearnCity { app in
            try await app.testing().test(.GET, "/healthz") { _ in }
            try await app.testing().test(.GET, "/metrics") { res in
                #expect(res.status == .ok)
                #expect(res.headers.contentType?.subType == "plain")
                #expect(res.text.contains("# TYPE http_requests_total counter"))
                #expect(res.text.contains("http_request_duration_seconds"))
                #expect(res.text.contains(#"path="/healthz""#))
            }
        }
    }

    @Test("The stylesheet is served; other asset names are not")
    func assets() async throws {
        try await withLearnCity { app in
            try await app.testing().test(.GET, "/assets/app.css") { res in
                #expect(res.status == .ok && res.headers.contentType?.subType == "css")
                #expect(res.text.contains("@media print"))
            }
            try await app.testing().test(.GET, "/assets/..%2F..%2FPackage.swift") { res in
                #expect(res.status == .notFound)
            }
        }
    }

    @Test("Every answer carries the security headers")
    func securityHeaders() async throws {
        try await withLearnCity { app in
            try await app.testing().test(.GET, "/") { res in
                #expect(res.headers.first(name: "X-Frame-Options") == "DENY")
                #expect(res.headers.first(name: "X-Content-Type-Options") == "nosniff")
                #expect(res.headers.first(name: "Content-Security-Policy")?.contains("default-src 'self'") == true)
            }
        }
    }
    // The body-size limit applies while a real server reads the body, so it is tested
    // against the running binary (Tests/Browser/test_http.py).
}
