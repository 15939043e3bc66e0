import Fluent
import Foundation
import LearnCityCore

/// Imports learning records with the arithmetic of design.md §4. Each row names a person by
/// resident ID (created from the row's name when LearnCity does not know them); a provider or
/// course LearnCity does not know is kept as text. A record's key is namespaced by its source
/// (the provider, else the importing organisation): the same record again is ignored, a changed
/// one updated — unless someone corrected or voided it since (`changed_by_user`), or the key
/// names a record of another person or kind (`key_reused`): a key never moves a record from one
/// person to another.
struct RecordImporter: TableImporter {
    let context: ImportContext
    var database: any Database { context.database }
    static let chunkSize = 20_000
    static let batchSize = 400

    /// A valid row with its keyed hashes computed.
    struct Prepared: Sendable {
        var candidate: RecordRowParser.Candidate
        var idHash: String
        var fingerprint: String
    }

    /// A row ready to be written: the person it belongs to, its provider, its key.
    struct Resolved: Sendable {
        var prepared: Prepared
        var person: PersonRef
        var provider: Organisation?
        var key: String
    }

    /// A person by id, or one this import creates (a placeholder until written).
    enum PersonRef: Sendable, Hashable { case existing(Int), new(String) }

    /// What the importer knows about the people of a chunk.
    struct Known: Sendable { var id: Int; var region: String; var employed: Bool? }

    final class State: @unchecked Sendable {
        var summary: ImportSummary
        var seen: [String: String] = [:]
        var preview: [ImportPreview.Row] = []
        /// People the file introduces, by keyed hash, until written; then their ids.
        var newPeople: [String: (name: String, region: RegionCode, id: ResidentID)] = [:]
        var created: [String: Int] = [:]
        /// Record keys planned so far: a second row with the same key is a conflict.
        var keys: Set<String> = []
        init(summary: ImportSummary) { self.summary = summary }
    }

    func run(_ data: Data, options: ImportOptions) async throws -> ImportOutcome {
        let state = State(summary: options.summary())
        let table = try ImportTable.read(data, specs: RecordRowParser.columns, dryRun: options.dryRun,
                                         strings: context.strings.imports)
        table.describe(&state.summary)
        state.summary.warnings = Self.warnings(table)
        let rows = table.rows
        let lookup = try await Lookup.load(context: context, on: database)
        let vault = context.vault, strict = options.strict
        let file = ChunkedRows(rows: rows, chunkSize: Self.chunkSize, progress: context.progress) { row in
            RecordRowParser().parse(row, header: table.header(for: row)).map { candidate in
                Prepared(candidate: candidate, idHash: vault.hash(candidate.residentID.value, .residentID),
                         fingerprint: vault.crypto.lookupHash(candidate.canonical, purpose: "record-fingerprint"))
            }
        }
        struct StrictStop: Error {}
        var importID: Int?
        if options.dryRun {
            try await file.forEach { chunk, results in
                let plan = try await plan(unique(chunk, results, state), lookup: lookup, state: state, options: options, on: database)
                keepPreview(plan, state: state)
            }
        } else {
            do {
                importID = try await database.transaction { db in
                    let run = try await ImportTable.begin(.records, summary: state.summary, options: options, actor: context.actor, on: db)
                    let ledger = try await RecordLedger.load(on: db)
                    try await BulkInsert.prepare(db)
                    try await file.forEach { chunk, results in
                        let plan = try await plan(unique(chunk, results, state), lookup: lookup, state: state, options: options, on: db)
                        if strict && !state.summary.conflicts.isEmpty { throw StrictStop() }
                        keepPreview(plan, state: state)
                        try await write(plan, importID: try run.requireID(), ledger: ledger, state: state, on: db)
                    }
                    ImportTable.settle(&state.summary, strict: strict)
                    run.summary = String(decoding: try JSONEncoder().encode(state.summary), as: UTF8.self)
                    try await run.update(on: db)
                    try await ImportTable.audit(.records, run: run, summary: state.summary, actor: context.actor, on: db)
                    return try run.requireID()
                }
            } catch is StrictStop {
                // Rolled back; count the rest without writing so that every bad row is named.
                let again = try await run(data, options: ImportOptions(fileName: options.fileName, dryRun: true, strict: true,
                                                                       acceptNameMismatch: options.acceptNameMismatch))
                var summary = again.summary
                summary.dryRun = false
                return ImportOutcome(summary: summary, importID: nil, preview: ImportPreview(headers: previewHeaders()))
            }
        }
        ImportTable.settle(&state.summary, strict: options.strict)
        return ImportOutcome(summary: state.summary, importID: importID,
                             preview: ImportPreview(headers: previewHeaders(), rows: state.preview))
    }

    /// Valid rows, each the first of its record in the file: the source's record id when the
    /// file has one, else the row's content.
    private func unique(_ rows: ArraySlice<Sheet.Row>, _ results: [Result<Prepared, RowConflicts>], _ state: State) -> [Prepared] {
        var kept: [Prepared] = []
        for (row, result) in zip(rows, results) {
            switch result {
            case .failure(let failure): state.summary.add(contentsOf: failure.conflicts)
            case .success(let prepared):
                let c = prepared.candidate
                // A record id is its provider's: two providers' A001 are two records.
                let key = c.sourceID.map { "id|" + (c.provider ?? "") + "|" + $0 } ?? "content|" + prepared.fingerprint
                if let first = state.seen[key] {
                    if first == prepared.fingerprint { state.summary.ignored += 1 } else {
                        state.summary.add(ImportConflict(row: row.line, column: "记录编号", code: .duplicateInFile,
                            message: "文件中已有此记录编号且内容不同 / this record id appears earlier in the file with other content",
                            sheet: row.sheet))
                    }
                    continue
                }
                state.seen[key] = prepared.fingerprint
                kept.append(prepared)
            }
        }
        return kept
    }

    /// A record-id column holding 1, 2, 3 … n in a sheet: row numbers, which the next file
    /// starts again — imported as ids they would name other people's records.
    static func warnings(_ table: ImportRows) -> [ImportWarning] {
        let bySheet = Dictionary(grouping: table.rows, by: \.sheet)
        let numbered = table.headers.compactMap { sheet, header -> String? in
            guard header.columns["source_id"] != nil else { return nil }
            let ids = (bySheet[sheet] ?? []).map { header.value("source_id", in: $0) }.filter { !$0.isEmpty }
            return RecordRowParser.looksLikeRowNumbers(ids) ? (sheet ?? "") : nil
        }
        guard !numbered.isEmpty else { return [] }
        return [ImportWarning(code: .rowNumbersAsRecordID, message:
            "记录编号列是 1、2、3…的行号，每个文件都会重新编号，不能作为记录的编号；请删除该列或改用真正的记录编号 / "
            + "the record-id column holds the row numbers 1, 2, 3 …, which every file starts again: they do not identify "
            + "records; remove the column or use real record ids")]
    }

    private func previewHeaders() -> [String] {
        let r = context.strings.records, registry = context.strings.registry
        return [registry.name, registry.residentID, r.kind, r.date, r.hours, r.status, r.provider, r.course]
    }

    private func keepPreview(_ plan: Plan, state: State) {
        guard state.preview.count < 10 else { return }
        let strings = context.strings.records
        for resolved in (plan.inserts + plan.updates.map(\.1)).prefix(10 - state.preview.count) {
            let c = resolved.prepared.candidate
            state.preview.append(ImportPreview.Row(line: c.line, cells: [
                c.name ?? "—", c.residentID.masked, strings.kindName(c.kind), c.date.iso, NumberText.hours(c.hours),
                strings.statusName(c.status), resolved.provider?.name(context.language) ?? c.provider ?? "—", c.course ?? "—"],
                sheet: c.sheet))
        }
        state.preview.sort { $0.line < $1.line }
    }
}
