import Foundation

/// A spreadsheet read from CSV or XLSX: rows with the line (CSV) or sheet row number (XLSX)
/// where each starts, so conflicts name the row a user sees.
public struct Sheet: Sendable {
    public struct Row: Sendable, Equatable {
        public var line: Int
        public var cells: [Cell]
        /// The sheet's name when a workbook's rows come from more than one sheet (rows of two
        /// sheets share line numbers, so a row is named by both); nil otherwise.
        public var sheet: String?
        public init(line: Int, cells: [Cell], sheet: String? = nil) {
            self.line = line
            self.cells = cells
            self.sheet = sheet
        }
        public var isBlank: Bool { cells.allSatisfy { $0.text.trimmingCharacters(in: .whitespaces).isEmpty } }
    }

    /// A cell's text, and for XLSX date cells the date it stands for.
    public struct Cell: Sendable, Equatable {
        public var text: String
        public var date: LocalDate?
        public init(_ text: String, date: LocalDate? = nil) {
            self.text = text
            self.date = date
        }
    }

    public var rows: [Row]
    /// The worksheet's name in an XLSX workbook; nil for CSV.
    public var name: String?
    public init(rows: [Row], name: String? = nil) {
        self.rows = rows
        self.name = name
    }

    public enum ReadError: Error, Equatable, Sendable {
        case notASpreadsheet
        case empty
        case undecodableText
        /// The file holds more than `Limits` allows; reading stopped there.
        case tooLarge(Limit)
    }

    /// The limit a file went past, with its value, for a message that names it.
    public enum Limit: Equatable, Sendable {
        case rows(Int), cellsPerRow(Int), cellCharacters(Int), unpackedBytes(Int)
    }

    /// How much one file may hold. Real files have some hundred thousand rows of a few dozen
    /// columns; without limits an 850 KB XLSX of 2 million rows took 4 GB and a cell of inflated
    /// spaces 840 MB, because every row and cell is held in memory. Tests pass smaller ones.
    public struct Limits: Equatable, Sendable {
        /// The most rows a sheet may have, header and blank rows included.
        public static let maxRows = 1_000_000

        public var rows: Int
        /// Cells of one row, empty ones before the last included.
        public var cellsPerRow: Int
        /// Unicode scalars in one cell (Excel's own limit).
        public var cellCharacters: Int
        /// For XLSX, the bytes one part of the zip may inflate to (see `XLSXReader.read`); nil:
        /// 100 times the file's size, at least 16 MB, at most 2 GB.
        public var unpackedPart: Int?

        public init(rows: Int = Limits.maxRows, cellsPerRow: Int = 256, cellCharacters: Int = 32_767,
                    unpackedPart: Int? = nil) {
            self.rows = rows
            self.cellsPerRow = cellsPerRow
            self.cellCharacters = cellCharacters
            self.unpackedPart = unpackedPart
        }

        public static let standard = Limits()
    }

    /// Reads with the standard limits, except how far an XLSX part may inflate.
    public static func read(_ data: Data, maxUnpacked: Int?) throws(ReadError) -> Sheet {
        try read(data, limits: Limits(unpackedPart: maxUnpacked))
    }

    /// Reads CSV (any of the encodings `TextDecoding` knows) or XLSX (its first sheet), by the
    /// bytes; past any of `limits` it stops and throws `tooLarge`.
    public static func read(_ data: Data, limits: Limits = .standard) throws(ReadError) -> Sheet {
        if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return try XLSXReader.read(data, limits: limits) }
        return try readText(data, limits: limits)
    }

    /// Every sheet of a file: each worksheet of an XLSX workbook in the workbook's order, or the
    /// one sheet of a CSV. `limits` apply per sheet.
    public static func readAll(_ data: Data, limits: Limits = .standard) throws(ReadError) -> [Sheet] {
        if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return try XLSXReader.readAll(data, limits: limits) }
        return [try readText(data, limits: limits)]
    }

    private static func readText(_ data: Data, limits: Limits) throws(ReadError) -> Sheet {
        if data.isEmpty { throw .empty }
        // Binary files (old .xls, images, PDFs) contain NUL bytes; text never does.
        if data.prefix(4096).contains(0) { throw .notASpreadsheet }
        guard let (text, _) = TextDecoding.decode(data) else { throw .undecodableText }
        let sheet = try CSVReader.read(text, limits: limits)
        if sheet.rows.allSatisfy(\.isBlank) { throw .empty }
        return sheet
    }
}
