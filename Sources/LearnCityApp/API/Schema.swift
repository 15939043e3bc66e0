/// Small builders for the JSON Schema (2020-12, as OpenAPI 3.1 uses it) of API responses.
enum Schema {
    static func object(_ properties: [(String, JSONValue)], required: [String]) -> JSONValue {
        ["type": "object", "properties": .object(properties), "required": .array(required.map { .string($0) })]
    }
    static func array(_ items: JSONValue) -> JSONValue { ["type": "array", "items": items] }
    static func string(_ description: String? = nil, enum values: [String]? = nil) -> JSONValue {
        var pairs: [(String, JSONValue)] = [("type", "string")]
        if let description { pairs.append(("description", .string(description))) }
        if let values { pairs.append(("enum", .array(values.map { .string($0) }))) }
        return .object(pairs)
    }
    static let integer: JSONValue = ["type": "integer"]
    static let number: JSONValue = ["type": "number"]
    static let boolean: JSONValue = ["type": "boolean"]
    /// A value that may be null (OpenAPI 3.1 writes this as a type list).
    static func nullable(_ type: String) -> JSONValue { ["type": [.string(type), "null"]] }
    static func ref(_ name: String) -> JSONValue { ["$ref": .string("#/components/schemas/\(name)")] }
}

/// A type that appears in API responses and names its schema for the OpenAPI document.
protocol APISchema {
    static var schemaName: String { get }
    static var schema: JSONValue { get }
}
