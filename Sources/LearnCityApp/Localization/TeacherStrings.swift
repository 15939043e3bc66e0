/// Strings of the teaching corps.
struct TeacherStrings: Sendable {
    let heading, newTeacher, none, name, kind, organisation, subjects, phone, director, doubleReporting: String
    let byCounty, byCentre, hours, money, equipment, service, date, contribution, amount, note, addService: String
    let invalidDate, invalidNumber: String
    let kindName: @Sendable (Teacher.Kind) -> String
    let contributionName: @Sendable (ServiceEntry.Contribution) -> String
}

extension TeacherStrings {
    static let zh = TeacherStrings(
        heading: "社区教育师资队伍", newTeacher: "新增教师或志愿者", none: "还没有教师或志愿者。", name: "姓名", kind: "类别",
        organisation: "任教单位", subjects: "任教内容", phone: "联系电话", director: "中心主任", doubleReporting: "双报到党员",
        byCounty: "按区县合计", byCentre: "按单位合计", hours: "服务学时", money: "捐赠资金（元）", equipment: "捐赠设备（元）",
        service: "服务记录", date: "日期", contribution: "内容", amount: "金额（元）", note: "备注", addService: "记录服务",
        invalidDate: "请填写日期，如 2014-07-01。", invalidNumber: "数值超出范围。",
        kindName: { kind in switch kind { case .fullTime: "专职"; case .partTime: "兼职"; case .volunteer: "志愿者" } },
        contributionName: { c in switch c { case .teaching: "授课"; case .money: "资金"; case .equipment: "设备" } })

    static let en = TeacherStrings(
        heading: "Community-education teaching corps", newTeacher: "New teacher or volunteer", none: "No teachers or volunteers yet.",
        name: "Name", kind: "Kind", organisation: "Teaches at", subjects: "Teaches", phone: "Phone", director: "Centre director",
        doubleReporting: "Double-reporting party member", byCounty: "Totals by county", byCentre: "Totals by unit", hours: "Service hours",
        money: "Money given (yuan)", equipment: "Equipment given (yuan)", service: "Service log", date: "Date", contribution: "What",
        amount: "Amount (yuan)", note: "Note", addService: "Log service", invalidDate: "Enter a date such as 2014-07-01.",
        invalidNumber: "The number is out of range.",
        kindName: { kind in switch kind { case .fullTime: "Full-time"; case .partTime: "Part-time"; case .volunteer: "Volunteer" } },
        contributionName: { c in switch c { case .teaching: "Teaching"; case .money: "Money"; case .equipment: "Equipment" } })
}
