import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ZIPFoundation

/// Reads the first worksheet of an XLSX file (a zip of XML): shared strings and inline
/// strings, numbers, and date cells (a serial number whose style has a date format). The sheet
/// is parsed as a stream, so a million-row sheet is not held as a DOM.
public enum XLSXReader {
    /// `maxUnpacked`: the most bytes the entries read may expand to, together. A zip can hold a
    /// few megabytes that inflate to gigabytes (a "zip bomb"); past the limit reading stops and
    /// the file is refused. By default 100 times the file's size, at least 256 MB, at most 2 GB.
    public static func read(_ data: Data, maxUnpacked: Int? = nil) throws(Sheet.ReadError) -> Sheet {
        guard let archive = try? Archive(data: data, accessMode: .read) else { throw .notASpreadsheet }
        let limit = maxUnpacked ?? min(2 << 30, max(256 << 20, data.count * 100))
        var unpacked = 0, overflow = false
        struct Overflow: Error {}
        func entry(_ path: String) -> Data? {
            guard let item = archive[path], !overflow else { return nil }
            var out = Data()
            do {
                _ = try archive.extract(item, skipCRC32: true) { chunk in
                    unpacked += chunk.count
                    guard unpacked <= limit else { overflow = true; throw Overflow() }
                    out.append(chunk)
                }
            } catch { if overflow { return nil } }
            return out
        }
        guard let sheetPath = firstSheetPath(workbook: entry("xl/workbook.xml"), relations: entry("xl/_rels/workbook.xml.rels")),
              let sheetXML = entry(sheetPath) ?? entry("xl/worksheets/sheet1.xml") else { throw .notASpreadsheet }
        let strings = entry("xl/sharedStrings.xml").map(SharedStringsParser.parse) ?? []
        let dateStyles = entry("xl/styles.xml").map(StylesParser.dateStyles) ?? []
        let uses1904 = entry("xl/workbook.xml").map { String(decoding: $0, as: UTF8.self).contains("date1904=\"1\"") || String(decoding: $0, as: UTF8.self).contains("date1904=\"true\"") } ?? false
        if overflow { throw .notASpreadsheet }
        let sheet = SheetParser(strings: strings, dateStyles: dateStyles, uses1904: uses1904).parse(sheetXML)
        if sheet.rows.allSatisfy(\.isBlank) { throw .empty }
        return sheet
    }

    /// The path of the workbook's first sheet, through the relationships file.
    static func firstSheetPath(workbook: Data?, relations: Data?) -> String? {
        guard let workbook, let relations else { return "xl/worksheets/sheet1.xml" }
        let book = String(decoding: workbook, as: UTF8.self), rels = String(decoding: relations, as: UTF8.self)
        guard let sheetTag = book.range(of: "<sheet ").map({ book[$0.lowerBound...] }),
              let idRange = sheetTag.range(of: #"r:id="([^"]+)""#, options: .regularExpression) else { return "xl/worksheets/sheet1.xml" }
        let id = sheetTag[idRange].dropFirst(6).dropLast()
        for relation in rels.components(separatedBy: "<Relationship ") where relation.contains("Id=\"\(id)\"") {
            guard let targetRange = relation.range(of: #"Target="([^"]+)""#, options: .regularExpression) else { continue }
            var target = String(relation[targetRange].dropFirst(8).dropLast())
            if target.hasPrefix("/") { target.removeFirst() } else { target = "xl/" + target }
            return target
        }
        return "xl/worksheets/sheet1.xml"
    }

    /// `A` → 0, `Z` → 25, `AA` → 26: the column part of a cell reference such as `AB12`.
    static func columnIndex(_ reference: String) -> Int? {
        var index = 0, seen = false
        for scalar in reference.unicodeScalars {
            guard scalar.value >= 65 && scalar.value <= 90 else { break }
            index = index * 26 + Int(scalar.value - 64)
            seen = true
        }
        return seen ? index - 1 : nil
    }

    /// Excel's serial day number as a date (1900 system, with its phantom 29 February 1900).
    static func date(serial: Double, uses1904: Bool) -> LocalDate? {
        guard serial.isFinite, serial >= (uses1904 ? 0 : 1), serial < 2_958_466 else { return nil }
        var days = Int(serial.rounded(.down))
        if uses1904 { days += 1462 } else if days < 60 { days += 1 }
        // Days since 1899-12-30, as a civil date (Howard Hinnant's algorithm).
        let z = days - 25_569 + 719_468  // to days since 0000-03-01
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        return LocalDate(year: year, month: month, day: day)
    }
}

/// `xl/sharedStrings.xml`: each `<si>`, with all its `<t>` runs joined.
final class SharedStringsParser: NSObject, XMLParserDelegate {
    private var strings: [String] = []
    private var current = "", inText = false

    static func parse(_ data: Data) -> [String] {
        let delegate = SharedStringsParser()
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        parser.parse()
        return delegate.strings
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        if name == "si" { current = "" } else if name == "t" { inText = true }
    }
    func parser(_ parser: XMLParser, foundCharacters string: String) { if inText { current += string } }
    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "t" { inText = false } else if name == "si" { strings.append(current) }
    }
}

/// `xl/styles.xml`: which cell styles (`s="n"`) show a number as a date.
final class StylesParser: NSObject, XMLParserDelegate {
    private var customFormats: [Int: String] = [:]
    private var cellFormatIDs: [Int] = []
    private var inCellXfs = false

    static func dateStyles(_ data: Data) -> Set<Int> {
        let delegate = StylesParser()
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        parser.parse()
        var styles = Set<Int>()
        for (index, formatID) in delegate.cellFormatIDs.enumerated() where isDateFormat(formatID, code: delegate.customFormats[formatID]) {
            styles.insert(index)
        }
        return styles
    }

    /// Built-in date formats are 14–22 and 45–47; a custom one is a date when, outside quoted
    /// text and [colour] brackets, it has a day, month or year part.
    static func isDateFormat(_ id: Int, code: String?) -> Bool {
        if (14...22).contains(id) || (45...47).contains(id) || (27...36).contains(id) || (50...58).contains(id) { return true }
        guard let code else { return false }
        var cleaned = "", inQuote = false, inBracket = false
        for character in code.lowercased() {
            if character == "\"" { inQuote.toggle(); continue }
            if character == "[" { inBracket = true; continue }
            if character == "]" { inBracket = false; continue }
            if !inQuote && !inBracket { cleaned.append(character) }
        }
        return cleaned.contains("y") || cleaned.contains("d") || cleaned.contains("年") || cleaned.contains("日")
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        switch name {
        case "numFmt":
            if let id = attributes["numFmtId"].flatMap(Int.init) { customFormats[id] = attributes["formatCode"] ?? "" }
        case "cellXfs": inCellXfs = true
        case "xf" where inCellXfs: cellFormatIDs.append(attributes["numFmtId"].flatMap(Int.init) ?? 0)
        default: break
        }
    }
    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "cellXfs" { inCellXfs = false }
    }
}

/// A worksheet, streamed: rows by their own numbers, cells placed by their column letters.
final class SheetParser: NSObject, XMLParserDelegate {
    private let strings: [String]
    private let dateStyles: Set<Int>
    private let uses1904: Bool
    private var rows: [Sheet.Row] = []
    private var cells: [Sheet.Cell] = []
    private var rowNumber = 0
    private var cellColumn = 0, cellType = "", cellStyle = 0
    private var value = "", collecting = false

    init(strings: [String], dateStyles: Set<Int>, uses1904: Bool) {
        self.strings = strings
        self.dateStyles = dateStyles
        self.uses1904 = uses1904
    }

    func parse(_ data: Data) -> Sheet {
        let parser = XMLParser(data: data)
        parser.delegate = self
        parser.parse()
        return Sheet(rows: rows)
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        switch name {
        case "row":
            rowNumber = attributes["r"].flatMap(Int.init) ?? rowNumber + 1
            cells = []
        case "c":
            cellColumn = attributes["r"].flatMap(XLSXReader.columnIndex) ?? cells.count
            cellType = attributes["t"] ?? "n"
            cellStyle = attributes["s"].flatMap(Int.init) ?? 0
            value = ""
        case "v", "t":
            collecting = true
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { if collecting { value += string } }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "v", "t": collecting = false
        case "c":
            var cell = Sheet.Cell(value)
            switch cellType {
            case "s": cell.text = Int(value).flatMap { $0 < strings.count ? strings[$0] : nil } ?? ""
            case "b": cell.text = value == "1" ? "TRUE" : "FALSE"
            case "n":
                if let number = Double(value) {
                    if dateStyles.contains(cellStyle) {
                        cell.date = XLSXReader.date(serial: number, uses1904: uses1904)
                        if let date = cell.date { cell.text = date.iso }
                    } else if number == number.rounded(), abs(number) < 1e15 {
                        cell.text = String(Int64(number)) // 12 rather than 12.0; long digit runs stay whole
                    }
                }
            default: break
            }
            while cells.count < cellColumn { cells.append(Sheet.Cell("")) }
            if cellColumn < cells.count { cells[cellColumn] = cell } else { cells.append(cell) }
        case "row":
            rows.append(Sheet.Row(line: rowNumber, cells: cells))
        default: break
        }
    }
}
