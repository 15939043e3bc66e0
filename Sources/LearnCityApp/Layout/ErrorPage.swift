import Markup

/// The HTML answer to an error: what went wrong, in the user's language, and a way back.
enum ErrorPage {
    struct Model: Sendable {
        var title: String
        var message: String
        var detail: String?
    }

    struct View: PageView {
        var model: Model
        var context: PageContext
        var pageTitle: String { model.title }

        func content() -> Node<HTML.BodyContext> {
            .section(.class("card narrow"),
                .h1(.text(model.title)),
                .p(.class("lead"), .text(model.message)),
                .unwrap(model.detail) { .p(.class("muted"), .text($0)) },
                .a(.class("button"), .href(SiteURL.home.path), .text(context.strings.backHome)))
        }
    }
}
