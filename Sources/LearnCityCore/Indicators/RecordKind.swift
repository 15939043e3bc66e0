/// The four kinds of learning record (design.md §3).
public enum RecordKind: String, CaseIterable, Codable, Sendable {
    case community      // 社区教育
    case training       // 职业培训
    case certification  // 资格认证
    case degree         // 学历教育
}

/// A learning record's status. Which statuses apply depends on the kind.
public enum RecordStatus: String, CaseIterable, Codable, Sendable {
    case completed, enrolled, dropped   // community, training
    case issued                         // certification
    case graduated, withdrawn           // degree (with enrolled)
}
