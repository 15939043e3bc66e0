import LearnCityCore

/// Strings of the funds ledger and the Finance Bureau's half-yearly report.
struct FundStrings: Sendable {
    let title, intro, sources, noSources, source, kind, year, name, unit, budget, allocated, disbursed, unallocated, balance: String
    let allocations, noAllocations, recipient, recipientName, recipientNameHint, date, purpose, amount, amountHint, note: String
    let addSource, addAllocation, addDisbursement, allocation, byRecipient, saved, chooseOne, dateInvalid, nameTaken: String
    let amountEmpty, amountMalformed, amountNegative, amountTooPrecise, amountTooLarge, amountZero: String
    let overBudget: @Sendable (_ available: String) -> String
    let overAllocation: @Sendable (_ available: String) -> String
    let overProjectBudget: @Sendable (_ available: String) -> String
    let report, reportTitle: @Sendable (_ period: String) -> String
    let reportIntro, reportNone, total, download, print, half, show, periodInvalid, demoNote: String
    let outsideYear, beforeAllocation: String
    let kindNames: [FundSourceKind: String]
    let recipientKinds: [FundRecipientKind: String]

    static let zh = FundStrings(
        title: "经费管理", intro: "经费来源、年度预算、下拨与拨付。下拨不超过来源预算，拨付不超过下拨金额。金额单位：元。",
        sources: "经费来源", noSources: "还没有经费来源。", source: "来源", kind: "类别", year: "年度", name: "名称", unit: "出资单位",
        budget: "预算", allocated: "已下拨", disbursed: "已拨付", unallocated: "未下拨", balance: "未拨付",
        allocations: "经费下拨", noAllocations: "还没有下拨记录。", recipient: "下拨对象", recipientName: "师资队伍名称",
        recipientNameHint: "下拨给师资队伍时填写，如：宣汉县社区教育师资队伍", date: "日期", purpose: "用途", amount: "金额（元）",
        amountHint: "最多两位小数，如 120,000.50", note: "备注",
        addSource: "新增经费来源", addAllocation: "下拨经费", addDisbursement: "登记拨付", allocation: "下拨记录", byRecipient: "按下拨对象",
        saved: "已保存。", chooseOne: "请选择。", dateInvalid: "请填写有效日期，如 2014-07-01。", nameTaken: "该年度已有同名来源。",
        amountEmpty: "请填写金额。", amountMalformed: "金额格式不正确，如 120,000.50。", amountNegative: "金额不能为负数。",
        amountTooPrecise: "金额最多两位小数（分）。", amountTooLarge: "金额过大。", amountZero: "金额须大于零。",
        overBudget: { "超出来源预算：该来源尚可下拨 \($0) 元。" },
        overAllocation: { "超出下拨金额：该笔下拨尚可拨付 \($0) 元。" },
        overProjectBudget: { "超出项目预算：该项目尚可下拨 \($0) 元。" },
        report: { "\($0)经费下拨报告" }, reportTitle: { "\($0)继续教育培训经费下拨情况报告" },
        reportIntro: "市财政局每半年向领导小组报告已下拨的培训经费（按下拨日期计入半年度）。",
        reportNone: "该半年度没有下拨记录。", total: "合计", download: "下载 Excel", print: "打印", half: "半年度", show: "查看", periodInvalid: "半年度应写作 2014-H1 或 2014-H2。",
        demoNote: "演示数据",
        outsideYear: "下拨日期应在该来源的预算年度内。", beforeAllocation: "拨付日期不能早于下拨日期。",
        kindNames: [.municipal: "市级专项资金", .county: "县级资金", .department: "部门资金", .enterprise: "企业资金"],
        recipientKinds: [.project: "项目", .course: "课程", .teacherTeam: "师资队伍", .unit: "单位"])
    static let en = FundStrings(
        title: "Funds", intro: "Fund sources, yearly budgets, allocations and disbursements. Allocations stay within a source's budget; payments within their allocation. Amounts in yuan.",
        sources: "Fund sources", noSources: "No fund sources yet.", source: "Source", kind: "Kind", year: "Year", name: "Name", unit: "Funding unit",
        budget: "Budget", allocated: "Allocated", disbursed: "Disbursed", unallocated: "Unallocated", balance: "Not yet paid",
        allocations: "Allocations", noAllocations: "No allocations yet.", recipient: "Recipient", recipientName: "Teaching team",
        recipientNameHint: "For a teaching team, its name, e.g. Xuanhan community-education teachers", date: "Date", purpose: "Purpose",
        amount: "Amount (yuan)", amountHint: "Up to two decimals, e.g. 120,000.50", note: "Note",
        addSource: "Add a fund source", addAllocation: "Allocate funds", addDisbursement: "Record a disbursement", allocation: "Allocation",
        byRecipient: "By recipient", saved: "Saved.", chooseOne: "Choose one.", dateInvalid: "Enter a valid date, e.g. 2014-07-01.",
        nameTaken: "A source of this name exists for the year.",
        amountEmpty: "Enter an amount.", amountMalformed: "Not an amount; e.g. 120,000.50.", amountNegative: "The amount cannot be negative.",
        amountTooPrecise: "At most two decimals (fen).", amountTooLarge: "The amount is too large.", amountZero: "The amount must be more than zero.",
        overBudget: { "Over the source's budget: it has \($0) yuan left to allocate." },
        overAllocation: { "Over the allocation: it has \($0) yuan left to pay." },
        overProjectBudget: { "Over the project's budget: it can receive \($0) yuan more." },
        report: { "Funds report \($0)" }, reportTitle: { "Training funds allocated, \($0)" },
        reportIntro: "Every half year the Finance Bureau reports the training funds it has allocated to the leading group (by the allocation's date).",
        reportNone: "No allocations in this half-year.", total: "Total", download: "Download Excel", print: "Print", half: "Half-year", show: "Show",
        periodInvalid: "Write the half-year as 2014-H1 or 2014-H2.", demoNote: "demo data",
        outsideYear: "The allocation date must fall in the source's budget year.", beforeAllocation: "A payment cannot be dated before its allocation.",
        kindNames: [.municipal: "Municipal special fund", .county: "County fund", .department: "Department fund", .enterprise: "Enterprise fund"],
        recipientKinds: [.project: "Project", .course: "Course", .teacherTeam: "Teaching team", .unit: "Unit"])

    /// The message for a parser problem, shown next to the amount field.
    func message(_ problem: YuanAmount.Problem) -> String {
        switch problem {
        case .empty: amountEmpty
        case .malformed: amountMalformed
        case .negative: amountNegative
        case .tooPrecise: amountTooPrecise
        case .tooLarge: amountTooLarge
        }
    }

    func message(_ problem: FundLedger.Problem) -> String {
        switch problem {
        case .notPositive: amountZero
        case .overBudget(let available): overBudget(NumberText.yuan(fen: available))
        case .overAllocation(let available): overAllocation(NumberText.yuan(fen: available))
        case .overProjectBudget(let available): overProjectBudget(NumberText.yuan(fen: available))
        }
    }
}

/// Strings of projects (三(三), 三(四)).
struct ProjectStrings: Sendable {
    let title, intro, none, project, track, owner, focus, budget, status, progress, funds, allocated, disbursed, summary: String
    let milestones, noMilestones, due, doneOn, late, markDone, addMilestone, milestoneTitle: String
    let updates, noUpdates, whatWasDone, percent, percentHint, post, experts, noExperts, linkExpert, expert: String
    let create, titleLabel, year, textRequired, percentInvalid, dateInvalid, titleTaken, notYours, actionUnknown, officeOnly: String
    let trackNames: [ProjectTrack: String]
    let focusNames: [ProjectFocus: String]
    let statusNames: [ProjectStatus: String]

    static let zh = ProjectStrings(
        title: "项目", intro: "社区教育项目（场地、师资、资源开发）和职业培训项目（场地、资源、校企合作）。", none: "还没有项目。",
        project: "项目", track: "类别", owner: "承担单位", focus: "重点", budget: "预算（元）", status: "状态", progress: "进度",
        funds: "经费", allocated: "已下拨", disbursed: "已拨付", summary: "内容",
        milestones: "里程碑", noMilestones: "还没有里程碑。", due: "计划完成", doneOn: "完成于", late: "逾期", markDone: "标记完成",
        addMilestone: "新增里程碑", milestoneTitle: "里程碑",
        updates: "进展", noUpdates: "还没有进展报告。", whatWasDone: "做了什么", percent: "完成百分比", percentHint: "0–100 的整数",
        post: "提交进展", experts: "专家", noExperts: "还没有关联专家。", linkExpert: "关联专家", expert: "专家",
        create: "新建项目", titleLabel: "项目名称", year: "年度", textRequired: "请写明做了什么。", percentInvalid: "请填写 0–100 的整数。",
        dateInvalid: "请填写有效日期，如 2014-09-30。", titleTaken: "该年度已有同名项目。", notYours: "本单位不承担此项目。",
        actionUnknown: "请选择要做的操作。", officeOnly: "只有领导小组办公室可以这样做。",
        trackNames: [.community: "社区教育", .vocational: "职业培训"],
        focusNames: [.venues: "场地", .teachingStaff: "师资", .resources: "资源", .cooperation: "校企合作"],
        statusNames: [.planned: "计划中", .active: "实施中", .done: "已完成"])
    static let en = ProjectStrings(
        title: "Projects", intro: "Community-education projects (venues, teaching staff, resources) and vocational-training projects (venues, resources, school–enterprise cooperation).",
        none: "No projects yet.", project: "Project", track: "Track", owner: "Owner", focus: "Focus", budget: "Budget (yuan)", status: "Status",
        progress: "Progress", funds: "Funds", allocated: "Allocated", disbursed: "Disbursed", summary: "Summary",
        milestones: "Milestones", noMilestones: "No milestones yet.", due: "Due", doneOn: "done on", late: "late", markDone: "Mark done",
        addMilestone: "Add a milestone", milestoneTitle: "Milestone",
        updates: "Progress", noUpdates: "No progress reported yet.", whatWasDone: "What was done", percent: "Percent complete",
        percentHint: "A whole number, 0–100", post: "Report progress", experts: "Experts", noExperts: "No experts linked yet.",
        linkExpert: "Link an expert", expert: "Expert",
        create: "New project", titleLabel: "Project title", year: "Year", textRequired: "Say what was done.", percentInvalid: "Enter a whole number from 0 to 100.",
        dateInvalid: "Enter a valid date, e.g. 2014-09-30.", titleTaken: "A project of this title exists for the year.",
        notYours: "Your unit does not own this project.", actionUnknown: "Choose what to do.", officeOnly: "Only the leading-group office can do this.",
        trackNames: [.community: "Community education", .vocational: "Vocational training"],
        focusNames: [.venues: "Venues", .teachingStaff: "Teaching staff", .resources: "Resources", .cooperation: "School–enterprise cooperation"],
        statusNames: [.planned: "planned", .active: "active", .done: "done"])
}
