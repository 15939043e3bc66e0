import Testing
@testable import LearnCityCore

/// Rules behind issue 15: line breaks as browsers send them, meeting headings, completion
/// dates, plan items judged on a day, typed export cells.
@Suite("The city office's year: rules")
struct OfficeYearRulesTests {
    @Test("CRLF and lone CR become LF, in text and in URL-encoded form bodies; parsers split typed lines")
    func lineEndings() throws {
        #expect(TextInput.normalise("a\r\nb\rc\n\r\nd") == "a\nb\nc\n\nd")
        #expect(TextInput.normalise("无换行") == "无换行")
        #expect(TextInput.lines("a\r\nb").map(String.init) == ["a", "b"])
        #expect(TextInput.normaliseURLEncoded("f=a%0D%0Ab%0dc&g=%250D") == "f=a%0Ab%0Ac&g=%250D")
        let fields = try ReportField.parse("开展活动场次 | 数字\r\n参与人次 | 数字", knownIndicators: []).get()
        #expect(fields.map(\.label) == ["开展活动场次", "参与人次"])
        let lines = try RectificationLine.parse("完善台账 | 2014-12-31\r\n补录档案 | 2014-12-15").get()
        #expect(lines.count == 2)
    }

    @Test("A meeting's heading names its session once")
    func meetingHeading() {
        #expect(JointMeetingRules.heading(title: "联席会议", session: 2, label: "第2次") == "联席会议（第2次）")
        #expect(JointMeetingRules.heading(title: "联席会议（第2次）", session: 2, label: "第2次") == "联席会议（第2次）")
        #expect(JointMeetingRules.heading(title: "第二次联席会议", session: 2, label: "session 2") == "第二次联席会议")
        #expect(JointMeetingRules.heading(title: "联席会议（第１２次）", session: 12, label: "第12次") == "联席会议（第１２次）")
        #expect(JointMeetingRules.heading(title: "第十二次会议", session: 12, label: "第12次") == "第十二次会议")
        #expect(JointMeetingRules.heading(title: "第1次会议", session: 2, label: "第2次") == "第1次会议（第2次）")
        #expect(JointMeetingRules.chineseNumber(21) == "二十一" && JointMeetingRules.chineseNumber(10) == "十")
    }

    @Test("A plan item is judged on a day: done only from its completion date on")
    func completionDates() {
        let today = LocalDate(year: 2014, month: 11, day: 20)
        // Plan items and milestones have no course: the default is today.
        #expect(CourseCompletionDate.resolve(nil, courseEnd: nil, today: today) == .success(today))
        #expect(CourseCompletionDate.resolve("2014-11-21", courseEnd: nil, today: today) == .failure(.inFuture))
        let due = LocalDate(year: 2014, month: 9, day: 1), done = LocalDate(year: 2014, month: 10, day: 5)
        #expect(PlanItemState.of(due: due, doneOn: done, today: today) == .done)
        #expect(PlanItemState.of(due: due, doneOn: done, today: LocalDate(year: 2014, month: 9, day: 30)) == .late)
    }

    @Test("Export cells: numbers and dates are typed in XLSX, plain in CSV")
    func exportCells() {
        #expect(XLSXWriter.xml(.integer(1943), at: "B2", header: false) == #"<c r="B2" s="2"><v>1943</v></c>"#)
        #expect(XLSXWriter.xml(.hours(12.25), at: "C2", header: false) == #"<c r="C2" s="3"><v>12.3</v></c>"#)
        #expect(XLSXWriter.xml(.yuan(fen: 125_000), at: "D2", header: false) == #"<c r="D2" s="4"><v>1250</v></c>"#)
        #expect(XLSXWriter.xml(.percent(0.853), at: "E2", header: false) == #"<c r="E2" s="6"><v>0.853</v></c>"#)
        let july = LocalDate(year: 2014, month: 7, day: 1)
        #expect(XLSXWriter.xml(.date(july), at: "F2", header: false) == #"<c r="F2" s="5"><v>41821</v></c>"#)
        #expect(XLSXWriter.xml("1943", at: "A2", header: false).contains(#"t="inlineStr""#))   // text stays text
        #expect(TableCell.integer(1943).plain == "1943" && TableCell.hours(1.5).plain == "1.5")
        #expect(TableCell.percent(0.853).plain == "85.3%")
        #expect(XLSXReader.date(serial: 41821, uses1904: false) == LocalDate(year: 2014, month: 7, day: 1))
    }
}
