import Fluent
import Foundation
import LearnCityCore
import Vapor

extension LearnCity {
    /// `learncity user create`: a staff account that must change its password at first sign-in.
    /// Returns the password to print (the given one, or a generated one).
    public static func createUser(_ app: Application, username: String, displayName: String?, roles: [String],
                                  organisationCode: String?, password: String?) async throws -> String {
        var parsed = Set<Role>()
        for name in roles {
            guard let role = Role(rawValue: name) else {
                throw StartupError("未知角色 / unknown role '\(name)': one of \(Role.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            parsed.insert(role)
        }
        var organisationID: Int?
        if let organisationCode {
            guard let organisation = try await Organisation.query(on: app.db).filter(\.$code == organisationCode).first() else {
                throw StartupError("未知单位代码 / unknown organisation code '\(organisationCode)': see GET /api/v1/organisations")
            }
            organisationID = organisation.id
        }
        if let password, password.count < PasswordPolicy.minimumLength {
            throw StartupError("密码太短 / the password needs at least \(PasswordPolicy.minimumLength) characters")
        }
        do {
            let (_, chosen) = try await AccountService.createStaff(
                username: username, displayName: displayName ?? username, roles: parsed, organisationID: organisationID,
                password: password, hasher: app.password.sync, actor: .commandLine, on: app.db)
            return chosen
        } catch let problem as AccountService.Problem {
            switch problem {
            case .usernameInvalid: throw StartupError("用户名无效 / invalid username: 3–32 letters, digits, dots, underscores or hyphens")
            case .usernameTaken: throw StartupError("用户名已存在 / the username '\(username)' is taken")
            case .unknownOrganisation: throw StartupError("未知单位 / unknown organisation")
            case .noRoles: throw StartupError("至少需要一个角色 / give at least one --role")
            }
        }
    }
}
