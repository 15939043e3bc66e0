import ArgumentParser
import Foundation
import LearnCityApp

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve LearnCity (the default): migrates, loads the demo city into an empty database, creates admin.")

    @Option(help: "Address to listen on.") var hostname = "127.0.0.1"
    @Option(help: "Port to listen on.") var port = 8080

    func run() async throws {
        // Before anything is created on disk: a busy port must not leave a new database behind.
        try PortProbe.check(host: hostname, port: port)
        let arguments = ["learncity", "serve", "--hostname", hostname, "--port", String(port)]
        try await AppRunner.run(arguments: arguments) { app in
            if let password = try await LearnCity.prepare(app) {
                print("管理员账号 admin 的初始密码（只显示这一次）/ initial password of account admin (shown once): \(password)")
            }
            print("学习城市 LearnCity \(LearnCity.version): http://\(hostname):\(port)")
            try await app.execute()
        }
    }
}

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Create or update the database schema, then stop.")

    func run() async throws {
        try await AppRunner.run { app in
            _ = try await LearnCity.prepare(app, loadDemoIfEmpty: false)
            print("数据库已是最新 / database is up to date")
        }
    }
}

struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Load the demo city (Dazhou 2014); loads nothing twice.")

    func run() async throws {
        try await AppRunner.run { app in
            _ = try await LearnCity.prepare(app, loadDemoIfEmpty: false)
            let result = try await LearnCity.loadDemo(app)
            if result.alreadyLoaded && result.created == 0 {
                print("演示城市已加载，未重复加载 / the demo city is already loaded; nothing was added")
            } else {
                print("演示城市已加载 / demo city loaded: \(result.created) rows")
            }
        }
    }
}
