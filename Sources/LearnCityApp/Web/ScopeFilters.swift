import Fluent
import LearnCityCore

/// `AccountScope` as query filters: the SQL twin of its `includes…` checks. Every list, search
/// and export of scoped data goes through these.
extension QueryBuilder where Model == Organisation {
    func visible(to scope: AccountScope) -> Self {
        if scope.everything { return self }
        return group(.or) { group in
            if let path = scope.organisationPath { group.filter(\.$path =~ path) }
            if let region = scope.region { group.filter(\.$regionCode =~ region.subtreePrefix) }
            if scope.organisationPath == nil && scope.region == nil { group.filter(\.$id == -1) }
        }
    }
}

extension QueryBuilder where Model == Person {
    /// People of the scope's region. (Providers' view of the people they hold records of joins
    /// in with the learning records.)
    /// People merged into another are gone from every list and page: their survivor speaks for them.
    /// Besides the people of its region, an account sees those who hold a record of a provider
    /// in its subtree (design.md §5).
    func visible(to scope: AccountScope) -> Self {
        let current = filter(\.$mergedIntoID == nil)
        if scope.everything { return current }
        let providerPath = scope.organisationPath.flatMap(ScopeSQL.safePath)
        guard scope.region != nil || providerPath != nil else { return current.filter(\.$id == -1) }
        return current.group(.or) { group in
            if let region = scope.region { group.filter(\.$regionCode =~ region.subtreePrefix) }
            if let providerPath {
                group.filter(.sql(unsafeRaw: "\"\(Person.schema)\".\"id\" IN (SELECT \"person_id\" FROM \"\(LearningRecord.schema)\" WHERE \"provider_path\" LIKE '\(providerPath)%')"))
            }
        }
    }
}

extension QueryBuilder where Model == User {
    /// Accounts of organisations inside the scope (admins manage their own subtree's accounts).
    func visible(to scope: AccountScope, organisationIDs: [Int]) -> Self {
        if scope.everything { return self }
        return filter(\.$organisationID ~~ organisationIDs)
    }
}

extension QueryBuilder where Model == LearningRecord {
    /// Records whose provider is in the scope's subtree or whose stored region is in its region
    /// (design.md §5).
    func visible(to scope: AccountScope) -> Self {
        if scope.everything { return self }
        return group(.or) { group in
            if let path = scope.organisationPath { group.filter(\.$providerPath =~ path) }
            if let region = scope.region { group.filter(\.$regionCode =~ region.subtreePrefix) }
            if scope.organisationPath == nil && scope.region == nil { group.filter(\.$id == -1) }
        }
    }
}

enum ScopeSQL {
    /// An organisation path fit to appear in SQL text: only `/` and digits, as
    /// `OrganisationPath` makes them. Anything else is refused, never escaped.
    static func safePath(_ path: String) -> String? {
        path.allSatisfy({ $0 == "/" || ("0"..."9").contains($0) }) && path.hasPrefix("/") ? path : nil
    }
}
