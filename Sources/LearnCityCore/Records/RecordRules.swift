/// The rules of learning records that do not need a database (design.md §3).
extension RecordKind {
    /// The statuses a record of this kind can have.
    public var statuses: [RecordStatus] {
        switch self {
        case .community, .training: [.completed, .enrolled, .dropped]
        case .certification: [.issued]
        case .degree: [.enrolled, .graduated, .withdrawn]
        }
    }

    /// The status a row gets when the file says none: what a record of this kind usually means.
    public var defaultStatus: RecordStatus {
        switch self {
        case .community, .training: .completed
        case .certification: .issued
        case .degree: .enrolled
        }
    }

    public var nameZh: String {
        switch self {
        case .community: "社区教育"
        case .training: "职业培训"
        case .certification: "资格认证"
        case .degree: "学历教育"
        }
    }

    /// A kind from a cell: the Chinese name, the code, or a common shortening.
    public static func parse(_ text: String) -> RecordKind? {
        if let kind = RecordKind(rawValue: text.lowercased()) { return kind }
        switch text {
        case "社区教育", "社区", "社区培训": return .community
        case "职业培训", "培训", "职业技能培训": return .training
        case "资格认证", "认证", "职业资格", "职业资格认证", "证书": return .certification
        case "学历教育", "学历", "成人学历教育": return .degree
        default: return nil
        }
    }
}

extension RecordStatus {
    public var nameZh: String {
        switch self {
        case .completed: "已结业"
        case .enrolled: "在读"
        case .dropped: "退出"
        case .issued: "已发证"
        case .graduated: "已毕业"
        case .withdrawn: "退学"
        }
    }

    public static func parse(_ text: String) -> RecordStatus? {
        if let status = RecordStatus(rawValue: text.lowercased()) { return status }
        switch text {
        case "结业", "已结业", "完成", "已完成", "合格": return .completed
        case "在读", "在学", "报名", "已报名", "注册", "入学": return .enrolled
        case "退出", "中途退出", "未完成": return .dropped
        case "发证", "已发证", "取得", "已取得": return .issued
        case "毕业", "已毕业": return .graduated
        case "退学", "肄业": return .withdrawn
        default: return nil
        }
    }
}

/// What an indicator needs to know about one record to decide whether it counts.
public struct RecordFacts: Sendable, Hashable {
    public var kind: RecordKind
    public var status: RecordStatus
    /// The year of the record's date (its meaning depends on the kind).
    public var year: Int
    /// Employed when the record was written (nil: not known, which does not count as employed).
    public var employed: Bool?
    public var voided: Bool

    public init(kind: RecordKind, status: RecordStatus, year: Int, employed: Bool?, voided: Bool = false) {
        (self.kind, self.status, self.year, self.employed, self.voided) = (kind, status, year, employed, voided)
    }
}

extension IndicatorDefinition {
    /// Whether a record counts towards this indicator (in the record's year): its kind and
    /// status are among the criteria, it is not voided, and, for T5-like indicators, the person
    /// was employed when it was written.
    public func counts(_ record: RecordFacts) -> Bool {
        guard !record.voided else { return false }
        guard criteria.contains(where: { $0.kind == record.kind && $0.statuses.contains(record.status) }) else { return false }
        return !employedOnly || record.employed == true
    }

    /// Whether each record counts once (person-times) or each person once (people and rates).
    public var countsPeople: Bool { unit != .personTimes }
}
