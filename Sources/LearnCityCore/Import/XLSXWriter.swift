import Foundation
import ZIPFoundation

/// One cell of an exported table. Text stays text (so resident IDs and codes keep every digit);
/// numbers and dates are typed, so a spreadsheet sums, sorts and formats them.
public enum TableCell: Sendable, Equatable, ExpressibleByStringLiteral, ExpressibleByStringInterpolation {
    case text(String)
    /// A number shown with this many decimals (0…2) and thousands separators in a spreadsheet.
    case number(Double, decimals: Int)
    /// A fraction shown as a percentage (0.853 → 85.3%).
    case percent(Double)
    case date(LocalDate)

    public init(stringLiteral value: String) { self = .text(value) }

    public static func integer(_ value: Int) -> TableCell { .number(Double(value), decimals: 0) }

    /// Hours (one decimal), as the pages show them.
    public static func hours(_ value: Double) -> TableCell { .number(value, decimals: 1) }

    /// Yuan from fen (分).
    public static func yuan(fen: Int) -> TableCell { .number(Double(fen) / 100, decimals: 2) }

    /// The value as a spreadsheet stores it, rounded to what is shown.
    var stored: String {
        switch self {
        case .text(let text): return text
        case .date(let date): return date.iso
        case .number(let value, let decimals): return Self.rounded(value, decimals: min(max(decimals, 0), 2))
        case .percent(let fraction): return Self.rounded(fraction, decimals: 3)
        }
    }

    /// How a CSV file writes it: numbers plain (`1943`, `12.5`, no separators), percentages
    /// with their sign (`85.3%`, which spreadsheets read as a number), dates ISO.
    public var plain: String {
        if case .percent(let fraction) = self { return NumberFormat.percent(fraction) }
        return stored
    }

    private static func rounded(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return "" }
        let scale = [1.0, 10, 100, 1000][decimals]
        let r = (value * scale).rounded() / scale
        return r == r.rounded() && abs(r) < 1e15 ? String(Int64(r)) : String(r)
    }
}

/// Writes a one-sheet XLSX workbook (inline strings, typed numbers and dates; a bold header
/// row), enough for exports that Excel and WPS open.
public enum XLSXWriter {
    /// A table of text only (what an upload template or a test writes).
    public static func workbook(sheetName: String, header: [String], rows: [[String]]) throws -> Data {
        try workbook(sheetName: sheetName, header: header, rows: rows.map { $0.map(TableCell.text) })
    }

    public static func workbook(sheetName: String, header: [String], rows: [[TableCell]]) throws -> Data {
        guard let archive = try? Archive(data: Data(), accessMode: .create) else { throw CocoaError(.fileWriteUnknown) }
        func add(_ path: String, _ text: String) throws {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        try add("[Content_Types].xml", """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>
        """)
        try add("_rels/.rels", """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
        """)
        try add("xl/workbook.xml", """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="\(escape(String(sheetName.prefix(31))))" sheetId="1" r:id="rId1"/></sheets></workbook>
        """)
        try add("xl/_rels/workbook.xml.rels", """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>
        """)
        try add("xl/styles.xml", """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="3"><numFmt numFmtId="164" formatCode="#,##0.0"/><numFmt numFmtId="165" formatCode="yyyy-mm-dd"/><numFmt numFmtId="166" formatCode="0.0%"/></numFmts><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="7"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>
        """)
        var sheet = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#
        for (index, cells) in ([header.map(TableCell.text)] + rows).enumerated() {
            let number = index + 1
            sheet += "<row r=\"\(number)\">"
            for (column, cell) in cells.enumerated() {
                sheet += xml(cell, at: "\(columnName(column))\(number)", header: index == 0)
            }
            sheet += "</row>"
        }
        sheet += "</sheetData></worksheet>"
        try add("xl/worksheets/sheet1.xml", sheet)
        guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return data
    }

    /// A cell's XML: text inline, numbers and dates (as Excel's day serials) with their style.
    static func xml(_ cell: TableCell, at reference: String, header: Bool) -> String {
        switch cell {
        case .text(let text):
            let style = header ? " s=\"1\"" : ""
            return "<c r=\"\(reference)\" t=\"inlineStr\"\(style)><is><t xml:space=\"preserve\">"
                + escape(text) + "</t></is></c>"
        case .number(let value, let decimals):
            guard value.isFinite else { return "<c r=\"\(reference)\"/>" }
            let style = decimals <= 0 ? 2 : decimals == 1 ? 3 : 4
            return "<c r=\"\(reference)\" s=\"\(style)\"><v>\(cell.stored)</v></c>"
        case .percent(let fraction):
            guard fraction.isFinite else { return "<c r=\"\(reference)\"/>" }
            return "<c r=\"\(reference)\" s=\"6\"><v>\(cell.stored)</v></c>"
        case .date(let date):
            return "<c r=\"\(reference)\" s=\"5\"><v>\(serial(date))</v></c>"
        }
    }

    /// Days since 1899-12-30 (Excel's 1900 system, past its 1900 leap-year bug).
    static func serial(_ date: LocalDate) -> Int {
        // Days from civil (Howard Hinnant's algorithm), relative to 1970-01-01 = 25569.
        let y = date.month <= 2 ? date.year - 1 : date.year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (date.month + 9) % 12
        let doy = (153 * mp + 2) / 5 + date.day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468 + 25_569
    }

    /// 0 → A, 25 → Z, 26 → AA.
    static func columnName(_ index: Int) -> String {
        var index = index + 1, name = ""
        while index > 0 {
            let remainder = (index - 1) % 26
            name = String(UnicodeScalar(65 + remainder)!) + name
            index = (index - 1) / 26
        }
        return name
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case _ where scalar.value < 0x20 && scalar != "\n" && scalar != "\t": continue // not allowed in XML 1.0
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
