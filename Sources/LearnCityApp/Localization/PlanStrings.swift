import LearnCityCore

/// Strings of the work plan.
struct PlanStrings: Sendable {
    let title, noPlan, all, mine, nothingOwed, section, item, lead, participants, due, state, lastUpdate, deliverables, doneOn: String
    let progress, noUpdates, whatWasDone, figures, figuresHint, markDone, post, textRequired, notResponsible: String
    let stateNames: [PlanItemState: String]

    static let zh = PlanStrings(
        title: "工作要点", noPlan: "还没有工作要点。", all: "全部事项", mine: "本单位负责的事项", nothingOwed: "本单位没有负责的事项。",
        section: "条目", item: "事项", lead: "牵头单位", participants: "配合单位", due: "完成时限", state: "进展", lastUpdate: "最近报告",
        deliverables: "工作成果", doneOn: "完成于", progress: "进展报告", noUpdates: "还没有进展报告。", whatWasDone: "做了什么",
        figures: "数据", figuresHint: "如：建成示范中心 6 个，培训 1,200 人次", markDone: "标记为已完成（办公室）", post: "提交进展",
        textRequired: "请写明做了什么。", notResponsible: "本单位不负责此事项。",
        stateNames: [.late: "已逾期", .onTrack: "进行中", .done: "已完成"])
    static let en = PlanStrings(
        title: "Work plan", noPlan: "No work plan yet.", all: "All items", mine: "What my unit owes", nothingOwed: "Your unit is responsible for no item.",
        section: "Section", item: "Item", lead: "Lead", participants: "Participating", due: "Due", state: "Progress", lastUpdate: "Last report",
        deliverables: "Deliverables", doneOn: "done on", progress: "Progress reports", noUpdates: "No progress reported yet.", whatWasDone: "What was done",
        figures: "Figures", figuresHint: "e.g. 6 demonstration centres built, 1,200 person-times trained", markDone: "Mark as done (office)",
        post: "Report progress", textRequired: "Say what was done.", notResponsible: "Your unit is not responsible for this item.",
        stateNames: [.late: "late", .onTrack: "on track", .done: "done"])
}
