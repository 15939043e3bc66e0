/// A report as a spreadsheet a unit can download, fill in (in Excel or WPS) and upload: one row
/// per field — code, field, value, what LearnCity recorded. Reading it back matches rows by the
/// code column, else by the field's label, so reordered or retitled sheets still read.
public enum ReportSheet {
    /// The header in one language, the reader's: a unit fills in a Chinese sheet. Reading it back
    /// goes by position, so a sheet in either language reads.
    public static func header(chinese: Bool) -> [String] {
        chinese ? ["代码", "项目", "填报值", "系统记录", "说明"] : ["Code", "Field", "Value", "Recorded", "Notes"]
    }

    public static func rows(fields: [ReportField], values: [String: String], recorded: [String: Double],
                            chinese: Bool) -> [[TableCell]] {
        fields.map { field in
            let note = field.type == .choice ? field.options.joined(separator: "/")
                : field.type == .number ? (chinese ? "数字" : "number") : (chinese ? "文本" : "text")
            return [.text(field.key), .text(field.label), cell(field, values[field.key] ?? ""),
                    recorded[field.key].map { .number($0, decimals: 2) } ?? "", .text(note)]
        }
    }

    /// A unit's value as a cell: a number field's value is a number, anything else text.
    public static func cell(_ field: ReportField, _ value: String) -> TableCell {
        guard field.type == .number, let number = Double(value) else { return .text(value) }
        return .number(number, decimals: 2)
    }

    /// The values in an uploaded sheet, by field key; rows that name no field are ignored.
    public static func values(from sheet: Sheet, fields: [ReportField]) -> [String: String] {
        let byKey = Dictionary(fields.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        let byLabel = Dictionary(fields.map { ($0.label, $0) }, uniquingKeysWith: { a, _ in a })
        var values: [String: String] = [:]
        for row in sheet.rows {
            let cells = row.cells.map { $0.text.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 3 else { continue }
            guard let field = byKey[cells[0]] ?? byLabel[cells[1]] else { continue }
            values[field.key] = cells[2]
        }
        return values
    }

    public static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String((value * 100).rounded() / 100)
    }
}
