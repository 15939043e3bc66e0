/// A report form's fields as the office defines them, one per line:
///
///     培训人次 | 数字 | 来源=记录 | 指标=T3
///     主要工作 | 文本
///     是否完成 | 选项 | 是/否
///
/// Types: 数字/number, 文本/text, 选项/choice (options separated by `/`). A number field may
/// name a figure LearnCity already knows (`来源=记录|人员|学时`, or in English
/// `source=records|people|hours`: the unit's records, distinct people and hours in the period)
/// and the indicator an approved value is filed under (`指标=T3`).
public struct ReportField: Codable, Sendable, Equatable {
    public enum FieldType: String, Codable, Sendable { case number, text, choice }
    /// What LearnCity can prefill: from the records of the unit's subtree in the period.
    public enum Source: String, Codable, Sendable, CaseIterable {
        case records, people, hours

        /// The word the office writes and reads in a definition (the stored value stays English).
        public var chineseName: String {
            switch self {
            case .records: "记录"
            case .people: "人员"
            case .hours: "学时"
            }
        }

        /// A source as written in either language: 记录/records, 人员/people, 学时/hours.
        public init?(keyword: String) {
            let word = keyword.lowercased()
            guard let source = Source(rawValue: word) ?? Source.allCases.first(where: { $0.chineseName == word }) else {
                return nil
            }
            self = source
        }
    }

    public var key: String
    public var label: String
    public var type: FieldType
    public var options: [String]
    public var source: Source?
    public var indicator: String?

    public init(key: String, label: String, type: FieldType, options: [String] = [], source: Source? = nil, indicator: String? = nil) {
        (self.key, self.label, self.type, self.options, self.source, self.indicator) = (key, label, type, options, source, indicator)
    }

    public struct LineError: Error, Sendable, Equatable {
        public var line: Int
        public var message: String
    }

    /// Parses the office's lines; every problem is reported with its line number.
    public static func parse(_ text: String, knownIndicators: Set<String>) -> Result<[ReportField], LineError> {
        var fields: [ReportField] = []
        let lines = TextInput.lines(text)
        for (number, raw) in lines.enumerated() {
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty { continue }
            let parts = line.replacingOccurrences(of: "｜", with: "|").split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            func fail(_ message: String) -> Result<[ReportField], LineError> { .failure(LineError(line: number + 1, message: message)) }
            guard parts.count >= 2, !parts[0].isEmpty else { return fail("需要“名称 | 类型” / needs “label | type”") }
            guard !fields.contains(where: { $0.label == parts[0] }) else { return fail("名称重复 / label used twice: \(parts[0])") }
            let type: FieldType
            switch parts[1].lowercased() {
            case "数字", "number": type = .number
            case "文本", "text": type = .text
            case "选项", "choice": type = .choice
            default: return fail("类型应为 数字、文本 或 选项 / type must be number, text or choice")
            }
            var field = ReportField(key: "f\(fields.count + 1)", label: String(parts[0].prefix(100)), type: type)
            for extra in parts.dropFirst(2) where !extra.isEmpty {
                let pair = extra.replacingOccurrences(of: "＝", with: "=").split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                switch (pair.first?.lowercased(), pair.count) {
                case ("来源", 2), ("source", 2):
                    guard type == .number, let source = Source(keyword: pair[1]) else {
                        return fail("来源应为 记录、人员 或 学时，且仅用于数字 / source must be records, people or hours, on a number")
                    }
                    field.source = source
                case ("指标", 2), ("indicator", 2):
                    guard type == .number, knownIndicators.contains(pair[1].uppercased()) else { return fail("未知指标 / unknown indicator: \(pair[1])") }
                    field.indicator = pair[1].uppercased()
                default:
                    guard type == .choice else { return fail("无法识别 / not understood: \(extra)") }
                    field.options = extra.replacingOccurrences(of: "／", with: "/").split(separator: "/").map { CellText.normalise(String($0)) }.filter { !$0.isEmpty }
                }
            }
            if type == .choice && field.options.isEmpty { return fail("选项字段需要选项，如 是/否 / a choice needs options, e.g. yes/no") }
            fields.append(field)
        }
        return fields.isEmpty ? .failure(LineError(line: 1, message: "至少一个字段 / at least one field")) : .success(fields)
    }

    /// The line this field was defined by (for editing a form again).
    public var line: String {
        var parts = [label, type == .number ? "数字" : type == .text ? "文本" : "选项"]
        if type == .choice { parts.append(options.joined(separator: "/")) }
        if let source { parts.append("来源=\(source.chineseName)") }
        if let indicator { parts.append("指标=\(indicator)") }
        return parts.joined(separator: " | ")
    }
}

/// The values a unit entered, checked against the form: numbers are numbers (full-width
/// digits and thousands separators accepted), choices are among the options.
public enum ReportValues {
    public static func check(_ input: [String: String], fields: [ReportField], requireAll: Bool) -> (values: [String: String], errors: [String: String]) {
        var values: [String: String] = [:], errors: [String: String] = [:]
        for field in fields {
            // Numbers and choices as people type them (full-width digits, point and comma); text as written.
            let raw = field.type == .text ? (input[field.key] ?? "").trimmingCharacters(in: .whitespacesAndNewlines) : CellText.normalise(input[field.key] ?? "")
            if raw.isEmpty {
                if requireAll { errors[field.key] = "必填 / required" }
                continue
            }
            switch field.type {
            case .number:
                guard let number = Double(raw.replacingOccurrences(of: ",", with: "")), number.isFinite, number >= 0 else {
                    errors[field.key] = "应为不小于 0 的数字 / must be a number, 0 or more"; values[field.key] = raw; continue
                }
                values[field.key] = number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
            case .choice:
                guard field.options.contains(raw) else { errors[field.key] = "请选择：\(field.options.joined(separator: "、")) / choose one"; values[field.key] = raw; continue }
                values[field.key] = raw
            case .text:
                values[field.key] = String(raw.prefix(4000))
            }
        }
        return (values, errors)
    }

    /// The keys of the fields whose reported value differs from what LearnCity recorded.
    public static func flagged(fields: [ReportField], values: [String: String], recorded: [String: Double]) -> Set<String> {
        Set(fields.compactMap { field in
            guard let r = recorded[field.key], let v = values[field.key].flatMap(Double.init), differs(reported: v, recorded: r) else { return nil }
            return field.key
        })
    }

    /// A reported figure that differs from the recorded one by more than `tolerance` (10%) is
    /// flagged for the office. Nothing recorded and something reported is flagged too.
    public static func differs(reported: Double, recorded: Double, tolerance: Double = 0.10) -> Bool {
        if recorded == 0 { return reported != 0 }
        return abs(reported - recorded) / recorded > tolerance
    }
}

/// Where a unit's report stands. Draft → submitted → returned (with a comment) → submitted
/// again → approved; an approved report is locked until the office grants an unlock request.
public enum ReportState: String, Codable, Sendable, CaseIterable {
    case draft, submitted, returned, approved

    public enum Action: String, Sendable, CaseIterable { case save, submit, approve, `return`, requestUnlock = "request_unlock", unlock }

    /// The state after `action`, or nil when the action is not allowed now. `office`: the
    /// account reviews reports; units fill, the office reviews.
    public func after(_ action: Action, office: Bool, unlockRequested: Bool) -> ReportState? {
        switch (self, action) {
        case (.draft, .save), (.returned, .save): return self
        case (.draft, .submit), (.returned, .submit): return .submitted
        case (.submitted, .approve) where office: return .approved
        case (.submitted, .return) where office: return .returned
        case (.approved, .requestUnlock) where !unlockRequested: return .approved
        case (.approved, .unlock) where office && unlockRequested: return .returned
        default: return nil
        }
    }

    /// Whether the unit may change the values.
    public var editable: Bool { self == .draft || self == .returned }
}

/// Who reported, and when, for one form and period: expected units, those that submitted,
/// those on time, and the missing ones.
public struct ReportCompleteness: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var unit: Int
        /// When the unit first submitted (local date), nil if never.
        public var firstSubmitted: LocalDate?
        public init(unit: Int, firstSubmitted: LocalDate?) { (self.unit, self.firstSubmitted) = (unit, firstSubmitted) }
    }

    public var expected: Int
    public var submitted: Int
    public var onTime: Int
    public var missing: [Int]
    public var late: [Int]

    public init(expected units: [Int], entries: [Entry], deadline: LocalDate, today: LocalDate) {
        let byUnit = Dictionary(entries.map { ($0.unit, $0.firstSubmitted) }, uniquingKeysWith: { a, b in a ?? b })
        expected = units.count
        var submitted = 0, onTime = 0, missing: [Int] = [], late: [Int] = []
        for unit in units {
            if let first = byUnit[unit] ?? nil {
                submitted += 1
                if first <= deadline { onTime += 1 } else { late.append(unit) }
            } else {
                missing.append(unit)
                if today > deadline { late.append(unit) }
            }
        }
        (self.submitted, self.onTime, self.missing, self.late) = (submitted, onTime, missing, late)
    }
}
