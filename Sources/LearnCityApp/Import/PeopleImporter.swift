import Fluent
import Foundation
import LearnCityCore
import SQLKit

/// Imports people from a CSV or XLSX file with the arithmetic of design.md §4: every data row is
/// imported, updated, ignored or a conflict; a re-imported file is ignored row by row; a person
/// outside the importer's scope is left untouched and not revealed; a person changed by hand
/// since is a `changed_by_user` conflict. Everything is written in one transaction, in batches.
struct PeopleImporter: TableImporter {
    let context: ImportContext
    private var vault: PersonalDataVault { context.vault }
    private var scope: AccountScope { context.scope }
    var database: any Database { context.database }
    var progress: (@Sendable (Int, Int) -> Void)? { context.progress }

    static let batchSize = 500
    /// Rows prepared (parsed, validated, hashed, encrypted) while the previous chunk is written.
    static let chunkSize = 25_000

    /// Work carried from chunk to chunk: the summary so far, the resident IDs seen in the file
    /// (with their first row's content), and the first rows for the preview. A class, because
    /// the transaction's closure carries it; chunks are handled one after another, never at once.
    final class Progress: @unchecked Sendable {
        var summary: ImportSummary
        var seen: [String: String] = [:]
        var first: [PersonRowParser.Candidate] = []
        init(summary: ImportSummary) { self.summary = summary }

        func keepFirst(_ plan: Plan) {
            guard first.count < 10 else { return }
            first += (plan.inserts.map(\.candidate) + plan.updates.map(\.1.candidate)).prefix(10 - first.count)
        }
    }

    /// The file is read, then handled in chunks: while the database plans and writes one chunk
    /// (one core), the next is prepared on the others. A writing run is one transaction; a
    /// strict run that meets a bad row rolls it back, so nothing is written.
    func run(_ data: Data, options: ImportOptions) async throws -> ImportOutcome {
        var state = Progress(summary: options.summary())
        let strict = options.strict
        let table = try ImportTable.read(data, specs: PersonRowParser.columns, dryRun: options.dryRun,
                                         strings: context.strings.imports)
        table.describe(&state.summary)
        let rows = table.rows
        let parser = try await makeParser()
        let vault = self.vault
        let file = ChunkedRows(rows: rows, chunkSize: Self.chunkSize, progress: progress) { row in
            Self.prepare(row, header: table.header(for: row), parser: parser, vault: vault)
        }
        var importID: Int?
        if options.dryRun {
            try await file.forEach { chunk, results in
                state.keepFirst(try await plan(unique(chunk, results, state), summary: &state.summary, on: database))
            }
        } else {
            do {
                importID = try await database.transaction { [state] db in
                    let run = try await ImportTable.begin(.people, summary: state.summary, options: options, actor: context.actor, on: db)
                    try await BulkInsert.prepare(db)
                    try await file.forEach { chunk, results in
                        let plan = try await plan(unique(chunk, results, state), summary: &state.summary, on: db)
                        if strict && !state.summary.conflicts.isEmpty { throw StrictStop() }
                        state.keepFirst(plan)
                        try await write(plan, importID: try run.requireID(), on: db)
                    }
                    ImportTable.settle(&state.summary, strict: strict)
                    run.summary = String(decoding: try JSONEncoder().encode(state.summary), as: UTF8.self)
                    try await run.update(on: db)
                    try await ImportTable.audit(.people, run: run, summary: state.summary, actor: context.actor, on: db)
                    return try run.requireID()
                }
            } catch is StrictStop {
                // Rolled back. Finish the count without writing, so the summary names every bad row.
                state = Progress(summary: ImportSummary(dryRun: false))
                table.describe(&state.summary)
                try await file.forEach { chunk, results in
                    _ = try await plan(unique(chunk, results, state), summary: &state.summary, on: database)
                }
            }
        }
        ImportTable.settle(&state.summary, strict: options.strict)
        if !options.dryRun && importID == nil { state.first = [] }
        let preview = ImportPreview(headers: Self.previewHeaders(context.strings),
                                    rows: state.first.sorted { $0.line < $1.line }.map { Self.previewRow($0, strings: context.strings) })
        return ImportOutcome(summary: state.summary, importID: importID, preview: preview)
    }

    private struct StrictStop: Error {}

    /// The rows of a chunk that are valid and the first with their resident ID in the file;
    /// a later repeat is ignored when identical and a conflict when not.
    private func unique(_ rows: ArraySlice<Sheet.Row>, _ results: [Result<Prepared, RowConflicts>], _ state: Progress) -> [Prepared] {
        var candidates: [Prepared] = []
        for (row, result) in zip(rows, results) {
            switch result {
            case .failure(let failure): state.summary.add(contentsOf: failure.conflicts)
            case .success(let prepared):
                let candidate = prepared.candidate
                if let first = state.seen[candidate.residentID.value] {
                    if first == candidate.canonical { state.summary.ignored += 1 } else {
                        state.summary.add(ImportConflict(row: row.line, column: "身份证号", code: .duplicateInFile,
                            message: "文件中已有此身份证号且内容不同 / this resident ID appears earlier in the file with other content",
                            sheet: row.sheet))
                    }
                    continue
                }
                state.seen[candidate.residentID.value] = candidate.canonical
                candidates.append(prepared)
            }
        }
        return candidates
    }

    static func previewHeaders(_ strings: Strings) -> [String] {
        let s = strings.imports, registry = strings.registry
        return [registry.name, registry.residentID, registry.gender, registry.phone, registry.region, s.urbanRural, s.employed, s.workplace]
    }

    /// A candidate as it will be stored: numbers masked, codes as users know them.
    static func previewRow(_ c: PersonRowParser.Candidate, strings: Strings) -> ImportPreview.Row {
        let s = strings.imports, registry = strings.registry
        return ImportPreview.Row(line: c.line, cells: [
            c.name, c.residentID.masked, c.residentID.gender == .male ? registry.male : registry.female,
            c.phone?.masked ?? "—", c.region.rawValue, c.urbanRural.map { $0 == "urban" ? s.urban : s.rural } ?? "—",
            c.employed.map { $0 ? s.yes : s.no } ?? "—", c.workplace ?? "—"])
    }

    private func makeParser() async throws -> PersonRowParser {
        let regions = try await Region.query(on: database).filter(\.$level == 3).all()
        let lookup = RegionLookup(regions: regions.compactMap { region in region.code.map { ($0, region.nameZh, region.nameEn) } },
                                  renamed: Self.renamedRegions)
        var industries: [String: String] = [:]
        for industry in try await Industry.query(on: database).all() {
            guard let code = industry.id else { continue }
            industries[code] = code
            industries[industry.nameZh] = code
        }
        return PersonRowParser(regions: lookup, industries: industries)
    }

    /// GB/T 2260 codes that were replaced; a resident ID keeps the code it was issued under.
    static let renamedRegions: [RegionCode: RegionCode] = [RegionCode("511721")!: RegionCode("511703")!]

    struct Plan {
        var inserts: [Prepared] = []
        var updates: [(Person, Prepared)] = []
    }

    /// A valid row with the values that cost CPU already computed: keyed hashes and ciphertexts.
    struct Prepared: Sendable {
        var candidate: PersonRowParser.Candidate
        var idHash: String
        var fingerprint: String
        var sealedID: String
        var sealedPhone: String?
        var phoneHash: String?
    }

    /// One row parsed, validated, hashed and encrypted: most of an import's work, and no
    /// database in it, so `ChunkedRows` runs it on every core.
    static func prepare(_ row: Sheet.Row, header: HeaderMap, parser: PersonRowParser,
                        vault: PersonalDataVault) -> Result<Prepared, RowConflicts> {
        parser.parse(row, header: header).flatMap { candidate in
            do {
                return .success(Prepared(
                    candidate: candidate, idHash: vault.hash(candidate.residentID.value, .residentID),
                    fingerprint: vault.crypto.lookupHash(candidate.canonical, purpose: "person-fingerprint"),
                    sealedID: try vault.seal(candidate.residentID.value),
                    sealedPhone: try candidate.phone.map { try vault.seal($0.value) },
                    phoneHash: candidate.phone.map { vault.hash($0.value, .phone) }))
            } catch {
                return .failure(RowConflicts(conflicts: [ImportConflict(row: row.line, column: nil, code: .invalidValue,
                                                                        message: "加密失败 / could not encrypt", sheet: row.sheet)]))
            }
        }
    }

    /// Sorts candidates into new, changed, identical, out of scope and changed-by-hand.
    private func plan(_ candidates: [Prepared], summary: inout ImportSummary, on database: any Database) async throws -> Plan {
        var plan = Plan()
        for batch in candidates.chunked(Self.batchSize) {
            let existing = Dictionary(uniqueKeysWithValues: try await Person.query(on: database)
                .filter(\.$residentIDHash ~~ batch.map(\.idHash)).all().map { ($0.residentIDHash, $0) })
            for prepared in batch {
                let candidate = prepared.candidate, fingerprint = prepared.fingerprint
                guard let person = existing[prepared.idHash] else {
                    if scope.canChangePerson(region: candidate.region) {
                        plan.inserts.append(prepared)
                        summary.imported += 1
                    } else {
                        summary.add(ImportConflict(row: candidate.line, column: "区县", code: .regionOutOfScope,
                            message: "不在本账号的辖区内 / outside the area of this account", sheet: candidate.sheet))
                    }
                    continue
                }
                if !scope.canChangePerson(region: person.region) || person.fingerprint == fingerprint || person.mergedIntoID != nil {
                    summary.ignored += 1   // not ours (and not revealed), identical, or merged into someone else
                } else if person.editedAt != nil {
                    summary.add(ImportConflict(row: candidate.line, column: nil, code: .changedByUser,
                        message: "此人信息已被手工修改，导入不会覆盖 / changed by hand since; the import does not overwrite it",
                        sheet: candidate.sheet))
                } else {
                    plan.updates.append((person, prepared))
                    summary.updated += 1
                }
            }
        }
        return plan
    }
}

extension Array {
    func chunked(_ size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}
