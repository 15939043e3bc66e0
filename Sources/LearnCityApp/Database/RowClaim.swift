import Fluent
import SQLKit

/// Optimistic concurrency in one statement: inside a transaction, set a column of a row only if
/// another column still holds what the user's decision was based on (a version, a state, "not
/// yet published"). On PostgreSQL the UPDATE also locks the row until commit, so of two
/// concurrent changes exactly one claims it; the other gets `false` and writes nothing.
enum RowClaim {
    /// `UPDATE table SET column = value WHERE id = id AND guard` — whether the row was claimed.
    static func claim(_ table: String, id: Int, set column: String, to value: any SQLExpression,
                      where guardColumn: String, _ op: SQLBinaryOperator, _ expected: any SQLExpression, on db: any Database) async throws -> Bool {
        try await !(db as! any SQLDatabase).update(table).set(SQLIdentifier(column), to: value)
            .where(SQLIdentifier("id"), .equal, SQLBind(id)).where(SQLIdentifier(guardColumn), op, expected)
            .returning("id").all().isEmpty
    }

    /// The common case: move `version` from the one the user saw to the next.
    static func version(_ table: String, id: Int, seen: Int, on db: any Database) async throws -> Bool {
        try await claim(table, id: id, set: "version", to: SQLBind(seen + 1), where: "version", .equal, SQLBind(seen), on: db)
    }
}

/// Someone changed the row since the user loaded it; `by` names them when known.
struct VersionConflict: Error { var by: String }
