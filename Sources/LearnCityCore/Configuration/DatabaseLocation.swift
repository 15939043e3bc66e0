import Foundation

/// Where the data lives: an SQLite file in the data directory, or a PostgreSQL server named
/// by `DATABASE_URL`. Parsing is pure so that a malformed URL is refused before anything is
/// created on disk.
public enum DatabaseLocation: Equatable, Sendable {
    case sqlite(path: String)
    case postgres(PostgresAddress)

    public struct PostgresAddress: Equatable, Sendable {
        public var host: String
        public var port: Int
        public var username: String
        public var password: String?
        public var database: String
        /// `sslmode=require|verify-full` asks for TLS; the default is plain TCP, as on loopback.
        public var requiresTLS: Bool
        /// `?schema=` puts LearnCity's tables in their own schema (tests use one per test).
        public var schema: String?

        /// The address without the password, for messages and logs.
        public var redacted: String { "postgres://\(username)@\(host):\(port)/\(database)" }
    }

    public struct ParseError: Error, Equatable, Sendable {
        public var reason: String
    }

    /// Parses `postgres://user:pass@host:port/db?sslmode=…` (also `postgresql://`).
    public static func parse(databaseURL text: String) throws(ParseError) -> PostgresAddress {
        guard let components = URLComponents(string: text) else {
            throw ParseError(reason: "DATABASE_URL is not a URL")
        }
        guard let scheme = components.scheme?.lowercased(), scheme == "postgres" || scheme == "postgresql" else {
            throw ParseError(reason: "DATABASE_URL must start with postgres:// (SQLite is used when it is unset)")
        }
        guard let host = components.host, !host.isEmpty else {
            throw ParseError(reason: "DATABASE_URL names no host")
        }
        guard let user = components.user, !user.isEmpty else {
            throw ParseError(reason: "DATABASE_URL names no user")
        }
        let database = String(components.path.drop(while: { $0 == "/" }))
        guard !database.isEmpty, !database.contains("/") else {
            throw ParseError(reason: "DATABASE_URL names no database (…/dbname)")
        }
        let port = components.port ?? 5432
        guard (1...65535).contains(port) else { throw ParseError(reason: "DATABASE_URL has an invalid port") }
        let schema = components.queryItems?.first(where: { $0.name == "schema" })?.value
        if let schema, schema.isEmpty || !schema.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_") }) || schema.first!.isNumber {
            throw ParseError(reason: "DATABASE_URL schema= must be a lower-case identifier")
        }
        let sslMode = components.queryItems?.first(where: { $0.name == "sslmode" })?.value ?? "disable"
        return PostgresAddress(
            host: host, port: port, username: user.removingPercentEncoding ?? user,
            password: components.password?.removingPercentEncoding ?? components.password,
            database: database, requiresTLS: ["require", "verify-ca", "verify-full"].contains(sslMode),
            schema: schema)
    }
}
