import LearnCityCore
import Markup

/// An indicator as a card: value, rate detail, target, progress bar against the share of the
/// year gone, on track or behind. The home page and the dashboard show the same cards.
struct IndicatorCards {
    var context: PageContext
    var year: Int
    var yearElapsed: Double

    func card(_ item: IndicatorProgress) -> Node<HTML.BodyContext> {
        let strings = context.strings
        let definition = item.definition
        let name = context.language == .zh ? definition.nameZh : definition.nameEn
        let onTrack = item.isOnTrack(yearElapsed: yearElapsed)
        return .article(.class("target"), .attribute(named: "data-code", value: definition.code),
            .h3(.span(.class("code"), .text(definition.code)), .text(" " + name)),
            .p(.class("value"), .text(valueText(item))),
            .unwrap(rateDetail(item)) { .p(.class("muted small"), .text($0)) },
            .p(.class("small"), .text(strings.targetLabel + targetText(item))),
            .unwrap(item.shareOfTarget) { share in
                .group(
                    ProgressBar.svg(share: share, yearElapsed: yearElapsed,
                        title: "\(definition.code) \(name)",
                        description: "\(strings.indicatorColumns.progress) \(NumberFormat.percent(share)); "
                            + yearStatus(),
                        onTrack: onTrack ?? false),
                    .p(.class(onTrack == true ? "status ok" : "status late"),
                       .text("\(strings.indicatorColumns.progress) \(NumberFormat.percent(share)) · "
                             + (onTrack == true ? strings.onTrack : strings.behind))))
            })
    }

    func yearStatus() -> String {
        yearElapsed >= 1 ? context.strings.yearOver(year)
            : context.strings.yearProgress(NumberFormat.percent(yearElapsed))
    }

    func valueText(_ item: IndicatorProgress) -> String {
        let strings = context.strings
        switch item.definition.unit {
        case .people: return NumberFormat.integer(item.numerator) + " " + strings.peopleSuffix
        case .personTimes: return NumberFormat.integer(item.numerator) + " " + strings.personTimesSuffix
        case .rate: return item.value.map(NumberFormat.percent) ?? strings.noDenominator
        }
    }

    func rateDetail(_ item: IndicatorProgress) -> String? {
        guard item.definition.unit == .rate else { return nil }
        let population = item.definition.denominator == .employed
            ? context.strings.employedName : context.strings.residentsName
        return context.strings.rateOf(NumberFormat.integer(item.numerator),
                                      item.denominator.map(NumberFormat.integer) ?? "—", population)
    }

    func targetText(_ item: IndicatorProgress) -> String {
        guard let target = item.target else { return context.strings.noTarget }
        switch item.definition.unit {
        case .rate: return NumberFormat.percent(target)
        case .people: return NumberFormat.integer(Int(target)) + " " + context.strings.peopleSuffix
        case .personTimes: return NumberFormat.integer(Int(target)) + " " + context.strings.personTimesSuffix
        }
    }
}
