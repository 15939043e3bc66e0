import Foundation
import Testing
@testable import LearnCityCore

@Suite("Funds and projects rules")
struct FundRulesTests {
    @Test("Yuan as people type them become exact fen", arguments: [
        ("120000", 12_000_000), ("120,000.50", 12_000_050), ("１２０，０００．５", 12_000_050), ("¥3000", 300_000),
        ("3000元", 300_000), (" 0.01 ", 1), ("12 500", 1_250_000), ("1,234,567.89", 123_456_789), ("0", 0), ("+5", 500),
    ])
    func parsesYuan(text: String, fen: Int) {
        #expect(YuanAmount.fen(text) == .success(fen))
    }

    @Test("Negative, malformed, too precise and absurd amounts are refused with their reason", arguments: [
        ("", YuanAmount.Problem.empty), ("  ", .empty), ("-5", .negative), ("－１００", .negative), ("1.234", .tooPrecise),
        ("abc", .malformed), ("1,23", .malformed), ("12,3456", .malformed), ("1.2.3", .malformed), ("12.", .malformed),
        (".5", .malformed), ("1e5", .malformed), ("-", .malformed), ("9999999999999999", .tooLarge),
    ])
    func refusesBadYuan(text: String, problem: YuanAmount.Problem) {
        #expect(YuanAmount.fen(text) == .failure(problem))
    }

    @Test("Yuan back as a plain figure for a form")
    func plain() {
        #expect(YuanAmount.plain(fen: 12_000_050) == "120000.50")
        #expect(YuanAmount.plain(fen: 7) == "0.07")
    }

    @Test("Allocations of a source never exceed its budget; the message says what is left")
    func allocationInvariant() {
        #expect(FundLedger.checkAllocation(amount: 100, budget: 1_000, allocated: 900) == nil)     // exactly the budget
        #expect(FundLedger.checkAllocation(amount: 101, budget: 1_000, allocated: 900) == .overBudget(available: 100))
        #expect(FundLedger.checkAllocation(amount: 1, budget: 0, allocated: 0) == .overBudget(available: 0))
        #expect(FundLedger.checkAllocation(amount: 0, budget: 1_000, allocated: 0) == .notPositive)
    }

    @Test("Disbursements of an allocation never exceed the allocation")
    func disbursementInvariant() {
        #expect(FundLedger.checkDisbursement(amount: 50, allocation: 200, disbursed: 150) == nil)
        #expect(FundLedger.checkDisbursement(amount: 51, allocation: 200, disbursed: 150) == .overAllocation(available: 50))
        #expect(FundLedger.checkProject(amount: 120, budget: 300, received: 180) == nil)
        #expect(FundLedger.checkProject(amount: 121, budget: 300, received: 180) == .overProjectBudget(available: 120))
        #expect(FundLedger.checkDisbursement(amount: 0, allocation: 200, disbursed: 0) == .notPositive)
    }

    static func d(_ m: Int, _ day: Int) -> LocalDate { LocalDate(year: 2014, month: m, day: day) }
    static let allocations = [
        FundAllocationEntry(id: 1, source: 10, recipient: "project:1", amount: 30_000, date: d(6, 30)),
        FundAllocationEntry(id: 2, source: 10, recipient: "project:2", amount: 20_000, date: d(7, 1)),
        FundAllocationEntry(id: 3, source: 20, recipient: "project:1", amount: 5_000, date: d(1, 1)),
        FundAllocationEntry(id: 4, source: 20, recipient: "teacher_team:宣汉", amount: 1_000, date: d(12, 31)),
    ]

    @Test("Balances per source and per recipient: budget, allocated, disbursed, what is left")
    func balances() {
        let payments = [(allocation: 1, amount: 10_000), (allocation: 1, amount: 5_000), (allocation: 3, amount: 5_000), (allocation: 99, amount: 7)]
        let sources = FundBalances.bySource(budgets: [10: 100_000, 20: 6_000, 30: 1_000], allocations: Self.allocations, disbursements: payments)
        #expect(sources[10] == FundBalance(budget: 100_000, allocated: 50_000, disbursed: 15_000))
        #expect(sources[10]?.unallocated == 50_000 && sources[10]?.undisbursed == 35_000)
        #expect(sources[20] == FundBalance(budget: 6_000, allocated: 6_000, disbursed: 5_000))
        #expect(sources[30] == FundBalance(budget: 1_000) && sources[30]?.allocatedShare == 0)
        let recipients = FundBalances.byRecipient(allocations: Self.allocations, disbursements: payments)
        #expect(recipients["project:1"] == FundBalance(allocated: 35_000, disbursed: 20_000))
        #expect(recipients["teacher_team:宣汉"] == FundBalance(allocated: 1_000))
        #expect(FundBalances.disbursedByAllocation(payments)[1] == 15_000)
    }

    @Test("The half-year report holds exactly the allocations dated in the half, with totals")
    func halfYear() throws {
        let h1 = try #require(FundsHalfYearReport.period("2014-H1"))
        let report = FundsHalfYearReport(period: h1, allocations: Self.allocations)
        #expect(report.allocations.map(\.id) == [3, 1])          // 1 Jan and 30 Jun are in, 1 Jul is not
        #expect(report.total == 35_000)
        #expect(report.bySource.map(\.key) == [10, 20] && report.bySource.map(\.total) == [30_000, 5_000])
        #expect(report.byRecipient.map(\.key) == ["project:1"])
        let h2 = FundsHalfYearReport(period: try #require(FundsHalfYearReport.period("2014-h2")), allocations: Self.allocations)
        #expect(h2.allocations.map(\.id) == [2, 4] && h2.total == 21_000)
        #expect(FundsHalfYearReport.period("2014-Q1") == nil && FundsHalfYearReport.period("2014") == nil && FundsHalfYearReport.period("x") == nil)
    }

    @Test("Project percent, late milestones and the status progress implies")
    func projects() {
        #expect(ProjectRules.percent("45") == 45 && ProjectRules.percent("１００％") == 100 && ProjectRules.percent("0") == 0)
        #expect(ProjectRules.percent("101") == nil && ProjectRules.percent("-1") == nil && ProjectRules.percent("4.5") == nil && ProjectRules.percent("") == nil)
        let due = LocalDate(year: 2014, month: 9, day: 30)
        #expect(ProjectRules.milestoneLate(due: due, doneOn: nil, today: LocalDate(year: 2014, month: 10, day: 1)))
        #expect(!ProjectRules.milestoneLate(due: due, doneOn: nil, today: due))
        #expect(ProjectRules.milestoneLate(due: due, doneOn: LocalDate(year: 2014, month: 10, day: 12), today: due))
        #expect(!ProjectRules.milestoneLate(due: due, doneOn: LocalDate(year: 2014, month: 9, day: 1), today: LocalDate(year: 2015, month: 1, day: 1)))
        #expect(ProjectRules.status(after: 10, current: .planned, byOffice: false) == .active)
        #expect(ProjectRules.status(after: 100, current: .active, byOffice: false) == .active)   // the office accepts it
        #expect(ProjectRules.status(after: 100, current: .active, byOffice: true) == .done)
        #expect(ProjectRules.status(after: 90, current: .done, byOffice: false) == .done)
        #expect(ProjectRules.status(after: 90, current: .done, byOffice: true) == .active)
        #expect(ProjectRules.status(after: 0, current: .planned, byOffice: false) == .planned)
    }

    @Test("Projects-and-funds data that breaks an invariant is refused before loading")
    func dataProblems() {
        let source = ProjectsFundsData.Source(key: "S1", name: "专项资金", budget: "100", kind: .municipal, unit: "MU-FIN")
        let over = ProjectsFundsData.Allocation(source: "S1", date: "2014-05-01", amount: "80", purpose: "", recipient: "unit:CEU",
                                                disbursements: [.init(date: "2014-05-02", amount: "90", note: "")])
        var data = ProjectsFundsData(note: "demo", year: 2014, projects: [], sources: [source], allocations: [over, over])
        let problems = data.problems(knownUnits: ["MU-FIN", "CEU"])
        #expect(problems.contains { $0.contains("allocation 1") && $0.contains("overAllocation") })
        #expect(problems.contains { $0.contains("allocation 2") && $0.contains("overBudget") })
        data.allocations = [ProjectsFundsData.Allocation(source: "S1", date: "2014-05-01", amount: "100", purpose: "", recipient: "project:nope", disbursements: [])]
        #expect(data.problems(knownUnits: ["MU-FIN", "CEU"]) == ["allocation 1: recipient project:nope"])
    }
}
