import Vapor

/// Every route of LearnCity, with who may use it. Capabilities add their routes here; the
/// access tests read this list, so a route cannot be added without an access rule.
enum Routes {
    static func registry() -> RouteRegistry {
        var r = RouteRegistry()
        // Public portal, sign-in, citizens
        r.add(.GET, .home, access: .anyone, handler: PortalController.home)
        r.add(.GET, .signIn, access: .anyone, handler: SignInController.show)
        r.add(.POST, .signIn, access: .anyone, handler: SignInController.submit)
        r.add(.POST, .signOut, access: .signedIn, handler: SignInController.signOut)
        r.add(.GET, .register, access: .anyone, handler: RegistrationController.show)
        r.add(.POST, .register, access: .anyone, handler: RegistrationController.submit)
        r.add(.GET, .resetPassword, access: .anyone, handler: ResetPasswordController.show)
        r.add(.POST, .resetPassword, access: .anyone, handler: ResetPasswordController.submit)

        // One's own account
        r.add(.GET, .workspace, access: .signedIn, handler: SignInController.workspace)
        r.add(.GET, .account, access: .signedIn, handler: MyAccountController.show)
        r.add(.POST, .accountLink, access: .permission(.linkOwnAccount), handler: MyAccountController.link)
        r.add(.GET, .changePassword, access: .signedIn, handler: PasswordController.show)
        r.add(.POST, .changePassword, access: .signedIn, handler: PasswordController.submit)
        r.add(.GET, .tokens, access: .permission(.useAPITokens), handler: TokensController.list)
        r.add(.POST, .tokens, access: .permission(.useAPITokens), handler: TokensController.create)
        r.add(.POST, .revokeToken(0), access: .permission(.useAPITokens), scoped: .token, handler: TokensController.revoke)

        // Administration
        r.add(.GET, .users, access: .permission(.manageAccounts), handler: UsersController.list)
        r.add(.POST, .users, access: .permission(.manageAccounts), handler: UsersController.create)
        r.add(.POST, .resetUserPassword(nil), access: .permission(.manageAccounts), scoped: .account, handler: UsersController.resetPassword)
        r.add(.GET, .identity, access: .permission(.confirmIdentity), handler: IdentityController.show)
        r.add(.POST, .identity, access: .permission(.confirmIdentity), handler: IdentityController.submit)
        r.add(.GET, .audit, access: .permission(.viewAudit), handler: AuditController.list)

        // People and organisations (scoped)
        r.add(.GET, .people, access: .permission(.viewPeople), handler: PeopleController.list)
        r.add(.POST, .peopleSearch, access: .permission(.viewPeople), handler: PeopleController.searchForm)
        r.add(.GET, .newPerson, access: .permission(.editPeople), handler: PeopleEditing.newForm)
        r.add(.POST, .people, access: .permission(.editPeople), handler: PeopleEditing.create)
        r.add(.GET, .peopleExport, access: .permission(.exportPersonalData), handler: PeopleExport.csv)
        r.add(.GET, .person(0), access: .permission(.viewPeople), scoped: .person, handler: PeopleController.detail)
        r.add(.GET, .editPerson(0), access: .permission(.editPeople), scoped: .person, handler: PeopleEditing.editForm)
        r.add(.POST, .person(0), access: .permission(.editPeople), scoped: .person, handler: PeopleEditing.update)
        r.add(.GET, .peopleDuplicates, access: .permission(.mergePeople), handler: DuplicatesController.report)
        r.add(.POST, .mergePeople, access: .permission(.mergePeople), handler: DuplicatesController.merge)
        r.add(.POST, .personExternalIDs(0), access: .permission(.editPeople), scoped: .person, handler: ExternalIDsController.change)
        r.add(.POST, .personRecords(0), access: .permission(.manageRecords), scoped: .person, handler: RecordsController.add)
        r.add(.GET, .record(0), access: .permission(.manageRecords), scoped: .record, handler: RecordsController.detail)
        r.add(.POST, .voidRecord(0), access: .permission(.manageRecords), scoped: .record, handler: RecordsController.void)
        r.add(.POST, .correctRecord(0), access: .permission(.manageRecords), scoped: .record, handler: RecordsController.correct)
        // Courses: the catalogue is public; enrolling needs a confirmed citizen; managing, scope.
        r.add(.GET, .courses, access: .anyone, handler: CoursesController.list)
        r.add(.GET, .newCourse, access: .permission(.manageRecords), handler: CourseEditing.newForm)
        r.add(.POST, .courses, access: .permission(.manageRecords), handler: CourseEditing.create)
        r.add(.GET, .course(0), access: .anyone, handler: CoursesController.detail)
        r.add(.GET, .editCourse(0), access: .permission(.manageRecords), scoped: .course, handler: CourseEditing.editForm)
        r.add(.POST, .course(0), access: .permission(.manageRecords), scoped: .course, handler: CourseEditing.update)
        r.add(.POST, .enrolCourse(0), access: .signedIn, scoped: .catalogueCourse, handler: CoursesController.enrol)
        r.add(.POST, .withdrawCourse(0), access: .signedIn, scoped: .catalogueCourse, handler: CoursesController.withdraw)
        r.add(.GET, .courseParticipants(0), access: .permission(.manageRecords), scoped: .course, handler: CourseEditing.participants)
        r.add(.POST, .courseParticipants(0), access: .permission(.manageRecords), scoped: .course, handler: CourseEditing.changeParticipants)
        r.add(.GET, .myLearning, access: .signedIn, handler: MyLearning.page)
        r.add(.GET, .activities, access: .permission(.manageRecords), handler: ActivitiesController.list)
        r.add(.GET, .dashboard, access: .permission(.viewOrganisations), handler: DashboardController.page)
        r.add(.GET, .dashboardExport, access: .permission(.viewOrganisations), handler: DashboardController.export)
        r.add(.GET, .targets, access: .permission(.manageTargets), handler: TargetsController.page)
        r.add(.GET, .annualReturn, access: .permission(.viewOrganisations), handler: AnnualReturnController.page)
        r.add(.GET, .reportedFigures, access: .permission(.reportFigures), handler: ReportedFigures.page)
        Routes.governance(&r)

        // The resource library: public to browse and play; providers upload (streamed to disk).
        r.add(.GET, .resources, access: .anyone, handler: LibraryController.list)
        r.add(.POST, .resources, access: .permission(.manageRecords), maxBody: ResourceStore.maxBytes, streamsBody: true,
              handler: LibraryController.upload)
        r.add(.GET, .resource(0), access: .anyone, handler: LibraryController.detail)
        r.add(.GET, .resourceFile(0), access: .anyone, handler: LibraryController.file)
        r.add(.POST, .revealPerson(0), access: .permission(.revealPersonalData), scoped: .person, handler: PeopleController.reveal)
        r.add(.GET, .organisations, access: .permission(.viewOrganisations), handler: OrganisationsController.list)
        r.add(.GET, .organisationsExport, access: .permission(.viewOrganisations), handler: OrganisationsController.export)
        r.add(.GET, .newOrganisation, access: .permission(.editOrganisations), handler: OrganisationsEditing.newForm)
        r.add(.POST, .organisations, access: .permission(.editOrganisations), handler: OrganisationsEditing.create)
        r.add(.GET, .organisation(0), access: .permission(.viewOrganisations), scoped: .organisation, handler: OrganisationsController.detail)
        r.add(.POST, .moveOrganisation(0), access: .permission(.editOrganisations), scoped: .organisation, handler: OrganisationsEditing.move)
        r.add(.POST, .closeOrganisation(0), access: .permission(.editOrganisations), scoped: .organisation, handler: OrganisationsEditing.close)
        r.add(.POST, .organisation(0), access: .permission(.editOrganisations), scoped: .organisation, handler: OrganisationsController.update)

        // Teaching corps
        r.add(.GET, .teachers, access: .permission(.viewOrganisations), handler: TeachersController.list)
        r.add(.GET, .teachersExport, access: .permission(.viewOrganisations), handler: TeachersController.export)
        r.add(.GET, .newTeacher, access: .permission(.manageTeachers), handler: TeachersController.newForm)
        r.add(.POST, .teachers, access: .permission(.manageTeachers), handler: TeachersController.create)
        r.add(.GET, .teacher(0), access: .permission(.viewOrganisations), scoped: .teacher, handler: TeachersController.detail)
        r.add(.POST, .teacherService(0), access: .permission(.manageTeachers), scoped: .teacher, handler: TeachersController.addService)

        // Experts
        r.add(.GET, .experts, access: .permission(.viewExperts), handler: ExpertsController.list)
        r.add(.GET, .expertsExport, access: .permission(.viewExperts), handler: ExpertsController.export)
        r.add(.GET, .newExpert, access: .permission(.manageExperts), handler: ExpertsController.newForm)
        r.add(.POST, .experts, access: .permission(.manageExperts), handler: ExpertsController.create)

        // Imports
        r.add(.GET, .imports, access: .permission(.importData), handler: ImportsController.index)
        r.add(.POST, .imports, access: .permission(.importData), maxBody: ImportsController.maxUpload, handler: ImportsController.upload)
        r.add(.POST, .importConfirm, access: .permission(.importData), handler: ImportsController.confirm)
        r.add(.GET, .importJob(nil), access: .permission(.importData), scoped: .importJob, handler: ImportsController.job)
        r.add(.GET, .importConflicts(nil), access: .permission(.importData), scoped: .importJob, handler: ImportsController.conflicts)
        r.add(.POST, .undoImport(0), access: .permission(.importData), scoped: .importRun, handler: ImportsController.undo)

        // JSON API (described in the OpenAPI document)
        r.add(.GET, .apiIndicators, access: .anyone, api: IndicatorsAPI.doc, handler: IndicatorsAPI.get)
        r.add(.GET, .apiRegions, access: .anyone, api: NetworkAPI.regionsDoc, handler: NetworkAPI.regions)
        r.add(.GET, .apiOrganisations, access: .anyone, api: NetworkAPI.organisationsDoc, handler: NetworkAPI.organisations)
        r.add(.GET, .apiOrganisation(0), access: .permission(.viewOrganisations), api: NetworkAPI.organisationDoc,
              scoped: .organisation, handler: NetworkAPI.organisation)
        r.add(.GET, .apiPeople, access: .permission(.viewPeople), api: PeopleAPI.listDoc, handler: PeopleAPI.list)
        r.add(.GET, .apiPerson(0), access: .permission(.viewPeople), api: PeopleAPI.detailDoc, scoped: .person, handler: PeopleAPI.detail)
        r.add(.GET, .apiMe, access: .signedIn, api: AccountsAPI.meDoc, handler: AccountsAPI.me)
        for kind in ImportKind.allCases {
            r.add(.POST, .apiImport(kind), access: .permission(.importData), api: ImportsAPI.importDoc(kind),
                  maxBody: ImportsController.maxUpload, handler: ImportsAPI.importFile(kind))
        }
        r.add(.GET, .apiImports, access: .permission(.importData), api: ImportsAPI.listDoc, handler: ImportsAPI.list)
        r.add(.POST, .apiUndoImport(0), access: .permission(.importData), api: ImportsAPI.undoDoc, scoped: .importRun,
              handler: ImportsAPI.undo)

        // Infrastructure
        r.add(.GET, .openAPI, access: .anyone, handler: OpenAPIController.document)
        r.add(.GET, .healthz, access: .anyone, handler: HealthController.healthz)
        r.add(.GET, .metrics, access: .anyone, handler: HealthController.metrics)
        r.add(.GET, .asset(""), access: .anyone, handler: AssetController.serve)
        return r
    }
}

/// Serves `/api/openapi.json`, built from the registry.
enum OpenAPIController {
    @Sendable static func document(_ request: Request) async throws -> Response {
        let document = OpenAPIDocument.make(from: request.application.learnCity.registry, version: LearnCity.version)
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: .ok, headers: headers, body: .init(string: document.serialized()))
    }
}
