/// RFC 4180 CSV with what Excel adds: CRLF or LF, quoted fields with commas, doubled quotes
/// and newlines inside. Each row keeps the physical line it starts on (header = 1).
public enum CSVReader {
    public static func read(_ text: String) -> Sheet {
        var rows: [Sheet.Row] = []
        var cells: [Sheet.Cell] = []
        var field = String.UnicodeScalarView()
        var inQuotes = false, fieldStarted = false
        var line = 1, rowStart = 1
        var iterator = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil

        func endField() {
            cells.append(Sheet.Cell(String(field)))
            field.removeAll(keepingCapacity: true)
            fieldStarted = false
        }
        func endRow() {
            endField()
            rows.append(Sheet.Row(line: rowStart, cells: cells))
            cells.removeAll(keepingCapacity: true)
        }

        while let scalar = pending ?? iterator.next() {
            pending = nil
            if inQuotes {
                if scalar == "\"" {
                    let next = iterator.next()
                    if next == "\"" { field.append("\"") } else { inQuotes = false; pending = next }
                } else {
                    if scalar == "\n" { line += 1 }
                    field.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where !fieldStarted && field.isEmpty:
                inQuotes = true
                fieldStarted = true
            case ",":
                endField()
            case "\r":
                let next = iterator.next()
                if next != "\n" { pending = next }
                endRow(); line += 1; rowStart = line
            case "\n":
                endRow(); line += 1; rowStart = line
            default:
                field.append(scalar)
                fieldStarted = true
            }
        }
        if !field.isEmpty || !cells.isEmpty || fieldStarted { endRow() }
        return Sheet(rows: rows)
    }
}
