import LearnCityCore
import Markup

extension HomeIndex {
    struct View: PageView {
        var model: Model
        var context: PageContext
        var pageTitle: String { context.strings.home }

        func content() -> Node<HTML.BodyContext> {
            let strings = context.strings
            return .group(
                .section(.class("hero"),
                    .h1(.text([model.cityName, strings.appName].compactMap { $0 }.joined(separator: " · "))),
                    .p(.class("lead"), .text(strings.networkIntro))),
                .section(.class("card"), .attribute(named: "aria-labelledby", value: "targets"),
                    .h2(.id("targets"), .text(strings.targetsHeading(model.year))),
                    .p(.class("muted"), .text(strings.targetsIntro + " " + yearStatus())),
                    model.indicators.isEmpty
                        ? .p(.class("empty"), .text(strings.emptyTargets))
                        : .div(.class("targets"), .forEach(model.indicators) { cards.card($0) }),
                    .unwrap(model.populationSource) { .p(.class("muted small"), .text(strings.populationSource + BilingualText.part($0, in: context.language))) }),
                .section(.class("card"), .attribute(named: "aria-labelledby", value: "network"),
                    .h2(.id("network"), .text(strings.networkHeading)),
                    model.network.isEmpty && model.countsByKind.isEmpty
                        ? .p(.class("empty"), .text(strings.emptyNetwork))
                        : networkContent())
            )
        }

        private var cards: IndicatorCards { IndicatorCards(context: context, year: model.year, yearElapsed: model.yearElapsed) }

        private func yearStatus() -> String { cards.yearStatus() }

        private func networkContent() -> Node<HTML.BodyContext> {
            let kinds = context.strings.organisationKinds
            return .group(
                .ul(.class("counts"), .forEach(model.countsByKind) { kind, count in
                    .li(.span(.class("count"), .text(String(count))), .span(.text(kinds.name(kind))))
                }),
                .ul(.class("tree"), .forEach(model.network) { treeNode($0) }),
                .if(!model.memberUnits.isEmpty, .group(
                    .h3(.text(kinds.memberUnit)),
                    .ul(.class("chips"), .forEach(model.memberUnits) { .li(.text($0)) })))
            )
        }

        private func treeNode(_ node: Model.Node) -> Node<HTML.ListContext> {
            .li(
                .span(.class("org"), .text(node.name)),
                .span(.class("muted small"), .text(" · " + context.strings.organisationKinds.name(node.kind) + " · " + node.regionName)),
                .if(node.isDemonstration, .span(.class("badge"), .text(context.strings.demonstrationBadge))),
                .if(!node.children.isEmpty, .ul(.forEach(node.children) { treeNode($0) })))
        }
    }
}
