import LearnCityCore
import Markup

/// The frame every printed official document shares, after GB/T 9704 (党政机关公文格式): A4, the
/// issuing office's name in red as the header (版头), the document number with the signer on one
/// line (上行文; left out when a document has neither), a red rule, the title, then the document's
/// own text and tables, the issuing office and date at the foot, and page numbers “— 1 —” on each
/// page (Resources/public/document.css). One frame, so that the office's papers look alike.
enum OfficialDocument {
    struct NumberLine: Sendable {
        var number: String
        var signer: String?
    }

    static func html(
        title: String, issuer: String, numberLine: NumberLine?, date: LocalDate,
        content: HTMLNode
    ) -> String {
        HTML(
            .attribute(named: "lang", value: "zh-Hans"),
            .head(
                .meta(.charset(.utf8)), .title(title),
                .link(.rel(.stylesheet), .href(SiteURL.asset("document.css").path))),
            .body(
                .p(.class("issuer"), .text(issuer)),
                .unwrap(numberLine) { line in
                    .div(.class("number"), .span(.text(line.number)), .span(.text("签发人：" + (line.signer ?? ""))))
                },
                .hr(.class("rule")),
                .h1(.text(title)),
                content,
                .div(.class("sign"), .p(.text(issuer)), .p(.text("\(date.year)年\(date.month)月\(date.day)日"))))
        ).render()
    }

    /// One appendix table under its heading. The header row is a `thead`, so the printer repeats it
    /// on every page the table runs over, and document.css keeps the heading with the first rows.
    static func appendix(_ heading: String, _ headers: [String], _ rows: HTMLNode) -> HTMLNode {
        .section(
            .class("appendix"),
            .h2(.text(heading)),
            .table(.thead(.tr(.forEach(headers) { .th(.text($0)) })), .tbody(rows)))
    }
}
