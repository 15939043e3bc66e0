import Fluent
import Vapor

/// Document numbers (文号) are the office's, one series for everything it sends: a number used by
/// a notice cannot go on a report to the government, and the other way round.
enum DocumentNumbers {
    static let maxLength = 60

    static func isTaken(_ number: String, on db: any Database) async throws -> Bool {
        if try await Notice.query(on: db).filter(\.$number == number).count() > 0 { return true }
        return try await GovernmentReport.query(on: db).filter(\.$number == number).count() > 0
    }

    /// A unique-constraint failure on a number: two clicks, or two people, at once.
    static func isDuplicate(_ error: any Error) -> Bool {
        (error as? any DatabaseError)?.isConstraintFailure == true
    }
}
