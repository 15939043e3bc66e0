import Fluent
import Foundation
import LearnCityCore
import Markup
import Vapor

/// The work plan: every item with its responsible units and where it stands (late first); a
/// unit sees what it owes; responsible units post progress; the office marks items done.
enum WorkPlanController {
    struct Row: Sendable {
        var id: Int
        var section, title, due: String
        var state: PlanItemState
        var lead, participants: [String]
        var lastUpdate: String?
    }

    @Sendable static func list(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let mine = request.query[String.self, at: "mine"] != nil
        let today = request.today
        guard let plan = try await WorkPlan.query(on: request.db).sort(\.$year, .descending).first() else {
            return WorkPlanPages.List(plan: nil, rows: [], mine: mine, context: PageContext(request)).response()
        }
        var items = try await PlanItem.query(on: request.db).filter(\.$planID == plan.requireID()).filter(\.$retiredAt == nil)
            .sort(\.$position).all()
        let units = try await PlanItemUnit.query(on: request.db).filter(\.$itemID ~~ items.compactMap(\.id)).all()
        if mine {
            let owed = Set(units.filter { $0.organisationID == user.organisationID }.map(\.itemID))
            items = items.filter { owed.contains($0.id ?? 0) }
        }
        let names = try await organisationNames(units.map(\.organisationID), request)
        let updates = try await ProgressUpdate.query(on: request.db).filter(\.$itemID ~~ items.compactMap(\.id)).sort(\.$id, .descending).all()
        let tz = request.application.learnCity.config.timeZone
        let order: [PlanItemState] = [.late, .onTrack, .done]
        let rows = items.map { item in
            Row(id: item.id ?? 0, section: item.section, title: item.title, due: item.dueOn, state: item.state(today: today),
                lead: names.names(of: units.filter { $0.itemID == item.id && $0.isLead }.map(\.organisationID)),
                participants: names.names(of: units.filter { $0.itemID == item.id && !$0.isLead }.map(\.organisationID)),
                lastUpdate: updates.first { $0.itemID == item.id }?.createdAt.map { DateText.minute($0, tz) })
        }.sorted { (order.firstIndex(of: $0.state) ?? 0, $0.id) < (order.firstIndex(of: $1.state) ?? 0, $1.id) }
        return WorkPlanPages.List(plan: (plan.title, plan.document, plan.issuedOn), rows: rows, mine: mine, context: PageContext(request),
                                   office: user.roles.allows(.governCity)).response()
    }

    static func organisationNames(_ ids: [Int], _ request: Request) async throws -> UnitNames {
        try await UnitNames.load(ids, request)
    }

    static func item(_ request: Request) async throws -> PlanItem {
        guard let item = try await PlanItem.find(request.intID(), on: request.db) else { throw AppError(.notFound) }
        return item
    }

    @Sendable static func detail(_ request: Request) async throws -> Response {
        try await page(request, item: try await item(request), error: nil)
    }

    /// A responsible unit's account (or the office) posts progress: what was done, figures.
    @Sendable static func post(_ request: Request) async throws -> Response {
        let item = try await item(request)
        let user = try request.requireUser()
        let scope = try await request.accountScope()
        let itemID = try item.requireID()
        let units = try await PlanItemUnit.query(on: request.db).filter(\.$itemID == itemID).all()
        // Everyone reads the plan; only the units it names (and the office) report on an item.
        guard scope.everything || units.contains(where: { $0.organisationID == user.organisationID }),
              let organisationID = user.organisationID ?? units.first(where: \.isLead)?.organisationID else {
            throw AppError(.conflict, detail: request.strings.plan.notResponsible)
        }
        let text = ((try? request.content.get(String.self, at: "text")) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let figures = ((try? request.content.get(String.self, at: "figures")) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let done = (try? request.content.get(String.self, at: "done")) != nil
        guard !text.isEmpty else { return try await page(request, item: item, error: request.strings.plan.textRequired, status: .unprocessableEntity) }
        // The day it was really finished (the office may close it days later), never in the future.
        let typed = try? request.content.get(String.self, at: "done_on")
        let doneOn = try? CourseCompletionDate.resolve(typed, courseEnd: nil, today: request.today).get()
        guard let doneOn else {
            return try await page(request, item: item, error: nil, doneOnError: request.strings.completionDateInvalid,
                                  status: .unprocessableEntity)
        }
        let actor = Audit.Actor(request)
        try await request.db.transaction { db in
            let update = ProgressUpdate()
            (update.itemID, update.organisationID, update.text) = (itemID, organisationID, String(text.prefix(4000)))
            (update.figures, update.author) = (String(figures.prefix(500)), actor.name)
            try await update.create(on: db)
            // Only the office closes an item.
            if done && scope.everything && item.doneOn == nil {
                item.doneOn = doneOn.iso
                try await item.update(on: db)
            }
            try await Audit.record(.update, entity: "plan_item", id: String(itemID), summary: "progress\(done && scope.everything ? ", done" : "")", by: actor, on: db)
        }
        return request.redirect(to: SiteURL.planItem(itemID).path)
    }

    private static func page(_ request: Request, item: PlanItem, error: String?, doneOnError: String? = nil,
                             status: HTTPResponseStatus = .ok) async throws -> Response {
        let user = try request.requireUser()
        let scope = try await request.accountScope()
        let itemID = try item.requireID()
        let units = try await PlanItemUnit.query(on: request.db).filter(\.$itemID == itemID).all()
        let updates = try await ProgressUpdate.query(on: request.db).filter(\.$itemID == itemID).sort(\.$id, .descending).all()
        let names = try await organisationNames(units.map(\.organisationID) + updates.map(\.organisationID), request)
        let people = try await PersonNames.load(updates.map(\.author), on: request.db)
        let tz = request.application.learnCity.config.timeZone
        let today = request.today
        return WorkPlanPages.Detail(
            id: itemID, section: item.section, title: item.title, deliverables: item.deliverables, due: item.dueOn, doneOn: item.doneOn,
            state: item.state(today: today),
            lead: names.names(of: units.filter(\.isLead).map(\.organisationID)),
            participants: names.names(of: units.filter { !$0.isLead }.map(\.organisationID)),
            updates: updates.map { (names[$0.organisationID] ?? "—", $0.createdAt.map { DateText.minute($0, tz) } ?? "", $0.text, $0.figures, people($0.author)) },
            canPost: user.roles.allows(.reportFigures) && (scope.everything || units.contains { $0.organisationID == user.organisationID }),
            canClose: scope.everything && item.doneOn == nil,
            attachments: try await Attachments.list(.planProgress, itemID, on: request.db),
            error: error, doneOnError: doneOnError, today: today.iso, context: PageContext(request)).response(status: status)
    }
}

enum WorkPlanPages {
    static func badge(_ state: PlanItemState, _ s: PlanStrings) -> Node<HTML.BodyContext> {
        .span(.class("badge state-\(state.rawValue)"), .text(s.stateNames[state] ?? state.rawValue))
    }

    struct List: PageView {
        var plan: (String, String, String)?
        var rows: [WorkPlanController.Row]
        var mine: Bool
        var context: PageContext
        /// The office writes the plan: a link to where it does.
        var office = false
        var pageTitle: String { context.strings.plan.title }

        func content() -> Node<HTML.BodyContext> {
            let s = context.strings.plan
            guard let plan else {
                return .section(.class("card"), .h1(.text(s.title)), .p(.class("empty"), .text(s.noPlan)),
                                .if(office, .p(.a(.href(SiteURL.planManage.path), .text(s.manage)))))
            }
            return .section(.class("card"),
                .h1(.text(plan.0)),
                .p(.class("muted"), .text("\(plan.1) · \(plan.2)")),
                .p(.class("toolbar"), .a(.href(SiteURL.plan.path), .text(s.all)), .text(" · "), .a(.href(SiteURL.plan.path + "?mine=1"), .text(s.mine)),
                   .if(office, .group(.text(" · "), .a(.href(SiteURL.planManage.path), .text(s.manage))))),
                rows.isEmpty ? .p(.class("empty"), .text(mine ? s.nothingOwed : s.noPlan)) : .div(.class("table-wrap"), .table(.class("list"), .id("plan-items"),
                    .thead(.tr(.th(.text(s.section)), .th(.text(s.item)), .th(.text(s.lead)), .th(.text(s.due)), .th(.text(s.state)), .th(.text(s.lastUpdate)))),
                    .tbody(.forEach(rows) { row in
                        .tr(.td(.text(row.section)), .td(.a(.href(SiteURL.planItem(row.id).path), .text(String(row.title.prefix(60)) + (row.title.count > 60 ? "…" : "")))),
                            .td(.text(row.lead.joined(separator: context.strings.listSeparator))), .td(.text(row.due)), .td(WorkPlanPages.badge(row.state, s)),
                            .td(.text(row.lastUpdate ?? "—")))
                    }))))
        }
    }

    struct Detail: PageView {
        var id: Int
        var section, title, deliverables, due: String
        var doneOn: String?
        var state: PlanItemState
        var lead, participants: [String]
        /// (unit, time, text, figures, author)
        var updates: [(String, String, String, String, String)]
        var canPost, canClose: Bool
        /// Evidence of progress: reports, photos, stamped documents.
        var attachments: [Attachment]
        var error, doneOnError: String?
        /// The completion date's default.
        var today: String
        var context: PageContext
        var pageTitle: String { context.strings.plan.title }

        func content() -> Node<HTML.BodyContext> {
            let s = context.strings.plan
            return .group(
                .section(.class("card"),
                    .h1(.text("\(section) "), WorkPlanPages.badge(state, s)),
                    .p(.text(title)),
                    .dl(.class("facts"),
                        .dt(.text(s.deliverables)), .dd(.text(deliverables)),
                        .dt(.text(s.due)), .dd(.text(due + (doneOn.map { "（\(s.doneOn) \($0)）" } ?? ""))),
                        .dt(.text(s.lead)), .dd(.text(lead.joined(separator: context.strings.listSeparator))),
                        .dt(.text(s.participants)), .dd(.text(participants.isEmpty ? "—" : participants.joined(separator: context.strings.listSeparator))))),
                .section(.class("card"),
                    .h2(.text(s.progress)),
                    updates.isEmpty ? .p(.class("empty"), .text(s.noUpdates)) : .ul(.id("updates"), .forEach(updates) { unit, time, text, figures, author in
                        .li(.p(.strong(.text(unit)), .span(.class("muted small"), .text(" · \(time) · \(author)"))), .p(.class("lines"), .text(text)),
                            .if(!figures.isEmpty, .p(.class("small"), .text(s.figures + context.strings.colon + figures))))
                    }),
                    .if(canPost, .form(.method(.post), .action(SiteURL.planItem(id).path), .novalidate(), csrfField(),
                        FormFields.textarea(name: "text", label: s.whatWasDone, value: "", error: error),
                        FormFields.input(name: "figures", label: s.figures, value: "", error: nil, hint: s.figuresHint),
                        .if(canClose, .group(
                            .label(.class("check"), .input(.type(.checkbox), .name("done"), .value("1")), .text(" " + s.markDone)),
                            FormFields.input(name: "done_on", label: s.doneOn, type: .date, value: today, error: doneOnError))),
                        .button(.type(.submit), .class("button"), .text(s.post)))),
                    AttachmentsView.section(attachments, owner: .planProgress, ownerID: id, canAttach: canPost, back: SiteURL.planItem(id).path,
                                            strings: context.strings.attachments, csrf: csrfField())))
        }
    }
}
