import LearnCityCore
import Vapor

/// Builds the OpenAPI 3.1 document from the route registry.
enum OpenAPIDocument {
    static func make(from registry: RouteRegistry, version: String) -> JSONValue {
        var paths: [(String, JSONValue)] = []
        var schemas: [(String, JSONValue)] = [(ProblemSchema.schemaName, ProblemSchema.schema)]
        for endpoint in registry.endpoints {
            guard let doc = endpoint.api else { continue }
            let path = endpoint.url.pattern.split(separator: "/")
                .map { $0.hasPrefix(":") ? "{\($0.dropFirst())}" : String($0) }.joined(separator: "/")
            let pathParameters = endpoint.url.pattern.split(separator: "/").filter { $0.hasPrefix(":") }.map { String($0.dropFirst()) }
            let operation = self.operation(doc, access: endpoint.access, method: endpoint.method,
                                           pathParameters: pathParameters)
            let entry: JSONValue = .object([(endpoint.method.rawValue.lowercased(), operation)])
            if let index = paths.firstIndex(where: { $0.0 == "/" + path }) {
                if case .object(let more) = entry { paths[index].1 = paths[index].1.merging(more) }
            } else {
                paths.append(("/" + path, entry))
            }
            if !schemas.contains(where: { $0.0 == doc.responseName }) {
                schemas.append((doc.responseName, doc.responseSchema))
            }
        }
        return [
            "openapi": "3.1.0",
            "info": [
                "title": "LearnCity API",
                "version": .string(version),
                "description": "学习城市 LearnCity JSON API. Errors are RFC 9457 problem documents with a stable `code`; messages follow `?lang=`, the `lang` cookie or `Accept-Language`.",
            ],
            "servers": [["url": "/"]],
            "paths": .object(paths),
            "components": [
                "schemas": .object(schemas),
                "securitySchemes": [
                    "session": ["type": "apiKey", "in": "cookie", "name": .string(SessionCookie.name)],
                    "bearer": [
                        "type": "http", "scheme": "bearer",
                        "description": """
                            An API token (`lct_…`) made in a browser session at /account/tokens. Its scopes are chosen \
                            then: `read` (GET), `write` (every other method), `reveal` (unmasked resident ID and \
                            phone numbers; never by default). Each operation lists the scope it needs; a token \
                            without it gets 403 `insufficient_scope`. Tokens are accepted on /api/ only.
                            """,
                    ],
                ],
            ],
        ]
    }

    private static func operation(_ doc: APIDoc, access: Access, method: HTTPMethod,
                                  pathParameters: [String]) -> JSONValue {
        let body = doc.isList ? Schema.array(Schema.ref(doc.responseName)) : Schema.ref(doc.responseName)
        var responses: [(String, JSONValue)] = [
            ("200", ["description": "OK", "content": ["application/json": ["schema": body]]]),
        ]
        var codes = doc.problems
        if access != .anyone { codes.append(contentsOf: [.unauthorized, .insufficientScope]) }
        codes.append(.internalError)
        for status in Set(codes.map { $0.status.code }).sorted() {
            let names = codes.filter { $0.status.code == status }.map(\.rawValue).joined(separator: ", ")
            responses.append((String(status), [
                "description": .string("Problem: \(names)"),
                "content": ["application/problem+json": ["schema": Schema.ref(ProblemSchema.schemaName)]],
            ]))
        }
        var pairs: [(String, JSONValue)] = [
            ("operationId", .string(doc.operationID)),
            ("summary", .string(doc.summary)),
            ("tags", [.string(doc.tag)]),
            ("parameters", .array(pathParameters.map { name -> JSONValue in
                ["name": .string(name), "in": "path", "required": true, "schema": Schema.integer]
            } + doc.parameters.map { parameter in
                ["name": .string(parameter.name), "in": "query", "required": .bool(parameter.required),
                 "description": .string(parameter.description), "schema": parameter.schema]
            })),
            ("responses", .object(responses)),
        ]
        if access != .anyone {
            let permission: Permission? = if case .permission(let p) = access { p } else { nil }
            let scope = TokenScope.required(changesState: TokenScopeCheck.changesState(method), permission: permission)
            pairs.append(("security", [["session": []], ["bearer": [.string(scope.rawValue)]]]))
        }
        return .object(pairs)
    }
}

/// The schema of `Problem` (RFC 9457 with LearnCity's `code` and `field`).
enum ProblemSchema: APISchema {
    static let schemaName = "Problem"
    static var schema: JSONValue {
        Schema.object([
            ("type", Schema.string("URI of the problem type")),
            ("title", Schema.string("Message in the request's language")),
            ("status", Schema.integer),
            ("code", Schema.string("Stable code", enum: ProblemCode.allCases.map(\.rawValue))),
            ("detail", Schema.string()),
            ("instance", Schema.string()),
            ("field", Schema.string("The request field the problem is about")),
        ], required: ["type", "title", "status", "code", "instance"])
    }
}
