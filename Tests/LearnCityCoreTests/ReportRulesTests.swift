import Foundation
import LearnCityCore
import Testing

@Suite("Report periods, forms and workflow")
struct ReportRulesTests {
    @Test("Periods parse, label, bound and fall due in local dates")
    func periods() throws {
        let q2 = try #require(ReportPeriod("2014-Q2"))
        #expect(q2.start == LocalDate(year: 2014, month: 4, day: 1) && q2.end == LocalDate(year: 2014, month: 6, day: 30))
        #expect(q2.deadline(daysAfterEnd: 10) == LocalDate(year: 2014, month: 7, day: 10))
        #expect(ReportPeriod("２０１４-q4")?.deadline(daysAfterEnd: 10) == LocalDate(year: 2015, month: 1, day: 10))
        #expect(ReportPeriod("2016-H1")?.end == LocalDate(year: 2016, month: 6, day: 30))
        #expect(ReportPeriod("2014")?.kind == .year && ReportPeriod("2014")?.reportedQuarter == 0)
        #expect(ReportPeriod("2014-H2")?.reportedQuarter == nil)
        for bad in ["2014-Q5", "2014-H3", "14Q1", "", "2014-X1", "2014-Q"] { #expect(ReportPeriod(bad) == nil, "\(bad)") }
        #expect(q2.label(chinese: true) == "2014年第二季度" && q2.label(chinese: false) == "2014 Q2")
        #expect(ReportPeriod.range(from: ReportPeriod("2014-Q3")!, through: ReportPeriod("2015-Q2")!).map(\.description) == ["2014-Q3", "2014-Q4", "2015-Q1", "2015-Q2"])
        #expect(ReportPeriod.containing(LocalDate(year: 2014, month: 9, day: 30), kind: .quarter).description == "2014-Q3")
        #expect(LocalDate(year: 2016, month: 2, day: 28).adding(days: 1) == LocalDate(year: 2016, month: 2, day: 29))
        #expect(LocalDate(year: 2014, month: 1, day: 1).adding(days: -1) == LocalDate(year: 2013, month: 12, day: 31))
    }

    @Test("Field lines parse with types, sources and indicators; problems name their line")
    func fields() throws {
        let text = "培训人次 | 数字 | 来源=records | 指标=T3\n\n主要工作 | 文本\n是否完成｜选项｜是/否"
        let fields = try ReportField.parse(text, knownIndicators: ["T3"]).get()
        #expect(fields.map(\.key) == ["f1", "f2", "f3"])
        #expect(fields[0].source == .records && fields[0].indicator == "T3" && fields[2].options == ["是", "否"])
        #expect(try ReportField.parse(fields.map(\.line).joined(separator: "\n"), knownIndicators: ["T3"]).get() == fields)
        // Chinese keywords as well as English ones; a definition shows in Chinese (issue 15 #17).
        #expect(fields[0].line == "培训人次 | 数字 | 来源=记录 | 指标=T3")
        let chinese = try ReportField.parse("人数 | 数字 | 来源=人员\n学时 | 数字 | 来源＝学时", knownIndicators: []).get()
        #expect(chinese.map(\.source) == [.people, .hours])
        func line(_ text: String) -> Int? { if case .failure(let e) = ReportField.parse(text, knownIndicators: ["T3"]) { return e.line } else { return nil } }
        #expect(line("a | 数字\nb | 日期") == 2)
        #expect(line("a | 数字 | 指标=T9") == 1)
        #expect(line("a | 文本 | 来源=records") == 1)
        #expect(line("a | 数字 | 来源=人次") == 1)
        #expect(line("a | 选项") == 1)
        #expect(line("a | 数字\na | 文本") == 2)
        #expect(line("") == 1)
    }

    @Test("Values: numbers with full-width digits and separators; choices among options; submit needs every field")
    func values() throws {
        let fields = try ReportField.parse("人次 | 数字\n说明 | 文本\n完成 | 选项 | 是/否", knownIndicators: []).get()
        let ok = ReportValues.check(["f1": "１２,３４５", "f2": " 好 ", "f3": "是"], fields: fields, requireAll: true)
        #expect(ok.errors.isEmpty && ok.values == ["f1": "12345", "f2": "好", "f3": "是"])
        let bad = ReportValues.check(["f1": "-3", "f3": "也许"], fields: fields, requireAll: true)
        #expect(Set(bad.errors.keys) == ["f1", "f2", "f3"])
        #expect(ReportValues.check(["f1": "1.5"], fields: fields, requireAll: false).errors.isEmpty)
        #expect(ReportValues.differs(reported: 111, recorded: 100) && !ReportValues.differs(reported: 110, recorded: 100))
        #expect(ReportValues.differs(reported: 1, recorded: 0) && !ReportValues.differs(reported: 0, recorded: 0))
        let flagged = ReportValues.flagged(fields: fields, values: ["f1": "120", "f2": "x"], recorded: ["f1": 100])
        #expect(flagged == ["f1"] && ReportValues.flagged(fields: fields, values: ["f1": "105"], recorded: ["f1": 100]).isEmpty)
    }

    @Test("Draft → submitted → returned → submitted → approved; locked; unlock only on request, by the office")
    func workflow() {
        #expect(ReportState.draft.after(.submit, office: false, unlockRequested: false) == .submitted)
        #expect(ReportState.submitted.after(.save, office: false, unlockRequested: false) == nil)
        #expect(ReportState.submitted.after(.approve, office: false, unlockRequested: false) == nil)
        #expect(ReportState.submitted.after(.return, office: true, unlockRequested: false) == .returned)
        #expect(ReportState.returned.after(.submit, office: false, unlockRequested: false) == .submitted)
        #expect(ReportState.approved.after(.save, office: true, unlockRequested: false) == nil)
        #expect(ReportState.approved.after(.unlock, office: true, unlockRequested: false) == nil)
        #expect(ReportState.approved.after(.requestUnlock, office: false, unlockRequested: false) == .approved)
        #expect(ReportState.approved.after(.unlock, office: true, unlockRequested: true) == .returned)
    }

    @Test("Completeness counts expected, submitted, on time and lists the missing")
    func completeness() {
        let deadline = LocalDate(year: 2014, month: 4, day: 10)
        let c = ReportCompleteness(expected: [1, 2, 3, 4], entries: [.init(unit: 1, firstSubmitted: LocalDate(year: 2014, month: 4, day: 10)),
                                                                       .init(unit: 2, firstSubmitted: LocalDate(year: 2014, month: 4, day: 11)),
                                                                       .init(unit: 3, firstSubmitted: nil)],
                                   deadline: deadline, today: LocalDate(year: 2014, month: 4, day: 20))
        #expect(c.expected == 4 && c.submitted == 2 && c.onTime == 1 && c.missing == [3, 4] && c.late == [2, 3, 4])
        let early = ReportCompleteness(expected: [1], entries: [], deadline: deadline, today: deadline)
        #expect(early.missing == [1] && early.late.isEmpty)
    }

    @Test("A sheet round-trips by code, or by label when codes are lost")
    func sheet() throws {
        let fields = try ReportField.parse("人次 | 数字 | 来源=records\n说明 | 文本", knownIndicators: []).get()
        let rows = ReportSheet.rows(fields: fields, values: ["f1": "5"], recorded: ["f1": 7], chinese: true)
        #expect(rows[0] == ["f1", "人次", .number(5, decimals: 2), .number(7, decimals: 2), "数字"])   // numbers, not text
        // One language per sheet, the reader's (issue 15 #17): no “填报值 Value”.
        #expect(ReportSheet.header(chinese: true) == ["代码", "项目", "填报值", "系统记录", "说明"])
        #expect(ReportSheet.header(chinese: false) == ["Code", "Field", "Value", "Recorded", "Notes"])
        #expect(ReportSheet.rows(fields: fields, values: [:], recorded: [:], chinese: false)[1].last == "text")
        let sheet = Sheet(rows: [Sheet.Row(line: 1, cells: ReportSheet.header(chinese: true).map { Sheet.Cell($0) }),
                                 Sheet.Row(line: 2, cells: ["f1", "人次", "9"].map { Sheet.Cell($0) }),
                                 Sheet.Row(line: 3, cells: ["", "说明", "已完成"].map { Sheet.Cell($0) })])
        #expect(ReportSheet.values(from: sheet, fields: fields) == ["f1": "9", "f2": "已完成"])
    }

    @Test("The report to government is reviewed by someone other than the drafter, then issued with a number")
    func signOff() {
        #expect(GovernmentReportState.draft.review(by: "a", drafter: "a") == .failure(.sameAsDrafter))
        #expect(GovernmentReportState.draft.review(by: "b", drafter: "a") == .success(.reviewed))
        #expect(GovernmentReportState.draft.issue(number: "x") == .failure(.wrongState))
        #expect(GovernmentReportState.reviewed.issue(number: " ") == .failure(.numberRequired))
        #expect(GovernmentReportState.reviewed.issue(number: "〔2014〕3号") == .success(.issued))
        let fields = [ReportField(key: "f1", label: "人次", type: .number), ReportField(key: "f2", label: "说明", type: .text)]
        #expect(GovernmentReportContent.totals(fields: fields, approved: [["f1": "3"], ["f1": "4.5", "f2": "x"]]) == [.init(label: "人次", value: 7.5)])
    }

    @Test("An XLSX whose entries inflate past the limit is refused, not unpacked into memory")
    func zipBomb() throws {
        let rows = (1...2_000).map { ["f\($0)", String(repeating: "零", count: 200), "1", "", ""] }
        let data = try XLSXWriter.workbook(sheetName: "r", header: ReportSheet.header(chinese: true), rows: rows)
        #expect(data.count < 200_000)   // compresses well: about 1.2 MB of sheet XML
        #expect(throws: Sheet.ReadError.tooLarge(.unpackedBytes(500_000))) { try Sheet.read(data, maxUnpacked: 500_000) }
        #expect(try Sheet.read(data).rows.count == 2_001)
    }

    @Test("A text written in both languages shows only the page's half; other texts are left whole")
    func bilingualHalves() {
        let source = "示例数据:按2014年达州市常住人口规模估算 / demo figures estimated from Dazhou's 2014 population"
        #expect(BilingualText.part(source, in: .zh) == "示例数据:按2014年达州市常住人口规模估算")
        #expect(BilingualText.part(source, in: .en) == "demo figures estimated from Dazhou's 2014 population")
        let message = "需要“名称 | 类型” / needs “label | type”"
        #expect(BilingualText.part(message, in: .zh) == "需要“名称 | 类型”")
        #expect(BilingualText.part(message, in: .en) == "needs “label | type”")
        #expect(BilingualText.part("达州 / 通川区", in: .en) == "达州 / 通川区")   // both halves Chinese: a path
        #expect(BilingualText.part("2014 / 2015", in: .zh) == "2014 / 2015")
    }
}

