import Fluent
import Foundation
import LearnCityCore

/// What a file holds; each kind has its own importer, and every kind shares the summary,
/// the dry run, the background job with its progress bar, the history and undo.
enum ImportKind: String, CaseIterable, Codable, Sendable {
    case people, orgs, records
}

struct ImportOptions: Sendable {
    var fileName: String
    var dryRun = false
    var strict = false
    /// Import rows whose name differs from the name registered for their resident ID (the user
    /// checked them); without it each is a `name_mismatch` conflict.
    var acceptNameMismatch = false
    /// Where every conflict goes besides the summary's capped list (the browser's dry run). A
    /// strict run that stops and counts the rest again does so without it, so none is sent twice.
    var conflictSink: ConflictSink? = nil

    /// The empty summary a run of these options starts from.
    func summary() -> ImportSummary {
        var summary = ImportSummary(dryRun: dryRun)
        summary.sink = conflictSink
        return summary
    }
}

/// The first rows as they will be (or were) stored, for the dry-run page.
struct ImportPreview: Sendable {
    struct Row: Sendable {
        var line: Int
        var cells: [String]
        var sheet: String? = nil
    }
    var headers: [String] = []
    var rows: [Row] = []
}

/// The result of one run: the summary, the history entry when something was written, a preview.
struct ImportOutcome: Sendable {
    var summary: ImportSummary
    var importID: Int?
    var preview: ImportPreview
}

/// Why a whole file is refused (one clear message, nothing written).
struct ImportRefusal: Error, Sendable {
    var summary: ImportSummary
    var message: String { summary.conflicts.first?.message ?? "" }

    init(_ code: ImportConflict.Code, _ message: String, column: String? = nil, dryRun: Bool) {
        summary = ImportSummary(dryRun: dryRun)
        summary.status = .error
        summary.add(ImportConflict(row: nil, column: column, code: code, message: message))
    }
}

/// Who imports, into which database, and how the work reports its progress.
struct ImportContext: Sendable {
    var vault: PersonalDataVault
    var scope: AccountScope
    var actor: Audit.Actor
    var database: any Database
    var language: UILanguage
    /// The importing account's organisation: the source of records that name no provider.
    var organisationID: Int? = nil
    var strings: Strings { Strings.table(for: language) }
    /// Called with (rows done, rows in all) as the work advances.
    var progress: (@Sendable (Int, Int) -> Void)?
}

protocol TableImporter: Sendable {
    func run(_ data: Data, options: ImportOptions) async throws -> ImportOutcome
}

extension ImportKind {
    func importer(_ context: ImportContext) -> any TableImporter {
        switch self {
        case .people: PeopleImporter(context: context)
        case .orgs: OrganisationImporter(context: context)
        case .records: RecordImporter(context: context)
        }
    }
}

/// The data rows of a file, from every sheet that has the required columns, each with its
/// sheet's header; and the sheets passed over.
struct ImportRows: Sendable {
    var rows: [Sheet.Row]
    /// Each sheet's header, by the name its rows carry (nil: the file's only sheet).
    var headers: [String?: HeaderMap]
    var unknown: [String]
    var sheetsRead: [String]
    var sheetsIgnored: [SheetNote]

    func header(for row: Sheet.Row) -> HeaderMap { headers[row.sheet] ?? headers.values.first! }

    /// What the summary says about the file itself: its rows, the columns not used, the sheets.
    func describe(_ summary: inout ImportSummary) {
        summary.rows = rows.count
        summary.unknownColumns = unknown
        summary.sheetsRead = sheetsRead
        summary.sheetsIgnored = sheetsIgnored
    }
}

/// Reading a file every importer does the same way: its sheets, each one's header among its
/// first ten rows, their data rows (blank rows are not data) — or one clear refusal.
enum ImportTable {
    static func read(_ data: Data, specs: [ColumnSpec], dryRun: Bool, strings: ImportStrings) throws -> ImportRows {
        let sheets: [Sheet]
        do { sheets = try Sheet.readAll(data) } catch {
            switch error {
            case .empty: throw ImportRefusal(.emptyFile, "文件没有数据 / the file has no data", dryRun: dryRun)
            case .notASpreadsheet, .undecodableText:
                throw ImportRefusal(.notASpreadsheet, "不是 CSV 或 XLSX 表格 / not a CSV or XLSX spreadsheet", dryRun: dryRun)
            case .tooLarge(let limit): throw ImportRefusal(.fileTooLarge, strings.tooLarge(limit), dryRun: dryRun)
            }
        }
        let selection: SheetSelection
        do { selection = try HeaderMap.select(in: sheets, specs: specs) } catch {
            guard case .missingColumns(let names) = error else { throw error }
            throw ImportRefusal(.missingColumn, "缺少必填列：\(names.joined(separator: "、")) / missing required column(s)",
                                column: names.joined(separator: ","), dryRun: dryRun)
        }
        // Rows of two sheets share numbers: when more than one sheet is read, each row carries its sheet's name.
        let named = selection.read.count > 1
        var table = ImportRows(rows: [], headers: [:], unknown: [], sheetsRead: [],
                               sheetsIgnored: selection.ignored.map { SheetNote(name: $0.name, reason: $0.message) })
        for (sheet, header) in selection.read {
            let name = named ? sheet.name : nil
            table.headers[name] = header
            table.rows += sheet.rows.dropFirst(header.headerIndex + 1).filter { !$0.isBlank }.map { row in
                var row = row
                row.sheet = name
                return row
            }
            for column in header.unknown where !table.unknown.contains(column) { table.unknown.append(column) }
            if let name = sheet.name { table.sheetsRead.append(name) }
        }
        guard !table.rows.isEmpty else { throw ImportRefusal(.emptyFile, "表头下没有数据行 / no data rows under the header", dryRun: dryRun) }
        return table
    }

    /// Finishes a summary: status from the conflicts and strictness, conflicts in row order.
    static func settle(_ summary: inout ImportSummary, strict: Bool) {
        summary.status = summary.conflictsTotal == 0 ? .ok : (strict ? .error : .warning)
        summary.sortConflicts()
    }

    /// Starts the history entry of an import inside its transaction.
    static func begin(_ kind: ImportKind, summary: ImportSummary, options: ImportOptions, actor: Audit.Actor,
                      on db: any Database) async throws -> ImportRun {
        let run = ImportRun()
        run.kind = kind.rawValue
        run.fileName = String(options.fileName.suffix(200))
        run.userID = actor.id
        run.actorName = actor.name
        run.summary = String(decoding: try JSONEncoder().encode(summary), as: UTF8.self)
        run.state = .applied
        try await run.create(on: db)
        return run
    }

    static func audit(_ kind: ImportKind, run: ImportRun, summary: ImportSummary, actor: Audit.Actor, on db: any Database) async throws {
        try await Audit.record(.create, entity: "import", id: run.id.map(String.init),
                               summary: "\(kind.rawValue) from \(run.fileName): imported \(summary.imported), updated \(summary.updated), ignored \(summary.ignored), conflicts \(summary.conflictsTotal)",
                               by: actor, on: db)
    }
}

/// A file's rows in chunks, each prepared (parsed, validated, hashed, encrypted — work that needs
/// no database) on every core while the caller plans and writes the previous chunk on its one
/// database connection.
struct ChunkedRows<Prepared: Sendable>: Sendable {
    let rows: [Sheet.Row]
    let chunkSize: Int
    let progress: (@Sendable (Int, Int) -> Void)?
    let prepare: @Sendable (Sheet.Row) -> Prepared

    func forEach(_ body: (ArraySlice<Sheet.Row>, [Prepared]) async throws -> Void) async throws {
        let chunks = rows.chunked(chunkSize), prepare = self.prepare
        func start(_ index: Int) -> Task<[Prepared], Never> {
            let chunk = Array(chunks[index])
            return Task { await ParallelRows.map(chunk, prepare) }
        }
        guard !chunks.isEmpty else { return }
        var next = start(0)
        for index in chunks.indices {
            let prepared = await next.value
            if index + 1 < chunks.count { next = start(index + 1) }
            try await body(chunks[index], prepared)
            progress?(min((index + 1) * chunkSize, rows.count), rows.count)
        }
    }
}

/// Maps rows on every core in chunks, keeping their order.
enum ParallelRows {
    static func map<T: Sendable>(_ rows: [Sheet.Row], chunk size: Int = 2_500,
                                 _ transform: @escaping @Sendable (Sheet.Row) -> T) async -> [T] {
        let chunks = rows.chunked(size)
        return await withTaskGroup(of: (Int, [T]).self) { group in
            for (index, chunk) in chunks.enumerated() { group.addTask { (index, chunk.map(transform)) } }
            var results = [[T]](repeating: [], count: chunks.count)
            for await (index, part) in group { results[index] = part }
            return results.flatMap { $0 }
        }
    }
}
