import LearnCityCore

/// Strings of the work plan.
struct PlanStrings: Sendable {
    let title, noPlan, all, mine, nothingOwed, section, item, lead, participants, due, state, lastUpdate, deliverables, doneOn: String
    let progress, noUpdates, whatWasDone, figures, figuresHint, markDone, post, textRequired, notResponsible: String
    let manage, newPlan, year, planTitle, document, create, copyLast, copyHint, addItem, edit, save, retire, retired: String
    let up, down, leadRequired, dateInvalid, yearInvalid, planTaken, noLastYear, retiredItems, back: String
    let importTitle, importHint, importButton, importConflicts, notSheet, row, column: String
    let stateNames: [PlanItemState: String]

    static let zh = PlanStrings(
        title: "工作要点", noPlan: "还没有工作要点。", all: "全部事项", mine: "本单位负责的事项", nothingOwed: "本单位没有负责的事项。",
        section: "条目", item: "事项", lead: "牵头单位", participants: "配合单位", due: "完成时限", state: "进展", lastUpdate: "最近报告",
        deliverables: "工作成果", doneOn: "完成于", progress: "进展报告", noUpdates: "还没有进展报告。", whatWasDone: "做了什么",
        figures: "数据", figuresHint: "如：建成示范中心 6 个，培训 1,200 人次", markDone: "标记为已完成（办公室）", post: "提交进展",
        textRequired: "请写明做了什么。", notResponsible: "本单位不负责此事项。",
        manage: "编写工作要点", newPlan: "新建年度工作要点", year: "年度", planTitle: "标题", document: "文号", create: "创建",
        copyLast: "以上一年度工作要点为底稿创建", copyHint: "复制上一年度的全部现行事项，完成时限顺延一年，牵头和配合单位不变。",
        addItem: "新增事项", edit: "修改", save: "保存", retire: "撤销此事项", retired: "已撤销", up: "上移", down: "下移",
        leadRequired: "请选择牵头单位。", dateInvalid: "日期格式应为 2014-12-31。", yearInvalid: "请填写四位数的年份，如 2015。",
        planTaken: "该年度已有同名的工作要点。", noLastYear: "上一年度没有工作要点可复制。", retiredItems: "已撤销的事项",
        back: "返回", importTitle: "从表格导入事项",
        importHint: "CSV 或 Excel：章节、事项、牵头单位、配合单位、成果、完成时限；单位写名称或代码，多个用顿号分隔。有一行有问题就不导入任何一行。",
        importButton: "导入", importConflicts: "以下各行有问题，未导入任何事项：",
        notSheet: "无法读取此文件：请上传 Excel (.xlsx) 或 CSV 文件。", row: "行", column: "列",
        stateNames: [.late: "已逾期", .onTrack: "进行中", .done: "已完成"])
    static let en = PlanStrings(
        title: "Work plan", noPlan: "No work plan yet.", all: "All items", mine: "What my unit owes", nothingOwed: "Your unit is responsible for no item.",
        section: "Section", item: "Item", lead: "Lead", participants: "Participating", due: "Due", state: "Progress", lastUpdate: "Last report",
        deliverables: "Deliverables", doneOn: "done on", progress: "Progress reports", noUpdates: "No progress reported yet.", whatWasDone: "What was done",
        figures: "Figures", figuresHint: "e.g. 6 demonstration centres built, 1,200 person-times trained", markDone: "Mark as done (office)",
        post: "Report progress", textRequired: "Say what was done.", notResponsible: "Your unit is not responsible for this item.",
        manage: "Write the work plan", newPlan: "New year's work plan", year: "Year", planTitle: "Title", document: "Document number",
        create: "Create", copyLast: "Create from last year's plan",
        copyHint: "Copies every active item of last year's plan with its due date a year on and the same units.",
        addItem: "Add an item", edit: "Edit", save: "Save", retire: "Retire this item", retired: "Retired", up: "Up", down: "Down",
        leadRequired: "Choose the lead unit.", dateInvalid: "Write the date as 2014-12-31.", yearInvalid: "Write a four-digit year, e.g. 2015.",
        planTaken: "That year already has a plan with this title.", noLastYear: "Last year has no plan to copy.",
        retiredItems: "Retired items", back: "Back", importTitle: "Import items from a spreadsheet",
        importHint: "CSV or Excel: section, item, lead, participants, deliverables, due; units by name or code, several separated by 、. One row with a problem and no row is imported.",
        importButton: "Import", importConflicts: "These rows have problems; no item was imported:",
        notSheet: "This file cannot be read: upload an Excel (.xlsx) or CSV file.", row: "Row", column: "Column",
        stateNames: [.late: "late", .onTrack: "on track", .done: "done"])
}
