import Fluent
import Foundation
import LearnCityCore
import Vapor

/// Creating staff accounts and resetting their passwords: one path for the admin pages and the
/// `learncity user create` command.
enum AccountService {
    enum Problem: Error, Equatable { case usernameInvalid, usernameTaken, unknownOrganisation, noRoles }

    static func isValidUsername(_ name: String) -> Bool {
        (3...32).contains(name.count) && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || ".-_".contains($0)) }
    }

    /// Creates an account that must change its password at first sign-in. Returns the password
    /// (generated unless given), to be shown once.
    static func createStaff(username: String, displayName: String, roles: Set<Role>, organisationID: Int?,
                            password: String?, hasher: any PasswordHasher, actor: Audit.Actor,
                            on database: any Database) async throws -> (User, String) {
        guard isValidUsername(username) else { throw Problem.usernameInvalid }
        guard !roles.isEmpty else { throw Problem.noRoles }
        if let organisationID, try await Organisation.find(organisationID, on: database) == nil { throw Problem.unknownOrganisation }
        let chosen = password ?? AdminBootstrap.generatePassword()
        let user = User(username: username, displayName: displayName.isEmpty ? username : displayName,
                        passwordHash: try hasher.hash(chosen), roles: roles, organisationID: organisationID,
                        mustChangePassword: true)
        try await database.transaction { db in
            guard try await User.query(on: db).filter(\.$username == username).count() == 0 else { throw Problem.usernameTaken }
            try await user.create(on: db)
            try await Audit.record(.create, entity: "user", id: user.id?.uuidString,
                                   summary: "username: \(username); roles: \(user.rolesText); organisation: \(organisationID.map(String.init) ?? "∅")",
                                   by: actor, on: db)
        }
        return (user, chosen)
    }

    /// A new one-time password for a staff account, which must be changed at the next sign-in.
    /// Every session of the account ends: the old password's holder is signed out.
    static func resetPassword(_ user: User, hasher: any PasswordHasher, actor: Audit.Actor, on database: any Database) async throws -> String {
        let password = AdminBootstrap.generatePassword()
        user.passwordHash = try hasher.hash(password)
        user.mustChangePassword = true
        try await database.transaction { db in
            try await user.update(on: db)
            try await Audit.record(.passwordReset, entity: "user", id: user.id?.uuidString, summary: "by admin", by: actor, on: db)
            try await AccountSessions.end(of: user.id, except: nil, on: db)
        }
        return password
    }
}
