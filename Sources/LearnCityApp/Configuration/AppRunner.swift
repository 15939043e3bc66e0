import Fluent
import Foundation
import LearnCityCore
import Vapor

/// Runs a command against a configured, reachable database and always shuts down cleanly.
/// Every failure leaves as a `StartupError` with a one-line message.
public enum AppRunner {
    public static func run<T: Sendable>(
        arguments: [String] = ["learncity"],
        _ body: @Sendable (Application) async throws -> T
    ) async throws -> T {
        var config = try AppConfig.fromEnvironment()
        var directory = try DataDirectory(config: config)
        if config.secretKey == nil {
            let (key, created) = try KeyFile.loadOrCreate(in: config.dataDirectory)
            config.secretKey = key
            if created { directory.createdKeyFile = true }
        }
        let app: Application
        do {
            app = try await Application.make(Environment(name: "production", arguments: arguments))
        } catch {
            directory.rollback()
            throw error
        }
        do {
            try LearnCity.configure(app, config: config)
            try await checkReachable(app, config: config)
            let result = try await body(app)
            try await app.asyncShutdown()
            return result
        } catch {
            try? await app.asyncShutdown()
            directory.rollback()
            throw describe(error, config: config)
        }
    }

    private static func checkReachable(_ app: Application, config: AppConfig) async throws {
        do { try await DatabaseSetup.ping(app.db) }
        catch {
            switch config.database {
            case .postgres(let address):
                throw StartupError("无法连接数据库 / cannot reach PostgreSQL at \(address.redacted): check DATABASE_URL, the password, and that the server is running")
            case .sqlite(let path):
                throw StartupError("无法打开数据库 / cannot open SQLite database \(path): check LEARNCITY_DATA_DIR")
            }
        }
    }

    /// Turns the errors users can fix into one line that says what to do.
    static func describe(_ error: any Error, config: AppConfig) -> any Error {
        if error is StartupError { return error }
        let text = String(describing: error)
        if text.contains("Address already in use") || text.contains("EADDRINUSE") {
            return StartupError("端口已被占用 / the port is already in use: stop the other program or choose another with --port")
        }
        return StartupError("启动失败 / could not start: \(text.split(separator: "\n").first ?? "")")
    }
}

/// Checks that the server's address can be bound before anything is created on disk.
public enum PortProbe {
    public static func check(host: String, port: Int) throws {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_PASSIVE
        var result: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &result) == 0, let info = result else {
            throw StartupError("无法解析主机名 / cannot resolve --hostname \(host): use an address such as 127.0.0.1")
        }
        defer { freeaddrinfo(result) }
        let fd = socket(info.pointee.ai_family, info.pointee.ai_socktype, info.pointee.ai_protocol)
        guard fd >= 0 else { return }
        defer { close(fd) }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        if bind(fd, info.pointee.ai_addr, info.pointee.ai_addrlen) != 0 {
            let reason = errno == EADDRINUSE ? "已被占用 / is already in use" : "无法使用 / cannot be used (\(String(cString: strerror(errno))))"
            throw StartupError("端口 \(port) \(reason): stop the other program or choose another with --port")
        }
    }
}
