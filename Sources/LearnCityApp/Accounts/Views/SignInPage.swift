import Plot

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
                    field(name: "username", label: strings.username, type: .text, value: model.username, autocomplete: "username"),
                    field(name: "password", label: strings.password, type: .password, value: "", autocomplete: "current-password"),
                    .button(.type(.submit), .class("button"), .text(strings.signInButton))),
                .p(.class("muted small"), .text(strings.signInHint)))
        }

        private func field(name: String, label: String, type: HTMLInputType, value: String, autocomplete: String) -> Node<HTML.FormContext> {
            let error = model.fieldErrors[name]
            return .div(.class(error == nil ? "field" : "field invalid"),
                .label(.for(name), .text(label)),
                .input(.type(type), .name(name), .id(name), .value(value),
                       .attribute(named: "autocomplete", value: autocomplete),
                       .attribute(named: "aria-invalid", value: error == nil ? nil : "true"),
                       .attribute(named: "aria-describedby", value: error == nil ? nil : "\(name)-error")),
                .unwrap(error) { .p(.class("field-error"), .id("\(name)-error"), .text($0)) })
        }
    }
}

/// The signed-in landing page. Capabilities add their entries as they arrive.
enum WorkspacePage {
    struct View: PageView {
        var context: PageContext
        var pageTitle: String { context.strings.workspace }

        func content() -> Node<HTML.BodyContext> {
            let strings = context.strings
            return .section(.class("card"),
                .h1(.text(strings.welcome(context.userName ?? ""))),
                .p(.class("muted"), .text(strings.signedInAs(context.userName ?? "", context.roleName ?? ""))),
                .p(.text(strings.workspaceIntro)))
        }
    }
}
