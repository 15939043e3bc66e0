import Foundation
import Metrics
import Prometheus
import Vapor

/// `/healthz` for load balancers and `/metrics` for Prometheus.
enum HealthController {
    struct Health: Content {
        var status: String
        var database: String
    }

    /// 200 when the database answers `SELECT 1`, 503 when it does not.
    @Sendable static func healthz(_ request: Request) async throws -> Response {
        let healthy: Bool
        do {
            try await DatabaseSetup.ping(request.db)
            healthy = true
        } catch {
            request.logger.warning("health check: database unreachable: \(String(reflecting: error))")
            healthy = false
        }
        let body = Health(status: healthy ? "ok" : "unavailable", database: healthy ? "reachable" : "unreachable")
        let response = try await body.encodeResponse(status: healthy ? .ok : .serviceUnavailable, for: request)
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    /// Prometheus text exposition of everything recorded through swift-metrics: Vapor's
    /// request counters and duration histograms among them.
    @Sendable static func metrics(_ request: Request) async throws -> Response {
        let text = MetricsSetup.registry.emitToString()
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "plain", parameters: ["version": "0.0.4", "charset": "utf-8"])
        return Response(status: .ok, headers: headers, body: .init(string: text))
    }
}

/// swift-metrics may be bootstrapped once per process; tests build many applications.
enum MetricsSetup {
    static let registry = PrometheusCollectorRegistry()
    private static let once: Void = {
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.defaultDurationHistogramBuckets = [
            .milliseconds(1), .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50),
            .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(5),
        ]
        MetricsSystem.bootstrap(factory)
    }()

    static func bootstrap() { _ = once }
}
