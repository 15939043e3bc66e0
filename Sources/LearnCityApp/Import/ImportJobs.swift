import Foundation
import LearnCityCore
import Vapor

/// Imports started from the browser run in the background; their pages read the progress here.
/// (One process; a job belongs to the instance that runs it. The import itself is one
/// transaction, so a crash leaves the old state.)
actor ImportJobs {
    struct State: Sendable {
        var owner: UUID?
        var done = 0
        var total = 0
        var outcome: ImportOutcome?
        var failure: String?
        /// The staged file the job imports: the list of its dry run's conflicts stays downloadable.
        var staged: UUID?
        var finished: Bool { outcome != nil || failure != nil }
    }

    private var jobs: [UUID: State] = [:]

    func start(owner: UUID?, staged: UUID? = nil) -> UUID {
        let id = UUID()
        jobs[id] = State(owner: owner, staged: staged)
        return id
    }

    func update(_ id: UUID, done: Int, total: Int) {
        jobs[id]?.done = done
        jobs[id]?.total = total
    }

    func finish(_ id: UUID, outcome: ImportOutcome?, failure: String?) {
        jobs[id]?.outcome = outcome
        jobs[id]?.failure = failure
    }

    func state(_ id: UUID) -> State? { jobs[id] }
}

/// Uploaded files wait here between the dry run and the confirmed import. They hold resident IDs
/// and phone numbers, so they are sealed with the personal-data key (AES-GCM, the key never
/// touches the disk beside them), readable by the service's user only (0600), and removed an
/// hour after upload by `Housekeeping` whether or not anyone confirms them.
enum ImportStaging {
    static let lifetime: TimeInterval = 3600

    static func directory(_ app: Application) -> URL {
        app.learnCity.config.dataDirectory.appendingPathComponent("staging", isDirectory: true)
    }

    static func store(_ data: Data, app: Application) throws -> UUID {
        let id = UUID()
        let handle = try PrivateFile.create(directory(app).appendingPathComponent(id.uuidString))
        defer { try? handle.close() }
        try handle.write(contentsOf: try app.learnCity.vault.crypto.seal(bytes: data))
        return id
    }

    static func load(_ id: UUID, app: Application) -> Data? {
        guard let sealed = try? Data(contentsOf: directory(app).appendingPathComponent(id.uuidString)) else { return nil }
        return try? app.learnCity.vault.crypto.open(bytes: sealed)
    }

    /// The staged file, once imported. Its list of conflicts stays (for the job's page) until the purge.
    static func remove(_ id: UUID, app: Application) {
        try? FileManager.default.removeItem(at: directory(app).appendingPathComponent(id.uuidString))
    }

    /// Removes what was staged more than `lifetime` ago (a confirmed import has read its file by then).
    static func purge(_ app: Application, now: Date = Date()) {
        let folder = directory(app)
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] {
            let url = folder.appendingPathComponent(name)
            if let date = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.modificationDate] as? Date,
               date < now.addingTimeInterval(-lifetime) { try? FileManager.default.removeItem(at: url) }
        }
    }

    /// Where the dry run of a staged file lists every conflict, for the account that uploaded it.
    static func conflictsFile(_ id: UUID, owner: UUID?, app: Application) -> URL {
        directory(app).appendingPathComponent("\(id.uuidString).conflicts.\(owner?.uuidString ?? "none")")
    }
}

/// Every conflict of a dry run, one sealed CSV line each (messages quote cells of the file), so
/// the whole list can be downloaded while only the first conflicts are kept in memory.
final class ConflictFile: @unchecked Sendable {
    private let handle: FileHandle
    private let crypto: PersonalDataCrypto
    private let lock = NSLock()
    private var buffer = Data()

    init(_ url: URL, crypto: PersonalDataCrypto) throws {
        handle = try PrivateFile.create(url)
        self.crypto = crypto
    }

    var sink: ConflictSink { ConflictSink { [self] conflict in write(conflict) } }

    static func cells(_ c: ImportConflict) -> [String] {
        [c.row.map(String.init) ?? "", c.column ?? "", c.code.rawValue, c.message]
    }

    private func write(_ conflict: ImportConflict) {
        guard let line = try? crypto.seal(CSVText.line(Self.cells(conflict))) else { return }
        lock.withLock {
            buffer.append(contentsOf: line.utf8)
            buffer.append(0x0A)
            if buffer.count > 64 * 1024 { flush() }
        }
    }

    private func flush() {
        try? handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    func close() {
        lock.withLock { flush() }
        try? handle.close()
    }

    /// The CSV lines of a conflicts file, opened and handed on a chunk (64 KB read) at a time.
    static func read(_ url: URL, crypto: PersonalDataCrypto, _ body: (String) async throws -> Void) async throws {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        var pending = Data()
        while let chunk = try handle.read(upToCount: 64 * 1024), !chunk.isEmpty {
            pending.append(chunk)
            var lines = "", start = pending.startIndex
            while let end = pending[start...].firstIndex(of: 0x0A) {
                lines += try crypto.open(String(decoding: pending[start..<end], as: UTF8.self))
                start = end + 1
            }
            pending = Data(pending[start...])
            try await body(lines)
        }
    }
}

/// A new file that only the service's user may read: created with mode 0600 (not chmod-ed after
/// being written), in a directory made 0700 if new.
enum PrivateFile {
    static func create(_ url: URL) throws -> FileHandle {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else { throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: url.path]) }
        return FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    }
}
