import LearnCityCore

/// Strings of joint meetings: calling, confirming, signing in, minutes and decisions.
struct MeetingStrings: Sendable {
    let title, none, noneForUnit, call, titleLabel, session, sessionHint, sessionInvalid, sessionTaken: String
    let date, dateInvalid, time, timeInvalid, place, notice, units, unitsRequired, calledBy: String
    let attendance, unit, attendee, name, post, confirm, notConfirmed, signIn, signedInAt, absentUnits, confirmedBy: String
    let minutes, minutesNumber, minutesNumberHint, minutesNumberInvalid, minutesNumberTaken, minutesText, noMinutes, saveMinutes: String
    let decisions, noDecisions, decision, lead, participants, due, deliverables, addDecision, planItem: String
    let notCalled, confirmClosed, signInClosed, notYet, officeOnly, unknownAction, notAttendee, noPlan: String
    let sessionLabel: @Sendable (_ session: Int) -> String
    let summary: @Sendable (_ called: Int, _ confirmed: Int, _ attended: Int) -> String
    let stateNames: [AttendanceState: String]

    static let zh = MeetingStrings(
        title: "联席会议", none: "还没有联席会议。", noneForUnit: "本单位没有被通知参加的会议。", call: "召集会议", titleLabel: "会议名称",
        session: "第几次", sessionHint: "本年度的第几次会议，如 2", sessionInvalid: "请填写正整数。", sessionTaken: "本年度已有这一次会议。",
        date: "日期", dateInvalid: "日期无效，如 2014-08-20。", time: "时间", timeInvalid: "时间无效，如 09:30。", place: "地点",
        notice: "会议通知", units: "参会单位", unitsRequired: "请至少选择一个单位。", calledBy: "召集人",
        attendance: "参会情况", unit: "单位", attendee: "参会人员", name: "姓名", post: "职务", confirm: "报名参会",
        notConfirmed: "未报名", signIn: "签到", signedInAt: "签到时间", absentUnits: "缺席单位", confirmedBy: "报名人",
        minutes: "会议纪要", minutesNumber: "纪要编号", minutesNumberHint: "如：〔2014〕1号",
        minutesNumberInvalid: "编号应写作〔年份〕序号号，如〔2014〕1号。", minutesNumberTaken: "该纪要编号已使用。", minutesText: "纪要正文",
        noMinutes: "尚未记录会议纪要。", saveMinutes: "保存纪要",
        decisions: "议定事项", noDecisions: "还没有议定事项。", decision: "议定事项", lead: "牵头单位", participants: "配合单位",
        due: "完成时限", deliverables: "工作成果", addDecision: "列入工作要点", planItem: "工作要点事项",
        notCalled: "本单位未被通知参加此会议。", confirmClosed: "会议日期已过，报名已截止。", signInClosed: "只能在会议当天签到。",
        notYet: "会议尚未召开。", officeOnly: "只有领导小组办公室可以做此操作。", unknownAction: "请选择要做的事。",
        notAttendee: "该单位不在参会名单中。", noPlan: "还没有工作要点，议定事项无法列入。",
        sessionLabel: { "第\($0)次" },
        summary: { called, confirmed, attended in "通知 \(called) 个单位，已报名 \(confirmed) 个，已签到 \(attended) 个" },
        stateNames: [.invited: "未报名", .confirmed: "已报名", .attended: "已签到", .absent: "缺席"])

    static let en = MeetingStrings(
        title: "Joint meetings", none: "No joint meetings yet.", noneForUnit: "Your unit has not been called to any meeting.",
        call: "Call a meeting", titleLabel: "Title", session: "Session", sessionHint: "Which meeting of the year, e.g. 2",
        sessionInvalid: "Enter a whole number above zero.", sessionTaken: "This session of the year exists already.",
        date: "Date", dateInvalid: "Not a date; e.g. 2014-08-20.", time: "Time", timeInvalid: "Not a time; e.g. 09:30.", place: "Place",
        notice: "Notice", units: "Attending units", unitsRequired: "Choose at least one unit.", calledBy: "Called by",
        attendance: "Attendance", unit: "Unit", attendee: "Attending", name: "Name", post: "Post", confirm: "Confirm attendance",
        notConfirmed: "not confirmed", signIn: "Sign in", signedInAt: "Signed in", absentUnits: "Absent", confirmedBy: "Confirmed by",
        minutes: "Minutes", minutesNumber: "Minutes number", minutesNumberHint: "e.g. 〔2014〕1号",
        minutesNumberInvalid: "Write the number as 〔year〕serial号, e.g. 〔2014〕1号.", minutesNumberTaken: "This minutes number is used.",
        minutesText: "Text of the minutes", noMinutes: "No minutes recorded yet.", saveMinutes: "Save the minutes",
        decisions: "Decisions", noDecisions: "No decisions yet.", decision: "Decision", lead: "Lead unit", participants: "Participating units",
        due: "Due", deliverables: "Deliverables", addDecision: "Add to the work plan", planItem: "Work-plan item",
        notCalled: "Your unit is not called to this meeting.", confirmClosed: "The meeting is over; confirmations are closed.",
        signInClosed: "Units sign in on the day of the meeting only.", notYet: "The meeting has not taken place yet.",
        officeOnly: "Only the leading group office can do this.", unknownAction: "Choose what to do.",
        notAttendee: "That unit is not called to this meeting.", noPlan: "There is no work plan to add the decision to.",
        sessionLabel: { "session \($0)" },
        summary: { called, confirmed, attended in "\(called) units called, \(confirmed) confirmed, \(attended) signed in" },
        stateNames: [.invited: "not confirmed", .confirmed: "confirmed", .attended: "signed in", .absent: "absent"])
}

/// Strings of the liaison officers' directory.
struct LiaisonStrings: Sendable {
    let title, intro, unit, name, post, officePhone, mobile, none, missing, allPresent, set, reveal, remove: String
    let phoneRequired, officePhoneInvalid, mobileInvalid, notYourUnit, revealedNote, removed: String

    static let zh = LiaisonStrings(
        title: "联络员", intro: "各单位的联络员。手机号码是个人信息，隐藏显示；查看完整号码会记入审计日志。",
        unit: "单位", name: "姓名", post: "职务", officePhone: "办公电话", mobile: "手机", none: "还没有联络员。",
        missing: "尚未报送联络员的单位", allPresent: "各单位均已报送联络员。", set: "报送联络员", reveal: "查看完整号码", remove: "移除",
        phoneRequired: "请至少填写一个电话。", officePhoneInvalid: "办公电话格式不对，如 0818-2123456。",
        mobileInvalid: "手机号码应为 11 位，如 13800001234。", notYourUnit: "只能报送本单位的联络员。",
        revealedNote: "已显示完整号码，本次查看已记入审计日志。", removed: "已移除")
    static let en = LiaisonStrings(
        title: "Liaison officers", intro: "Each unit's liaison officers. Mobile numbers are personal data: they are masked, and showing one in full is written to the audit log.",
        unit: "Unit", name: "Name", post: "Post", officePhone: "Office phone", mobile: "Mobile", none: "No liaison officers yet.",
        missing: "Units with no liaison officer", allPresent: "Every unit has a liaison officer.", set: "Add a liaison officer",
        reveal: "Show in full", remove: "Remove",
        phoneRequired: "Give at least one phone number.", officePhoneInvalid: "Not an office phone number; e.g. 0818-2123456.",
        mobileInvalid: "A mobile number has 11 digits, e.g. 13800001234.", notYourUnit: "You can only name your own unit's liaison officer.",
        revealedNote: "The full number is shown; this was written to the audit log.", removed: "removed")
}
