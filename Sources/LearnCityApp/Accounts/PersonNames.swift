import Fluent

/// Documents and pages name people, not accounts. Fields such as `issuedBy` or `author` keep the
/// login, because rules compare accounts (a report is not reviewed by its drafter) and the audit
/// log names accounts; they are shown through this as the account's display name, falling back
/// to what was stored when the name is empty or the account is gone (demo data, old rows).
struct PersonNames: Sendable {
    private let names: [String: String]

    static func load(_ logins: [String?], on db: any Database) async throws -> PersonNames {
        let wanted = Array(Set(logins.compactMap { $0 }.filter { !$0.isEmpty }))
        guard !wanted.isEmpty else { return PersonNames(names: [:]) }
        let users = try await User.query(on: db).filter(\.$username ~~ wanted).all()
        return PersonNames(names: Dictionary(users.compactMap { user in
            let name = user.displayName.trimmingCharacters(in: .whitespaces)
            return name.isEmpty ? nil : (user.username, name)
        }, uniquingKeysWith: { first, _ in first }))
    }

    func callAsFunction(_ login: String) -> String { names[login] ?? login }
    func optional(_ login: String?) -> String? { login.map { self($0) } }
}
