import Crypto
import Foundation

/// Encryption and keyed hashing of personal data (resident ID and phone numbers).
///
/// Values are sealed with AES-256-GCM under a key derived from the installation key; the stored
/// form is `nonce ‖ ciphertext ‖ tag`, base64-encoded. Because every seal uses a fresh nonce, the
/// same value never encrypts the same way twice, so lookups and de-duplication use a keyed hash
/// (HMAC-SHA-256 under a second derived key) instead. Neither derived key is the stored key.
public struct PersonalDataCrypto: Sendable {
    // Built once: making a key, and keying an HMAC (two hashed blocks), cost more than
    // hashing or sealing one short value. Neither type is marked Sendable, but both are
    // immutable here and copy on write, so sharing them across threads is safe.
    nonisolated(unsafe) private let encryptionKey: SymmetricKey
    nonisolated(unsafe) private let keyedHMAC: HMAC<SHA256>

    public struct KeyError: Error, Equatable, Sendable { public var reason: String }
    public struct DecryptionError: Error, Sendable {}

    /// `keyMaterial`: 32 bytes (the key file's or `LEARNCITY_SECRET_KEY`'s content, decoded).
    public init(keyMaterial: Data) throws(KeyError) {
        guard keyMaterial.count == 32 else { throw KeyError(reason: "the key must be 32 bytes (44 base64 characters)") }
        let master = SymmetricKey(data: keyMaterial)
        func derive(_ info: String) -> Data {
            HKDF<SHA256>.deriveKey(inputKeyMaterial: master, info: Data(info.utf8), outputByteCount: 32)
                .withUnsafeBytes { Data($0) }
        }
        encryptionKey = SymmetricKey(data: derive("learncity personal data v1"))
        keyedHMAC = HMAC<SHA256>(key: SymmetricKey(data: derive("learncity lookup hash v1")))
    }

    /// A new random key, base64-encoded, for a key file.
    public static func generateKey() -> String {
        SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }.base64EncodedString()
    }

    /// Reads a base64 key (as stored in the key file or the environment).
    public static func keyMaterial(fromBase64 text: String) throws(KeyError) -> Data {
        guard let data = Data(base64Encoded: text.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw KeyError(reason: "the key is not base64")
        }
        return data
    }

    public func seal(_ plaintext: String) throws -> String {
        try seal(bytes: Data(plaintext.utf8)).base64EncodedString()
    }

    public func open(_ stored: String) throws -> String {
        guard let data = Data(base64Encoded: stored) else { throw DecryptionError() }
        return String(decoding: try open(bytes: data), as: UTF8.self)
    }

    /// Seals bytes (a staged import file) as `nonce ‖ ciphertext ‖ tag`, without base64.
    public func seal(bytes: Data) throws -> Data {
        try AES.GCM.seal(bytes, using: encryptionKey).combined!
    }

    public func open(bytes sealed: Data) throws -> Data {
        guard let box = try? AES.GCM.SealedBox(combined: sealed),
              let plain = try? AES.GCM.open(box, using: encryptionKey) else { throw DecryptionError() }
        return plain
    }

    /// The keyed hash used for lookups, hex-encoded. `purpose` keeps hashes of different fields
    /// apart, so a phone hash never equals an ID hash.
    public func lookupHash(_ value: String, purpose: String) -> String {
        var input = Array(purpose.utf8)
        input.append(0)
        input.append(contentsOf: value.utf8)
        var mac = keyedHMAC   // a copy: the shared one is never updated
        mac.update(data: input)
        return Hex.encode(mac.finalize())
    }

    /// A value stored beside the data that tells whether a key is the one the data was written
    /// with, without revealing the key.
    public var keyCheck: String { lookupHash("key-check", purpose: "key-check") }
}
