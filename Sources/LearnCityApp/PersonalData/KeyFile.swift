import Foundation
import LearnCityCore

/// The installation key for personal data: `LEARNCITY_SECRET_KEY`, or the key file
/// `learncity.key` in the data directory, created on first start with mode 0600.
///
/// Losing it makes the personal data unreadable; `learncity backup` copies it.
public enum KeyFile {
    public static let name = "learncity.key"

    /// Returns the base64 key and whether this call created the file.
    public static func loadOrCreate(in directory: URL) throws -> (key: String, created: Bool) {
        let url = directory.appendingPathComponent(name)
        if FileManager.default.fileExists(atPath: url.path) {
            guard let text = try? String(contentsOf: url, encoding: .utf8) else {
                throw StartupError("无法读取密钥文件 / cannot read the key file \(url.path): check its permissions")
            }
            do { _ = try PersonalDataCrypto(keyMaterial: PersonalDataCrypto.keyMaterial(fromBase64: text)) }
            catch { throw StartupError("密钥文件损坏 / the key file \(url.path) is damaged (\(error.reason)): restore it from a backup") }
            return (text.trimmingCharacters(in: .whitespacesAndNewlines), false)
        }
        let key = PersonalDataCrypto.generateKey()
        // O_EXCL: two instances starting at once never overwrite each other's key.
        let fd = open(url.path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard fd >= 0 else { throw StartupError("无法创建密钥文件 / cannot create the key file \(url.path): check LEARNCITY_DATA_DIR") }
        let bytes = Array((key + "\n").utf8)
        let written = bytes.withUnsafeBufferPointer { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        guard written == bytes.count else {
            try? FileManager.default.removeItem(at: url)
            throw StartupError("无法写入密钥文件 / cannot write the key file \(url.path)")
        }
        return (key, true)
    }
}
