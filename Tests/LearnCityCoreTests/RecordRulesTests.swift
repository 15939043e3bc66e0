import Foundation
import Testing
@testable import LearnCityCore

@Suite("Learning-record rules")
struct RecordRulesTests {
    @Test("The records sample: title row, Excel date cells; 1,000 valid rows; an unknown kind, a date that is none, negative hours")
    func sample() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/records-2014Q3.xlsx")
        let sheet = try Sheet.read(try Data(contentsOf: url))
        let header = try HeaderMap.find(in: sheet, specs: RecordRowParser.columns)
        #expect(header.headerIndex == 1)
        let rows = sheet.rows.dropFirst(header.headerIndex + 1).filter { !$0.isBlank }
        let results = rows.map { RecordRowParser().parse($0, header: header) }
        #expect(rows.count == 1003)
        #expect(results.filter { (try? $0.get()) != nil }.count == 1000)
        let bad = results.compactMap { result -> ImportConflict? in
            if case .failure(let failure) = result { return failure.conflicts.first }
            return nil
        }
        #expect(bad.map(\.row) == [1003, 1004, 1005])
        #expect(bad.map(\.code) == [.invalidValue, .invalidDate, .invalidValue])
        #expect(bad.map(\.column) == ["类型", "日期", "学时"])
        let first = try results[0].get()
        #expect(first.kind == .certification && first.status == .issued && first.date == LocalDate(year: 2014, month: 7, day: 15))
        #expect(first.sourceID == "Q3-00000" && first.hours == 4 && first.course == "家庭理财")
    }

    @Test("Dates as offices write them", arguments: [
        ("2014-07-01", LocalDate(year: 2014, month: 7, day: 1)), ("2014/7/1", LocalDate(year: 2014, month: 7, day: 1)),
        ("2014年7月1日", LocalDate(year: 2014, month: 7, day: 1)), ("20140701", LocalDate(year: 2014, month: 7, day: 1)),
        ("２０１４-０７-０１", LocalDate(year: 2014, month: 7, day: 1)), ("2014-02-29", nil), ("2014-13-01", nil), ("昨天", nil), ("2014-7", nil),
    ] as [(String, LocalDate?)])
    func dates(text: String, date: LocalDate?) {
        #expect(LocalDate.parse(text) == date)
    }

    @Test("Statuses belong to kinds; a file without a status gets the kind's usual one")
    func statuses() {
        #expect(RecordKind.certification.statuses == [.issued] && RecordKind.degree.defaultStatus == .enrolled)
        #expect(RecordStatus.parse("已结业") == .completed && RecordStatus.parse("毕业") == .graduated && RecordStatus.parse("?") == nil)
        #expect(RecordKind.parse("职业培训") == .training && RecordKind.parse("其他") == nil)
    }

    @Test("What counts: kind and status among the criteria, not voided, employed for employed-only indicators")
    func counting() {
        let t5 = IndicatorDefinition(code: "T5", nameZh: "", nameEn: "", unit: .rate,
                                     criteria: [.init(kind: .training, statuses: [.completed])], employedOnly: true, denominator: .employed)
        #expect(t5.counts(RecordFacts(kind: .training, status: .completed, year: 2014, employed: true)))
        #expect(!t5.counts(RecordFacts(kind: .training, status: .completed, year: 2014, employed: nil)))
        #expect(!t5.counts(RecordFacts(kind: .training, status: .dropped, year: 2014, employed: true)))
        #expect(!t5.counts(RecordFacts(kind: .training, status: .completed, year: 2014, employed: true, voided: true)))
        #expect(!t5.counts(RecordFacts(kind: .community, status: .completed, year: 2014, employed: true)))
        #expect(t5.countsPeople)
    }

    @Test("Keys: the source's own id wins; without one, the same content gives the same key and another source another")
    func keys() {
        let date = LocalDate(year: 2014, month: 7, day: 1)
        let a = RecordKey.make(namespace: "org:3", sourceID: nil, person: "h1", kind: .community, course: "法律常识", provider: "DC-01", date: date)
        let b = RecordKey.make(namespace: "org:3", sourceID: nil, person: "h1", kind: .community, course: "法律常识", provider: "DC-01", date: date)
        let c = RecordKey.make(namespace: "org:4", sourceID: nil, person: "h1", kind: .community, course: "法律常识", provider: "DC-01", date: date)
        #expect(a == b && a != c)
        #expect(RecordKey.make(namespace: "org:3", sourceID: "R1", person: "h1", kind: .community, course: nil, provider: nil, date: date) == "org:3|id|R1")
    }
}

@Suite("Annual return groups")
struct AnnualReturnTests {
    @Test("Occupation first, then where the learner lives; distinct people add up across cells")
    func groups() {
        #expect(AnnualReturn.group(occupation: "党政干部", urbanRural: "rural") == .cadres)
        #expect(AnnualReturn.group(occupation: "专业技术人员", urbanRural: nil) == .professional)
        #expect(AnnualReturn.group(occupation: "农民", urbanRural: "rural") == .rural)
        #expect(AnnualReturn.group(occupation: nil, urbanRural: nil) == nil)
        var row = AnnualReturn.Row(label: "x")
        row.add(people: 3, occupation: "企业职工", urbanRural: "urban", personTimes: 5, hours: 10)
        row.add(people: 2, occupation: nil, urbanRural: "urban", personTimes: 2, hours: 4)
        row.add(people: 1, occupation: nil, urbanRural: nil, personTimes: 1, hours: 1)
        #expect(row.people == [.enterprise: 3, .urban: 2] && row.total == 6 && row.personTimes == 8 && row.hours == 15)
    }
}

@Suite("Work plan rules")
struct WorkPlanRulesTests {
    @Test("Late once the due date has passed and it is not done; done wins")
    func state() {
        let due = LocalDate(year: 2014, month: 12, day: 31)
        #expect(PlanItemState.of(due: due, doneOn: nil, today: LocalDate(year: 2014, month: 12, day: 31)) == .onTrack)
        #expect(PlanItemState.of(due: due, doneOn: nil, today: LocalDate(year: 2015, month: 1, day: 1)) == .late)
        #expect(PlanItemState.of(due: due, doneOn: LocalDate(year: 2015, month: 2, day: 1), today: LocalDate(year: 2015, month: 3, day: 1)) == .done)
    }
}
