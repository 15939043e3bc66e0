import ArgumentParser
import Foundation
import LearnCityApp

struct Import: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import people, organisations or learning records from CSV (UTF-8 or GB18030) or XLSX.")

    @Argument(help: "What the file holds: people, orgs or records.") var what: String
    @Argument(help: "The file to import.") var file: String
    @Flag(help: "Check the file and report, writing nothing.") var dryRun = false
    @Flag(help: "Write nothing when any row is bad (exit status 2).") var strict = false
    @Flag(help: "Print the import summary as JSON.") var json = false
    @Flag(help: "Import records whose name differs from the name registered for their resident ID (checked by you).")
    var acceptNameMismatch = false

    func run() async throws {
        guard LearnCity.importKinds.contains(what) else {
            throw CommandFailure(message: "未知的导入类型 \(what) / cannot import \(what); use: import \(LearnCity.importKinds.joined(separator: "|")) FILE", status: 1)
        }
        let url = URL(fileURLWithPath: file)
        let (dryRun, strict, what, acceptNames) = (dryRun, strict, what, acceptNameMismatch)
        let (summary, strictFailure) = try await AppRunner.run { app in
            _ = try await LearnCity.prepare(app, loadDemoIfEmpty: false)
            return try await LearnCity.importFile(app, kind: what, file: url, dryRun: dryRun, strict: strict,
                                                  acceptNameMismatch: acceptNames)
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(summary), as: UTF8.self))
        } else {
            print(LearnCity.describe(summary))
        }
        if strictFailure { throw ExitCode(2) }
    }
}

struct Backup: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Copy the database consistently (SQLite online backup; pg_dump on PostgreSQL), with the key file, into DIR.")

    @Argument(help: "Directory to write the backup into (created if missing).") var directory: String

    func run() async throws {
        let target = URL(fileURLWithPath: directory)
        let written = try await AppRunner.run { app in try await LearnCity.backup(app, into: target) }
        for file in written { print(file) }
    }
}
