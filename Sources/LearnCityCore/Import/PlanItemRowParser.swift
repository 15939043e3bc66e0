import Foundation

/// Reads work-plan items from the spreadsheet the office drafts its plan in: section, item, lead
/// and participating units, deliverables, due date. Units are written by name or code, several
/// separated by 、，,;；/ or line breaks; `units` maps both (normalised) to the unit's id.
/// Each row is an item or conflicts naming its row and column, like the other importers.
public struct PlanItemRowParser: Sendable {
    public static let columns: [ColumnSpec] = [
        ColumnSpec("section", ["章节", "条目", "section"], required: true),
        ColumnSpec("title", ["事项", "工作事项", "item", "title"], required: true),
        ColumnSpec("lead", ["牵头单位", "牵头", "lead"], required: true),
        ColumnSpec("participants", ["配合单位", "配合", "participants"]),
        ColumnSpec("deliverables", ["成果", "工作成果", "deliverables"]),
        ColumnSpec("due", ["完成时限", "时限", "due"], required: true),
    ]

    public var units: [String: Int]

    public init(units: [String: Int]) { self.units = units }

    public static func key(_ unit: String) -> String { CellText.normalise(unit).lowercased() }

    public func parse(_ row: Sheet.Row, header: HeaderMap) -> Result<WorkPlanAuthoring.Item, RowConflicts> {
        var conflicts: [ImportConflict] = []
        func conflict(_ key: String, _ code: ImportConflict.Code, _ message: String) {
            let column = Self.columns.first { $0.key == key }?.displayName ?? key
            conflicts.append(
                ImportConflict(row: row.line, column: column, code: code, message: message, sheet: row.sheet))
        }
        func resolve(_ key: String) -> [Int] {
            let names = header.value(key, in: row).split(whereSeparator: { "、，,;；/\n".contains($0) })
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            return names.compactMap { name in
                guard let id = units[Self.key(name)] else {
                    conflict(key, .invalidValue, "未知单位：\(name) / unknown unit")
                    return nil
                }
                return id
            }
        }
        let section = header.value("section", in: row)
        let title = header.value("title", in: row)
        if section.isEmpty { conflict("section", .missingValue, "章节为空 / the section is empty") }
        if title.isEmpty { conflict("title", .missingValue, "事项为空 / the item is empty") }
        let leads = resolve("lead")
        if header.value("lead", in: row).isEmpty { conflict("lead", .missingValue, "牵头单位为空 / no lead unit") }
        if leads.count > 1 { conflict("lead", .invalidValue, "牵头单位只能有一个 / one lead unit only") }
        let participants = resolve("participants")
        let dueText = header.value("due", in: row)
        let due = header.cell("due", in: row)?.date ?? LocalDate.parse(dueText)
        if due == nil {
            conflict(
                "due", dueText.isEmpty ? .missingValue : .invalidDate,
                "完成时限不是日期：\(dueText) / the due date is not a date")
        }
        guard conflicts.isEmpty, let due else { return .failure(RowConflicts(conflicts: conflicts)) }
        return .success(
            WorkPlanAuthoring.Item(
                section: section, title: title, deliverables: header.value("deliverables", in: row),
                due: due.iso, lead: leads.first, participants: participants))
    }
}
