import Testing
@testable import LearnCityCore

@Suite("Indicators")
struct IndicatorTests {
    let rate = IndicatorDefinition(code: "T4", nameZh: "社区教育参与率", nameEn: "Community rate", unit: .rate,
                                   criteria: [.init(kind: .community, statuses: [.completed])], denominator: .residents)
    let count = IndicatorDefinition(code: "T3", nameZh: "非学历教育人次", nameEn: "Person-times", unit: .personTimes,
                                    criteria: [.init(kind: .community, statuses: [.completed])], includesActivityHeadcount: true)

    @Test("A rate is the unrounded fraction; without a denominator it is nil")
    func rates() {
        let progress = IndicatorProgress(definition: rate, numerator: 67_650, denominator: 5_500_000, target: 0.35)
        #expect(progress.value == 67_650.0 / 5_500_000.0)
        #expect(IndicatorProgress(definition: rate, numerator: 10, denominator: nil, target: 0.35).value == nil)
        #expect(IndicatorProgress(definition: rate, numerator: 10, denominator: 0, target: 0.35).value == nil)
    }

    @Test("Share of target and on-track against the share of the year gone")
    func onTrack() {
        let half = IndicatorProgress(definition: count, numerator: 500_000, denominator: nil, target: 1_000_000)
        #expect(half.shareOfTarget == 0.5)
        #expect(half.isOnTrack(yearElapsed: 0.4) == true)
        #expect(half.isOnTrack(yearElapsed: 0.6) == false)
        #expect(half.isOnTrack(yearElapsed: 3) == false)
        #expect(IndicatorProgress(definition: count, numerator: 5, denominator: nil, target: nil).isOnTrack(yearElapsed: 0.5) == nil)
    }

    @Test("Definitions that cannot work are explained")
    func problems() {
        #expect(rate.problems.isEmpty && count.problems.isEmpty)
        var broken = rate
        broken.denominator = nil
        #expect(broken.problems.contains { $0.contains("denominator") })
        var headcount = rate
        headcount.includesActivityHeadcount = true
        #expect(headcount.problems.contains { $0.contains("person-times") })
        var empty = count
        empty.criteria = []
        #expect(!empty.problems.isEmpty)
    }
}

@Suite("LocalDate")
struct LocalDateTests {
    @Test("Dates are read in the city's time zone")
    func timeZone() throws {
        // 2014-12-31 16:30 UTC is already 1 January 2015 in Shanghai.
        let instant = Date(timeIntervalSince1970: 1_420_043_400)
        #expect(LocalDate(instant, in: TimeZone(identifier: "Asia/Shanghai")!) == LocalDate(year: 2015, month: 1, day: 1))
        #expect(LocalDate(instant, in: TimeZone(identifier: "UTC")!) == LocalDate(year: 2014, month: 12, day: 31))
    }

    @Test("Share of the year gone")
    func yearElapsed() {
        #expect(LocalDate(year: 2014, month: 12, day: 31).fractionOfYearElapsed(for: 2014) == 1)
        #expect(LocalDate(year: 2016, month: 12, day: 31).ordinal == 366)
        #expect(LocalDate(year: 2014, month: 7, day: 2).fractionOfYearElapsed(for: 2014) == 183.0 / 365.0)
        #expect(LocalDate(year: 2026, month: 1, day: 1).fractionOfYearElapsed(for: 2014) == 1)
        #expect(LocalDate(year: 2013, month: 6, day: 1).fractionOfYearElapsed(for: 2014) == 0)
    }
}

import Foundation
