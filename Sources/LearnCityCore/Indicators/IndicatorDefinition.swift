/// What an indicator counts, as data: the targets T1–T5 ship in the demo file in this shape,
/// and admins add their own the same way.
public struct IndicatorDefinition: Codable, Sendable, Hashable {
    public enum Unit: String, Codable, Sendable {
        case people          // distinct people
        case personTimes = "person-times"
        case rate            // distinct people ÷ a population
    }

    /// The population a rate is divided by.
    public enum Denominator: String, Codable, Sendable {
        case residents   // 常住人口 (year-end resident population)
        case employed    // 全社会从业人员
    }

    /// One kind of record and the statuses of it that count.
    public struct Criterion: Codable, Sendable, Hashable {
        public var kind: RecordKind
        public var statuses: [RecordStatus]
        public init(kind: RecordKind, statuses: [RecordStatus]) {
            self.kind = kind
            self.statuses = statuses
        }
    }

    public var code: String
    public var nameZh: String
    public var nameEn: String
    public var unit: Unit
    public var criteria: [Criterion]
    /// Only people employed when the record was written count (T5).
    public var employedOnly: Bool
    /// The unregistered headcount of activities adds to person-times (T3).
    public var includesActivityHeadcount: Bool
    public var denominator: Denominator?

    public init(code: String, nameZh: String, nameEn: String, unit: Unit, criteria: [Criterion],
                employedOnly: Bool = false, includesActivityHeadcount: Bool = false,
                denominator: Denominator? = nil) {
        self.code = code
        self.nameZh = nameZh
        self.nameEn = nameEn
        self.unit = unit
        self.criteria = criteria
        self.employedOnly = employedOnly
        self.includesActivityHeadcount = includesActivityHeadcount
        self.denominator = denominator
    }

    /// The reasons a definition cannot be used, empty when it is sound.
    public var problems: [String] {
        var found: [String] = []
        if code.isEmpty { found.append("code is empty") }
        if criteria.isEmpty { found.append("\(code): no record kind counts") }
        if criteria.contains(where: { $0.statuses.isEmpty }) { found.append("\(code): a kind without statuses") }
        if (unit == .rate) != (denominator != nil) {
            found.append("\(code): a rate needs a denominator, and only a rate has one")
        }
        if includesActivityHeadcount && unit != .personTimes {
            found.append("\(code): activity headcount only adds to person-times")
        }
        return found
    }
}
