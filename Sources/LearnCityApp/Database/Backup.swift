import Fluent
import Foundation
import LearnCityCore
import SQLKit
import Vapor

extension LearnCity {
    /// The key file's name in the data directory (created by the personal-data capability).
    static let keyFileName = KeyFile.name

    /// Writes a consistent copy of the database (SQLite `VACUUM INTO`, which reads one
    /// snapshot even while the server writes; `pg_dump` on PostgreSQL), the key file and the
    /// resource library's files into `directory`. Returns the paths written.
    public static func backup(_ app: Application, into directory: URL) async throws -> [String] {
        let manager = FileManager.default
        try manager.createDirectory(at: directory, withIntermediateDirectories: true)
        let stamp = backupStamp()
        var written: [String] = []
        switch app.learnCity.config.database {
        case .sqlite:
            let target = directory.appendingPathComponent("learncity-\(stamp).sqlite")
            guard !manager.fileExists(atPath: target.path) else { throw StartupError("备份已存在 / \(target.path) exists") }
            let sql = app.db as! any SQLDatabase
            try await sql.raw("VACUUM INTO \(bind: target.path)").run()
            written.append(target.path)
        case .postgres(let address):
            let target = directory.appendingPathComponent("learncity-\(stamp).dump")
            try runPGDump(address, to: target)
            written.append(target.path)
        }
        let key = app.learnCity.config.dataDirectory.appendingPathComponent(keyFileName)
        if manager.fileExists(atPath: key.path) {
            let copy = directory.appendingPathComponent(keyFileName)
            try? manager.removeItem(at: copy)
            try manager.copyItem(at: key, to: copy)
            try manager.setAttributes([.posixPermissions: 0o600], ofItemAtPath: copy.path)
            written.append(copy.path)
        }
        // The resource library's files: named by their content hash, so a file already in the
        // backup folder is the same file and is not copied again.
        let resources = app.learnCity.config.dataDirectory.appendingPathComponent("resources", isDirectory: true)
        if let shards = try? manager.contentsOfDirectory(atPath: resources.path) {
            let target = directory.appendingPathComponent("resources", isDirectory: true)
            for shard in shards where shard.count == 2 {
                let folder = resources.appendingPathComponent(shard, isDirectory: true)
                try manager.createDirectory(at: target.appendingPathComponent(shard), withIntermediateDirectories: true)
                for name in (try? manager.contentsOfDirectory(atPath: folder.path)) ?? [] {
                    let copy = target.appendingPathComponent(shard).appendingPathComponent(name)
                    if !manager.fileExists(atPath: copy.path) { try manager.copyItem(at: folder.appendingPathComponent(name), to: copy) }
                }
            }
            written.append(target.path)
        }
        return written
    }

    private static func runPGDump(_ address: DatabaseLocation.PostgresAddress, to target: URL) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["pg_dump", "--format=custom", "--file=\(target.path)", "--host=\(address.host)",
                             "--port=\(address.port)", "--username=\(address.username)", address.database]
        var environment = ProcessInfo.processInfo.environment
        if let password = address.password { environment["PGPASSWORD"] = password }
        process.environment = environment
        do { try process.run() } catch { throw StartupError("找不到 pg_dump / pg_dump not found: install postgresql-client") }
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw StartupError("pg_dump 失败 / pg_dump failed with status \(process.terminationStatus)") }
    }

    private static func backupStamp() -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: Date())
    }
}
