import Foundation

/// What the office's quarterly report to the municipal government says, frozen when it is
/// drafted (or refreshed while a draft) so that what was signed can be shown again exactly.
public struct GovernmentReportContent: Codable, Sendable, Equatable {
    public struct Indicator: Codable, Sendable, Equatable {
        public var code, name: String
        public var isRate: Bool
        public var numerator: Int
        public var denominator: Int?
        public var target: Double?
        public init(code: String, name: String, isRate: Bool, numerator: Int, denominator: Int?, target: Double?) {
            (self.code, self.name, self.isRate, self.numerator, self.denominator, self.target) = (code, name, isRate, numerator, denominator, target)
        }
        /// The figure as shown: a count, or a rate to one decimal of a percent.
        public var valueText: String {
            guard isRate else { return NumberFormat.integer(numerator) }
            guard let denominator, denominator > 0 else { return "—" }
            return NumberFormat.percent(Double(numerator) / Double(denominator))
        }
        public var targetText: String {
            guard let target else { return "—" }
            return isRate ? NumberFormat.percent(target) : NumberFormat.integer(Int(target))
        }
        /// The same as spreadsheet cells: numbers, not text.
        public var valueCell: TableCell {
            guard isRate else { return .integer(numerator) }
            guard let denominator, denominator > 0 else { return "—" }
            return .percent(Double(numerator) / Double(denominator))
        }
        public var targetCell: TableCell {
            guard let target else { return "—" }
            return isRate ? .percent(target) : .number(target, decimals: 0)
        }
    }

    /// One form's reporting in the period: completeness and the sums of approved number fields.
    public struct FormSummary: Codable, Sendable, Equatable {
        public var title: String
        public var expected, submitted, onTime, approved: Int
        public var missing: [String]
        /// (field label, sum over approved reports)
        public var totals: [Total]
        public init(title: String, expected: Int, submitted: Int, onTime: Int, approved: Int, missing: [String], totals: [Total]) {
            (self.title, self.expected, self.submitted, self.onTime, self.approved, self.missing, self.totals) = (title, expected, submitted, onTime, approved, missing, totals)
        }
    }

    public struct Total: Codable, Sendable, Equatable {
        public var label: String
        public var value: Double
        public init(label: String, value: Double) { (self.label, self.value) = (label, value) }
    }

    public struct PlanSummary: Codable, Sendable, Equatable {
        public var total, done, late: Int
        public var lateItems: [String]
        public init(total: Int, done: Int, late: Int, lateItems: [String]) { (self.total, self.done, self.late, self.lateItems) = (total, done, late, lateItems) }
    }

    /// The year's funds: budgets of its sources, allocated and paid out so far (fen).
    public struct FundsSummary: Codable, Sendable, Equatable {
        public var budget, allocated, disbursed: Int
        public init(budget: Int, allocated: Int, disbursed: Int) { (self.budget, self.allocated, self.disbursed) = (budget, allocated, disbursed) }
    }

    /// The year's projects by status.
    public struct ProjectsSummary: Codable, Sendable, Equatable {
        public var total, active, done: Int
        public init(total: Int, active: Int, done: Int) { (self.total, self.active, self.done) = (total, active, done) }
    }

    public var city: String
    public var office: String
    public var period: String
    public var year: Int
    public var indicators: [Indicator]
    public var forms: [FormSummary]
    public var plan: PlanSummary
    /// Absent in snapshots taken before funds and projects were part of the report.
    public var funds: FundsSummary?
    public var projects: ProjectsSummary?

    public init(city: String, office: String, period: String, year: Int, indicators: [Indicator], forms: [FormSummary], plan: PlanSummary,
                funds: FundsSummary? = nil, projects: ProjectsSummary? = nil) {
        (self.city, self.office, self.period, self.year, self.indicators, self.forms, self.plan) = (city, office, period, year, indicators, forms, plan)
        (self.funds, self.projects) = (funds, projects)
    }

    /// The summary of approved reports' number fields, field by field in form order.
    public static func totals(fields: [ReportField], approved: [[String: String]]) -> [Total] {
        fields.filter { $0.type == .number }.map { field in
            Total(label: field.label, value: approved.reduce(0) { $0 + (($1[field.key]).flatMap(Double.init) ?? 0) })
        }
    }
}

/// The office's sign-off of a report to the government: drafted, reviewed by someone other
/// than the drafter, then issued (签发) with a document number. Only a draft changes.
public enum GovernmentReportState: String, Codable, Sendable, CaseIterable {
    case draft, reviewed, issued

    public enum Problem: Error, Equatable, Sendable { case wrongState, sameAsDrafter, numberRequired }

    public func review(by reviewer: String, drafter: String) -> Result<GovernmentReportState, Problem> {
        guard self == .draft else { return .failure(.wrongState) }
        guard reviewer != drafter else { return .failure(.sameAsDrafter) }
        return .success(.reviewed)
    }

    public func issue(number: String) -> Result<GovernmentReportState, Problem> {
        guard self == .reviewed else { return .failure(.wrongState) }
        guard !number.trimmingCharacters(in: .whitespaces).isEmpty else { return .failure(.numberRequired) }
        return .success(.issued)
    }
}
