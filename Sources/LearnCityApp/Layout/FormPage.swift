import Markup

/// A page that is one form: title, an optional intro, a notice or alert, fields with their
/// messages, and a submit button. Registration, code entry and password reset all use it.
enum FormPage {
    struct Field: @unchecked Sendable {
        var name: String
        var label: String
        var type: InputType = .text
        var value: String = ""
        var autocomplete: String? = nil
    }

    struct Model: Sendable {
        var title: String
        var intro: String?
        var notice: String?
        var alert: String?
        /// A value shown once (a code, a password), styled to be copied.
        var secret: String?
        var action: SiteURL
        var fields: [Field]
        var errors: [String: String] = [:]
        var submit: String
        /// Extra content under the form (links, facts).
        var footer: [(String, String)] = []
    }

    struct View: PageView {
        var model: Model
        var context: PageContext
        var pageTitle: String { model.title }

        func content() -> Node<HTML.BodyContext> {
            .section(.class("card narrow"),
                .h1(.text(model.title)),
                .unwrap(model.intro) { .p(.class("muted"), .text($0)) },
                .unwrap(model.notice) { .p(.class("notice"), .attribute(named: "role", value: "status"), .text($0)) },
                .unwrap(model.secret) { .p(.class("secret"), .id("secret"), .text($0)) },
                .unwrap(model.alert) { .p(.class("alert"), .attribute(named: "role", value: "alert"), .text($0)) },
                .if(!model.fields.isEmpty, .form(.method(.post), .action(model.action.path), .novalidate(),
                    csrfField(),
                    .forEach(model.fields) { field in
                        FormFields.input(name: field.name, label: field.label, type: field.type, value: field.value,
                                         error: model.errors[field.name], autocomplete: field.autocomplete)
                    },
                    .button(.type(.submit), .class("button"), .text(model.submit)))),
                .forEach(model.footer) { label, href in .p(.class("small"), .a(.href(href), .text(label))) })
        }
    }
}
