import Foundation

/// A spreadsheet read from CSV or XLSX: rows with the line (CSV) or sheet row number (XLSX)
/// where each starts, so conflicts name the row a user sees.
public struct Sheet: Sendable {
    public struct Row: Sendable, Equatable {
        public var line: Int
        public var cells: [Cell]
        public init(line: Int, cells: [Cell]) {
            self.line = line
            self.cells = cells
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
    public init(rows: [Row]) { self.rows = rows }

    public enum ReadError: Error, Equatable, Sendable {
        case notASpreadsheet
        case empty
        case undecodableText
    }

    /// Reads CSV (any of the encodings `TextDecoding` knows) or XLSX, by the bytes.
    /// `maxUnpacked`: for XLSX, how far its zip may expand (see `XLSXReader.read`).
    public static func read(_ data: Data, maxUnpacked: Int? = nil) throws(ReadError) -> Sheet {
        if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return try XLSXReader.read(data, maxUnpacked: maxUnpacked) }
        if data.isEmpty { throw .empty }
        // Binary files (old .xls, images, PDFs) contain NUL bytes; text never does.
        if data.prefix(4096).contains(0) { throw .notASpreadsheet }
        guard let (text, _) = TextDecoding.decode(data) else { throw .undecodableText }
        let sheet = CSVReader.read(text)
        if sheet.rows.allSatisfy(\.isBlank) { throw .empty }
        return sheet
    }
}
