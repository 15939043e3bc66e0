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
    func visible(to scope: AccountScope) -> Self {
        let current = filter(\.$mergedIntoID == nil)
        if scope.everything { return current }
        guard let region = scope.region else { return current.filter(\.$id == -1) }
        return current.filter(\.$regionCode =~ region.subtreePrefix)
    }
}

extension QueryBuilder where Model == User {
    /// Accounts of organisations inside the scope (admins manage their own subtree's accounts).
    func visible(to scope: AccountScope, organisationIDs: [Int]) -> Self {
        if scope.everything { return self }
        return filter(\.$organisationID ~~ organisationIDs)
    }
}
