import Fluent
import Foundation
import SQLKit

/// Sign-in throttling (design.md §5): failures are counted per account-and-address and per
/// address, never per account alone, so nobody can lock the admin out from elsewhere. Failures
/// live in the database, so every instance on one database applies the same limits.
enum SignInThrottle {
    static let window: TimeInterval = 15 * 60
    /// Failures of one account from one address before that pair is refused.
    static let pairLimit = 5
    /// Failures from one address, whatever the accounts, before the address is refused (an
    /// office behind one NAT address tolerates some mistakes; a password sprayer does not).
    static let addressLimit = 30
    /// Registrations are counted in the same table under this account name, per address: a
    /// registration drive at a centre makes a few, a script making accounts is stopped. They do
    /// not count towards the address's sign-in limit.
    static let registration = "register"
    static let registrationLimit = 10

    /// Seconds until the pair may try again, or nil when it may try now.
    static func retryAfter(account: String, address: String, pairLimit: Int = SignInThrottle.pairLimit,
                           now: Date = Date(), on database: any Database) async throws -> TimeInterval? {
        let since = now.addingTimeInterval(-window)
        let pair = try await SignInFailure.query(on: database).filter(\.$account == account)
            .filter(\.$address == address).filter(\.$at > since).sort(\.$at).all()
        if pair.count >= pairLimit, let oldest = pair.suffix(pairLimit).first {
            return oldest.at.addingTimeInterval(window).timeIntervalSince(now)
        }
        let fromAddress = try await SignInFailure.query(on: database).filter(\.$address == address)
            .filter(\.$account != registration).filter(\.$at > since).sort(\.$at).all()
        if fromAddress.count >= addressLimit, let oldest = fromAddress.suffix(addressLimit).first {
            return oldest.at.addingTimeInterval(window).timeIntervalSince(now)
        }
        return nil
    }

    static func recordFailure(account: String, address: String, on database: any Database) async throws {
        let failure = SignInFailure()
        failure.account = account
        failure.address = address
        failure.at = Date()
        try await failure.create(on: database)
        // Forget what no longer counts.
        try await SignInFailure.query(on: database).filter(\.$at < Date().addingTimeInterval(-window)).delete()
    }

    /// Counts an attempt that is limited whether or not it succeeds (a registration).
    static func recordAttempt(account: String, address: String, on database: any Database) async throws {
        try await recordFailure(account: account, address: address, on: database)
    }

    static func recordSuccess(account: String, address: String, on database: any Database) async throws {
        try await SignInFailure.query(on: database).filter(\.$account == account).filter(\.$address == address).delete()
    }
}

final class SignInFailure: Model, @unchecked Sendable {
    static let schema = "sign_in_failures"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    /// The name typed (lower-cased), whether or not such an account exists.
    @Field(key: "account") var account: String
    @Field(key: "address") var address: String
    @Field(key: "at") var at: Date

    init() {}
}

struct CreateSignInFailures: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(SignInFailure.schema)
            .field("id", .int, .identifier(auto: true))
            .field("account", .string, .required)
            .field("address", .string, .required)
            .field("at", .datetime, .required)
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "sign_in_failures_pair").on(SignInFailure.schema).column("account").column("address").run()
        try await sql.create(index: "sign_in_failures_address").on(SignInFailure.schema).column("address").column("at").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(SignInFailure.schema).delete()
    }
}
