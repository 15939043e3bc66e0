import Vapor

/// The demo city's governance, after its work plan: report forms, funds and projects,
/// inspections and the assessment scheme, the joint meeting (whose decisions join the plan)
/// and the liaison officers. Each loader skips what exists, so loading twice creates nothing twice.
enum GovernanceDemo {
    static func load(_ app: Application) async throws {
        try await ReportFormLoader.loadDemo(on: app.db)
        try await FundsLoader.loadDemo(on: app.db)
        try await SupervisionLoader.loadDemo(on: app.db)
        try await MeetingsDemo.loadDemo(on: app.db, vault: app.learnCity.vault)
    }
}
