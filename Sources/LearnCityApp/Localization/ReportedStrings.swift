/// Strings of figures units report in aggregate.
struct ReportedStrings: Sendable {
    let title, intro, none, indicator, organisation, year, period, wholeYear, value, note, by, add, save, saved, column: String

    static let zh = ReportedStrings(
        title: "单位上报数", intro: "各单位在季度、年度报告中上报的汇总数。它们在目标进展中与记录数并列显示、单独标注，从不加进记录数。",
        none: "还没有上报数。", indicator: "指标", organisation: "上报单位", year: "年度", period: "期间", wholeYear: "全年", value: "数值",
        note: "说明", by: "填报人", add: "填报上报数", save: "保存", saved: "已保存。", column: "单位上报（不计入）")
    static let en = ReportedStrings(
        title: "Reported figures", intro: "Totals units report in their quarterly and annual reports. The dashboard shows them beside the recorded figures, labelled, and never adds them in.",
        none: "No reported figures yet.", indicator: "Indicator", organisation: "Reporting unit", year: "Year", period: "Period", wholeYear: "whole year",
        value: "Value", note: "Note", by: "Entered by", add: "Enter a reported figure", save: "Save", saved: "Saved.", column: "Reported by units (not added)")
}
