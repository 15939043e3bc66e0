/// A column an import understands: its key, and the headers (Chinese and English) it answers to.
public struct ColumnSpec: Sendable, Hashable {
    public var key: String
    /// The first alias is the column's name in messages (Chinese).
    public var aliases: [String]
    public var required: Bool

    public init(_ key: String, _ aliases: [String], required: Bool = false) {
        self.key = key
        self.aliases = aliases
        self.required = required
    }

    public var displayName: String { aliases.first ?? key }

    /// Header text as written: case, spaces, `*` marks and notes in brackets do not matter.
    static func normalise(_ header: String) -> String {
        var text = CellText.normalise(header).lowercased()
        for (open, close) in [("(", ")"), ("（", "）"), ("[", "]")] {
            while let start = text.range(of: open), let end = text.range(of: close, range: start.upperBound..<text.endIndex) {
                text.removeSubrange(start.lowerBound..<end.upperBound)
            }
        }
        return text.filter { !$0.isWhitespace && $0 != "*" && $0 != "＊" }
    }
}

/// Where each known column is in a sheet, found in the first row (among the first ten) that
/// holds every required column; the rows below it are the data.
public struct HeaderMap: Sendable {
    public var headerIndex: Int
    public var columns: [String: Int]
    /// Headers nobody asked for, named once in the summary.
    public var unknown: [String]

    public enum Problem: Error, Equatable, Sendable {
        /// No row among the first ten has these required columns.
        case missingColumns([String])
    }

    public static func find(in sheet: Sheet, specs: [ColumnSpec]) throws(Problem) -> HeaderMap {
        var lookup: [String: String] = [:]
        for spec in specs { for alias in spec.aliases + [spec.key] { lookup[ColumnSpec.normalise(alias)] = spec.key } }
        let required = specs.filter(\.required)
        var bestMissing = required.map(\.displayName)
        for (index, row) in sheet.rows.prefix(10).enumerated() {
            var columns: [String: Int] = [:]
            var unknown: [String] = []
            for (column, cell) in row.cells.enumerated() {
                let header = ColumnSpec.normalise(cell.text)
                if header.isEmpty { continue }
                if let key = lookup[header] {
                    if columns[key] == nil { columns[key] = column }
                } else {
                    unknown.append(CellText.normalise(cell.text))
                }
            }
            let missing = required.filter { columns[$0.key] == nil }.map(\.displayName)
            if missing.isEmpty { return HeaderMap(headerIndex: index, columns: columns, unknown: unknown) }
            if missing.count < bestMissing.count { bestMissing = missing }
        }
        throw .missingColumns(bestMissing)
    }

    /// The sheets of a workbook that hold the required columns (each with its header), and the
    /// others with why they were passed over. Throws when no sheet has them, naming the columns
    /// missing from the sheet that came closest.
    public static func select(in sheets: [Sheet], specs: [ColumnSpec]) throws(Problem) -> SheetSelection {
        var selection = SheetSelection()
        var closest: [String]?
        for sheet in sheets {
            let name = sheet.name ?? ""
            if sheet.rows.allSatisfy(\.isBlank) {
                selection.ignored.append(IgnoredSheet(name: name, reason: .empty))
                continue
            }
            do {
                selection.read.append((sheet, try find(in: sheet, specs: specs)))
            } catch {
                guard case .missingColumns(let missing) = error else { continue }
                selection.ignored.append(IgnoredSheet(name: name, reason: .missingColumns(missing)))
                if missing.count < closest?.count ?? .max { closest = missing }
            }
        }
        guard !selection.read.isEmpty else { throw .missingColumns(closest ?? specs.filter(\.required).map(\.displayName)) }
        return selection
    }

    /// The normalised text of `key` in `row` (empty when the column is absent).
    public func value(_ key: String, in row: Sheet.Row) -> String {
        guard let column = columns[key], column < row.cells.count else { return "" }
        return CellText.normalise(row.cells[column].text)
    }

    public func cell(_ key: String, in row: Sheet.Row) -> Sheet.Cell? {
        guard let column = columns[key], column < row.cells.count else { return nil }
        return row.cells[column]
    }
}

/// Which sheets of a workbook an import reads.
public struct SheetSelection: Sendable {
    public var read: [(sheet: Sheet, header: HeaderMap)] = []
    public var ignored: [IgnoredSheet] = []
    public init() {}
}

/// A sheet an import did not read, and why (named in the summary, so nothing is dropped unseen).
public struct IgnoredSheet: Sendable, Equatable {
    public enum Reason: Sendable, Equatable {
        case empty
        case missingColumns([String])
    }
    public var name: String
    public var reason: Reason

    public init(name: String, reason: Reason) {
        self.name = name
        self.reason = reason
    }

    /// Why, in Chinese and English (as conflict messages are).
    public var message: String {
        switch reason {
        case .empty: "空表 / empty sheet"
        case .missingColumns(let names): "缺少必填列：\(names.joined(separator: "、")) / missing required column(s)"
        }
    }
}
