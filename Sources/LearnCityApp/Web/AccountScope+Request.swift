import Fluent
import LearnCityCore
import Vapor

extension Request {
    private struct ScopeKey: StorageKey { typealias Value = AccountScope }

    /// The scope of the signed-in account (nothing for anonymous requests), computed once per
    /// request. Every scoped query and check takes it from here.
    func accountScope() async throws -> AccountScope {
        if let cached = storage[ScopeKey.self] { return cached }
        var scope = AccountScope.nothing
        if let user = auth.get(User.self) {
            let organisation = try await user.organisationID.asyncMap { try await Organisation.find($0, on: db) } ?? nil
            scope = AccountScope.of(roles: user.roles, organisationKind: organisation?.kind,
                                    path: organisation?.path, region: organisation.flatMap { RegionCode($0.regionCode) })
        }
        storage[ScopeKey.self] = scope
        return scope
    }

    /// The signed-in account, or `unauthorized`.
    func requireUser() throws -> User {
        guard let user = auth.get(User.self) else { throw AppError(.unauthorized) }
        return user
    }
}

extension Optional {
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
