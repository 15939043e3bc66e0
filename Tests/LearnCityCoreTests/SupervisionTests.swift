import Testing
@testable import LearnCityCore

@Suite("Supervision and assessment rules")
struct SupervisionTests {
    @Test("Rectification lines: requirement | date, blank lines skipped, full-width bar, problems with their line number")
    func lines() throws {
        let parsed = try RectificationLine.parse("健全工作制度 | 2014-12-31\n\n补录档案｜2014年11月30日\n").get()
        #expect(parsed == [RectificationLine(requirement: "健全工作制度", due: LocalDate(year: 2014, month: 12, day: 31)),
                           RectificationLine(requirement: "补录档案", due: LocalDate(year: 2014, month: 11, day: 30))])
        #expect(RectificationLine.parse("a | 2014-12-31\n\nb 2014-12-31") == .failure(.init(line: 3, problem: .format)))
        #expect(RectificationLine.parse(" | 2014-12-31") == .failure(.init(line: 1, problem: .requirementMissing)))
        #expect(RectificationLine.parse("a | 2014-02-30") == .failure(.init(line: 1, problem: .dateInvalid)))
        #expect(RectificationLine.parse("a | b | 2014-12-31") == .failure(.init(line: 1, problem: .format)))
        #expect(RectificationLine.parse("  \n") == .failure(.init(line: 1, problem: .empty)))
        #expect(try RectificationLine.parse("", allowEmpty: true).get().isEmpty)
    }

    @Test("Who may answer, close and send back a rectification; late means past due and not closed")
    func states() {
        #expect(RectificationState.open.after(.answer, inspectedUnit: true, office: false) == .answered)
        #expect(RectificationState.open.after(.answer, inspectedUnit: false, office: true) == nil)
        #expect(RectificationState.answered.after(.close, inspectedUnit: true, office: false) == nil)
        #expect(RectificationState.answered.after(.close, inspectedUnit: false, office: true) == .closed)
        #expect(RectificationState.answered.after(.reopen, inspectedUnit: false, office: true) == .open)
        #expect(RectificationState.closed.after(.answer, inspectedUnit: true, office: false) == nil)
        #expect(RectificationState.open.after(.reopen, inspectedUnit: false, office: true) == nil)
        let due = LocalDate(year: 2014, month: 10, day: 31), after = LocalDate(year: 2014, month: 11, day: 1)
        #expect(RectificationState.open.isLate(due: due, today: after) && RectificationState.answered.isLate(due: due, today: after))
        #expect(!RectificationState.closed.isLate(due: due, today: after) && !RectificationState.open.isLate(due: due, today: due))
    }

    @Test("Automatic score = ratio × weight rounded to 0.1; bad ratios are clamped; units without a figure get none")
    func automatic() {
        #expect(AssessmentScoring.automaticTenths(ratio: 2.0 / 3.0, weight: 30) == 200)
        #expect(AssessmentScoring.automaticTenths(ratio: 0.8333, weight: 20) == 167)
        #expect(AssessmentScoring.automaticTenths(ratio: 1.5, weight: 20) == 200)
        #expect(AssessmentScoring.automaticTenths(ratio: -1, weight: 20) == 0)
        #expect(AssessmentScoring.automaticTenths(ratio: .nan, weight: 20) == 0)
        let scores = AssessmentScoring.automaticScores(criteria: [(1, 30, .planDone), (2, 20, .manual), (3, 20, .reportsOnTime)],
                                                       ratios: [.planDone: [10: 0.5, 11: 1], .reportsOnTime: [10: 0.25]], units: [10, 11, 12])
        #expect(scores == [1: [10: 150, 11: 300], 3: [10: 50]])
    }

    @Test("Manual scores: 0…weight, one decimal, full-width digits; empty is no score")
    func manual() {
        #expect(AssessmentScoring.parse("27.5", weight: 30) == .tenths(275))
        #expect(AssessmentScoring.parse("３０", weight: 30) == .tenths(300))
        #expect(AssessmentScoring.parse("0", weight: 30) == .tenths(0))
        #expect(AssessmentScoring.parse(" ", weight: 30) == .empty)
        #expect(AssessmentScoring.parse("30.1", weight: 30) == .invalid)
        #expect(AssessmentScoring.parse("-1", weight: 30) == .invalid)
        #expect(AssessmentScoring.parse("很好", weight: 30) == .invalid)
        #expect(AssessmentScoring.points(275) == "27.5" && AssessmentScoring.points(300) == "30" && AssessmentScoring.points(5) == "0.5")
    }

    @Test("Totals are exact sums; ties share a rank and the next rank skips (1, 2, 2, 4); the top N takes in a tie")
    func ranking() {
        let totals = AssessmentScoring.totals([1: [10: 300, 11: 250, 12: 250, 13: 100], 2: [10: 1, 11: 5, 12: 5]], units: [10, 11, 12, 13, 14])
        #expect(totals == [10: 301, 11: 255, 12: 255, 13: 100, 14: 0])
        let ranked = AssessmentScoring.ranking(totals, order: [12, 11, 10, 13, 14])
        #expect(ranked.map(\.unit) == [10, 12, 11, 13, 14])
        #expect(ranked.map(\.rank) == [1, 2, 2, 4, 5])
        #expect(AssessmentScoring.suggested(ranked, top: 2) == [10, 12, 11])
        #expect(AssessmentScoring.suggested(ranked, top: 1) == [10])
        // Tenths add exactly where doubles would not (0.1 + 0.2).
        #expect(AssessmentScoring.totals([1: [1: 1], 2: [1: 2]], units: [1]) == [1: 3])
    }
}
