import Fluent
import Foundation
import LearnCityCore
import Vapor

/// Projects: every staff account reads them; the office creates them, adds milestones and links
/// experts; the owner unit (and the office) reports progress and closes milestones. A unit acting
/// on another unit's project gets 409.
enum ProjectsController {
    struct Form: Content {
        var year, title, track, focus, owner, budget, summary: String?
    }

    @Sendable static func list(_ request: Request) async throws -> Response {
        try await listPage(request, form: Form(), errors: [:])
    }

    @Sendable static func create(_ request: Request) async throws -> Response {
        let form = (try? request.content.decode(Form.self)) ?? Form()
        let s = request.strings.projects
        var errors: [String: String] = [:]
        let year = BoundedNumber.integer(form.year, in: BoundedNumber.years)
        if year == nil || !(1990...2100).contains(year!) { errors["year"] = request.strings.targets.yearInvalid }
        let title = (form.title ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if title.isEmpty { errors["title"] = request.strings.fieldRequired }
        else if let year, try await Project.query(on: request.db).filter(\.$year == year).filter(\.$title == title).count() > 0 { errors["title"] = s.titleTaken }
        let track = form.track.flatMap(ProjectTrack.init(rawValue:)), focus = form.focus.flatMap(ProjectFocus.init(rawValue:))
        if track == nil { errors["track"] = request.strings.funds.chooseOne }
        if focus == nil { errors["focus"] = request.strings.funds.chooseOne }
        let owner = try await form.owner.flatMap(Int.init).asyncMap { try await Organisation.find($0, on: request.db) } ?? nil
        if owner == nil { errors["owner"] = request.strings.funds.chooseOne }
        let budget = FundsController.amount(form.budget, field: "budget", errors: &errors, request.strings.funds)
        guard errors.isEmpty, let year, let track, let focus, let owner, let budget else {
            return try await listPage(request, form: form, errors: errors, status: .unprocessableEntity)
        }
        let actor = Audit.Actor(request)
        let project = Project()
        (project.year, project.title, project.track, project.focus) = (year, String(title.prefix(200)), track, focus)
        (project.ownerID, project.budgetFen, project.status, project.summary) = (try owner.requireID(), budget, .planned, String((form.summary ?? "").prefix(4000)))
        try await request.db.transaction { db in
            try await project.create(on: db)
            try await Audit.record(.create, entity: "project", id: project.id.map(String.init), summary: "\(year) \(title) → \(owner.code)", by: actor, on: db)
        }
        return request.redirect(to: SiteURL.project(try project.requireID()).path)
    }

    static func find(_ request: Request) async throws -> Project {
        guard let project = try await Project.find(request.intID(), on: request.db) else { throw AppError(.notFound) }
        return project
    }

    @Sendable static func detail(_ request: Request) async throws -> Response {
        try await ProjectDetail.page(request, project: try await find(request), errors: [:])
    }

    /// One POST for every change to a project, by `action`.
    @Sendable static func post(_ request: Request) async throws -> Response {
        let project = try await find(request)
        let user = try request.requireUser()
        let s = request.strings.projects
        let office = user.roles.allows(.governCity), owner = ProjectAccess.isOwner(project, user)
        guard office || owner else { throw AppError(.conflict, detail: s.notYours) }
        func field(_ name: String) -> String { ((try? request.content.get(String.self, at: name)) ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
        func invalid(_ errors: [String: String]) async throws -> Response {
            try await ProjectDetail.page(request, project: project, errors: errors, status: .unprocessableEntity)
        }
        let projectID = try project.requireID(), actor = Audit.Actor(request)
        let today = request.today
        switch field("action") {
        case "update":
            // An owner's account reports only if its role reports figures; a teacher at the unit does not.
            guard office || user.roles.allows(.reportFigures) else { throw AppError(.conflict, detail: s.notYours) }
            let text = field("text"), percent = ProjectRules.percent(field("percent"))
            var errors: [String: String] = [:]
            if text.isEmpty { errors["text"] = s.textRequired }
            if percent == nil { errors["percent"] = s.percentInvalid }
            guard errors.isEmpty, let percent else { return try await invalid(errors) }
            try await request.db.transaction { db in
                let update = ProjectUpdate()
                (update.projectID, update.organisationID, update.text) = (projectID, user.organisationID ?? project.ownerID, String(text.prefix(4000)))
                (update.percent, update.author) = (percent, actor.name)
                try await update.create(on: db)
                project.status = ProjectRules.status(after: percent, current: project.status, byOffice: office)
                try await project.update(on: db)
                try await Audit.record(.update, entity: "project", id: String(projectID), summary: "progress \(percent)%", by: actor, on: db)
            }
        case "milestone":
            guard office else { throw AppError(.conflict, detail: s.officeOnly) }
            let title = field("title"), due = LocalDate.parse(field("due_on"))
            var errors: [String: String] = [:]
            if title.isEmpty { errors["title"] = request.strings.fieldRequired }
            if due == nil { errors["due_on"] = s.dateInvalid }
            guard errors.isEmpty, let due else { return try await invalid(errors) }
            try await request.db.transaction { db in
                let milestone = ProjectMilestone()
                (milestone.projectID, milestone.title, milestone.dueOn) = (projectID, String(title.prefix(200)), due.iso)
                try await milestone.create(on: db)
                try await Audit.record(.update, entity: "project", id: String(projectID), summary: "milestone \(title) due \(due.iso)", by: actor, on: db)
            }
        case "milestone_done":
            guard let id = BoundedNumber.integer(field("milestone"), in: BoundedNumber.ids),
                  let milestone = try await ProjectMilestone.query(on: request.db).filter(\.$id == id).filter(\.$projectID == projectID).first() else {
                return try await invalid(["milestone": request.strings.funds.chooseOne])
            }
            guard milestone.doneOn == nil else { break }   // done twice keeps the first date
            // The day it was really done, which may be before it is recorded; never in the future.
            guard let doneOn = try? CourseCompletionDate.resolve(field("done_on"), courseEnd: nil, today: today).get() else {
                return try await invalid(["done_on": request.strings.completionDateInvalid])
            }
            try await request.db.transaction { db in
                milestone.doneOn = doneOn.iso
                try await milestone.update(on: db)
                try await Audit.record(.update, entity: "project", id: String(projectID), summary: "milestone \(id) done", by: actor, on: db)
            }
        case "expert":
            guard office else { throw AppError(.conflict, detail: s.officeOnly) }
            guard let id = BoundedNumber.integer(field("expert"), in: BoundedNumber.ids), let expert = try await Expert.find(id, on: request.db) else {
                return try await invalid(["expert": request.strings.funds.chooseOne])
            }
            try await request.db.transaction { db in
                guard try await ProjectExpert.query(on: db).filter(\.$projectID == projectID).filter(\.$expertID == id).count() == 0 else { return }
                let link = ProjectExpert()
                (link.projectID, link.expertID) = (projectID, try expert.requireID())
                try await link.create(on: db)
                try await Audit.record(.update, entity: "project", id: String(projectID), summary: "expert \(id)", by: actor, on: db)
            }
        default:
            return try await invalid(["action": s.actionUnknown])
        }
        return request.redirect(to: SiteURL.project(projectID).path)
    }

    /// Funds allocated to and paid for each project, by project id.
    static func funds(_ projectIDs: [Int], on db: any Database) async throws -> [Int: FundBalance] {
        let allocations = try await FundAllocation.query(on: db).filter(\.$recipientKind == .project).filter(\.$recipientID ~~ projectIDs.map { Optional($0) }).all()
        let payments = try await FundDisbursement.query(on: db).filter(\.$allocationID ~~ allocations.compactMap(\.id)).all()
        let balances = FundBalances.byRecipient(allocations: allocations.compactMap { $0.entry() },
                                                disbursements: payments.map { (allocation: $0.allocationID, amount: $0.amountFen) })
        return Dictionary(projectIDs.map { ($0, balances[FundRecipientKind.key(.project, id: $0, name: "")] ?? FundBalance()) }, uniquingKeysWith: { a, _ in a })
    }

    private static func listPage(_ request: Request, form: Form, errors: [String: String], status: HTTPResponseStatus = .ok) async throws -> Response {
        let user = try request.requireUser()
        let projects = try await Project.query(on: request.db).sort(\.$year, .descending).sort(\.$track).sort(\.$id).all()
        let ids = projects.compactMap(\.id)
        let names = try await WorkPlanController.organisationNames(projects.map(\.ownerID), request)
        let updates = try await ProjectUpdate.query(on: request.db).filter(\.$projectID ~~ ids).sort(\.$id, .descending).all()
        let latest = Dictionary(updates.map { ($0.projectID, $0.percent) }, uniquingKeysWith: { first, _ in first })
        let money = try await funds(ids, on: request.db)
        let office = user.roles.allows(.governCity)
        let units = office ? try await Organisation.query(on: request.db).filter(\.$closedAt == nil).sort(\.$path).limit(500).all() : []
        let model = ProjectsPage.Model(
            rows: projects.map { p in
                let id = p.id ?? 0
                return ProjectsPage.Row(id: id, year: p.year, title: p.title, track: p.track, focus: p.focus, owner: names[p.ownerID] ?? "—",
                                        budget: p.budgetFen, status: p.status, percent: latest[id], funds: money[id] ?? FundBalance())
            },
            canCreate: office, units: units.map { (String($0.id ?? 0), String(repeating: "　", count: $0.depth) + $0.name(request.language)) },
            form: form, errors: errors)
        return ProjectsPage.List(model: model, context: PageContext(request)).response(status: status)
    }
}
