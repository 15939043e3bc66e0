import Foundation
import Vapor

/// Clean-up that must happen whether or not anyone visits: every ten minutes while the
/// application runs, staged imports older than an hour are purged (they hold personal data) and
/// sessions the server would refuse anyway are deleted. (The synchronous lifecycle hooks: the
/// asynchronous ones call them, and `boot()` — as tests boot — calls only these.)
final class Housekeeping: LifecycleHandler, @unchecked Sendable {
    static let interval: Duration = .seconds(600)
    private let lock = NSLock()
    private var task: Task<Void, Never>?

    func didBoot(_ app: Application) throws {
        lock.withLock {
            task = Task {
                while !Task.isCancelled {
                    ImportStaging.purge(app)
                    do { try await AccountSessions.sweep(on: app.db) } catch {
                        app.logger.warning("session sweep failed", metadata: ["error": "\(error)"])
                    }
                    try? await Task.sleep(for: Self.interval)
                }
            }
        }
    }

    func shutdown(_ app: Application) {
        lock.withLock {
            task?.cancel()
            task = nil
        }
    }
}
