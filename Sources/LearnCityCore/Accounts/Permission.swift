/// What a role allows. The table is the one place that says who may do what; routes name a
/// permission, never a list of roles.
public enum Permission: String, CaseIterable, Sendable {
    case manageAccounts        // create staff accounts, reset their passwords
    case viewAudit             // browse the audit log
    case viewPeople            // people registry (within scope)
    case editPeople            // create and change people (within their region)
    case revealPersonalData    // show an unmasked resident ID or phone, audited
    case exportPersonalData    // export people lists, audited
    case confirmIdentity       // hand citizens identity and password-reset codes at a centre
    case viewOrganisations     // the organisation registry (within scope)
    case editOrganisations     // change organisations (within scope)
    case useAPITokens          // create bearer tokens for integrations
    case linkOwnAccount        // a citizen links their account to their person with a centre's code
    case importData            // bulk imports (people now; records and organisations later) and undoing them
    case viewExperts           // the municipal expert database
    case manageExperts         // add and change experts
    case manageTeachers        // the teaching corps and volunteers' service log, within scope
    case mergePeople           // merge two registrations of one human (admins, within their region)
    case manageRecords         // write, void and correct learning records, within scope
    case manageTargets         // targets, populations and baselines of the scope's regions; new indicators (city)
    case reportFigures         // enter the totals a unit reports in aggregate (shown beside recorded figures); fill report forms
    case governCity            // the office's governance: report forms and their review, the report to government, projects, inspections, assessment, meetings
    case manageFunds           // fund sources, budgets, allocations and disbursements (office and finance)
}

extension Role {
    /// The permissions of each role.
    public var permissions: Set<Permission> {
        var granted = basePermissions
        if isStaff { granted.insert(.viewExperts) }
        if self == .systemAdmin || self == .cityOffice || self == .countyAdmin { granted.formUnion([.manageExperts, .mergePeople, .manageTargets]) }
        if self == .systemAdmin || self == .cityOffice || self == .countyAdmin || self == .centreAdmin { granted.insert(.manageTeachers) }
        // Whoever runs courses records who took part: centres, colleges, providers.
        if [.systemAdmin, .cityOffice, .countyAdmin, .centreAdmin, .providerStaff].contains(self) { granted.formUnion([.manageRecords, .importData]) }
        if [.systemAdmin, .cityOffice, .countyAdmin, .centreAdmin, .providerStaff, .memberUnitReporter, .financeOfficer].contains(self) { granted.insert(.reportFigures) }
        if self == .cityOffice { granted.insert(.governCity) }
        if self == .cityOffice || self == .financeOfficer { granted.insert(.manageFunds) }
        return granted
    }

    private var basePermissions: Set<Permission> {
        switch self {
        case .systemAdmin:
            return Set(Permission.allCases).subtracting([.linkOwnAccount])
        case .cityOffice:
            return [.viewAudit, .viewPeople, .editPeople, .revealPersonalData, .exportPersonalData,
                    .confirmIdentity, .viewOrganisations, .editOrganisations, .useAPITokens, .manageAccounts, .importData]
        case .countyAdmin:
            return [.manageAccounts, .viewPeople, .editPeople, .revealPersonalData, .exportPersonalData,
                    .confirmIdentity, .viewOrganisations, .editOrganisations, .useAPITokens, .importData]
        case .centreAdmin:
            return [.viewPeople, .editPeople, .confirmIdentity, .viewOrganisations, .importData]
        case .memberUnitReporter, .financeOfficer:
            return [.viewOrganisations]
        case .providerStaff:
            return [.viewPeople, .viewOrganisations, .useAPITokens]
        case .teacher, .expertReviewer:
            return [.viewOrganisations]
        case .learner:
            return [.linkOwnAccount]
        }
    }

    /// Roles that see the whole city whatever their organisation.
    public var seesEverything: Bool { self == .systemAdmin || self == .cityOffice }
}

extension Set where Element == Role {
    public func allows(_ permission: Permission) -> Bool { contains { $0.permissions.contains(permission) } }
}
