import LearnCityCore
import Vapor

/// `GET /api/v1/me`: the account the request is signed in as.
enum AccountsAPI {
    struct Me: Content, APISchema {
        var username: String
        var displayName: String
        var roles: [String]
        var organisationId: Int?

        static let schemaName = "Account"
        static var schema: JSONValue {
            Schema.object([
                ("username", Schema.string()), ("displayName", Schema.string()),
                ("roles", Schema.array(Schema.string(enum: Role.allCases.map(\.rawValue)))), ("organisationId", Schema.integer),
            ], required: ["username", "displayName", "roles"])
        }
    }

    static let meDoc = APIDoc(operationID: "getMe", summary: "The signed-in account", tag: "accounts", response: Me.self)

    @Sendable static func me(_ request: Request) async throws -> Response {
        let user = try request.auth.require(User.self)
        return try await Me(username: user.username, displayName: user.displayName, roles: user.roles.map(\.rawValue).sorted(),
                            organisationId: user.organisationID).encodeResponse(for: request)
    }
}
