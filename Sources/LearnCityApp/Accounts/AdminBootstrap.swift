import Fluent
import Foundation
import LearnCityCore
import Vapor

/// Creates the first admin account (`admin`) when there is none.
enum AdminBootstrap {
    static let username = "admin"

    /// Returns the password when a new one was generated, so the caller prints it once.
    static func ensureAdmin(on database: any Database, password: String?, hasher: any PasswordHasher) async throws -> String? {
        if try await User.query(on: database).filter(\.$username == username).first() != nil { return nil }
        let chosen = password ?? generatePassword()
        let office = try await Organisation.query(on: database)
            .filter(\.$kind == .leadingGroupOffice).sort(\.$id).first()
        let user = User(username: username, displayName: "系统管理员", passwordHash: try hasher.hash(chosen),
                        roles: [.systemAdmin], organisationID: office?.id,
                        mustChangePassword: false)
        try await user.save(on: database)
        return password == nil ? chosen : nil
    }

    /// 16 characters from an alphabet without look-alikes (no 0/O, 1/l/I).
    static func generatePassword() -> String {
        let alphabet = Array("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<16).map { _ in alphabet.randomElement(using: &generator)! })
    }
}
