import Markup
import Vapor

/// A full HTML page: the layout (header, navigation, footer) is here once; each page supplies
/// its title and `content()`.
protocol PageView {
    var context: PageContext { get }
    var pageTitle: String { get }
    func content() -> Node<HTML.BodyContext>
    /// Reload the page every so many seconds (long work in progress), or nil.
    var refreshSeconds: Int? { get }
}

extension PageView {
    var refreshSeconds: Int? { nil }

    func document() -> HTML {
        let strings = context.strings
        return HTML(
            .attribute(named: "lang", value: context.language.rawValue),
            .head(
                .meta(.charset(.utf8)),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                .title("\(pageTitle) · \(strings.appName)"),
                .link(.rel(.stylesheet), .href(SiteURL.asset("app.css").path)),
                .unwrap(refreshSeconds) { .meta(.attribute(named: "http-equiv", value: "refresh"), .content(String($0))) }
            ),
            .body(
                .a(.class("skip"), .href("#main"), .text(strings.skipToContent)),
                .header(.class("site"),
                    .a(.class("brand"), .href(SiteURL.home.path),
                       .span(.class("brand-mark"), .text("学")),
                       .span(.text(strings.appName)),
                       .span(.class("tagline"), .text(strings.tagline))),
                    .nav(.attribute(named: "aria-label", value: "site"),
                        .a(.href(SiteURL.courses.path), .text(strings.courses.title)),
                        .a(.href(SiteURL.resources.path), .text(strings.library.title)),
                        .a(.href(context.otherLanguageURL), .attribute(named: "hreflang", value: context.language == .zh ? "en" : "zh-Hans"),
                           .class("lang"), .text(strings.switchLanguage)),
                        accountLinks()
                    )
                ),
                .main(.id("main"), content()),
                .footer(.class("site"), .p(.text(strings.footer)))
            )
        )
    }

    private func accountLinks() -> Node<HTML.BodyContext> {
        let strings = context.strings
        guard context.userName != nil else {
            return .a(.href(SiteURL.signIn.path), .class("button ghost"), .text(strings.signIn))
        }
        return .group(
            .a(.href(SiteURL.myLearning.path), .text(strings.courses.myLearning)),
            .a(.href(SiteURL.workspace.path), .text(strings.workspace)),
            .form(.method(.post), .action(SiteURL.signOut.path), .class("inline"),
                  csrfField(),
                  .button(.type(.submit), .class("link"), .text(strings.signOut)))
        )
    }

    /// The hidden form field every state-changing form carries.
    func csrfField() -> Node<HTML.FormContext> {
        .input(.type(.hidden), .name(CSRF.fieldName), .value(context.csrfToken))
    }

    func response(status: HTTPResponseStatus = .ok) -> Response {
        let response = Response(status: status, body: .init(string: document().render()))
        response.headers.contentType = .html
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        response.headers.replaceOrAdd(name: "Content-Language", value: context.language.rawValue)
        return response
    }
}
