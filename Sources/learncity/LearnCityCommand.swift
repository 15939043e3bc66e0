import ArgumentParser
import Foundation
import LearnCityApp
import Logging

/// `learncity`: serve (the default), and the commands of design.md §4.
@main
struct LearnCityCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "learncity",
        abstract: "学习城市 LearnCity — the continuing-education platform of a city.",
        discussion: """
        Environment: LEARNCITY_DATA_DIR (default ./data), DATABASE_URL (postgres://… to use PostgreSQL),
        LEARNCITY_DEMO=0 (start empty), LEARNCITY_ADMIN_PASSWORD, LEARNCITY_SECRET_KEY,
        LEARNCITY_TIMEZONE (default Asia/Shanghai), LEARNCITY_LOG_FORMAT=json, LOG_LEVEL.
        """,
        version: LearnCity.version,
        subcommands: [Serve.self, Migrate.self, Demo.self, Indicators.self, Import.self, Backup.self, User.self],
        defaultSubcommand: Serve.self)

    /// Every command's failure is one line on stderr and exit status 1 (design.md §4).
    static func main() async {
        do {
            var command = try parseAsRoot()
            LogSetup.bootstrap(json: ProcessInfo.processInfo.environment["LEARNCITY_LOG_FORMAT"] == "json",
                               level: logLevel())
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let error as StartupError {
            FileHandle.standardError.write(Data("learncity: \(error.message)\n".utf8))
            Foundation.exit(1)
        } catch let error as CommandFailure {
            FileHandle.standardError.write(Data("learncity: \(error.message)\n".utf8))
            Foundation.exit(error.status)
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch {
            // --help and --version arrive as errors with a success code.
            if exitCode(for: error) == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            let message = self.message(for: error).split(separator: "\n").first.map(String.init) ?? "\(error)"
            FileHandle.standardError.write(Data("learncity: \(message) (see learncity --help)\n".utf8))
            Foundation.exit(1)
        }
    }

    static func logLevel() -> Logger.Level {
        ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info
    }
}

/// A command's own failure with its exit status (2: a strict import found conflicts).
struct CommandFailure: Error {
    var message: String
    var status: Int32
}
