import Foundation
import LearnCityCore
import Vapor

/// A list as a downloadable file: CSV (UTF-8 with BOM, so Chinese Excel opens it) or XLSX,
/// by `?format=`. Every export is written to the audit log with what and how many. Numbers
/// and dates are typed cells (`TableCell`), so a spreadsheet can add them up.
enum TableExport {
    enum Format: String { case csv, xlsx }

    /// A table of text only (names, codes, masked numbers).
    static func response(_ request: Request, name: String, sheet: String? = nil, header: [String], rows: [[String]],
                         entity: String, format fixed: Format? = nil) async throws -> Response {
        try await response(request, name: name, sheet: sheet, header: header, rows: rows.map { $0.map(TableCell.text) },
                           entity: entity, format: fixed)
    }

    /// `name` is the file's (ASCII, safe in any download); `sheet`, when given, is the worksheet's
    /// tab in the page's language, which is what a reader sees in Excel.
    static func response(_ request: Request, name: String, sheet: String? = nil, header: [String], rows: [[TableCell]],
                         entity: String, format fixed: Format? = nil) async throws -> Response {
        let format = fixed ?? Format(rawValue: request.query[String.self, at: "format"] ?? "csv") ?? .csv
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        let body: Data
        switch format {
        case .csv:
            var text = "\u{FEFF}" + CSVText.line(header)
            for row in rows { text += CSVText.line(row) }
            body = Data(text.utf8)
            headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        case .xlsx:
            body = try XLSXWriter.workbook(sheetName: sheet ?? name, header: header, rows: rows)
            headers.contentType = HTTPMediaType(type: "application", subType: "vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        }
        headers.contentDisposition = .init(.attachment, filename: "\(name).\(format.rawValue)")
        try await Audit.record(.export, entity: entity, summary: "\(name).\(format.rawValue); rows: \(rows.count)",
                               by: Audit.Actor(request), on: request.db)
        return Response(status: .ok, headers: headers, body: .init(data: body))
    }
}

/// RFC 4180 lines; text cells that start like formulas are prefixed so a spreadsheet shows them
/// as text (a typed number, negative or not, is written as it is).
enum CSVText {
    static func line(_ cells: [String]) -> String { line(cells.map(TableCell.text)) }

    static func line(_ cells: [TableCell]) -> String {
        cells.map { cell in
            var value = cell.plain
            if case .text = cell, let first = value.first, "=+-@".contains(first) { value = "'" + value }
            if value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
                value = "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            }
            return value
        }.joined(separator: ",") + "\r\n"
    }
}
