import LearnCityCore

/// Strings of inspections (专项督导检查) and their rectifications.
struct SupervisionStrings: Sendable {
    let title, none, mine, due, date, unit, rectifications, open, lateCount, status, published, draft: String
    let create, draftHint, inspectors, findings, rectificationLines, linesHint, save, late, dateInvalid: String
    let alreadyPublished, unknownAction, notNow, notYours, officeOnly, answerRequired, commentRequired: String
    let publishHint, publish, noRectifications, addRectification, add, closedOn, answer, comment, whatWasDone, submitAnswer, close, reopen: String
    let stateNames: [RectificationState: String]
    let problems: [RectificationLine.Problem: String]
    let onLine: @Sendable (_ line: Int, _ problem: String) -> String

    func lineError(_ error: RectificationLine.LineError) -> String { onLine(error.line, problems[error.problem] ?? "") }

    static let zh = SupervisionStrings(
        title: "督导检查", none: "还没有督导检查。", mine: "本单位待整改事项", due: "整改时限", date: "检查日期", unit: "被检查单位",
        rectifications: "整改要求", open: "未办结", lateCount: "逾期", status: "状态", published: "已通报", draft: "草稿（仅办公室可见）",
        create: "登记督导检查", draftHint: "保存后为草稿，通报后各单位可见。", inspectors: "检查人员", findings: "发现的问题",
        rectificationLines: "整改要求（每行一条）", linesHint: "格式：要求 | 时限，如：健全工作制度 | 2014-12-31", save: "保存草稿",
        late: "已逾期", dateInvalid: "请填写有效日期，如 2014-09-18。",
        alreadyPublished: "该检查已通报。", unknownAction: "无法识别的操作。", notNow: "该整改事项当前状态下不能这样操作。",
        notYours: "只有被检查单位可以答复整改事项。", officeOnly: "只有领导小组办公室可以办结或退回整改事项。",
        answerRequired: "请写明整改情况。", commentRequired: "退回时请写明原因。",
        publishHint: "通报后所有工作人员可见，不能撤回。", publish: "通报", noRectifications: "没有整改要求。",
        addRectification: "增加整改要求", add: "增加", closedOn: "办结于", answer: "整改情况", comment: "办公室意见",
        whatWasDone: "整改情况（做了什么）", submitAnswer: "提交整改情况", close: "确认办结", reopen: "退回重新整改",
        stateNames: [.open: "待整改", .answered: "已答复", .closed: "已办结"],
        problems: [.format: "应为“要求 | 时限”", .requirementMissing: "缺少整改要求", .dateInvalid: "时限不是有效日期", .empty: "请至少填写一条整改要求"],
        onLine: { "第 \($0) 行：\($1)" })
    static let en = SupervisionStrings(
        title: "Inspections", none: "No inspections yet.", mine: "What my unit must rectify", due: "Due", date: "Date", unit: "Inspected unit",
        rectifications: "Rectifications", open: "Open", lateCount: "Late", status: "Status", published: "Published", draft: "Draft (office only)",
        create: "Record an inspection", draftHint: "It is saved as a draft; units see it once published.", inspectors: "Inspectors",
        findings: "Findings", rectificationLines: "Required rectifications (one per line)",
        linesHint: "Format: requirement | due date, e.g. Set up working rules | 2014-12-31", save: "Save draft",
        late: "late", dateInvalid: "Enter a valid date, e.g. 2014-09-18.",
        alreadyPublished: "This inspection is already published.", unknownAction: "Unknown action.",
        notNow: "This cannot be done to the rectification in its current state.",
        notYours: "Only the inspected unit answers a rectification.", officeOnly: "Only the leading group office closes or sends back a rectification.",
        answerRequired: "Say what was done.", commentRequired: "Say why it is sent back.",
        publishHint: "Once published every staff account sees it; it cannot be withdrawn.", publish: "Publish",
        noRectifications: "No rectifications required.", addRectification: "Add rectifications", add: "Add", closedOn: "closed on",
        answer: "What was done", comment: "Office's comment", whatWasDone: "What was done", submitAnswer: "Send the answer",
        close: "Confirm closed", reopen: "Send back",
        stateNames: [.open: "open", .answered: "answered", .closed: "closed"],
        problems: [.format: "should be “requirement | due date”", .requirementMissing: "the requirement is missing",
                   .dateInvalid: "the due date is not a date", .empty: "enter at least one rectification"],
        onLine: { "Line \($0): \($1)" })
}

/// Strings of the yearly assessment (年度考核) and the advanced units (先进单位).
struct AssessmentStrings: Sendable {
    let title, year, show, published, notPublished, notYet, noCriteria, rank, unit, total, advanced, noAdvanced: String
    let locked, nameTaken, weightInvalid, noScheme, reasonRequired, unitsRequired, unknownAction: String
    let addCriterion, criterionName, weight, weightHint, source, add, scores, scoresHint, saveScores, computeHint, compute: String
    let publishHint, publish, selectAdvanced, suggestTop, suggest, reason, saveAdvanced: String
    let sourceNames: [CriterionSource: String]
    let heading: @Sendable (_ year: Int) -> String
    let scoreInvalid: @Sendable (_ weight: Int) -> String
    let suggestedReason: @Sendable (_ year: Int, _ rank: Int) -> String

    static let zh = AssessmentStrings(
        title: "年度考核", year: "年度", show: "查看", published: "已公布", notPublished: "未公布", notYet: "考核结果尚未公布。",
        noCriteria: "还没有考核指标。", rank: "名次", unit: "单位", total: "总分", advanced: "先进单位", noAdvanced: "尚未评定先进单位。",
        locked: "考核结果已公布，不能再修改。", nameTaken: "已有同名指标。", weightInvalid: "分值应为 1 至 100 的整数。",
        noScheme: "请先增加考核指标。", reasonRequired: "请填写评定理由。", unitsRequired: "请至少选择一个单位。", unknownAction: "无法识别的操作。",
        addCriterion: "增加考核指标", criterionName: "指标名称", weight: "分值", weightHint: "如 30", source: "评分方式", add: "增加",
        scores: "评分", scoresHint: "人工评分的指标在此填写（0 至分值，可保留一位小数）；自动指标由系统根据工作数据计算。",
        saveScores: "保存评分", computeHint: "根据工作要点完成情况、报表按时报送情况重新计算自动指标得分。", compute: "计算自动指标",
        publishHint: "公布后各单位可见排名和先进单位，考核结果不能再修改。", publish: "公布考核结果",
        selectAdvanced: "评定先进单位", suggestTop: "按总分建议前", suggest: "名", reason: "评定理由", saveAdvanced: "保存先进单位",
        sourceNames: [.manual: "人工评分", .planDone: "工作要点任务完成率（自动）", .reportsOnTime: "报表按时报送率（自动）", .targetsMet: "县域目标完成度（自动，县级领导机构）"],
        heading: { "\($0)年度考核" }, scoreInvalid: { "应为 0 至 \($0) 的数字。" }, suggestedReason: { "\($0)年度考核总分第 \($1) 名" })
    static let en = AssessmentStrings(
        title: "Yearly assessment", year: "Year", show: "Show", published: "Published", notPublished: "Not published",
        notYet: "The assessment results are not published yet.", noCriteria: "No criteria yet.", rank: "Rank", unit: "Unit", total: "Total",
        advanced: "Advanced units", noAdvanced: "No advanced units selected yet.",
        locked: "The results are published and can no longer change.", nameTaken: "A criterion of this name exists.",
        weightInvalid: "Points must be a whole number from 1 to 100.", noScheme: "Add a criterion first.",
        reasonRequired: "Give the reason.", unitsRequired: "Choose at least one unit.", unknownAction: "Unknown action.",
        addCriterion: "Add a criterion", criterionName: "Criterion", weight: "Points", weightHint: "e.g. 30", source: "Scored by", add: "Add",
        scores: "Scores", scoresHint: "Enter the manual criteria here (0 to the points, one decimal allowed); automatic ones are computed from LearnCity's figures.",
        saveScores: "Save scores", computeHint: "Recompute the automatic criteria from work-plan items done and reports submitted on time.",
        compute: "Compute automatic scores", publishHint: "Once published, units see the ranking and the advanced units; the results no longer change.",
        publish: "Publish the results", selectAdvanced: "Select advanced units", suggestTop: "Suggest the top", suggest: "Suggest",
        reason: "Reason", saveAdvanced: "Save advanced units",
        sourceNames: [.manual: "by hand", .planDone: "work-plan items done (automatic)", .reportsOnTime: "reports on time (automatic)", .targetsMet: "county targets met (automatic, county leadership bodies)"],
        heading: { "Assessment \($0)" }, scoreInvalid: { "Must be a number from 0 to \($0)." }, suggestedReason: { "Rank \($1) in the \($0) assessment" })
}
