import Foundation
import LearnCityCore

/// Everything LearnCity reads from its environment, read once, in one place.
///
/// Commands build one with `fromEnvironment()`; tests build one with `testing()`.
public struct AppConfig: Sendable {
    /// `LEARNCITY_DATA_DIR`: the SQLite file, uploads and key file live here.
    public var dataDirectory: URL
    /// SQLite in the data directory unless `DATABASE_URL` names a PostgreSQL server.
    public var database: DatabaseLocation
    /// `LEARNCITY_DEMO=0` starts an empty city; otherwise an empty database gets the demo.
    public var loadsDemo: Bool
    /// `LEARNCITY_ADMIN_PASSWORD`: the first admin's password; generated and printed when unset.
    public var adminPassword: String?
    /// `LEARNCITY_TIMEZONE`: the calendar of every date and deadline.
    public var timeZone: TimeZone
    /// `LEARNCITY_LOG_FORMAT=json` writes one JSON object per log line.
    public var jsonLogs: Bool
    /// `LEARNCITY_SECRET_KEY` (base64, 32 bytes); when unset, the key file in the data directory.
    public var secretKey: String?
    /// `LEARNCITY_TRUSTED_PROXIES`: addresses or CIDR blocks of reverse proxies whose
    /// `X-Forwarded-For` is believed (none by default: the peer is the client).
    public var trustedProxies: [AddressRange] = []

    public static let sqliteFileName = "learncity.sqlite"

    public init(dataDirectory: URL, database: DatabaseLocation, loadsDemo: Bool = true,
                adminPassword: String? = nil, timeZone: TimeZone, jsonLogs: Bool = false, secretKey: String? = nil,
                trustedProxies: [AddressRange] = []) {
        self.dataDirectory = dataDirectory
        self.database = database
        self.loadsDemo = loadsDemo
        self.adminPassword = adminPassword
        self.timeZone = timeZone
        self.jsonLogs = jsonLogs
        self.secretKey = secretKey
        self.trustedProxies = trustedProxies
    }

    /// Reads the environment; throws a `StartupError` whose message says what to fix.
    public static func fromEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment) throws -> AppConfig {
        let directory = URL(fileURLWithPath: env["LEARNCITY_DATA_DIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "data",
                            isDirectory: true).standardizedFileURL
        let database: DatabaseLocation
        if let url = env["DATABASE_URL"], !url.isEmpty {
            do { database = .postgres(try DatabaseLocation.parse(databaseURL: url)) }
            catch { throw StartupError("DATABASE_URL 无效 / invalid DATABASE_URL: \(error.reason)") }
        } else {
            database = .sqlite(path: directory.appendingPathComponent(sqliteFileName).path)
        }
        let zoneName = env["LEARNCITY_TIMEZONE"].flatMap { $0.isEmpty ? nil : $0 } ?? "Asia/Shanghai"
        guard let zone = TimeZone(identifier: zoneName) else {
            throw StartupError("LEARNCITY_TIMEZONE 无效 / unknown time zone '\(zoneName)': use a name such as Asia/Shanghai")
        }
        return AppConfig(
            dataDirectory: directory, database: database,
            loadsDemo: env["LEARNCITY_DEMO"] != "0",
            adminPassword: env["LEARNCITY_ADMIN_PASSWORD"].flatMap { $0.isEmpty ? nil : $0 },
            timeZone: zone, jsonLogs: env["LEARNCITY_LOG_FORMAT"] == "json",
            secretKey: try secretKey(env["LEARNCITY_SECRET_KEY"]),
            trustedProxies: try trustedProxies(env["LEARNCITY_TRUSTED_PROXIES"]))
    }

    private static func trustedProxies(_ text: String?) throws -> [AddressRange] {
        do { return try AddressRange.list(text ?? "") } catch {
            throw StartupError("LEARNCITY_TRUSTED_PROXIES 无效 / invalid LEARNCITY_TRUSTED_PROXIES: "
                               + "'\(error.text)' is not an IP address or CIDR block; "
                               + "use a comma-separated list such as 127.0.0.1,10.0.0.0/8")
        }
    }

    private static func secretKey(_ text: String?) throws -> String? {
        guard let text, !text.isEmpty else { return nil }
        do { _ = try PersonalDataCrypto(keyMaterial: PersonalDataCrypto.keyMaterial(fromBase64: text)) }
        catch { throw StartupError("LEARNCITY_SECRET_KEY 无效 / invalid LEARNCITY_SECRET_KEY: \(error.reason); generate one with `openssl rand -base64 32`") }
        return text
    }

    /// A configuration for tests: in-memory SQLite, or the PostgreSQL server named by
    /// `LEARNCITY_TEST_DATABASE_URL` (set by `make test` for the PostgreSQL pass).
    public static func testing(env: [String: String] = ProcessInfo.processInfo.environment) throws -> AppConfig {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("learncity-test-\(UUID().uuidString)", isDirectory: true)
        var database = DatabaseLocation.sqlite(path: ":memory:")
        if let url = env["LEARNCITY_TEST_DATABASE_URL"], !url.isEmpty {
            database = .postgres(try DatabaseLocation.parse(databaseURL: url))
        }
        return AppConfig(dataDirectory: directory, database: database, adminPassword: "admin-test-password",
                         timeZone: TimeZone(identifier: "Asia/Shanghai")!, secretKey: PersonalDataCrypto.generateKey())
    }
}

/// A reason LearnCity cannot start or run a command, printed as one line on stderr with
/// exit status 1. The message says what is wrong and what to do.
public struct StartupError: Error, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
