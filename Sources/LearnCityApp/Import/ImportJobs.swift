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
        var finished: Bool { outcome != nil || failure != nil }
    }

    private var jobs: [UUID: State] = [:]

    func start(owner: UUID?) -> UUID {
        let id = UUID()
        jobs[id] = State(owner: owner)
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

/// Uploaded files wait here between the dry run and the confirmed import.
enum ImportStaging {
    static func directory(_ app: Application) -> URL {
        app.learnCity.config.dataDirectory.appendingPathComponent("staging", isDirectory: true)
    }

    static func store(_ data: Data, app: Application) throws -> UUID {
        let folder = directory(app)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // Forget uploads nobody confirmed within a day.
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] {
            let url = folder.appendingPathComponent(name)
            if let date = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.modificationDate] as? Date,
               date < Date().addingTimeInterval(-86_400) { try? FileManager.default.removeItem(at: url) }
        }
        let id = UUID()
        try data.write(to: folder.appendingPathComponent(id.uuidString), options: .atomic)
        return id
    }

    static func load(_ id: UUID, app: Application) -> Data? {
        try? Data(contentsOf: directory(app).appendingPathComponent(id.uuidString))
    }

    static func remove(_ id: UUID, app: Application) {
        try? FileManager.default.removeItem(at: directory(app).appendingPathComponent(id.uuidString))
    }
}
