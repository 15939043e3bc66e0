import LearnCityCore

/// Strings of the annual statistics return.
struct AnnualReturnStrings: Sendable {
    let title, formNumber, authority, authoritySuffix, reportingUnit, dataAsOf, year, peopleHeader, personTimes, hours, item, total: String
    let byDepartment, byIndustry, head, preparer, date, publish, publishedTitle, publishedNote, liveNote: String
    let groupNames: [AnnualReturn.Group: String]
    /// "：" in Chinese, ": " in English.
    let colon: String
    let yearTitle: @Sendable (Int) -> String
    /// The XLSX's worksheet tab (Excel allows 31 characters).
    let sheetTitle: @Sendable (Int) -> String

    static let zh = AnnualReturnStrings(
        title: "年度继续教育统计表", formNumber: "表号：继教统1表", authority: "制表机关", authoritySuffix: "继续教育工作领导小组办公室",
        reportingUnit: "填报单位", dataAsOf: "数据截至", year: "年度", peopleHeader: "接受继续教育人数（人）", personTimes: "人次", hours: "学时",
        item: "项目", total: "合计", byDepartment: "一、按部门（成员单位）", byIndustry: "二、按行业", head: "单位负责人", preparer: "填表人", date: "填报日期",
        publish: "发布（冻结数据）", publishedTitle: "已发布", publishedNote: "此表已发布：数字冻结于“数据截至”时刻，以后不会变化。",
        liveNote: "尚未发布：数字由学习记录实时计算。",
        groupNames: [.cadres: "党政干部", .enterprise: "企业职工", .professional: "专业技术人员", .urban: "城镇居民", .rural: "农村居民"],
        colon: "：", yearTitle: { year in "\(year)年度继续教育统计表" }, sheetTitle: { year in "\(year)年度统计表" })
    static let en = AnnualReturnStrings(
        title: "Annual continuing-education return", formNumber: "Form CE-1", authority: "Issued by", authoritySuffix: " Continuing Education Leading Group Office",
        reportingUnit: "Reporting unit", dataAsOf: "Data as of", year: "Year", peopleHeader: "People who received continuing education", personTimes: "Person-times",
        hours: "Hours", item: "Item", total: "Total", byDepartment: "1. By department (member unit)", byIndustry: "2. By industry", head: "Head of unit",
        preparer: "Prepared by", date: "Date", publish: "Publish (freeze the figures)", publishedTitle: "Published",
        publishedNote: "Published: the figures are frozen at the “data as of” time and will not change.",
        liveNote: "Not published: figures are computed live from the records.",
        groupNames: [.cadres: "Officials", .enterprise: "Enterprise employees", .professional: "Professional and technical", .urban: "Urban residents", .rural: "Rural residents"],
        colon: ": ", yearTitle: { year in "Annual continuing-education return \(year)" },
        sheetTitle: { year in "Annual return \(year)" })
}
