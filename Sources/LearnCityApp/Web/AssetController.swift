import Foundation
import Vapor

/// Serves the hand-written CSS and JS from the bundle, read once and cached by name.
enum AssetController {
    private static let allowed: [String: HTTPMediaType] = [
        "app.css": HTTPMediaType(type: "text", subType: "css", parameters: ["charset": "utf-8"]),
        "document.css": HTTPMediaType(type: "text", subType: "css", parameters: ["charset": "utf-8"]),
    ]
    private static let cache: [String: Data] = allowed.keys.reduce(into: [:]) { cache, name in
        cache[name] = try? BundledResource.data("public/" + name)
    }

    @Sendable static func serve(_ request: Request) async throws -> Response {
        let name = request.parameters.get("file") ?? ""
        guard let type = allowed[name], let data = cache[name] else { throw AppError(.notFound) }
        var headers = HTTPHeaders()
        headers.contentType = type
        headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=3600")
        return Response(status: .ok, headers: headers, body: .init(data: data))
    }
}
