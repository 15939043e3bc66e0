import Fluent
import Foundation
import LearnCityCore
import Vapor

/// The citizen side of accounts: registering, redeeming a centre's code, resetting a password.
enum CitizenService {
    enum Problem: Error { case invalidCode }

    /// Redeems a code for a resident ID hash: marks it used and returns it, or throws.
    static func redeem(code: String, purpose: IdentityCode.Purpose, residentIDHash: String,
                       on database: any Database) async throws -> IdentityCode {
        let digits = code.filter(\.isNumber)
        let hash = IdentityCode.hash(digits, residentIDHash: residentIDHash)
        guard let match = try await IdentityCode.query(on: database)
            .filter(\.$residentIDHash == residentIDHash).filter(\.$purpose == purpose)
            .filter(\.$codeHash == hash).filter(\.$usedAt == nil).filter(\.$expiresAt > Date()).first()
        else { throw Problem.invalidCode }
        match.usedAt = Date()
        try await match.update(on: database)
        return match
    }

    /// Links `user` to the person of `code`. Any other account linked to that person loses the
    /// link: the real owner, who holds the code, reclaims the resident ID.
    static func link(_ user: User, to personID: Int, actor: Audit.Actor, on database: any Database) async throws {
        let others = try await User.query(on: database).filter(\.$personID == personID).all().filter { $0.id != user.id }
        for other in others {
            other.personID = nil
            try await other.update(on: database)
            try await Audit.record(.update, entity: "user", id: other.id?.uuidString,
                                   summary: "person link removed: reclaimed by its owner", by: actor, on: database)
        }
        user.personID = personID
        try await user.update(on: database)
        try await Audit.record(.identityConfirmed, entity: "user", id: user.id?.uuidString,
                               summary: "linked to person \(personID)", by: actor, on: database)
    }
}
