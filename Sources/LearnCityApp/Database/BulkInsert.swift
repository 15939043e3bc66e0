import Fluent
import Foundation
import SQLiteNIO
import SQLKit

/// Multi-row inserts for imports. On SQLite the values are bound straight as `SQLiteData`
/// (Fluent's Codable path costs more than the insert itself at a million rows); on PostgreSQL
/// the same rows go through SQLKit. Both paths run in the test suites.
enum BulkInsert {
    enum Value: Sendable {
        case text(String)
        case int(Int)
        case double(Double)
        case bool(Bool)
        case date(Date)
        case null

        static func text(_ value: String?) -> Value { value.map(Value.text) ?? .null }
        static func bool(_ value: Bool?) -> Value { value.map(Value.bool) ?? .null }

        var sqlite: SQLiteData {
            switch self {
            case .text(let text): .text(text)
            case .int(let int): .integer(int)
            case .double(let double): .float(double)
            case .bool(let bool): .integer(bool ? 1 : 0)
            case .date(let date): date.sqliteData ?? .null
            case .null: .null
            }
        }

        /// A bound value, or an untyped NULL: PostgreSQL refuses a NULL bound as text in a
        /// boolean column.
        var expression: any SQLExpression {
            switch self {
            case .text(let text): SQLBind(text)
            case .int(let int): SQLBind(int)
            case .double(let double): SQLBind(double)
            case .bool(let bool): SQLBind(bool)
            case .date(let date): SQLBind(date)
            case .null: SQLLiteral.null
            }
        }
    }

    /// A large page cache for the connection doing a big import: random keys (keyed hashes) in
    /// several indexes otherwise make SQLite re-read pages for every batch.
    static func prepare(_ database: any Database) async throws {
        guard let sqlite = database as? any SQLiteDatabase else { return }
        _ = try await sqlite.query("PRAGMA cache_size = -262144", [])
    }

    static func insert(into table: String, columns: [String], rows: [[Value]], on database: any Database) async throws {
        guard !rows.isEmpty else { return }
        if let sqlite = database as? any SQLiteDatabase {
            let placeholders = "(" + Array(repeating: "?", count: columns.count).joined(separator: ",") + ")"
            let sql = "INSERT INTO \"\(table)\" (" + columns.map { "\"\($0)\"" }.joined(separator: ",") + ") VALUES "
                + Array(repeating: placeholders, count: rows.count).joined(separator: ",")
            var binds: [SQLiteData] = []
            binds.reserveCapacity(rows.count * columns.count)
            for row in rows { for value in row { binds.append(value.sqlite) } }
            _ = try await sqlite.query(sql, binds)
        } else {
            var insert = (database as! any SQLDatabase).insert(into: table).columns(columns)
            for row in rows { insert = insert.values(row.map(\.expression)) }
            try await insert.run()
        }
    }
}
