import LearnCityCore
import Vapor

/// Every URL of the site, used both to register routes and to build links, so that no path
/// string is written twice. Cases with an id build links with it; `pattern` is the route.
enum SiteURL: Sendable, Equatable {
    case home, signIn, signOut, workspace, register, resetPassword
    case account, accountLink, changePassword, tokens, revokeToken(Int)
    case users, newUser, resetUserPassword(UUID?)
    case identity
    case audit
    case people, peopleSearch, newPerson, peopleExport, person(Int), editPerson(Int), revealPerson(Int)
    case peopleDuplicates, mergePeople, personExternalIDs(Int), personRecords(Int)
    case record(Int), voidRecord(Int), correctRecord(Int)
    case courses, newCourse, course(Int), editCourse(Int), enrolCourse(Int), withdrawCourse(Int), courseParticipants(Int), myLearning
    case activities, dashboard, dashboardExport, targets, annualReturn, annualReturnExport, publishedReturn(Int), reportedFigures
    case plan, planItem(Int), notices, notice(Int), signNotice(Int)
    case planManage, planItems(Int), planImport(Int), editPlanItem(Int)
    case reports, reportForms, reportForm(Int), startReport(Int), reportSubmission(Int), reportSheet(Int)
    case governmentReports, governmentReport(Int), governmentReportPrint(Int), governmentReportSheet(Int)
    case attachments, attachment(Int)
    case funds, fundSources, fundAllocations, fundDisbursements, fundsReport, projects, project(Int)
    case inspections, inspection(Int), rectification(Int), assessment
    case meetings, meeting(Int), liaisons, revealLiaison(Int), removeLiaison(Int)
    case resources, resource(Int), resourceFile(Int), courseItems(Int), courseItemDone(Int), courseExperts(Int)
    case organisations, organisationsExport, organisation(Int), newOrganisation, moveOrganisation(Int), closeOrganisation(Int)
    case experts, expertsExport, newExpert
    case teachers, teachersExport, newTeacher, teacher(Int), teacherService(Int)
    case imports, importConfirm, importJob(UUID?), undoImport(Int), importConflicts(UUID?)
    case healthz, metrics, asset(String), openAPI
    case apiIndicators, apiRegions, apiOrganisations, apiOrganisation(Int), apiPeople, apiPerson(Int), apiMe
    case apiImport(ImportKind), apiImports, apiUndoImport(Int), apiReportCompleteness

    /// The path for links.
    var path: String {
        switch self {
        case .home: "/"
        case .signIn: "/signin"
        case .signOut: "/signout"
        case .workspace: "/workspace"
        case .register: "/register"
        case .resetPassword: "/reset-password"
        case .account: "/account"
        case .accountLink: "/account/link"
        case .changePassword: "/account/password"
        case .tokens: "/account/tokens"
        case .revokeToken(let id): "/account/tokens/\(id)/revoke"
        case .users: "/admin/users"
        case .newUser: "/admin/users/new"
        case .resetUserPassword(let id): "/admin/users/\(id?.uuidString ?? ":id")/reset"
        case .identity: "/identity"
        case .audit: "/admin/audit"
        case .people: "/people"
        case .newPerson: "/people/new"
        case .peopleExport: "/people/export.csv"
        case .peopleSearch: "/people/search"
        case .person(let id): "/people/\(id)"
        case .editPerson(let id): "/people/\(id)/edit"
        case .revealPerson(let id): "/people/\(id)/reveal"
        case .peopleDuplicates: "/people/duplicates"
        case .mergePeople: "/people/merge"
        case .personExternalIDs(let id): "/people/\(id)/external-ids"
        case .personRecords(let id): "/people/\(id)/records"
        case .record(let id): "/records/\(id)"
        case .voidRecord(let id): "/records/\(id)/void"
        case .correctRecord(let id): "/records/\(id)/correct"
        case .courses: "/courses"
        case .newCourse: "/courses/new"
        case .course(let id): "/courses/\(id)"
        case .editCourse(let id): "/courses/\(id)/edit"
        case .enrolCourse(let id): "/courses/\(id)/enrol"
        case .withdrawCourse(let id): "/courses/\(id)/withdraw"
        case .courseParticipants(let id): "/courses/\(id)/participants"
        case .myLearning: "/me/learning"
        case .activities: "/activities"
        case .dashboard: "/dashboard"
        case .dashboardExport: "/dashboard/export"
        case .targets: "/dashboard/targets"
        case .annualReturn: "/dashboard/annual"
        case .reportedFigures: "/dashboard/reported"
        case .plan: "/plan"
        case .planItem(let id): "/plan/items/\(id)"
        case .notices: "/notices"
        case .notice(let id): "/notices/\(id)"
        case .planManage: "/plan/manage"
        case .planItems(let id): "/plan/manage/\(id)"
        case .planImport(let id): "/plan/manage/\(id)/import"
        case .editPlanItem(let id): "/plan/items/\(id)/edit"
        case .signNotice(let id): "/notices/receipts/\(id)"
        case .reports: "/reports"
        case .reportForms: "/reports/forms"
        case .reportForm(let id): "/reports/forms/\(id)"
        case .startReport(let id): "/reports/forms/\(id)/start"
        case .reportSubmission(let id): "/reports/submissions/\(id)"
        case .reportSheet(let id): "/reports/submissions/\(id)/xlsx"
        case .governmentReports: "/reports/government"
        case .governmentReport(let id): "/reports/government/\(id)"
        case .governmentReportPrint(let id): "/reports/government/\(id)/print"
        case .governmentReportSheet(let id): "/reports/government/\(id)/xlsx"
        case .attachments: "/attachments"
        case .attachment(let id): "/attachments/\(id)"
        case .funds: "/funds"
        case .fundSources: "/funds/sources"
        case .fundAllocations: "/funds/allocations"
        case .fundDisbursements: "/funds/disbursements"
        case .fundsReport: "/funds/report"
        case .projects: "/projects"
        case .project(let id): "/projects/\(id)"
        case .inspections: "/inspections"
        case .inspection(let id): "/inspections/\(id)"
        case .rectification(let id): "/rectifications/\(id)"
        case .assessment: "/assessment"
        case .meetings: "/meetings"
        case .meeting(let id): "/meetings/\(id)"
        case .liaisons: "/liaisons"
        case .revealLiaison(let id): "/liaisons/\(id)/reveal"
        case .removeLiaison(let id): "/liaisons/\(id)/remove"
        case .annualReturnExport: "/dashboard/annual/export"
        case .publishedReturn(let id): "/dashboard/annual/\(id)"
        case .resources: "/resources"
        case .resource(let id): "/resources/\(id)"
        case .resourceFile(let id): "/resources/\(id)/file"
        case .courseItems(let id): "/courses/\(id)/items"
        case .courseItemDone(let id): "/courses/\(id)/items/done"
        case .courseExperts(let id): "/courses/\(id)/experts"
        case .organisations: "/organisations"
        case .organisation(let id): "/organisations/\(id)"
        case .newOrganisation: "/organisations/new"
        case .organisationsExport: "/organisations/export"
        case .moveOrganisation(let id): "/organisations/\(id)/move"
        case .closeOrganisation(let id): "/organisations/\(id)/close"
        case .teachers: "/teachers"
        case .teachersExport: "/teachers/export"
        case .newTeacher: "/teachers/new"
        case .teacher(let id): "/teachers/\(id)"
        case .teacherService(let id): "/teachers/\(id)/service"
        case .experts: "/experts"
        case .expertsExport: "/experts/export"
        case .newExpert: "/experts/new"
        case .imports: "/imports"
        case .importConfirm: "/imports/confirm"
        case .importJob(let id): "/imports/jobs/\(id?.uuidString ?? ":id")"
        case .importConflicts(let id): "/imports/staged/\(id?.uuidString ?? ":id")/conflicts.csv"
        case .undoImport(let id): "/imports/\(id)/undo"
        case .apiImport(let kind): "/api/v1/imports/\(kind.rawValue)"
        case .apiImports: "/api/v1/imports"
        case .apiReportCompleteness: "/api/v1/reports/completeness"
        case .apiUndoImport(let id): "/api/v1/imports/\(id)/undo"
        case .healthz: "/healthz"
        case .metrics: "/metrics"
        case .asset(let name): "/assets/\(name)"
        case .openAPI: "/api/openapi.json"
        case .apiIndicators: "/api/v1/indicators"
        case .apiRegions: "/api/v1/regions"
        case .apiOrganisations: "/api/v1/organisations"
        case .apiOrganisation(let id): "/api/v1/organisations/\(id)"
        case .apiPeople: "/api/v1/people"
        case .apiPerson(let id): "/api/v1/people/\(id)"
        case .apiMe: "/api/v1/me"
        }
    }

    /// The route, with `:name` placeholders where links have ids.
    var pattern: String {
        switch self {
        case .asset: "/assets/:file"
        case .revokeToken: "/account/tokens/:id/revoke"
        case .resetUserPassword: "/admin/users/:id/reset"
        case .person: "/people/:id"
        case .editPerson: "/people/:id/edit"
        case .revealPerson: "/people/:id/reveal"
        case .personExternalIDs: "/people/:id/external-ids"
        case .personRecords: "/people/:id/records"
        case .record: "/records/:id"
        case .voidRecord: "/records/:id/void"
        case .correctRecord: "/records/:id/correct"
        case .course: "/courses/:id"
        case .editCourse: "/courses/:id/edit"
        case .enrolCourse: "/courses/:id/enrol"
        case .withdrawCourse: "/courses/:id/withdraw"
        case .courseParticipants: "/courses/:id/participants"
        case .resource: "/resources/:id"
        case .resourceFile: "/resources/:id/file"
        case .courseItems: "/courses/:id/items"
        case .courseItemDone: "/courses/:id/items/done"
        case .courseExperts: "/courses/:id/experts"
        case .publishedReturn: "/dashboard/annual/:id"
        case .planItem: "/plan/items/:id"
        case .notice: "/notices/:id"
        case .planItems: "/plan/manage/:id"
        case .planImport: "/plan/manage/:id/import"
        case .editPlanItem: "/plan/items/:id/edit"
        case .signNotice: "/notices/receipts/:id"
        case .reportForm: "/reports/forms/:id"
        case .startReport: "/reports/forms/:id/start"
        case .reportSubmission: "/reports/submissions/:id"
        case .reportSheet: "/reports/submissions/:id/xlsx"
        case .governmentReport: "/reports/government/:id"
        case .governmentReportPrint: "/reports/government/:id/print"
        case .governmentReportSheet: "/reports/government/:id/xlsx"
        case .attachment: "/attachments/:id"
        case .project: "/projects/:id"
        case .inspection: "/inspections/:id"
        case .rectification: "/rectifications/:id"
        case .meeting: "/meetings/:id"
        case .revealLiaison: "/liaisons/:id/reveal"
        case .removeLiaison: "/liaisons/:id/remove"
        case .organisation: "/organisations/:id"
        case .moveOrganisation: "/organisations/:id/move"
        case .closeOrganisation: "/organisations/:id/close"
        case .apiOrganisation: "/api/v1/organisations/:id"
        case .apiPerson: "/api/v1/people/:id"
        case .importJob: "/imports/jobs/:id"
        case .teacher: "/teachers/:id"
        case .teacherService: "/teachers/:id/service"
        case .undoImport: "/imports/:id/undo"
        case .apiUndoImport: "/api/v1/imports/:id/undo"
        default: path
        }
    }

    /// The path with `?lang=` switched, for the language link of every page.
    static func switchingLanguage(_ request: Request, to code: String) -> String {
        var components = URLComponents(string: request.url.string) ?? URLComponents()
        var items = (components.queryItems ?? []).filter { $0.name != "lang" }
        items.append(URLQueryItem(name: "lang", value: code))
        components.queryItems = items
        // The path as it came, still percent-encoded, and only when it is one of ours: a request
        // for `//evil.example` must not become a link to another host.
        let path = LocalRedirect.path(components.percentEncodedPath) ?? "/"
        return path + "?" + (components.percentEncodedQuery ?? "")
    }
}

extension Request {
    /// Today's date in the city's time zone: every deadline and "late" is judged by it.
    var today: LocalDate { LocalDate(Date(), in: application.learnCity.config.timeZone) }

    /// The integer `:id` of the route; a malformed id is "not found", like a missing one.
    func intID() throws -> Int {
        guard let id = BoundedNumber.integer(parameters.get("id"), in: BoundedNumber.ids) else { throw AppError(.notFound) }
        return id
    }
}
