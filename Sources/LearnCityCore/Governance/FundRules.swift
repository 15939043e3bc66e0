/// Money in the funds ledger is exact: amounts are fen (分) as integers, never floating point.

/// An amount in yuan as people type it: `12,500.50`, `１２５００．５`, `¥3000`, `3000元`.
/// Up to two decimals; thousands separators only where they belong (`1,23` is refused).
public enum YuanAmount {
    public enum Problem: Error, Sendable, Equatable {
        case empty, malformed, negative, tooPrecise, tooLarge
    }

    /// A trillion yuan: far beyond any budget, and far from overflowing `Int`.
    public static let maximumFen = 100_000_000_000_000

    /// The amount in fen, or why it is not an amount.
    public static func fen(_ text: String) -> Result<Int, Problem> {
        // Full-width digits, point, comma and hyphen as every typed cell (`CellText`); besides
        // those, 。 for a point, 、 for a comma, − for a minus; spaces inside "12 500" only group.
        var t = String(CellText.normalise(text).unicodeScalars.compactMap { scalar -> Character? in
            switch scalar.value {
            case 0x3002: return "."
            case 0x3001: return ","
            case 0x2212: return "-"
            case 0x20: return nil
            default: return Character(scalar)
            }
        })
        for prefix in ["¥", "￥", "RMB", "CNY"] where t.hasPrefix(prefix) { t.removeFirst(prefix.count) }
        if t.hasSuffix("元") { t.removeLast() }
        guard !t.isEmpty else { return .failure(.empty) }
        if t.hasPrefix("-") { return t.dropFirst().isEmpty ? .failure(.malformed) : .failure(.negative) }
        if t.hasPrefix("+") { t.removeFirst() }
        let halves = t.split(separator: ".", omittingEmptySubsequences: false)
        guard halves.count <= 2, let whole = halves.first, !whole.isEmpty else { return .failure(.malformed) }
        let fraction = halves.count == 2 ? halves[1] : ""
        guard fraction.allSatisfy(\.isASCIIDigit) else { return .failure(.malformed) }
        guard halves.count == 1 || !fraction.isEmpty else { return .failure(.malformed) }
        guard fraction.count <= 2 else { return .failure(.tooPrecise) }
        let groups = whole.split(separator: ",", omittingEmptySubsequences: false)
        guard groups.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }) else { return .failure(.malformed) }
        if groups.count > 1 {
            guard groups[0].count <= 3, groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return .failure(.malformed) }
        }
        let digits = groups.joined()
        guard digits.count <= 15, let yuan = Int(digits) else { return .failure(.tooLarge) }
        let cents = Int(fraction.padding(toLength: 2, withPad: "0", startingAt: 0)) ?? 0
        let fen = yuan * 100 + cents
        return fen > maximumFen ? .failure(.tooLarge) : .success(fen)
    }

    /// fen as a plain yuan figure for a form field: `12500.5` → `12500.50`.
    public static func plain(fen: Int) -> String {
        let cents = abs(fen) % 100
        return (fen < 0 ? "-" : "") + String(abs(fen) / 100) + "." + (cents < 10 ? "0" : "") + String(cents)
    }
}


/// The invariants of the funds ledger, checked before anything is written: a source never
/// allocates more than its budget, an allocation never pays out more than it is, and a project
/// never receives more than its own budget.
public enum FundLedger {
    public enum Problem: Error, Sendable, Equatable {
        /// An amount of zero (a negative one never gets past the parser).
        case notPositive
        /// More than the source has left; `available` is what it has left.
        case overBudget(available: Int)
        /// More than the allocation has left to pay; `available` is what it has left.
        case overAllocation(available: Int)
        /// More than the project's budget still needs; `available` is what it still needs.
        case overProjectBudget(available: Int)
    }

    /// Allocating `amount` to a project with `budget` that has already received `received`.
    public static func checkProject(amount: Int, budget: Int, received: Int) -> Problem? {
        let available = budget - received
        return amount > available ? .overProjectBudget(available: max(0, available)) : nil
    }

    /// Allocating `amount` from a source with `budget` of which `allocated` is already given.
    public static func checkAllocation(amount: Int, budget: Int, allocated: Int) -> Problem? {
        guard amount > 0 else { return .notPositive }
        let available = budget - allocated
        return amount > available ? .overBudget(available: max(0, available)) : nil
    }

    /// Paying `amount` against an allocation of `allocation` of which `disbursed` is already paid.
    public static func checkDisbursement(amount: Int, allocation: Int, disbursed: Int) -> Problem? {
        guard amount > 0 else { return .notPositive }
        let available = allocation - disbursed
        return amount > available ? .overAllocation(available: max(0, available)) : nil
    }
}

/// What a source (or a recipient) stands at.
public struct FundBalance: Sendable, Equatable {
    public var budget: Int
    public var allocated: Int
    public var disbursed: Int

    public init(budget: Int = 0, allocated: Int = 0, disbursed: Int = 0) {
        (self.budget, self.allocated, self.disbursed) = (budget, allocated, disbursed)
    }

    public var unallocated: Int { budget - allocated }
    /// Allocated and not yet paid out.
    public var undisbursed: Int { allocated - disbursed }
    /// Shares of the budget (0…1), for bars; 0 when there is no budget.
    public var allocatedShare: Double { budget > 0 ? Double(allocated) / Double(budget) : 0 }
    public var disbursedShare: Double { budget > 0 ? Double(disbursed) / Double(budget) : 0 }
}

/// One allocation as the rules see it. `recipient` is a key such as `project:3` or `teacher_team:宣汉县社区教育师资队伍`.
public struct FundAllocationEntry: Sendable, Equatable {
    public var id: Int
    public var source: Int
    public var recipient: String
    public var amount: Int
    public var date: LocalDate

    public init(id: Int, source: Int, recipient: String, amount: Int, date: LocalDate) {
        (self.id, self.source, self.recipient, self.amount, self.date) = (id, source, recipient, amount, date)
    }
}

public enum FundBalances {
    /// Balances per source: budgets given, allocations and disbursements (allocation id, fen) summed.
    public static func bySource(budgets: [Int: Int], allocations: [FundAllocationEntry], disbursements: [(allocation: Int, amount: Int)]) -> [Int: FundBalance] {
        var result = budgets.mapValues { FundBalance(budget: $0) }
        let sourceOf = Dictionary(allocations.map { ($0.id, $0.source) }, uniquingKeysWith: { a, _ in a })
        for allocation in allocations { result[allocation.source, default: FundBalance()].allocated += allocation.amount }
        for payment in disbursements {
            guard let source = sourceOf[payment.allocation] else { continue }
            result[source, default: FundBalance()].disbursed += payment.amount
        }
        return result
    }

    /// Balances per recipient key (no budget: what was allocated to it and paid to it).
    public static func byRecipient(allocations: [FundAllocationEntry], disbursements: [(allocation: Int, amount: Int)]) -> [String: FundBalance] {
        var result: [String: FundBalance] = [:]
        let recipientOf = Dictionary(allocations.map { ($0.id, $0.recipient) }, uniquingKeysWith: { a, _ in a })
        for allocation in allocations { result[allocation.recipient, default: FundBalance()].allocated += allocation.amount }
        for payment in disbursements {
            guard let recipient = recipientOf[payment.allocation] else { continue }
            result[recipient, default: FundBalance()].disbursed += payment.amount
        }
        return result
    }

    /// Paid per allocation id.
    public static func disbursedByAllocation(_ disbursements: [(allocation: Int, amount: Int)]) -> [Int: Int] {
        disbursements.reduce(into: [:]) { $0[$1.allocation, default: 0] += $1.amount }
    }
}

/// The Finance Bureau's half-yearly report (四(四)): the allocations made in a half-year, with
/// totals by source and by recipient. An allocation belongs to the half-year of its date.
public struct FundsHalfYearReport: Sendable, Equatable {
    public var period: ReportPeriod
    public var allocations: [FundAllocationEntry]
    public var bySource: [(key: Int, total: Int)]
    public var byRecipient: [(key: String, total: Int)]
    public var total: Int

    public init(period: ReportPeriod, allocations all: [FundAllocationEntry]) {
        self.period = period
        allocations = all.filter { period.contains($0.date) }.sorted { ($0.date, $0.id) < ($1.date, $1.id) }
        let sources = allocations.reduce(into: [Int: Int]()) { $0[$1.source, default: 0] += $1.amount }
        let recipients = allocations.reduce(into: [String: Int]()) { $0[$1.recipient, default: 0] += $1.amount }
        // Largest first, so the page reads as where the money went.
        bySource = sources.map { (key: $0.key, total: $0.value) }.sorted { ($1.total, $0.key) < ($0.total, $1.key) }
        byRecipient = recipients.map { (key: $0.key, total: $0.value) }.sorted { ($1.total, $0.key) < ($0.total, $1.key) }
        total = allocations.reduce(0) { $0 + $1.amount }
    }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.period == rhs.period && lhs.allocations == rhs.allocations && lhs.total == rhs.total
    }

    /// `2014-H1` and the like; a quarter or year is not a half-year.
    public static func period(_ text: String) -> ReportPeriod? {
        guard let period = ReportPeriod(text), period.kind == .halfYear else { return nil }
        return period
    }
}
