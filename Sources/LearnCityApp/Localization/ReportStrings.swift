import LearnCityCore

/// Strings of report forms, units' reports, their review and completeness.
struct ReportStrings: Sendable {
    let title, intro, mine, noneOwed, forms, noForms, newForm, formTitle, periodKind, firstPeriod, lastPeriod, lastPeriodHint: String
    let deadlineDays, deadlineDaysHint, fieldsLabel, fieldsHint, units, unitsRequired, periodInvalid, daysInvalid, create: String
    let period, deadline, state, unit, start, open, notStarted, late, onTime, expected, submitted, missing, completeness, allIn: String
    let recorded, differs, differsHint, save, submit, approve, returnIt, comment, commentRequired, requestUnlock, unlockReason, grantUnlock: String
    let unlockRequested, history, conflict, saved, download, upload, uploadHint, uploadNotSheet, locked, notAssigned, officeOnly: String
    let overview, itemColumn: String
    let missingUnits: @Sendable (Int) -> String
    let toReview, flagged, overdueReport, dueSoon, government, returnedWith, recordedAt, consolidated, firstSubmitted: String
    let periodKinds: [ReportPeriod.Kind: String]
    let stateNames: [ReportState: String]
    let actionNames: [String: String]

    static let zh = ReportStrings(
        title: "报表", intro: "办公室设计报表，指定报送单位和期限；各单位在线填报或下载 Excel 填好后上传，提交后由办公室审核。",
        mine: "本单位应报", noneOwed: "本单位目前没有应报的报表。", forms: "报表", noForms: "还没有报表。", newForm: "新建报表",
        formTitle: "报表名称", periodKind: "报送周期", firstPeriod: "起始期", lastPeriod: "截止期（可空）", lastPeriodHint: "如 2014-Q1、2014-H1、2014",
        deadlineDays: "期末后几天内报送", deadlineDaysHint: "如 10：一季度报表 4 月 10 日前报送", fieldsLabel: "字段（每行一个）",
        fieldsHint: "名称 | 类型 | 附加。类型：数字、文本、选项（选项用 / 分隔）。数字可加 来源=记录（记录人次）/人员（人数）/学时（学时）预填，指标=T3 审核通过后计入上报数。",
        units: "报送单位", unitsRequired: "请至少选择一个单位。", periodInvalid: "期别格式应为 2014-Q1、2014-H1 或 2014，且与周期一致。",
        daysInvalid: "应为 0–90 的整数。", create: "创建报表",
        period: "期别", deadline: "截止日期", state: "状态", unit: "单位", start: "开始填报", open: "打开", notStarted: "未填报",
        late: "逾期", onTime: "按时", expected: "应报", submitted: "已报", missing: "未报单位", completeness: "报送情况", allIn: "全部已报。",
        recorded: "系统记录", differs: "与系统记录相差超过 10%", differsHint: "填报数与 LearnCity 记录的数字相差超过 10%，请核实。",
        save: "保存草稿", submit: "提交", approve: "审核通过", returnIt: "退回修改", comment: "意见", commentRequired: "退回时请写明意见。",
        requestUnlock: "申请解锁", unlockReason: "解锁理由", grantUnlock: "同意解锁", unlockRequested: "已申请解锁",
        history: "办理记录", conflict: "这份报表刚被 %@ 修改过。您的填写保留在下方，请核对后再保存。", saved: "已保存。",
        download: "下载 Excel", upload: "上传填好的 Excel", uploadHint: "用下载的表填写“填报值”一列后上传；只读取能对应到字段的行。",
        uploadNotSheet: "无法读取此文件：请上传 Excel (.xlsx) 或 CSV 文件。", locked: "此报表已审核通过并锁定；如需修改请申请解锁。",
        notAssigned: "本单位不需报送此报表。", officeOnly: "只有领导小组办公室可以审核。",
        overview: "报送情况一览（单位 × 期别）", itemColumn: "项目", missingUnits: { "\($0) 个单位未报" },
        toReview: "待审核", flagged: "差异", overdueReport: "逾期未报", dueSoon: "即将到期",
        government: "向市政府报告", returnedWith: "退回意见", recordedAt: "系统记录取数于（开始填报时与提交时）：",
        consolidated: "汇总表（各单位各期填报值）：", firstSubmitted: "首次提交",
        periodKinds: [.quarter: "季度", .halfYear: "半年", .year: "年度"],
        stateNames: [.draft: "草稿", .submitted: "已提交", .returned: "已退回", .approved: "已通过"],
        actionNames: ["save": "保存", "submit": "提交", "approve": "审核通过", "return": "退回", "request_unlock": "申请解锁", "unlock": "同意解锁", "upload": "上传 Excel"])

    static let en = ReportStrings(
        title: "Reports", intro: "The office designs report forms, names the units that report and the deadline; units fill them in online or download the Excel sheet and upload it filled in; the office reviews what is submitted.",
        mine: "Owed by my unit", noneOwed: "Your unit owes no reports now.", forms: "Report forms", noForms: "No report forms yet.", newForm: "New report form",
        formTitle: "Title", periodKind: "Period", firstPeriod: "First period", lastPeriod: "Last period (optional)", lastPeriodHint: "e.g. 2014-Q1, 2014-H1, 2014",
        deadlineDays: "Days after the period ends", deadlineDaysHint: "e.g. 10: the Q1 report is due by 10 April", fieldsLabel: "Fields (one per line)",
        fieldsHint: "label | type | extra. Types: number, text, choice (options separated by /). A number may add source=records (person-times) / people / hours to prefill, and indicator=T3 to file the approved value as a reported figure.",
        units: "Units that report", unitsRequired: "Choose at least one unit.", periodInvalid: "Write periods as 2014-Q1, 2014-H1 or 2014, matching the period type.",
        daysInvalid: "A whole number from 0 to 90.", create: "Create form",
        period: "Period", deadline: "Due", state: "State", unit: "Unit", start: "Start", open: "Open", notStarted: "not started",
        late: "late", onTime: "on time", expected: "Expected", submitted: "Submitted", missing: "Missing", completeness: "Completeness", allIn: "Every unit has reported.",
        recorded: "Recorded", differs: "differs from the records by more than 10%", differsHint: "The reported figure differs from what LearnCity recorded by more than 10%; please check.",
        save: "Save draft", submit: "Submit", approve: "Approve", returnIt: "Return for changes", comment: "Comment", commentRequired: "Say why it is returned.",
        requestUnlock: "Request unlock", unlockReason: "Reason", grantUnlock: "Grant unlock", unlockRequested: "Unlock requested",
        history: "History", conflict: "%@ has just changed this report. Your entries are kept below; check them and save again.", saved: "Saved.",
        download: "Download Excel", upload: "Upload the filled-in Excel", uploadHint: "Fill in the Value column of the downloaded sheet and upload it; only rows that match a field are read.",
        uploadNotSheet: "This file cannot be read: upload an Excel (.xlsx) or CSV file.", locked: "This report is approved and locked; request an unlock to change it.",
        notAssigned: "Your unit does not report on this form.", officeOnly: "Only the leading-group office reviews reports.",
        overview: "Overview (units × periods)", itemColumn: "Item", missingUnits: { "\($0) unit(s) missing" },
        toReview: "To review", flagged: "Differences", overdueReport: "Overdue", dueSoon: "Due soon",
        government: "Report to the government", returnedWith: "Returned with", recordedAt: "Recorded figures taken (when started and when submitted):",
        consolidated: "Consolidated table (every unit, every period):", firstSubmitted: "First submitted",
        periodKinds: [.quarter: "Quarter", .halfYear: "Half-year", .year: "Year"],
        stateNames: [.draft: "Draft", .submitted: "Submitted", .returned: "Returned", .approved: "Approved"],
        actionNames: ["save": "saved", "submit": "submitted", "approve": "approved", "return": "returned", "request_unlock": "unlock requested", "unlock": "unlocked", "upload": "Excel uploaded"])
}

/// Strings of attachments.
struct AttachmentStrings: Sendable {
    let title, none, choose, hint, upload, tooLarge, noFile, notAllowed, notYours: String

    static let zh = AttachmentStrings(title: "附件", none: "没有附件。", choose: "选择文件", hint: "PDF、图片（如盖章扫描件）、Word、Excel，最大 50 MB。",
                                      upload: "上传附件", tooLarge: "文件超过 50 MB。", noFile: "请选择文件。",
                                      notAllowed: "只接受 PDF、图片和 Office 文档。", notYours: "不能向此处添加附件。")
    static let en = AttachmentStrings(title: "Attachments", none: "No attachments.", choose: "Choose a file", hint: "PDF, images (stamped scans), Word, Excel; up to 50 MB.",
                                      upload: "Attach", tooLarge: "The file is larger than 50 MB.", noFile: "Choose a file.",
                                      notAllowed: "Only PDF, images and Office documents are accepted.", notYours: "You cannot attach files here.")
}

/// Strings of the office's report to the government.
struct GovernmentReportStrings: Sendable {
    let title, intro, none, draft, quarter, number, numberHint, numberTaken, state, dataAsOf, open, save, refresh, review, reopen, issue: String
    let print, download, onlyDraft, notByDrafter, notReviewed, drafted, reviewed, issued, bodyLabel, titleLabel, figures, reporting: String
    let indicator, value, target, plan, bodyTemplate, funds, projects, changed: String
    let planSummary: @Sendable (_ total: Int, _ done: Int, _ late: Int) -> String
    let stateNames: [GovernmentReportState: String]

    static let zh = GovernmentReportStrings(
        title: "向市政府季度报告", intro: "由已审核的单位报表和实时指标生成，冻结“数据截至”时间；拟稿、审核（不能由拟稿人审核）、签发后加文号印发。",
        none: "还没有报告。", draft: "拟稿", quarter: "季度", number: "文号", numberHint: "如：××继教办〔2014〕15号", numberTaken: "该文号已使用。",
        state: "状态", dataAsOf: "数据截至", open: "打开", save: "保存文字", refresh: "重新取数", review: "审核通过", reopen: "退回拟稿", issue: "签发",
        print: "打印版（A4 公文格式）", download: "下载 Excel", onlyDraft: "只有草稿可以修改。", notByDrafter: "审核须由拟稿人和最后修改人以外的人进行。",
        notReviewed: "须先审核再签发。", drafted: "拟稿", reviewed: "审核", issued: "签发", bodyLabel: "正文", titleLabel: "标题",
        figures: "主要指标", reporting: "成员单位报送情况", indicator: "指标", value: "完成", target: "目标", plan: "工作要点进展",
        bodyTemplate: "市人民政府：\n\n现将本季度全市继续教育工作情况报告如下。\n\n一、主要指标完成情况\n\n二、成员单位报送情况\n\n三、下一步工作\n\n特此报告。",
        funds: "经费（元）预算 / 已下拨 / 已拨付", projects: "项目 共 / 实施中 / 已完成",
        changed: "这份报告刚被他人修改过，页面已更新为最新内容，请核对后再操作。",
        planSummary: { "共 \($0) 项，完成 \($1) 项，逾期 \($2) 项" },
        stateNames: [.draft: "草稿", .reviewed: "已审核", .issued: "已签发"])
    static let en = GovernmentReportStrings(
        title: "Quarterly report to the government", intro: "Built from approved unit reports and live indicators, frozen at its “data as of” time; drafted, reviewed (not by the drafter), then issued with a document number.",
        none: "No reports yet.", draft: "Draft", quarter: "Quarter", number: "Document number", numberHint: "e.g. ××继教办〔2014〕15号", numberTaken: "This document number is used.",
        state: "State", dataAsOf: "Data as of", open: "Open", save: "Save text", refresh: "Take figures again", review: "Review", reopen: "Back to draft", issue: "Issue",
        print: "Print (A4 official layout)", download: "Download Excel", onlyDraft: "Only a draft can change.", notByDrafter: "Someone other than the drafter and the last editor must review it.",
        notReviewed: "It must be reviewed before it is issued.", drafted: "Drafted", reviewed: "Reviewed", issued: "Issued", bodyLabel: "Text", titleLabel: "Title",
        figures: "Indicators", reporting: "Member units' reporting", indicator: "Indicator", value: "Achieved", target: "Target", plan: "Work plan",
        bodyTemplate: "市人民政府：\n\n现将本季度全市继续教育工作情况报告如下。\n\n一、主要指标完成情况\n\n二、成员单位报送情况\n\n三、下一步工作\n\n特此报告。",
        funds: "Funds (yuan): budget / allocated / paid", projects: "Projects: total / active / done",
        changed: "Someone has just changed this report; the page now shows the latest. Check it and act again.",
        planSummary: { "\($0) items, \($1) done, \($2) late" },
        stateNames: [.draft: "Draft", .reviewed: "Reviewed", .issued: "Issued"])
}

/// Strings of the workspace's to-do list.
struct TodoStrings: Sendable {
    let title: String
    let latePlanItems, unsignedNotices, toReview, unlockRequests: @Sendable (Int) -> String
    let milestone, rectification, due, overdue, dueSoon: String

    static let zh = TodoStrings(
        title: "待办提醒", latePlanItems: { "本单位有 \($0) 项工作要点逾期未完成" },
        unsignedNotices: { "有 \($0) 份通知待签收" }, toReview: { "有 \($0) 份报表待审核" }, unlockRequests: { "有 \($0) 份报表申请解锁" },
        milestone: "项目节点", rectification: "整改要求", due: "期限", overdue: "已逾期", dueSoon: "即将到期")
    static let en = TodoStrings(
        title: "To do", latePlanItems: { "\($0) work-plan item(s) of your unit are late" },
        unsignedNotices: { "\($0) notice(s) to sign for" }, toReview: { "\($0) report(s) to review" }, unlockRequests: { "\($0) unlock request(s)" },
        milestone: "Project milestone", rectification: "Rectification", due: "due", overdue: "overdue", dueSoon: "due soon")
}
