import LearnCityCore

/// Every user-visible string, one table per language. The tables are built with the
/// memberwise initialiser, so a string missing from one language is a compile error.
struct Strings: Sendable {
    /// `label: text` with the language's colon.
    func labelled(_ label: String, _ text: String) -> String { label + colon + text }
    /// Items joined the way the language lists them.
    func list(_ items: [String]) -> String { items.joined(separator: listSeparator) }

    let appName: String
    /// Punctuation of the language: “名称：值” / “name: value”; “甲、乙” / “a, b”.
    let colon: String
    let listSeparator: String
    let tagline: String
    let switchLanguage: String
    let home: String
    let signIn: String
    let signOut: String
    let workspace: String
    let footer: String
    let skipToContent: String

    // Home (public portal)
    let targetsHeading: @Sendable (_ year: Int) -> String
    let targetsIntro: String
    let networkHeading: String
    let networkIntro: String
    let indicatorColumns: (name: String, value: String, target: String, progress: String)
    let onTrack: String
    let behind: String
    let noTarget: String
    let noDenominator: String
    let rateOf: @Sendable (_ numerator: String, _ denominator: String, _ population: String) -> String
    let personTimesSuffix: String
    let peopleSuffix: String
    let residentsName: String
    let employedName: String
    let demonstrationBadge: String
    let emptyNetwork: String
    let emptyTargets: String
    let countOf: @Sendable (_ count: Int) -> String
    let yearProgress: @Sendable (_ percent: String) -> String
    let yearOver: @Sendable (_ year: Int) -> String
    let targetLabel: String
    let populationSource: String

    // Sign-in and workspace
    let username: String
    let password: String
    let signInTitle: String
    let signInButton: String
    let signInHint: String
    let signInFailed: String
    let fieldRequired: String
    /// A completion date that is not a date or lies in the future.
    let completionDateInvalid: String
    let welcome: @Sendable (_ name: String) -> String
    let workspaceIntro: String
    let signedInAs: @Sendable (_ name: String, _ role: String) -> String

    // Error pages
    let errorTitle: String
    let backHome: String

    let organisationKinds: OrganisationKindNames
    let roles: RoleNames
    let accounts: AccountStrings
    let registry: RegistryStrings
    let imports: ImportStrings
    let experts: ExpertStrings
    let teachers: TeacherStrings
    let records: RecordStrings
    let courses: CourseStrings
    let library: LibraryStrings
    let activities: ActivityStrings
    let dashboard: DashboardStrings
    let targets: TargetStrings
    let annualReturn: AnnualReturnStrings
    let reported: ReportedStrings
    let plan: PlanStrings
    let notices: NoticeStrings
    let reports: ReportStrings
    let government: GovernmentReportStrings
    let attachments: AttachmentStrings
    let todo: TodoStrings
    let funds: FundStrings
    let projects: ProjectStrings
    let supervision: SupervisionStrings
    let assessment: AssessmentStrings
    let meetings: MeetingStrings
    let liaisons: LiaisonStrings
    let recipients: RecipientStrings
    let problems: ProblemMessages

    static func table(for language: UILanguage) -> Strings {
        switch language {
        case .zh: return .zh
        case .en: return .en
        }
    }
}

/// Names of organisation kinds; the switch keeps the table complete.
struct OrganisationKindNames: Sendable {
    let leadingGroup, leadingGroupOffice, countyLeadership, university, college: String
    let communityCentre, villageCentre, enterpriseCentre, memberUnit, trainingProvider: String
    let school, correspondenceStation, socialOrganisation, enterprise: String

    func name(_ kind: OrganisationKind) -> String {
        switch kind {
        case .leadingGroup: leadingGroup
        case .leadingGroupOffice: leadingGroupOffice
        case .countyLeadership: countyLeadership
        case .university: university
        case .college: college
        case .communityCentre: communityCentre
        case .villageCentre: villageCentre
        case .enterpriseCentre: enterpriseCentre
        case .memberUnit: memberUnit
        case .trainingProvider: trainingProvider
        case .school: school
        case .correspondenceStation: correspondenceStation
        case .socialOrganisation: socialOrganisation
        case .enterprise: enterprise
        }
    }
}

/// Names of roles.
struct RoleNames: Sendable {
    let systemAdmin, cityOffice, memberUnitReporter, countyAdmin, centreAdmin: String
    let providerStaff, teacher, expertReviewer, financeOfficer, learner: String

    func name(_ role: Role) -> String {
        switch role {
        case .systemAdmin: systemAdmin
        case .cityOffice: cityOffice
        case .memberUnitReporter: memberUnitReporter
        case .countyAdmin: countyAdmin
        case .centreAdmin: centreAdmin
        case .providerStaff: providerStaff
        case .teacher: teacher
        case .expertReviewer: expertReviewer
        case .financeOfficer: financeOfficer
        case .learner: learner
        }
    }
}
