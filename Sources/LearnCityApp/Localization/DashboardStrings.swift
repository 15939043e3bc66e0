/// Strings of the dashboard.
struct DashboardStrings: Sendable {
    let indicator, yearToDate, samePeriod, change: String
    let title, intro, year, region, show, up, drillTitle, organisationsTitle, memberUnitsTitle, noDenominator, noRecords, unknown, key: String
    let breakdownNames: [DashboardQueries.Breakdown: String]
    /// An organisation's own figures on its page.
    let ownFigures, total: String
    /// After a change in a rate: “+1.5 个百分点” / “+1.5 pp”.
    let percentagePoints: String

    static let zh = DashboardStrings(
        indicator: "指标", yearToDate: "本年累计", samePeriod: "去年同期", change: "同比",
        title: "目标进展", intro: "由学习记录实时计算。人次与人数分开统计；比率的分母为所选区域的常住人口或从业人员。",
        year: "年度", region: "区域", show: "查看", up: "返回上一级", drillTitle: "各区县", organisationsTitle: "各机构（所举办课程的学习记录）",
        memberUnitsTitle: "各成员单位", noDenominator: "机构没有人口分母，只列人次、人数和学时。", noRecords: "该年度没有学习记录。", unknown: "未填", key: "项目",
        breakdownNames: [.quarter: "按季度", .kind: "按记录类型", .provider: "按举办单位", .urbanRural: "按城乡", .gender: "按性别",
                         .age: "按年龄段", .industry: "按行业", .occupation: "按职业类别"],
        ownFigures: "学习记录（本机构及下属机构举办）", total: "合计", percentagePoints: " 个百分点")
    static let en = DashboardStrings(
        indicator: "Indicator", yearToDate: "Year to date", samePeriod: "Same period last year", change: "Change",
        title: "Targets", intro: "Computed live from the learning records. Person-times and people are counted apart; rates divide by the region's residents or employed population.",
        year: "Year", region: "Region", show: "Show", up: "Up one level", drillTitle: "By county", organisationsTitle: "By organisation (records of the courses they ran)",
        memberUnitsTitle: "By member unit", noDenominator: "Organisations have no population: person-times, people and hours only.",
        noRecords: "No learning records in this year.", unknown: "not given", key: "Item",
        breakdownNames: [.quarter: "By quarter", .kind: "By kind of record", .provider: "By provider", .urbanRural: "Urban / rural", .gender: "By gender",
                         .age: "By age band", .industry: "By industry", .occupation: "By occupation"],
        ownFigures: "Learning records (provided by it and the organisations under it)", total: "Total",
        percentagePoints: " pp")
}
