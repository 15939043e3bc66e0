import Foundation

/// One required rectification (整改要求) as the office enters it, one per line:
///
///     健全县级继续教育工作领导小组工作制度 | 2014-12-31
///
/// The date may be written as offices write dates (`2014/12/31`, `2014年12月31日`); a
/// full-width bar `｜` is accepted.
public struct RectificationLine: Sendable, Equatable {
    public var requirement: String
    public var due: LocalDate

    public init(requirement: String, due: LocalDate) { (self.requirement, self.due) = (requirement, due) }

    public enum Problem: String, Sendable, Equatable {
        /// Not “requirement | date”.
        case format
        case requirementMissing
        case dateInvalid
        /// No line at all.
        case empty
    }

    public struct LineError: Error, Sendable, Equatable {
        public var line: Int
        public var problem: Problem
        public init(line: Int, problem: Problem) { (self.line, self.problem) = (line, problem) }
    }

    /// Parses the office's lines; the first problem is reported with its line number (1-based,
    /// counting blank lines, so it matches what the office sees in the text box).
    public static func parse(_ text: String, allowEmpty: Bool = false) -> Result<[RectificationLine], LineError> {
        var lines: [RectificationLine] = []
        for (number, raw) in TextInput.lines(text).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty { continue }
            let parts = line.replacingOccurrences(of: "｜", with: "|").split(separator: "|", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2 else { return .failure(LineError(line: number + 1, problem: .format)) }
            guard !parts[0].isEmpty else { return .failure(LineError(line: number + 1, problem: .requirementMissing)) }
            guard let due = LocalDate.parse(parts[1]) else { return .failure(LineError(line: number + 1, problem: .dateInvalid)) }
            lines.append(RectificationLine(requirement: String(parts[0].prefix(1000)), due: due))
        }
        if lines.isEmpty && !allowEmpty { return .failure(LineError(line: 1, problem: .empty)) }
        return .success(lines)
    }
}

/// Where a rectification stands. Open → answered (the inspected unit says what it did) →
/// closed (the office confirms), or sent back to open with a comment; the office may reopen a
/// closed one when a later check finds it was not really done.
public enum RectificationState: String, Codable, Sendable, CaseIterable {
    case open, answered, closed

    public enum Action: String, Sendable, CaseIterable { case answer, close, reopen }

    /// The state after `action`, or nil when the caller may not take it now. `inspectedUnit`:
    /// the caller works at the inspected unit; `office`: the caller governs the city.
    public func after(_ action: Action, inspectedUnit: Bool, office: Bool) -> RectificationState? {
        switch (self, action) {
        case (.open, .answer), (.answered, .answer): return inspectedUnit ? .answered : nil
        case (.open, .close), (.answered, .close): return office ? .closed : nil
        case (.answered, .reopen), (.closed, .reopen): return office ? .open : nil
        default: return nil
        }
    }

    /// Late: past its due date and not closed.
    public func isLate(due: LocalDate, today: LocalDate) -> Bool { self != .closed && today > due }
}

/// The demo's inspections and assessment scheme as data: units by organisation code.
public struct SupervisionData: Codable, Sendable {
    public struct Rectification: Codable, Sendable {
        public var requirement: String
        public var due: String
        public var answer: String?
        public var closed: String?
    }

    public struct Inspection: Codable, Sendable {
        public var date: String
        public var unit: String
        public var inspectors: String
        public var findings: String
        public var published: Bool
        public var rectifications: [Rectification]
    }

    public struct Criterion: Codable, Sendable {
        public var name: String
        public var weight: Int
        public var source: CriterionSource
    }

    public struct Scheme: Codable, Sendable {
        public var year: Int
        public var criteria: [Criterion]
    }

    public var inspections: [Inspection]
    public var assessment: Scheme

    /// Problems that make the data unusable: unknown units, dates that are not dates, weights out of range.
    public func problems(knownUnits: Set<String>) -> [String] {
        var found: [String] = []
        for inspection in inspections {
            if !knownUnits.contains(inspection.unit) { found.append("unknown unit \(inspection.unit)") }
            if LocalDate.parse(inspection.date) == nil { found.append("\(inspection.unit): date is not a date") }
            for r in inspection.rectifications where LocalDate.parse(r.due) == nil || (r.closed.map { LocalDate.parse($0) == nil } ?? false) {
                found.append("\(inspection.unit): \(r.requirement.prefix(10)): a date is not a date")
            }
        }
        for c in assessment.criteria where !(1...100).contains(c.weight) { found.append("\(c.name): weight out of 1…100") }
        return found
    }
}
