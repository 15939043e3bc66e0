import LearnCityCore

/// Strings of learning records: the person's records, the record page, void and correct.
struct RecordStrings: Sendable {
    let title, kind, date, hours, status, provider, course, source, certificateNo, noRecords: String
    let personTimes, distinctPeople, totalHours, byYear, year, void, correct, reason, reasonRequired, voided, corrected: String
    let voidedNote: @Sendable (_ reason: String) -> String
    let add, addTitle, save, statusNotForKind, hoursInvalid, dateInvalid, alreadyVoided, details, lookalike: String
    /// The provider list's first choice: none (adding), or the record's provider as stored
    /// (correcting) — a list that starts with a real organisation set it on every correction.
    let noProvider: String
    let keepProvider: @Sendable (_ current: String) -> String
    let kindNames: [RecordKind: String]
    let statusNames: [RecordStatus: String]
    let sourceNames: [LearningRecord.Source: String]

    func kindName(_ kind: RecordKind) -> String { kindNames[kind] ?? kind.rawValue }
    func statusName(_ status: RecordStatus) -> String { statusNames[status] ?? status.rawValue }
    func sourceName(_ source: LearningRecord.Source) -> String { sourceNames[source] ?? source.rawValue }
}

extension RecordStrings {
    static let zh = RecordStrings(
        title: "学习记录", kind: "类型", date: "日期", hours: "学时", status: "状态", provider: "举办单位", course: "课程",
        source: "来源", certificateNo: "证书编号", noRecords: "还没有学习记录。",
        personTimes: "人次", distinctPeople: "人数（不重复）", totalHours: "总学时", byYear: "按年度", year: "年度",
        void: "作废", correct: "更正", reason: "理由", reasonRequired: "请填写理由。", voided: "已作废", corrected: "已更正",
        voidedNote: { reason in "已作废：\(reason)（不再计入统计）" },
        add: "新增学习记录", addTitle: "为此人新增学习记录", save: "保存", statusNotForKind: "此状态不适用于该类型。",
        hoursInvalid: "学时应为 0–1000 的数字。", dateInvalid: "请填写有效日期，如 2014-07-01。", alreadyVoided: "该记录已作废。",
        details: "详情", lookalike: "疑似重复：另一来源有同类型、同日期、同课程的记录",
        noProvider: "（不指定）", keepProvider: { current in "保持不变：\(current)" },
        kindNames: [.community: "社区教育", .training: "职业培训", .certification: "资格认证", .degree: "学历教育"],
        statusNames: [.completed: "已结业", .enrolled: "在读", .dropped: "退出", .issued: "已发证", .graduated: "已毕业", .withdrawn: "退学"],
        sourceNames: [.manual: "手工录入", .import: "批量导入", .enrolment: "报名结业", .online: "在线学习", .xapi: "xAPI"])

    static let en = RecordStrings(
        title: "Learning records", kind: "Kind", date: "Date", hours: "Hours", status: "Status", provider: "Provider", course: "Course",
        source: "Source", certificateNo: "Certificate no.", noRecords: "No learning records yet.",
        personTimes: "person-times", distinctPeople: "people (distinct)", totalHours: "Total hours", byYear: "By year", year: "Year",
        void: "Void", correct: "Correct", reason: "Reason", reasonRequired: "Give a reason.", voided: "voided", corrected: "corrected",
        voidedNote: { reason in "Voided: \(reason) (no longer counted)" },
        add: "Add a learning record", addTitle: "Add a learning record for this person", save: "Save",
        statusNotForKind: "This status does not apply to this kind.", hoursInvalid: "Hours must be a number from 0 to 1000.",
        dateInvalid: "Enter a real date, e.g. 2014-07-01.", alreadyVoided: "This record is already voided.", details: "Details",
        lookalike: "possible duplicate: another source has a record of the same kind, date and course",
        noProvider: "(none)", keepProvider: { current in "Keep as is: \(current)" },
        kindNames: [.community: "Community education", .training: "Vocational training", .certification: "Certification", .degree: "Degree education"],
        statusNames: [.completed: "completed", .enrolled: "enrolled", .dropped: "dropped", .issued: "issued", .graduated: "graduated", .withdrawn: "withdrawn"],
        sourceNames: [.manual: "entered by hand", .import: "bulk import", .enrolment: "enrolment", .online: "online course", .xapi: "xAPI"])
}

/// Hours as people write them: `4`, `1.5`.
enum NumberText {
    static func hours(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String((value * 10).rounded() / 10)
    }

    /// 12 KB, 3.4 MB: file sizes for people.
    static func bytes(_ count: Int) -> String {
        if count < 1024 { return "\(count) B" }
        if count < 1024 * 1024 { return "\(count / 1024) KB" }
        return "\(hours(Double(count) / 1_048_576)) MB"
    }

    /// A sum of money in yuan from fen (分), with thousands separators: 1,234,567.80.
    static func yuan(fen: Int) -> String {
        let sign = fen < 0 ? "-" : "", f = abs(fen)
        let cents = f % 100
        return sign + NumberFormat.integer(f / 100) + "." + (cents < 10 ? "0" : "") + String(cents)
    }
}

/// Strings of activities counted by headcount.
struct ActivityStrings: Sendable {
    let title, intro, empty, name, organiser, headcount, registered, registeredHint, counted, add, headcountInvalid, registeredTooMany: String

    static let zh = ActivityStrings(
        title: "活动（按人次计）", intro: "讲座、展演等按到场人数统计的活动。其中已有个人学习记录的人（已登记）不重复计入人次，也不计入人数。",
        empty: "还没有活动。", name: "活动名称", organiser: "主办单位", headcount: "到场人数", registered: "其中已登记",
        registeredHint: "到场者中已有个人学习记录的人数。", counted: "计入人次", add: "登记活动",
        headcountInvalid: "请填写有效人数。", registeredTooMany: "已登记人数不能超过到场人数。")
    static let en = ActivityStrings(
        title: "Activities (counted by headcount)",
        intro: "Lectures, shows and other events counted by attendance. Those who also have their own records (registered) add no person-times again, and never count as people.",
        empty: "No activities yet.", name: "Activity", organiser: "Organiser", headcount: "Attendance", registered: "Of which registered",
        registeredHint: "Attendees who also have their own learning records.", counted: "Person-times counted", add: "Record an activity",
        headcountInvalid: "Enter a valid number.", registeredTooMany: "Registered cannot exceed attendance.")
}
