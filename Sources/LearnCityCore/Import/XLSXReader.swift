import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ZIPFoundation

/// Reads the worksheets of an XLSX file (a zip of XML): shared strings and inline strings,
/// numbers, and date cells (a serial number whose style has a date format). Each sheet is
/// parsed as a stream, so a million-row sheet is not held as a DOM.
public enum XLSXReader {
    /// The first worksheet. Past `limits` reading stops and the file is refused. A zip can hold
    /// a few hundred kilobytes that inflate to gigabytes (a "zip bomb"), so each part is counted
    /// as it inflates and extraction stops at `limits.unpackedPart` (by default 100 times the
    /// file's size, at least 16 MB, at most 2 GB); rows, cells and cell text are counted as the
    /// sheet streams.
    public static func read(_ data: Data, limits: Sheet.Limits = .standard) throws(Sheet.ReadError) -> Sheet {
        let sheet = try sheets(data, limits: limits, onlyFirst: true)[0]
        if sheet.rows.allSatisfy(\.isBlank) { throw .empty }
        return sheet
    }

    /// Every worksheet, in the workbook's order, each named: offices keep a year's ledger as one
    /// sheet per quarter, and reading the first alone silently dropped the rest.
    public static func readAll(_ data: Data, limits: Sheet.Limits = .standard) throws(Sheet.ReadError) -> [Sheet] {
        let all = try sheets(data, limits: limits, onlyFirst: false)
        if all.allSatisfy({ $0.rows.allSatisfy(\.isBlank) }) { throw .empty }
        return all
    }

    private static func sheets(_ data: Data, limits: Sheet.Limits, onlyFirst: Bool) throws(Sheet.ReadError) -> [Sheet] {
        guard let archive = try? Archive(data: data, accessMode: .read) else { throw .notASpreadsheet }
        let partLimit = limits.unpackedPart ?? min(2 << 30, max(16 << 20, data.count * 100))
        var overflow = false
        struct Overflow: Error {}
        func entry(_ path: String) -> Data? {
            guard let item = archive[path], !overflow else { return nil }
            var out = Data()
            do {
                _ = try archive.extract(item, skipCRC32: true) { chunk in
                    guard out.count + chunk.count <= partLimit else { overflow = true; throw Overflow() }
                    out.append(chunk)
                }
            } catch { return nil }
            return out
        }
        let workbook = entry("xl/workbook.xml")
        var parts = sheetParts(workbook: workbook, relations: entry("xl/_rels/workbook.xml.rels"))
        if onlyFirst { parts = Array(parts.prefix(1)) }
        let strings = entry("xl/sharedStrings.xml").map { SharedStringsParser.parse($0, limits: limits) }
        let dateStyles = entry("xl/styles.xml").map(StylesParser.dateStyles) ?? []
        if overflow { throw .tooLarge(.unpackedBytes(partLimit)) }
        let uses1904 = workbook.map { String(decoding: $0, as: UTF8.self) }
            .map { $0.contains("date1904=\"1\"") || $0.contains("date1904=\"true\"") } ?? false
        let shared = try (strings ?? .success([])).get()
        var result: [Sheet] = []
        for part in parts {
            guard let xml = entry(part.path) else { continue }
            let parsed = SheetParser(strings: shared, dateStyles: dateStyles, uses1904: uses1904, limits: limits).parse(xml)
            result.append(Sheet(rows: try parsed.get().rows, name: part.name))
        }
        if overflow { throw .tooLarge(.unpackedBytes(partLimit)) }
        // A workbook whose relationships do not lead anywhere: the conventional first sheet.
        if result.isEmpty, let xml = entry("xl/worksheets/sheet1.xml") {
            let parsed = SheetParser(strings: shared, dateStyles: dateStyles, uses1904: uses1904, limits: limits).parse(xml)
            result.append(Sheet(rows: try parsed.get().rows, name: parts.first?.name ?? "Sheet1"))
        }
        if overflow { throw .tooLarge(.unpackedBytes(partLimit)) }
        guard !result.isEmpty else { throw .notASpreadsheet }
        return result
    }

    /// The workbook's sheets in order: each one's name and the path of its part, through the
    /// relationships file.
    static func sheetParts(workbook: Data?, relations: Data?) -> [(name: String, path: String)] {
        guard let workbook, let relations else { return [] }
        let targets = AttributesParser.collect(relations, element: "Relationship")
            .reduce(into: [String: String]()) { found, attributes in
                if let id = attributes["Id"], let target = attributes["Target"] { found[id] = target }
            }
        return AttributesParser.collect(workbook, element: "sheet").compactMap { attributes in
            // The relationship id is `r:id` as Excel writes it; other writers pick another prefix.
            let id = attributes["r:id"] ?? attributes.first { $0.key.hasSuffix(":id") }?.value
            guard let name = attributes["name"], let id, var target = targets[id] else { return nil }
            if target.hasPrefix("/") { target.removeFirst() } else { target = "xl/" + target }
            return (name, target)
        }
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

/// The attributes of every element of one name (a workbook's `<sheet>`s, a relationships
/// file's `<Relationship>`s), with entities such as `&amp;` in sheet names decoded.
final class AttributesParser: NSObject, XMLParserDelegate {
    private let element: String
    private var found: [[String: String]] = []

    private init(element: String) { self.element = element }

    static func collect(_ data: Data, element: String) -> [[String: String]] {
        let delegate = AttributesParser(element: element)
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        parser.parse()
        return delegate.found
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        if name == element { found.append(attributes) }
    }
}

/// `xl/sharedStrings.xml`: each `<si>`, with all its `<t>` runs joined.
final class SharedStringsParser: NSObject, XMLParserDelegate {
    private var strings: [String] = []
    private var current = "", currentLength = 0, inText = false
    private let limits: Sheet.Limits
    private var exceeded: Sheet.Limit?

    private init(limits: Sheet.Limits) { self.limits = limits }

    static func parse(_ data: Data, limits: Sheet.Limits) -> Result<[String], Sheet.ReadError> {
        let delegate = SharedStringsParser(limits: limits)
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        parser.parse()
        if let exceeded = delegate.exceeded { return .failure(.tooLarge(exceeded)) }
        return .success(delegate.strings)
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        if name == "si" { (current, currentLength) = ("", 0) } else if name == "t" { inText = true }
    }
    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard inText else { return }
        current += string
        currentLength += string.unicodeScalars.count
        if currentLength > limits.cellCharacters {
            exceeded = .cellCharacters(limits.cellCharacters)
            parser.abortParsing()
        }
    }
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
    private let limits: Sheet.Limits
    private var rows: [Sheet.Row] = []
    private var cells: [Sheet.Cell] = []
    private var rowNumber = 0
    private var cellColumn = 0, cellType = "", cellStyle = 0
    private var value = "", valueLength = 0, collecting = false
    private var exceeded: Sheet.Limit?

    init(strings: [String], dateStyles: Set<Int>, uses1904: Bool, limits: Sheet.Limits) {
        self.strings = strings
        self.dateStyles = dateStyles
        self.uses1904 = uses1904
        self.limits = limits
    }

    func parse(_ data: Data) -> Result<Sheet, Sheet.ReadError> {
        let parser = XMLParser(data: data)
        parser.delegate = self
        parser.parse()
        if let exceeded { return .failure(.tooLarge(exceeded)) }
        return .success(Sheet(rows: rows))
    }

    /// Stops the stream at the first limit passed: nothing after it is held.
    private func stop(_ parser: XMLParser, _ limit: Sheet.Limit) {
        exceeded = limit
        parser.abortParsing()
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        guard exceeded == nil else { return }
        switch name {
        case "row":
            guard rows.count < limits.rows else { return stop(parser, .rows(limits.rows)) }
            rowNumber = attributes["r"].flatMap(Int.init) ?? rowNumber + 1
            cells = []
        case "c":
            cellColumn = attributes["r"].flatMap(XLSXReader.columnIndex) ?? cells.count
            // A reference such as XFD1 would otherwise pad the row with 16,383 empty cells.
            guard cellColumn < limits.cellsPerRow else { return stop(parser, .cellsPerRow(limits.cellsPerRow)) }
            cellType = attributes["t"] ?? "n"
            cellStyle = attributes["s"].flatMap(Int.init) ?? 0
            (value, valueLength) = ("", 0)
        case "v", "t":
            collecting = true
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard collecting, exceeded == nil else { return }
        value += string
        valueLength += string.unicodeScalars.count
        if valueLength > limits.cellCharacters { stop(parser, .cellCharacters(limits.cellCharacters)) }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        guard exceeded == nil else { return }
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
