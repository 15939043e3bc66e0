import LearnCityCore
import Plot

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
                        : .div(.class("targets"), .forEach(model.indicators) { indicatorCard($0) }),
                    .unwrap(model.populationSource) { .p(.class("muted small"), .text(strings.populationSource + $0)) }),
                .section(.class("card"), .attribute(named: "aria-labelledby", value: "network"),
                    .h2(.id("network"), .text(strings.networkHeading)),
                    model.network.isEmpty && model.countsByKind.isEmpty
                        ? .p(.class("empty"), .text(strings.emptyNetwork))
                        : networkContent())
            )
        }

        private func indicatorCard(_ item: IndicatorProgress) -> Node<HTML.BodyContext> {
            let strings = context.strings
            let definition = item.definition
            let name = context.language == .zh ? definition.nameZh : definition.nameEn
            let onTrack = item.isOnTrack(yearElapsed: model.yearElapsed)
            return .article(.class("target"), .attribute(named: "data-code", value: definition.code),
                .h3(.span(.class("code"), .text(definition.code)), .text(" " + name)),
                .p(.class("value"), .text(valueText(item))),
                .unwrap(rateDetail(item)) { .p(.class("muted small"), .text($0)) },
                .p(.class("small"), .text(strings.targetLabel + targetText(item))),
                .unwrap(item.shareOfTarget) { share in
                    .group(
                        ProgressBar.svg(share: share, yearElapsed: model.yearElapsed,
                            title: "\(definition.code) \(name)",
                            description: "\(strings.indicatorColumns.progress) \(NumberFormat.percent(share)); "
                                + yearStatus(),
                            onTrack: onTrack ?? false),
                        .p(.class(onTrack == true ? "status ok" : "status late"),
                           .text("\(strings.indicatorColumns.progress) \(NumberFormat.percent(share)) · "
                                 + (onTrack == true ? strings.onTrack : strings.behind))))
                })
        }

        private func yearStatus() -> String {
            model.yearElapsed >= 1 ? context.strings.yearOver(model.year)
                : context.strings.yearProgress(NumberFormat.percent(model.yearElapsed))
        }

        private func valueText(_ item: IndicatorProgress) -> String {
            let strings = context.strings
            switch item.definition.unit {
            case .people: return NumberFormat.integer(item.numerator) + " " + strings.peopleSuffix
            case .personTimes: return NumberFormat.integer(item.numerator) + " " + strings.personTimesSuffix
            case .rate: return item.value.map(NumberFormat.percent) ?? strings.noDenominator
            }
        }

        private func rateDetail(_ item: IndicatorProgress) -> String? {
            guard item.definition.unit == .rate else { return nil }
            let population = item.definition.denominator == .employed
                ? context.strings.employedName : context.strings.residentsName
            return context.strings.rateOf(NumberFormat.integer(item.numerator),
                                          item.denominator.map(NumberFormat.integer) ?? "—", population)
        }

        private func targetText(_ item: IndicatorProgress) -> String {
            guard let target = item.target else { return context.strings.noTarget }
            switch item.definition.unit {
            case .rate: return NumberFormat.percent(target)
            case .people: return NumberFormat.integer(Int(target)) + " " + context.strings.peopleSuffix
            case .personTimes: return NumberFormat.integer(Int(target)) + " " + context.strings.personTimesSuffix
            }
        }

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
