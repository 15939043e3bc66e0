import Fluent
import Foundation
import LearnCityCore
import Vapor

/// The app's handle on personal-data encryption, and the check that the key matches the data.
struct PersonalDataVault: Sendable {
    let crypto: PersonalDataCrypto
    static let keyCheckSetting = "crypto.key_check"

    /// `signInName`: what was typed as a user name on sign-in when it is no account (the throttle).
    enum Purpose: String { case residentID = "resident_id", phone = "phone", signInName = "sign_in_name" }

    func seal(_ value: String) throws -> String { try crypto.seal(value) }
    func open(_ stored: String) throws -> String { try crypto.open(stored) }
    func hash(_ value: String, _ purpose: Purpose) -> String { crypto.lookupHash(value, purpose: purpose.rawValue) }

    /// Refuses to run with a key other than the one the stored data was written with.
    func verifyKey(on database: any Database) async throws {
        if let stored = try await AppSetting.get(Self.keyCheckSetting, on: database) {
            guard stored == crypto.keyCheck else {
                throw StartupError("密钥与已加密的数据不符 / the key does not match the encrypted data: restore learncity.key from the backup that belongs to this database, or set LEARNCITY_SECRET_KEY to that key")
            }
            return
        }
        guard try await Person.query(on: database).count() == 0 else {
            throw StartupError("已有加密数据但缺少密钥校验值 / encrypted data exists without a key check: restore the database and key together")
        }
        try await AppSetting.set(Self.keyCheckSetting, crypto.keyCheck, on: database)
    }
}

extension PersonalDataVault {
    /// The vault for a configuration; its key comes from `LEARNCITY_SECRET_KEY` or the key file
    /// (`AppRunner` reads it before configuring; tests set one).
    init(config: AppConfig) throws {
        guard let key = config.secretKey else {
            throw StartupError("缺少密钥 / no key for personal data: set LEARNCITY_SECRET_KEY or start with a writable data directory")
        }
        crypto = try PersonalDataCrypto(keyMaterial: PersonalDataCrypto.keyMaterial(fromBase64: key))
    }
}

extension Request {
    var vault: PersonalDataVault { application.learnCity.vault }
}
