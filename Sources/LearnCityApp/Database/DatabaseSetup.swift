import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import LearnCityCore
import SQLKit
import Vapor

/// Opens the database the configuration names and checks that it answers.
enum DatabaseSetup {
    static func use(_ location: DatabaseLocation, on app: Application) {
        switch location {
        case .sqlite(let path):
            let storage: SQLiteConfiguration.Storage = path == ":memory:" ? .memory : .file(path: path)
            app.databases.use(.sqlite(.init(storage: storage, enableForeignKeys: true), sqlLogLevel: .debug), as: .sqlite)
        case .postgres(let address):
            var configuration = SQLPostgresConfiguration(
                hostname: address.host, port: address.port, username: address.username,
                password: address.password, database: address.database,
                tls: address.requiresTLS ? .require(try! .init(configuration: .clientDefault)) : .disable)
            if let schema = address.schema { configuration.searchPath = [schema] }
            app.databases.use(.postgres(configuration: configuration, maxConnectionsPerEventLoop: 4,
                                        connectionPoolTimeout: .seconds(10), sqlLogLevel: .debug), as: .psql)
        }
    }

    /// Runs `SELECT 1`; used at start-up and by `/healthz`.
    static func ping(_ database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw("SELECT 1").run()
    }

    /// Creates the PostgreSQL schema when one is configured; puts SQLite in WAL mode, so that a long import does not block the pages' reads
    /// (design.md §7). The mode is stored in the file, so once is enough.
    static func tune(_ database: any Database, location: DatabaseLocation) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        if case .postgres(let address) = location, let schema = address.schema {
            // The search path may name a schema before it exists; it applies once created.
            try await sql.raw("CREATE SCHEMA IF NOT EXISTS \(ident: schema)").run()
            return
        }
        guard sql.dialect.name == "sqlite" else { return }
        try await sql.raw("PRAGMA journal_mode=WAL").run()
        try await sql.raw("PRAGMA synchronous=NORMAL").run()
    }

    /// True on PostgreSQL; for the few places that need dialect-specific SQL (each has a
    /// SQLite twin, and both run in tests).
    static func isPostgres(_ database: any Database) -> Bool {
        (database as? any SQLDatabase)?.dialect.name == "postgresql"
    }
}
