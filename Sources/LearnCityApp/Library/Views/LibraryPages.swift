import Foundation
import LearnCityCore
import Markup

/// The library list (with the upload form for staff) and a resource's page with its player.
enum LibraryPages {
    struct Item: Sendable {
        var id: Int
        var title, subject, keywords, licence: String
        var kind: ContentSniffer.Kind
        var mime: String
        var size: Int
    }

    static func size(_ bytes: Int) -> String {
        bytes >= 1_048_576 ? String(format: "%.1f MB", Double(bytes) / 1_048_576) : "\(max(1, bytes / 1024)) KB"
    }

    /// The browser's own player for audio and video (range requests make seeking work).
    static func player(_ item: Item, _ s: LibraryStrings) -> Node<HTML.BodyContext> {
        let src = SiteURL.resourceFile(item.id).path
        switch item.kind {
        case .video: return .element(named: "video", nodes: [.attribute(named: "controls", value: "controls"),
                                                              .attribute(named: "preload", value: "metadata"),
                                                              .attribute(named: "src", value: src), .class("player"), .text(s.noPlayer)])
        case .audio: return .element(named: "audio", nodes: [.attribute(named: "controls", value: "controls"),
                                                              .attribute(named: "preload", value: "metadata"),
                                                              .attribute(named: "src", value: src), .text(s.noPlayer)])
        case .image: return .img(.src(src), .alt(item.title), .class("player"))
        case .document: return .a(.class("button secondary"), .href(src), .text(s.open))
        }
    }

    enum List {
        struct Model: Sendable {
            var q: String
            var kind: ContentSniffer.Kind?
            var items: [Item]
            var providers: [(String, String)]
            var error: String?
            var fields: [String: String]
        }

        struct View: PageView {
            var model: Model
            var context: PageContext
            var pageTitle: String { context.strings.library.title }

            func content() -> Node<HTML.BodyContext> {
                let s = context.strings.library
                let kinds = [("", s.allKinds)] + ContentSniffer.Kind.allCases.map { ($0.rawValue, s.kindNames[$0] ?? $0.rawValue) }
                return .group(
                    .section(.class("card"),
                        .h1(.text(s.title)),
                        .p(.class("muted"), .text(s.intro)),
                        .form(.method(.get), .action(SiteURL.resources.path), .class("filters"),
                            .div(.class("field"), .label(.for("q"), .text(s.search)), .input(.type(.search), .name("q"), .id("q"), .value(model.q))),
                            FormFields.select(name: "kind", label: s.kind, options: kinds, selected: model.kind?.rawValue ?? "", error: nil),
                            .button(.type(.submit), .class("button"), .text(s.search))),
                        model.items.isEmpty ? .p(.class("empty"), .text(s.empty)) : .ul(.class("course-grid"), .forEach(model.items) { item in
                            .li(.class("course"), .h3(.a(.href(SiteURL.resource(item.id).path), .text(item.title))),
                                .p(.class("meta"), .text([s.kindNames[item.kind] ?? "", item.subject, LibraryPages.size(item.size)]
                                    .filter { !$0.isEmpty }.joined(separator: " · "))),
                                .p(.class("meta"), .text(item.keywords)))
                        })),
                    .if(!model.providers.isEmpty, uploadForm()))
            }

            private func uploadForm() -> Node<HTML.BodyContext> {
                let s = context.strings.library, f = model.fields
                return .section(.class("card narrow"), .id("upload"),
                    .h2(.text(s.upload)),
                    .p(.class("muted"), .text(s.uploadHint)),
                    .unwrap(model.error) { .p(.class("alert"), .attribute(named: "role", value: "alert"), .text($0)) },
                    .form(.method(.post), .action(SiteURL.resources.path), .enctype(.multipartData), csrfField(),
                        FormFields.input(name: "title", label: s.titleLabel, value: f["title"] ?? "", error: nil),
                        FormFields.input(name: "subject", label: s.subject, value: f["subject"] ?? "", error: nil),
                        FormFields.input(name: "keywords", label: s.keywords, value: f["keywords"] ?? "", error: nil),
                        FormFields.input(name: "licence", label: s.licence, value: f["licence"] ?? "", error: nil),
                        FormFields.select(name: "provider", label: s.provider, options: model.providers, selected: f["provider"], error: nil),
                        .div(.class("field"), .label(.for("file"), .text(s.file)), .input(.type(.file), .name("file"), .id("file"))),
                        .button(.type(.submit), .class("button"), .text(s.upload))))
            }
        }
    }

    struct Detail: PageView {
        var item: Item
        var provider: String
        var context: PageContext
        var pageTitle: String { item.title }

        func content() -> Node<HTML.BodyContext> {
            let s = context.strings.library
            return .section(.class("card"),
                .h1(.text(item.title)),
                player(item, s),
                .dl(.class("facts"),
                    .dt(.text(s.kind)), .dd(.text(s.kindNames[item.kind] ?? item.kind.rawValue)),
                    .dt(.text(s.subject)), .dd(.text(item.subject.isEmpty ? "—" : item.subject)),
                    .dt(.text(s.keywords)), .dd(.text(item.keywords.isEmpty ? "—" : item.keywords)),
                    .dt(.text(s.provider)), .dd(.text(provider)),
                    .dt(.text(s.licence)), .dd(.text(item.licence.isEmpty ? "—" : item.licence)),
                    .dt(.text(s.size)), .dd(.text(LibraryPages.size(item.size)))))
        }
    }
}
