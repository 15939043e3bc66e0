/// The annual statistics return (四(二) 年度统计): people who received continuing education in a
/// year, by department and by industry, split into the groups a statistics office asks for,
/// with person-times and hours beside them.
public enum AnnualReturn {
    /// The groups, in the order the return's columns show them.
    public enum Group: String, CaseIterable, Sendable, Codable {
        case cadres          // 党政干部
        case enterprise      // 企业职工
        case professional    // 专业技术人员
        case urban           // 城镇居民
        case rural           // 农村居民
    }

    /// The group a learner falls in: their occupation first (cadre, enterprise, professional),
    /// else where they live. Someone with neither known counts as urban only when the register
    /// says so; otherwise rural is not assumed either — they are `nil` and counted in the total.
    public static func group(occupation: String?, urbanRural: String?) -> Group? {
        switch occupation ?? "" {
        case "党政干部", "党政人才", "公务员", "机关干部": return .cadres
        case "企业经营管理人员", "企业职工", "技能人员", "高技能人才", "企业经营管理": return .enterprise
        case "专业技术人员", "专业技术": return .professional
        default: break
        }
        switch urbanRural {
        case "urban": return .urban
        case "rural": return .rural
        default: return nil
        }
    }

    /// One row: distinct people per group and in all, person-times and hours.
    public struct Row: Sendable, Codable, Equatable {
        public var label: String
        public var people: [Group: Int]
        public var total: Int
        public var personTimes: Int
        public var hours: Double

        public init(label: String) {
            self.label = label
            people = [:]
            total = 0
            personTimes = 0
            hours = 0
        }

        /// Adds a cell of people who share occupation and urban/rural: distinct counts add up
        /// exactly, because every person has one occupation and one urban/rural value.
        public mutating func add(people count: Int, occupation: String?, urbanRural: String?, personTimes: Int, hours: Double) {
            if let group = AnnualReturn.group(occupation: occupation, urbanRural: urbanRural) { people[group, default: 0] += count }
            total += count
            self.personTimes += personTimes
            self.hours += hours
        }
    }
}
