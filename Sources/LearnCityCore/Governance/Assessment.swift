import Foundation

/// How a yearly-assessment criterion (考核指标) is scored: by hand (inspectors, the office), or
/// from LearnCity's own figures as a ratio 0…1 per unit times the criterion's weight.
public enum CriterionSource: String, Codable, Sendable, CaseIterable {
    case manual
    /// Share of the unit's work-plan items (lead or participant) that are done.
    case planDone = "plan_done"
    /// Share of the unit's report submissions made by their deadline.
    case reportsOnTime = "reports_on_time"
    /// How far the unit's region is towards its targets (county leadership bodies: the mean
    /// share of target reached, capped at 1); units with no region targets are scored by hand.
    case targetsMet = "targets_met"

    /// Computed from figures rather than entered.
    public var isAutomatic: Bool { self != .manual }
}

/// A unit's place in the ranking. Scores and totals are kept in tenths of a point (Int), so a
/// total is exact and two equal totals are equal.
public struct RankedUnit: Sendable, Equatable {
    public var unit: Int
    public var totalTenths: Int
    public var rank: Int
    public init(unit: Int, totalTenths: Int, rank: Int) { (self.unit, self.totalTenths, self.rank) = (unit, totalTenths, rank) }
}

public enum AssessmentScoring {
    /// An automatic criterion's score: ratio × weight, rounded to 0.1 (in tenths). A ratio
    /// outside 0…1 (bad data) is clamped, so no unit scores above the weight.
    public static func automaticTenths(ratio: Double, weight: Int) -> Int {
        let r = ratio.isFinite ? min(max(ratio, 0), 1) : 0
        return Int((r * Double(weight) * 10).rounded())
    }

    /// Automatic scores of every automatic criterion for every unit, from the ratios of each
    /// source (organisation id → ratio). A unit with no figure (no plan item, no report due)
    /// gets no score for that criterion: there was nothing to measure.
    public static func automaticScores(criteria: [(id: Int, weight: Int, source: CriterionSource)],
                                       ratios: [CriterionSource: [Int: Double]], units: [Int]) -> [Int: [Int: Int]] {
        var scores: [Int: [Int: Int]] = [:]
        for criterion in criteria where criterion.source.isAutomatic {
            let figures = ratios[criterion.source] ?? [:]
            for unit in units { if let ratio = figures[unit] { scores[criterion.id, default: [:]][unit] = automaticTenths(ratio: ratio, weight: criterion.weight) } }
        }
        return scores
    }

    /// A manual score as the office types it (`27.5`, full-width digits accepted), in tenths.
    /// `.empty` when nothing was typed; `.invalid` when it is not a number in 0…weight.
    public enum Entry: Equatable, Sendable { case empty, invalid, tenths(Int) }

    public static func parse(_ text: String, weight: Int) -> Entry {
        let t = CellText.normalise(text)
        if t.isEmpty { return .empty }
        guard let value = Double(t), value.isFinite, value >= 0, value <= Double(weight) else { return .invalid }
        return .tenths(Int((value * 10).rounded()))
    }

    /// Each unit's total (tenths): the sum of its scores (criterion → unit → tenths).
    public static func totals(_ scores: [Int: [Int: Int]], units: [Int]) -> [Int: Int] {
        var totals = Dictionary(uniqueKeysWithValues: units.map { ($0, 0) })
        for byUnit in scores.values { for (unit, tenths) in byUnit where totals[unit] != nil { totals[unit, default: 0] += tenths } }
        return totals
    }

    /// Highest total first; equal totals share a rank and the next rank skips (1, 2, 2, 4).
    /// Ties are listed by `order` (the units' usual order), so the page does not reshuffle.
    public static func ranking(_ totals: [Int: Int], order: [Int]) -> [RankedUnit] {
        let position = Dictionary(order.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        let sorted = totals.sorted { a, b in
            a.value != b.value ? a.value > b.value : (position[a.key] ?? Int.max, a.key) < (position[b.key] ?? Int.max, b.key)
        }
        var ranked: [RankedUnit] = []
        for (index, entry) in sorted.enumerated() {
            let rank = index > 0 && ranked[index - 1].totalTenths == entry.value ? ranked[index - 1].rank : index + 1
            ranked.append(RankedUnit(unit: entry.key, totalTenths: entry.value, rank: rank))
        }
        return ranked
    }

    /// The units suggested as advanced (先进单位): those ranked within the top `n` (a tie at the
    /// boundary brings in every unit of that rank: 1, 2, 2 for the top 2).
    public static func suggested(_ ranking: [RankedUnit], top n: Int) -> [Int] {
        ranking.filter { $0.rank <= n }.map(\.unit)
    }

    /// Tenths as points: `275` → `27.5`, `300` → `30`.
    public static func points(_ tenths: Int) -> String {
        tenths % 10 == 0 ? String(tenths / 10) : "\(tenths / 10).\(tenths % 10)"
    }
}
