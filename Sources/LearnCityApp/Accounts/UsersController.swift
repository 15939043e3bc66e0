import Fluent
import LearnCityCore
import Vapor

/// Staff accounts of the admin's scope: list, create, reset password.
enum UsersController {
    struct Form: Content {
        var username: String?
        var displayName: String?
        var organisation: Int?
        var roles: [String]?
    }

    /// Roles an admin may hand out (`Role.grantable`): only admins make admins or city-office accounts.
    static func grantable(by user: User) -> [Role] {
        Role.allCases.filter(Role.grantable(by: user.roles).contains)
    }

    static func visibleOrganisations(_ request: Request) async throws -> [Organisation] {
        try await Organisation.query(on: request.db).visible(to: request.accountScope()).sort(\.$path).all()
    }

    @Sendable static func list(_ request: Request) async throws -> Response {
        try await page(request, model: .init())
    }

    @Sendable static func create(_ request: Request) async throws -> Response {
        let admin = try request.requireUser()
        let form = try request.content.decode(Form.self)
        let strings = request.strings.accounts
        var model = UsersPage.Model()
        model.form = form
        let organisations = try await visibleOrganisations(request)
        let roles = Set((form.roles ?? []).compactMap(Role.init(rawValue:))).intersection(grantable(by: admin))
        // An organisation outside the admin's scope is treated as not chosen.
        let organisationID = form.organisation.flatMap { id in organisations.contains { $0.id == id } ? id : nil }
        if organisationID == nil { model.errors["organisation"] = request.strings.fieldRequired }
        if roles.isEmpty { model.errors["roles"] = request.strings.fieldRequired }
        if model.errors.isEmpty {
            do {
                let (user, password) = try await AccountService.createStaff(
                    username: (form.username ?? "").trimmingCharacters(in: .whitespaces),
                    displayName: (form.displayName ?? "").trimmingCharacters(in: .whitespaces), roles: roles,
                    organisationID: organisationID, password: nil, hasher: request.password.sync,
                    actor: Audit.Actor(request), on: request.db)
                model = .init(created: (user.username, password))
            } catch AccountService.Problem.usernameTaken {
                model.errors["username"] = strings.usernameTaken
            } catch AccountService.Problem.usernameInvalid {
                model.errors["username"] = strings.usernameInvalid
            }
        }
        return try await page(request, model: model, status: model.errors.isEmpty ? .ok : .unprocessableEntity)
    }

    @Sendable static func resetPassword(_ request: Request) async throws -> Response {
        guard let text = request.parameters.get("id"), let id = UUID(uuidString: text),
              let user = try await User.find(id, on: request.db), try await isVisible(user, to: request),
              // An account with a role the admin could not grant (a city-office account seen by a
              // county admin) is not theirs to take over: "not found", like one outside the scope.
              Role.mayManage(account: user.roles, by: try request.requireUser().roles) else {
            throw AppError(.notFound)
        }
        let password = try await AccountService.resetPassword(user, hasher: request.password.sync,
                                                              actor: Audit.Actor(request), on: request.db)
        return try await page(request, model: .init(reset: (user.username, password)))
    }

    static func isVisible(_ user: User, to request: Request) async throws -> Bool {
        let scope = try await request.accountScope()
        if scope.everything { return true }
        guard let organisationID = user.organisationID, let organisation = try await Organisation.find(organisationID, on: request.db)
        else { return false }
        return scope.includesOrganisation(path: organisation.path, region: RegionCode(organisation.regionCode))
    }

    private static func page(_ request: Request, model: UsersPage.Model, status: HTTPResponseStatus = .ok) async throws -> Response {
        var model = model
        let admin = try request.requireUser()
        let organisations = try await visibleOrganisations(request)
        let names = Dictionary(uniqueKeysWithValues: organisations.compactMap { org in org.id.map { ($0, org.name(request.language)) } })
        let users = try await User.query(on: request.db)
            .visible(to: request.accountScope(), organisationIDs: Array(names.keys))
            .sort(\.$username).all()
        model.rows = users.filter(\.isStaff).map { user in
            .init(id: user.id, username: user.username, displayName: user.displayName,
                  roles: user.roles.map { request.strings.roles.name($0) }.sorted().joined(separator: request.strings.listSeparator),
                  organisation: user.organisationID.flatMap { names[$0] } ?? "—",
                  manageable: Role.mayManage(account: user.roles, by: admin.roles))
        }
        model.organisations = organisations.compactMap { org in org.id.map { ($0, org.name(request.language)) } }
        model.grantable = grantable(by: admin).filter(\.isStaff)
        return UsersPage.View(model: model, context: PageContext(request)).response(status: status)
    }
}
