import Fluent
import Vapor

/// Every migration, in the order it must run. Append only: a migration that has shipped is
/// never edited, a change is a new migration.
enum Migrations {
    static func register(on app: Application) {
        // 001 — foundation (issue 2)
        app.migrations.add(CreateAppSettings())
        app.migrations.add(CreateRegions())
        app.migrations.add(CreateIndustries())
        app.migrations.add(CreateOrganisations())
        app.migrations.add(CreateIndicators())
        app.migrations.add(CreatePeople())
        app.migrations.add(CreateUsers())
        app.migrations.add(SessionRecord.migration)
        // accounts, personal data, audit (issue 3)
        app.migrations.add(CreateAuditEvents())
        app.migrations.add(CreateAPITokens())
        app.migrations.add(CreateSignInFailures())
        app.migrations.add(CreateIdentityCodes())
        // network and people: imports (issue 4)
        app.migrations.add(CreateImports())
        app.migrations.add(CreateOrganisationMoves())
        app.migrations.add(CreateExperts())
        app.migrations.add(CreateTeachers())
        app.migrations.add(AddPersonMergesAndExternalIDs())
        // learning records (issue 5)
        app.migrations.add(CreateLearningRecords())
        app.migrations.add(CreateCourses())
        app.migrations.add(CreateResources())
        // indicators and dashboards (issue 6)
        app.migrations.add(CreateBaselines())
        app.migrations.add(CreateAnnualReturns())
        app.migrations.add(CreateReportedFigures())
        // governance (issue 7)
        app.migrations.add(CreateWorkPlans())
        app.migrations.add(CreateNotices())
        app.migrations.add(CreateAttachments())
        app.migrations.add(CreateReports())
        app.migrations.add(CreateGovernmentReports())
        app.migrations.add(CreateProjects())
        app.migrations.add(CreateFunds())
        app.migrations.add(CreateSupervision())
        app.migrations.add(CreateMeetingsAndLiaisons())
        // security audit (issue 12): token scopes
        app.migrations.add(AddAPITokenScopes())
        // the office's year (issue 15): an organisation's own figures for one year
        app.migrations.add(AddRecordProviderYearIndex())
        // the office's year (issue 15): notices corrected and withdrawn
        app.migrations.add(AddNoticeCorrections())
        app.migrations.add(AddPlanItemRetirement())
    }
}
