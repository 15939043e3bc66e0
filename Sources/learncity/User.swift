import ArgumentParser
import Foundation
import LearnCityApp

struct User: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Manage staff accounts.", subcommands: [Create.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a staff account; it must change its password at first sign-in.")

        @Argument(help: "Username (3–32 letters, digits, . _ -).") var username: String
        @Option(help: "Display name.") var name: String?
        @Option(help: "Role (repeatable): system_admin, city_office, member_unit, county_admin, centre_admin, provider_staff, teacher, expert_reviewer, finance_officer.")
        var role: [String] = []
        @Option(help: "Organisation code (e.g. CL-511722).") var org: String?
        @Option(help: "Initial password (generated and printed when omitted).") var password: String?

        func run() async throws {
            let (username, name, role, org, password) = (username, name, role, org, password)
            let chosen = try await AppRunner.run { app in
                _ = try await LearnCity.prepare(app, loadDemoIfEmpty: false)
                return try await LearnCity.createUser(app, username: username, displayName: name, roles: role,
                                                      organisationCode: org, password: password)
            }
            print("账号已创建 / account created: \(username)")
            if password == nil { print("初始密码（只显示这一次）/ initial password (shown once): \(chosen)") }
        }
    }
}
