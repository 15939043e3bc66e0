import LearnCityCore
import Markup

/// The staff sign-in form, with messages next to the fields they concern.
enum SignInPage {
    struct Model: Sendable {
        var username = ""
        var next: String?
        var fieldErrors: [String: String] = [:]
        var formError: String?
    }

    struct View: PageView {
        var model: Model
        var context: PageContext
        var pageTitle: String { context.strings.signInTitle }

        func content() -> Node<HTML.BodyContext> {
            let strings = context.strings
            return .section(.class("card narrow"),
                .h1(.text(strings.signInTitle)),
                .unwrap(model.formError) { .p(.class("alert"), .attribute(named: "role", value: "alert"), .text($0)) },
                .form(.method(.post), .action(SiteURL.signIn.path), .novalidate(),
                    csrfField(),
                    .unwrap(model.next) { .input(.type(.hidden), .name("next"), .value($0)) },
                    FormFields.input(name: "username", label: strings.accounts.usernameOrID, value: model.username,
                                     error: model.fieldErrors["username"], autocomplete: "username"),
                    FormFields.input(name: "password", label: strings.password, type: .password,
                                     error: model.fieldErrors["password"], autocomplete: "current-password"),
                    .button(.type(.submit), .class("button"), .text(strings.signInButton))),
                .p(.class("muted small"), .text(strings.signInHint)),
                .p(.class("small"), .a(.href(SiteURL.register.path), .text(strings.accounts.registerLink)),
                   .text(" · "), .a(.href(SiteURL.resetPassword.path), .text(strings.accounts.forgotPassword))))
        }

    }
}

/// The signed-in landing page: the tools this account's roles allow.
enum WorkspacePage {
    struct Model: Sendable {
        var permissions: Set<Permission>
        /// What the account's unit owes or the office has to act on, with where to do it.
        var todo: [WorkspaceTodo.Item] = []
    }

    struct View: PageView {
        var model: Model
        var context: PageContext
        var pageTitle: String { context.strings.workspace }

        func content() -> Node<HTML.BodyContext> {
            let strings = context.strings, menu = strings.accounts.menu
            let links: [(Permission?, SiteURL, String)] = [
                (.viewOrganisations, .dashboard, strings.dashboard.title), (.viewOrganisations, .plan, strings.plan.title),
                (.viewOrganisations, .notices, strings.notices.title), (.reportFigures, .reports, strings.reports.title),
                (.governCity, .governmentReports, strings.government.title), (.viewOrganisations, .meetings, strings.meetings.title),
                (.viewOrganisations, .liaisons, strings.liaisons.title), (.viewOrganisations, .projects, strings.projects.title),
                (.manageFunds, .funds, strings.funds.title), (.viewOrganisations, .inspections, strings.supervision.title),
                (.viewOrganisations, .assessment, strings.assessment.title), (.manageTargets, .targets, strings.targets.title),
                (.reportFigures, .reportedFigures, strings.reported.title),
                (.viewPeople, .people, menu.people), (.viewOrganisations, .organisations, menu.organisations),
                (.manageRecords, .courses, strings.courses.title), (.manageRecords, .resources, strings.library.title),
                (.manageRecords, .activities, strings.activities.title), (.mergePeople, .peopleDuplicates, strings.registry.duplicatesTitle),
                (.manageAccounts, .users, menu.accounts), (.confirmIdentity, .identity, menu.identity),
                (.viewOrganisations, .teachers, strings.teachers.heading), (.viewExperts, .experts, strings.experts.heading), (.importData, .imports, strings.imports.title),
                (.useAPITokens, .tokens, menu.tokens), (.viewAudit, .audit, menu.audit), (nil, .changePassword, menu.password),
            ]
            return .section(.class("card"),
                .h1(.text(strings.welcome(context.userName ?? ""))),
                .p(.class("muted"), .text(strings.signedInAs(context.userName ?? "", context.roleName ?? ""))),
                .if(!model.todo.isEmpty, .div(.class(model.todo.contains(where: \.urgent) ? "alert" : "notice"), .id("reminders"),
                    .attribute(named: "role", value: "status"),
                    .strong(.text(strings.todo.title)),
                    .ul(.forEach(model.todo) { item in .li(.a(.href(item.link), .text(item.text))) }))),
                .ul(.class("tiles"), .forEach(links.filter { $0.0.map(model.permissions.contains) ?? true }) { _, url, label in
                    .li(.a(.href(url.path), .text(label)))
                }),
                .p(.class("muted small"), .text(strings.workspaceIntro)))
        }
    }
}
