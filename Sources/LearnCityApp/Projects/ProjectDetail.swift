import Fluent
import Foundation
import LearnCityCore
import Markup
import Vapor

/// One project: facts, funds, milestones (late ones marked), progress, experts, attachments,
/// and the forms the caller may use.
enum ProjectDetail {
    struct Model: Sendable {
        var id: Int
        var title, owner, summary: String
        var year: Int
        var track: ProjectTrack
        var focus: ProjectFocus
        var status: ProjectStatus
        var budget: Int
        var percent: Int?
        var funds: FundBalance
        /// (id, title, due, done on, late)
        var milestones: [(Int, String, String, String?, Bool)]
        /// (unit, time, text, percent, author)
        var updates: [(String, String, String, Int, String)]
        var experts: [String]
        var expertOptions: [(String, String)]
        var attachments: [Attachment]
        var office, canReport, canCloseMilestones, canAttach: Bool
        /// The default of a milestone's completion date.
        var today: String
        var errors: [String: String]
    }

    static func page(_ request: Request, project: Project, errors: [String: String], status: HTTPResponseStatus = .ok) async throws -> Response {
        let user = try request.requireUser()
        let id = try project.requireID()
        let tz = request.application.learnCity.config.timeZone
        let today = request.today
        let milestones = try await ProjectMilestone.query(on: request.db).filter(\.$projectID == id).sort(\.$dueOn).sort(\.$id).all()
        let updates = try await ProjectUpdate.query(on: request.db).filter(\.$projectID == id).sort(\.$id, .descending).all()
        let names = try await WorkPlanController.organisationNames([project.ownerID] + updates.map(\.organisationID), request)
        let people = try await PersonNames.load(updates.map(\.author), on: request.db)
        let linked = try await ProjectExpert.query(on: request.db).filter(\.$projectID == id).all().map(\.expertID)
        let office = user.roles.allows(.governCity), owner = ProjectAccess.isOwner(project, user)
        let experts = try await Expert.query(on: request.db).filter(\.$id ~~ linked).sort(\.$name).all()
        let options = office ? try await Expert.query(on: request.db).sort(\.$name).limit(500).all() : []
        let model = Model(
            id: id, title: project.title, owner: names[project.ownerID] ?? "—", summary: project.summary, year: project.year,
            track: project.track, focus: project.focus, status: project.status, budget: project.budgetFen, percent: updates.first?.percent,
            funds: try await ProjectsController.funds([id], on: request.db)[id] ?? FundBalance(),
            milestones: milestones.map { ($0.id ?? 0, $0.title, $0.dueOn, $0.doneOn, $0.isLate(today: today)) },
            updates: updates.map { (names[$0.organisationID] ?? "—", $0.createdAt.map { DateText.minute($0, tz) } ?? "", $0.text, $0.percent, people($0.author)) },
            experts: experts.map { "\($0.name)（\($0.title)，\($0.affiliation)）" },
            expertOptions: options.filter { !linked.contains($0.id ?? 0) }.map { (String($0.id ?? 0), "\($0.name) · \($0.affiliation)") },
            attachments: try await Attachments.list(.project, id, on: request.db),
            office: office, canReport: office || (owner && user.roles.allows(.reportFigures)), canCloseMilestones: office || owner,
            canAttach: office || owner, today: today.iso, errors: errors)
        return View(model: model, context: PageContext(request)).response(status: status)
    }

    struct View: PageView {
        var model: Model
        var context: PageContext
        var pageTitle: String { model.title }

        func content() -> Node<HTML.BodyContext> {
            let s = context.strings.projects, f = context.strings.funds, m = model
            return .group(
                .section(.class("card"),
                    .h1(.text(m.title + " "), ProjectsPage.status(m.status, s)),
                    .unwrap(m.errors["action"]) { .p(.class("alert"), .text($0)) },
                    .dl(.class("facts"),
                        .dt(.text(s.year)), .dd(.text(String(m.year))),
                        .dt(.text(s.track)), .dd(.text(s.trackNames[m.track] ?? "")),
                        .dt(.text(s.focus)), .dd(.text(s.focusNames[m.focus] ?? "")),
                        .dt(.text(s.owner)), .dd(.text(m.owner)),
                        .dt(.text(s.budget)), .dd(.text(NumberText.yuan(fen: m.budget))),
                        .dt(.text(s.funds)), .dd(.text("\(f.allocated) \(NumberText.yuan(fen: m.funds.allocated)) · \(f.disbursed) \(NumberText.yuan(fen: m.funds.disbursed))")),
                        .dt(.text(s.progress)), .dd(ProjectsPage.progress(m.percent))),
                    .if(!m.summary.isEmpty, .p(.class("lines"), .text(m.summary)))),
                milestonesSection(),
                updatesSection(),
                .section(.class("card"),
                    .h2(.text(s.experts)),
                    m.experts.isEmpty ? .p(.class("empty"), .text(s.noExperts)) : .ul(.id("project-experts"), .forEach(m.experts) { .li(.text($0)) }),
                    .if(m.office && !m.expertOptions.isEmpty, .form(.method(.post), .action(SiteURL.project(m.id).path), .novalidate(), csrfField(),
                        .input(.type(.hidden), .name("action"), .value("expert")),
                        FormFields.select(name: "expert", label: s.expert, options: [("", "—")] + m.expertOptions, selected: nil, error: m.errors["expert"]),
                        .button(.type(.submit), .class("button secondary"), .text(s.linkExpert))))),
                .section(.class("card"),
                    AttachmentsView.section(m.attachments, owner: .project, ownerID: m.id, canAttach: m.canAttach,
                                            back: SiteURL.project(m.id).path, strings: context.strings.attachments, csrf: csrfField())))
        }

        private func milestonesSection() -> Node<HTML.BodyContext> {
            let s = context.strings.projects, m = model
            return .section(.class("card"),
                .h2(.text(s.milestones)),
                m.milestones.isEmpty ? .p(.class("empty"), .text(s.noMilestones)) : .div(.class("table-wrap"), .table(.class("list"), .id("milestones"),
                    .thead(.tr(.th(.text(s.milestoneTitle)), .th(.text(s.due)), .th(.text(s.doneOn)), .th(.text("")))),
                    .tbody(.forEach(m.milestones) { id, title, due, done, late in
                        .tr(.td(.text(title), .if(late, .span(.class("badge state-late"), .text(s.late)))), .td(.text(due)), .td(.text(done ?? "—")),
                            .td(.if(done == nil && m.canCloseMilestones, .form(.method(.post), .action(SiteURL.project(m.id).path), .class("inline"), csrfField(),
                                .input(.type(.hidden), .name("action"), .value("milestone_done")),
                                .input(.type(.hidden), .name("milestone"), .value(String(id))),
                                .input(.type(.date), .name("done_on"), .value(m.today),
                                       .attribute(named: "max", value: m.today),
                                       .attribute(named: "aria-label", value: s.doneOn)), .text(" "),
                                .button(.type(.submit), .class("button secondary"), .text(s.markDone))))))
                    }))),
                .unwrap(m.errors["milestone"] ?? m.errors["done_on"]) { .p(.class("field-error"), .text($0)) },
                .if(m.office, .form(.method(.post), .action(SiteURL.project(m.id).path), .novalidate(), csrfField(),
                    .input(.type(.hidden), .name("action"), .value("milestone")),
                    FormFields.input(name: "title", label: s.milestoneTitle, value: "", error: m.errors["title"]),
                    FormFields.input(name: "due_on", label: s.due, type: .date, value: "", error: m.errors["due_on"]),
                    .button(.type(.submit), .class("button secondary"), .text(s.addMilestone)))))
        }

        private func updatesSection() -> Node<HTML.BodyContext> {
            let s = context.strings.projects, m = model
            return .section(.class("card"),
                .h2(.text(s.updates)),
                m.updates.isEmpty ? .p(.class("empty"), .text(s.noUpdates)) : .ul(.id("project-updates"), .forEach(m.updates) { unit, time, text, percent, author in
                    .li(.p(.strong(.text(unit)), .span(.class("muted small"), .text(" · \(time) · \(author) · \(percent)%"))), .p(.class("lines"), .text(text)))
                }),
                .if(m.canReport, .form(.method(.post), .action(SiteURL.project(m.id).path), .novalidate(), csrfField(),
                    .input(.type(.hidden), .name("action"), .value("update")),
                    FormFields.textarea(name: "text", label: s.whatWasDone, value: "", error: m.errors["text"]),
                    FormFields.input(name: "percent", label: s.percent, type: .number, value: m.percent.map(String.init) ?? "", error: m.errors["percent"], hint: s.percentHint),
                    .button(.type(.submit), .class("button"), .text(s.post)))))
        }
    }
}
