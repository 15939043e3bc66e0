/// An indicator's value for a year and scope, and how it stands against its target.
///
/// Counts are exact integers. A rate is the unrounded fraction `numerator / denominator`;
/// it is nil when the scope has no denominator (an organisation), and the numerator stands
/// alone.
public struct IndicatorProgress: Sendable, Equatable {
    public var definition: IndicatorDefinition
    public var numerator: Int
    public var denominator: Int?
    public var target: Double?

    public init(definition: IndicatorDefinition, numerator: Int, denominator: Int?, target: Double?) {
        self.definition = definition
        self.numerator = numerator
        self.denominator = denominator
        self.target = target
    }

    /// The figure compared with the target: a count, or a fraction for rates.
    public var value: Double? {
        guard definition.unit == .rate else { return Double(numerator) }
        guard let denominator, denominator > 0 else { return nil }
        return Double(numerator) / Double(denominator)
    }

    /// Value as a share of target (1.0 = met), nil without a target or value.
    public var shareOfTarget: Double? {
        guard let value, let target, target > 0 else { return nil }
        return value / target
    }

    /// On track when the share of target reached is at least the share of the year gone.
    /// A rate is a level, not an accumulation, but it still grows through the year as people
    /// take part, so the same rule applies.
    public func isOnTrack(yearElapsed: Double) -> Bool? {
        guard let share = shareOfTarget else { return nil }
        return share >= min(max(yearElapsed, 0), 1)
    }
}
