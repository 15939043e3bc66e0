import Foundation
import LearnCityCore

/// The data directory (SQLite file, uploads, key file): created on first start, checked for
/// writing before anything is put in it, and cleaned up again when a first start fails
/// half-way, so that a failed start leaves no half-created files.
public struct DataDirectory: Sendable {
    public let url: URL
    private let createdDirectory: Bool
    private let sqliteExisted: Bool
    private let sqlitePath: String?
    /// Set when this start created the key file, so that a failed first start removes it.
    public var createdKeyFile = false

    public init(config: AppConfig) throws {
        url = config.dataDirectory
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        let exists = manager.fileExists(atPath: url.path, isDirectory: &isDirectory)
        if exists && !isDirectory.boolValue {
            throw StartupError("数据目录不是目录 / data directory \(url.path) is a file: set LEARNCITY_DATA_DIR to a directory")
        }
        if !exists {
            do { try manager.createDirectory(at: url, withIntermediateDirectories: true) }
            catch {
                throw StartupError("无法创建数据目录 / cannot create data directory \(url.path): set LEARNCITY_DATA_DIR to a writable place")
            }
        }
        createdDirectory = !exists
        // Root may write where permissions say no, so probe with a real file.
        let probe = url.appendingPathComponent(".write-test-\(UUID().uuidString)")
        guard manager.createFile(atPath: probe.path, contents: Data()) else {
            throw StartupError("数据目录不可写 / data directory \(url.path) is not writable: fix its permissions or set LEARNCITY_DATA_DIR")
        }
        try? manager.removeItem(at: probe)
        if case .sqlite(let path) = config.database, path != ":memory:" {
            sqlitePath = path
            sqliteExisted = manager.fileExists(atPath: path)
        } else {
            sqlitePath = nil
            sqliteExisted = true
        }
    }

    /// Removes what this start created, after a failure.
    public func rollback() {
        let manager = FileManager.default
        if let sqlitePath, !sqliteExisted {
            for suffix in ["", "-wal", "-shm", "-journal"] { try? manager.removeItem(atPath: sqlitePath + suffix) }
        }
        if createdKeyFile, !sqliteExisted || createdDirectory {
            try? manager.removeItem(at: url.appendingPathComponent(KeyFile.name))
        }
        if createdDirectory, (try? manager.contentsOfDirectory(atPath: url.path))?.isEmpty ?? false {
            try? manager.removeItem(at: url)
        }
    }
}
