/// The part of the city an account may see and change (design.md §5). Every scoped query and
/// every check goes through this one type, so a new endpoint cannot invent its own rule.
///
/// - Organisations: those in the account's organisation subtree, and — for accounts of a
///   geographic body (a county's leadership, a college, a centre) — those located in its region.
/// - People: visible to accounts of their region and to providers that hold a record of them;
///   changed only by accounts of their region.
/// - Records: those whose provider is in the subtree or whose stored person region is in the
///   region.
/// Departments and providers are not geographic: their accounts have no region scope.
public struct AccountScope: Sendable, Equatable {
    public var everything: Bool
    /// Materialised path of the account's organisation (`/00000001/…/`).
    public var organisationPath: String?
    public var region: RegionCode?

    public init(everything: Bool, organisationPath: String?, region: RegionCode?) {
        self.everything = everything
        self.organisationPath = organisationPath
        self.region = region
    }

    public static let all = AccountScope(everything: true, organisationPath: nil, region: nil)
    public static let nothing = AccountScope(everything: false, organisationPath: nil, region: nil)

    /// The scope of an account with these roles at an organisation of this kind, path and region.
    public static func of(roles: Set<Role>, organisationKind: OrganisationKind?, path: String?, region: RegionCode?) -> AccountScope {
        if roles.contains(where: \.seesEverything) { return .all }
        guard let path, let kind = organisationKind else { return .nothing }
        return AccountScope(everything: false, organisationPath: path, region: kind.isGeographic ? region : nil)
    }

    public func includesOrganisation(path: String, region organisationRegion: RegionCode?) -> Bool {
        if everything { return true }
        if let organisationPath, path.hasPrefix(organisationPath) { return true }
        if let region, let organisationRegion { return region.contains(organisationRegion) }
        return false
    }

    public func includesRegion(_ other: RegionCode?) -> Bool {
        if everything { return true }
        guard let region, let other else { return false }
        return region.contains(other)
    }

    /// Only accounts of a person's region change their details.
    public func canChangePerson(region personRegion: RegionCode?) -> Bool { includesRegion(personRegion) }

    /// Whether this account may write a learning record (an imported row, a walk-in enrolment)
    /// for a person of `personRegion`. A record makes its person visible to the writer and counts
    /// in the person's region, so an account of a place writes only for people of that place —
    /// anyone else is recorded by their own county, whether or not LearnCity knows them. City-wide
    /// accounts write for anyone; providers without a place (departments, training providers)
    /// for the people they train, whose records design.md §5 lets them hold.
    public func mayRecord(forPersonIn personRegion: RegionCode?) -> Bool {
        if everything { return true }
        guard let region else { return organisationPath != nil }
        guard let personRegion else { return false }
        return region.contains(personRegion)
    }

    public func includesRecord(providerPath: String?, personRegion: RegionCode?) -> Bool {
        if everything { return true }
        if let organisationPath, let providerPath, providerPath.hasPrefix(organisationPath) { return true }
        return includesRegion(personRegion)
    }
}

extension OrganisationKind {
    /// Bodies whose accounts speak for a place (a county, a town): their scope includes the
    /// people and organisations located there. Departments and providers are not geographic.
    public var isGeographic: Bool {
        switch self {
        case .leadingGroup, .leadingGroupOffice, .countyLeadership, .university, .college,
             .communityCentre, .villageCentre, .enterpriseCentre:
            return true
        case .memberUnit, .trainingProvider, .school, .correspondenceStation, .socialOrganisation, .enterprise:
            return false
        }
    }
}
