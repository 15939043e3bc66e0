import Foundation

/// The rules of joint meetings (联席会议) and the liaison directory: minutes numbers, meeting
/// times, office phones, who may confirm or sign in when, and what an attending unit's row says.

/// The number of a meeting's minutes (会议纪要), as offices write it: `〔2014〕1号`, with an
/// optional issuer before the bracket (`××继教办〔2014〕1号`). Typed brackets vary (`[2014]`,
/// `（2014）`, `【2014】`), digits may be full-width; all are stored in one form so that the same
/// number typed two ways is the same number.
public struct MinutesNumber: Hashable, Sendable, CustomStringConvertible {
    public let issuer: String
    public let year: Int
    public let serial: Int

    private static let opening: Set<Character> = ["〔", "[", "［", "(", "（", "【", "﹝", "〖"]
    private static let closing: Set<Character> = ["〕", "]", "］", ")", "）", "】", "﹞", "〗"]

    public init?(_ text: String) {
        let t = CellText.normalise(text).replacingOccurrences(of: " ", with: "")
        guard let open = t.firstIndex(where: Self.opening.contains),
              let close = t[open...].firstIndex(where: Self.closing.contains) else { return nil }
        let issuer = String(t[..<open])
        let yearText = t[t.index(after: open)..<close]
        var rest = t[t.index(after: close)...]
        if rest.hasSuffix("号") { rest = rest.dropLast() }
        guard !issuer.contains(where: Self.isDigit), yearText.count == 4, yearText.allSatisfy(Self.isDigit),
              let year = Int(yearText), (1990...2100).contains(year),
              (1...5).contains(rest.count), rest.allSatisfy(Self.isDigit), let serial = Int(rest), serial >= 1 else { return nil }
        (self.issuer, self.year, self.serial) = (issuer, year, serial)
    }

    /// `××继教办〔2014〕1号`: the stored and shown form.
    public var description: String { "\(issuer)〔\(year)〕\(serial)号" }

    static func isDigit(_ c: Character) -> Bool { c.isASCII && c.isNumber }
}

/// A meeting's start time, `09:30` (`9:30`, `9：30`, full-width digits accepted).
public enum MeetingTime {
    public static func parse(_ text: String) -> String? {
        let t = CellText.normalise(text)   // full-width digits and colon made ASCII
        let parts = t.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ (1...2).contains($0.count) && $0.allSatisfy(MinutesNumber.isDigit) }),
              let hour = Int(parts[0]), let minute = Int(parts[1]), (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        return (hour < 10 ? "0" : "") + "\(hour):" + (minute < 10 ? "0" : "") + "\(minute)"
    }
}

/// An office (landline) phone as written: `0818-2123456`, `(0818)2123456`, `2123456`, an
/// extension after `转`. Kept as typed (tidied); it is a work number, not personal data.
public enum OfficePhone {
    public static func normalise(_ text: String) -> String? {
        let t = CellText.normalise(text)
        guard !t.isEmpty else { return nil }
        var digits = 0
        for c in t {
            if MinutesNumber.isDigit(c) { digits += 1; continue }
            guard "-() 转".contains(c) else { return nil }
        }
        return (7...16).contains(digits) ? t : nil
    }
}

/// Where an attending unit stands for a meeting.
public enum AttendanceState: String, Sendable, CaseIterable {
    /// Called, no answer yet.
    case invited
    /// Said who comes (报名).
    case confirmed
    /// Signed in at the meeting (签到).
    case attended
    /// The day has passed and nobody signed in.
    case absent

    public static func of(confirmed: Bool, signedIn: Bool, meetingDay: LocalDate, today: LocalDate) -> AttendanceState {
        if signedIn { return .attended }
        if today > meetingDay { return .absent }
        return confirmed ? .confirmed : .invited
    }
}

/// What may be done to a meeting on a given day.
public enum JointMeetingRules {
    /// A unit says who comes up to and including the meeting day.
    public static func mayConfirm(meetingDay: LocalDate, today: LocalDate) -> Bool { today <= meetingDay }

    /// A unit signs itself in on the day only; the office signs units in on the day or records
    /// it afterwards (from the sign-in sheet), never before.
    public static func maySignIn(office: Bool, meetingDay: LocalDate, today: LocalDate) -> Bool {
        office ? today >= meetingDay : today == meetingDay
    }

    /// Minutes and decisions come after the meeting has begun.
    public static func mayRecordOutcome(meetingDay: LocalDate, today: LocalDate) -> Bool { today >= meetingDay }

    /// The work-plan section a meeting's decisions go into, in the plan's language (the plan's
    /// sections are data, written as the seed writes them: 三(一), 联席会议第2次).
    public static func planSection(session: Int) -> String { "联席会议第\(session)次" }

    /// A meeting's title with its session label, unless the office already wrote the session
    /// into the title (“联席会议（第2次）”, “第二次联席会议”): it would then read twice.
    public static func heading(title: String, session: Int, label: String) -> String {
        let text = CellText.normalise(title).lowercased().replacingOccurrences(of: " ", with: "")
        let named = ["第\(session)次", "第\(chineseNumber(session))次", "session\(session)"].contains { text.contains($0) }
        return named ? title : "\(title)（\(label)）"
    }

    /// 1…99 in Chinese numerals, as session numbers are written (二, 十二, 二十一).
    static func chineseNumber(_ n: Int) -> String {
        let digits = Array("零一二三四五六七八九")
        guard (1...99).contains(n) else { return String(n) }
        if n < 10 { return String(digits[n]) }
        return (n / 10 == 1 ? "" : String(digits[n / 10])) + "十" + (n % 10 == 0 ? "" : String(digits[n % 10]))
    }

    /// The units called to meetings and listed in the liaison directory, in the order they are shown.
    public static let unitKinds: [OrganisationKind] = [.leadingGroupOffice, .memberUnit, .university, .college, .countyLeadership]
}
