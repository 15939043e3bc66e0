import Foundation
import Testing
@testable import LearnCityCore

@Suite("Joint meetings")
struct JointMeetingRulesTests {
    @Test("Minutes numbers typed every way are one number", arguments: [
        ("〔2014〕1号", "〔2014〕1号"),
        ("[2014]1号", "〔2014〕1号"),
        ("（2014）01号", "〔2014〕1号"),
        (" 【２０１４】１ ", "〔2014〕1号"),
        ("达市继教办〔2014〕12号", "达市继教办〔2014〕12号"),
        ("达市继教办 [2014] 12", "达市继教办〔2014〕12号"),
    ])
    func minutesNumbers(text: String, stored: String) {
        #expect(MinutesNumber(text)?.description == stored)
    }

    @Test("What is not a minutes number", arguments: [
        "", "2014-1", "〔2014〕", "〔2014〕号", "〔14〕1号", "〔1889〕1号", "〔2014〕0号", "〔2014〕-1号", "〔2014〕+1号",
        "〔2014〕1a号", "〔二〇一四〕1号", "第2〔2014〕1号", "〔2014〕123456号",
    ])
    func badMinutesNumbers(text: String) {
        #expect(MinutesNumber(text) == nil)
    }

    @Test("The same number in two spellings is equal (so uniqueness holds)")
    func equality() {
        #expect(MinutesNumber("[2014]1号") == MinutesNumber("〔2014〕１号"))
        #expect(MinutesNumber("〔2014〕1号") != MinutesNumber("〔2015〕1号"))
        #expect(MinutesNumber("甲〔2014〕1号") != MinutesNumber("〔2014〕1号"))
    }

    @Test("Meeting times")
    func times() {
        #expect(MeetingTime.parse("9:30") == "09:30")
        #expect(MeetingTime.parse("１４：０５") == "14:05")
        #expect(MeetingTime.parse("23:59") == "23:59")
        for bad in ["", "24:00", "9:60", "930", "9:3:0", "a:10", "+9:30", "123:00"] { #expect(MeetingTime.parse(bad) == nil, "\(bad)") }
    }

    @Test("Office phones: landlines as written; letters and short numbers refused")
    func officePhones() {
        #expect(OfficePhone.normalise("0818-2123456") == "0818-2123456")
        #expect(OfficePhone.normalise(" (0818)2123456转8001 ") == "(0818)2123456转8001")
        #expect(OfficePhone.normalise("０８１８-２１２３４５６") == "0818-2123456")
        for bad in ["", "12345", "0818-CALL-ME", "0818#2123456"] { #expect(OfficePhone.normalise(bad) == nil, "\(bad)") }
    }

    @Test("Liaison mobiles are masked as 138****5678")
    func masking() {
        #expect(MobileNumber("13800005678")?.masked == "138****5678")
        #expect(MobileNumber("+86 138 0000 5678")?.masked == "138****5678")
        #expect(MobileNumber("1380000567") == nil)
    }

    @Test("Attendance: confirmed, attended on the day, absent once the day is over")
    func attendance() {
        let day = LocalDate(year: 2014, month: 8, day: 20)
        let before = LocalDate(year: 2014, month: 8, day: 19), after = LocalDate(year: 2014, month: 8, day: 21)
        #expect(AttendanceState.of(confirmed: false, signedIn: false, meetingDay: day, today: before) == .invited)
        #expect(AttendanceState.of(confirmed: true, signedIn: false, meetingDay: day, today: day) == .confirmed)
        #expect(AttendanceState.of(confirmed: true, signedIn: true, meetingDay: day, today: after) == .attended)
        #expect(AttendanceState.of(confirmed: false, signedIn: true, meetingDay: day, today: day) == .attended)
        #expect(AttendanceState.of(confirmed: true, signedIn: false, meetingDay: day, today: after) == .absent)
    }

    @Test("Who may do what when: confirm until the day, units sign in on the day, the office on or after it")
    func timing() {
        let day = LocalDate(year: 2014, month: 8, day: 20)
        let before = LocalDate(year: 2014, month: 8, day: 19), after = LocalDate(year: 2014, month: 8, day: 21)
        #expect(JointMeetingRules.mayConfirm(meetingDay: day, today: before) && JointMeetingRules.mayConfirm(meetingDay: day, today: day))
        #expect(!JointMeetingRules.mayConfirm(meetingDay: day, today: after))
        #expect(JointMeetingRules.maySignIn(office: false, meetingDay: day, today: day))
        #expect(!JointMeetingRules.maySignIn(office: false, meetingDay: day, today: before) && !JointMeetingRules.maySignIn(office: false, meetingDay: day, today: after))
        #expect(JointMeetingRules.maySignIn(office: true, meetingDay: day, today: after) && !JointMeetingRules.maySignIn(office: true, meetingDay: day, today: before))
        #expect(!JointMeetingRules.mayRecordOutcome(meetingDay: day, today: before) && JointMeetingRules.mayRecordOutcome(meetingDay: day, today: day))
        #expect(JointMeetingRules.planSection(session: 2) == "联席会议第2次")
    }

    @Test("Demo data problems are named")
    func dataProblems() {
        let data = JointMeetingData(
            meetings: [.init(session: 1, title: "t", date: "2014-13-01", time: "25:00", place: "p", notice: "",
                             attendees: [.init(unit: "MU-X")], minutesNumber: "1号", minutes: nil,
                             decisions: [.init(text: "d", due: "x", lead: "MU-EDU", participants: ["MU-Y"])])],
            liaisons: [.init(unit: "MU-EDU", name: "甲", post: "科长", officePhone: "abc", mobile: "123")])
        let problems = data.problems(knownUnits: ["MU-EDU"])
        #expect(problems.count == 8)
        #expect(problems.contains("meeting 1: unknown unit MU-X") && problems.contains("liaison 甲: bad mobile"))
    }
}
