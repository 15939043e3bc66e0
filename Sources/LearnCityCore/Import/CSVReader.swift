/// RFC 4180 CSV with what Excel adds: CRLF or LF, quoted fields with commas, doubled quotes
/// and newlines inside. Each row keeps the physical line it starts on (header = 1). Past any of
/// `limits` it stops at once, before the rest of the text becomes rows.
public enum CSVReader {
    public static func read(_ text: String, limits: Sheet.Limits = .standard) throws(Sheet.ReadError) -> Sheet {
        var rows: [Sheet.Row] = []
        var cells: [Sheet.Cell] = []
        var field = String.UnicodeScalarView(), fieldLength = 0
        var exceeded: Sheet.Limit?
        var inQuotes = false, fieldStarted = false
        var line = 1, rowStart = 1
        var iterator = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil

        func add(_ scalar: Unicode.Scalar) {
            field.append(scalar)
            fieldLength += 1
            if fieldLength > limits.cellCharacters { exceeded = .cellCharacters(limits.cellCharacters) }
        }
        func endField() {
            if cells.count >= limits.cellsPerRow { exceeded = .cellsPerRow(limits.cellsPerRow) }
            cells.append(Sheet.Cell(String(field)))
            field.removeAll(keepingCapacity: true)
            fieldStarted = false
            fieldLength = 0
        }
        func endRow() {
            endField()
            if rows.count >= limits.rows { exceeded = .rows(limits.rows) }
            rows.append(Sheet.Row(line: rowStart, cells: cells))
            cells.removeAll(keepingCapacity: true)
        }

        while let scalar = pending ?? iterator.next() {
            pending = nil
            if let exceeded { throw .tooLarge(exceeded) }
            if inQuotes {
                if scalar == "\"" {
                    let next = iterator.next()
                    if next == "\"" { add("\"") } else { inQuotes = false; pending = next }
                } else {
                    if scalar == "\n" { line += 1 }
                    add(scalar)
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
                add(scalar)
                fieldStarted = true
            }
        }
        if !field.isEmpty || !cells.isEmpty || fieldStarted { endRow() }
        if let exceeded { throw .tooLarge(exceeded) }
        return Sheet(rows: rows)
    }
}
