/// Strings of the targets, populations and baselines page.
struct TargetStrings: Sendable {
    let title, intro, targetsTitle, populationsTitle, baselinesTitle, baselinesIntro, none, indicator, region, year, value, valueHint: String
    let residents, employed, source, save, saved, populationFile, importButton, yearInvalid, valueInvalid, employedInvalid: String
    let newIndicator, newIndicatorIntro, code, unit, unitPeople, unitPersonTimes, unitRate, denominator, criteria: String
    let employedOnly, headcount, create, codeInvalid, codeTaken, criteriaRequired, sameTimeLastYear: String
    let imported: @Sendable (Int) -> String

    static let zh = TargetStrings(
        title: "目标与人口", intro: "为市和各区县设定每年的目标；维护作为比率分母的常住人口和从业人员；没有记录的年份可填基准数据，用于同比。",
        targetsTitle: "目标", populationsTitle: "人口（比率的分母）", baselinesTitle: "基准年数据",
        baselinesIntro: "LearnCity 没有记录的年份（如启用前一年），在此填入当年的数字，同比时使用。", none: "暂无。",
        indicator: "指标", region: "区域", year: "年度", value: "数值", valueHint: "人数或人次填整数；比率填小数，如 0.35 表示 35%。",
        residents: "常住人口", employed: "从业人员", source: "来源", save: "保存", saved: "已保存。", populationFile: "从表格导入人口（区县、年度、常住人口、从业人员、来源）",
        importButton: "导入", yearInvalid: "请填写有效年度。", valueInvalid: "请填写有效数值。", employedInvalid: "从业人员应为不大于常住人口的整数。",
        newIndicator: "新增指标", newIndicatorIntro: "选择计入的记录类型和状态；保存后立即按已有记录计算。", code: "指标代码", unit: "单位",
        unitPeople: "人数（不重复）", unitPersonTimes: "人次", unitRate: "比率", denominator: "分母（比率）", criteria: "计入的记录",
        employedOnly: "只计从业人员", headcount: "加上活动中未登记的人次", create: "新增", codeInvalid: "代码为 1–12 位字母或数字。",
        codeTaken: "该代码已存在。", criteriaRequired: "至少选择一种记录类型和状态。", sameTimeLastYear: "去年同期",
        imported: { n in "已导入 \(n) 条人口数据。" })
    static let en = TargetStrings(
        title: "Targets and population", intro: "Set each year's targets for the city and each county; keep the resident and employed populations rates divide by; enter baseline figures for years without records, for year-on-year comparison.",
        targetsTitle: "Targets", populationsTitle: "Population (denominators)", baselinesTitle: "Baseline figures",
        baselinesIntro: "For years LearnCity holds no records of (such as the year before it was used): the figures compared with.", none: "None yet.",
        indicator: "Indicator", region: "Region", year: "Year", value: "Value", valueHint: "Whole numbers for people and person-times; a fraction for rates (0.35 = 35%).",
        residents: "Residents", employed: "Employed", source: "Source", save: "Save", saved: "Saved.", populationFile: "Import population from a spreadsheet (region, year, residents, employed, source)",
        importButton: "Import", yearInvalid: "Enter a valid year.", valueInvalid: "Enter a valid value.", employedInvalid: "Employed must be a whole number not above residents.",
        newIndicator: "New indicator", newIndicatorIntro: "Choose the kinds and statuses of records that count; figures are counted from the stored records at once.",
        code: "Code", unit: "Unit", unitPeople: "people (distinct)", unitPersonTimes: "person-times", unitRate: "rate", denominator: "Denominator (rates)",
        criteria: "Records that count", employedOnly: "Employed people only", headcount: "Add activities' unregistered headcount", create: "Create",
        codeInvalid: "1–12 letters or digits.", codeTaken: "This code exists.", criteriaRequired: "Choose at least one kind and status.",
        sameTimeLastYear: "Same period last year",
        imported: { n in "\(n) population rows imported." })
}
