import Foundation
import Metrics
import Vapor

/// One log line per request, written when the response is ready, with its status and
/// duration. It replaces Vapor's own route logging, which writes the line before the answer
/// is known.
struct AccessLogMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let start = ContinuousClock.now
        let response = try await next.respond(to: request)
        let elapsed = ContinuousClock.now - start
        let milliseconds = Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000
        request.logger.info("\(request.method) \(request.url.path) \(response.status.code)", metadata: [
            "status": "\(response.status.code)",
            "ms": .string(String(format: "%.1f", milliseconds)),
            "ip": .string(request.clientAddress),
        ])
        return response
    }
}
