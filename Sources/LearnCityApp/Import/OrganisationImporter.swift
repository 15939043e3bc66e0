import Fluent
import Foundation
import LearnCityCore

/// Imports organisations: new ones hang under a parent named by code or name (an organisation
/// already in LearnCity or a row of the same file, in any order); existing ones (same code) are
/// updated and, when the file names another parent, moved with their history kept. Only
/// organisations inside the importer's scope are created or changed; others are ignored and
/// not revealed.
struct OrganisationImporter: TableImporter {
    let context: ImportContext
    var database: any Database { context.database }

    /// A row that passed the checks, with its parent once resolved.
    struct Planned: Sendable {
        var candidate: OrganisationRowParser.Candidate
        /// The parent: an existing organisation's id, or the code of a new row.
        var parent: Parent?
        var region: RegionCode?
        var existing: Organisation?
    }

    enum Parent: Sendable, Equatable { case existing(Int), new(String) }

    func run(_ data: Data, options: ImportOptions) async throws -> ImportOutcome {
        var summary = options.summary()
        let table = try ImportTable.read(data, specs: OrganisationRowParser.columns, dryRun: options.dryRun,
                                         strings: context.strings.imports)
        table.describe(&summary)
        let regions = try await Region.query(on: database).filter(\.$level >= 2).all()
        let parser = OrganisationRowParser(regions: RegionLookup(
            regions: regions.compactMap { r in r.code.map { ($0, r.nameZh, r.nameEn) } }, renamed: PeopleImporter.renamedRegions))
        let tree = try await Organisation.query(on: database).all()
        var seen: [String: OrganisationRowParser.Candidate] = [:]
        var candidates: [OrganisationRowParser.Candidate] = []
        for row in table.rows {
            switch parser.parse(row, header: table.header(for: row)) {
            case .failure(let failure): summary.add(contentsOf: failure.conflicts)
            case .success(let candidate):
                if let first = seen[candidate.code] {
                    if Self.sameContent(first, candidate) { summary.ignored += 1 } else {
                        summary.add(ImportConflict(row: candidate.line, column: "编码", code: .duplicateInFile,
                            message: "文件中已有此机构且内容不同 / this organisation appears earlier in the file with other content",
                            sheet: candidate.sheet))
                    }
                    continue
                }
                seen[candidate.code] = candidate
                candidates.append(candidate)
            }
        }
        let planned = resolve(candidates, tree: tree, summary: &summary)
        ImportTable.settle(&summary, strict: options.strict)
        let preview = ImportPreview(headers: previewHeaders(), rows: planned.filter { $0.existing == nil || changes($0) }
            .sorted { $0.candidate.line < $1.candidate.line }.prefix(10).map { previewRow($0, tree: tree) })
        if options.dryRun || (options.strict && !summary.conflicts.isEmpty) {
            return ImportOutcome(summary: summary, importID: nil, preview: preview)
        }
        let importID = try await write(planned, summary: summary, options: options)
        return ImportOutcome(summary: summary, importID: importID, preview: preview)
    }

    /// Finds every row's parent, in as many passes as the file's nesting needs, and sorts rows
    /// into new, changed, identical and out of scope.
    private func resolve(_ candidates: [OrganisationRowParser.Candidate], tree: [Organisation], summary: inout ImportSummary) -> [Planned] {
        let scope = context.scope
        let byCode = Dictionary(tree.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        let byName = Dictionary(grouping: tree.filter { $0.closedAt == nil }, by: \.nameZh)
        func visible(_ org: Organisation) -> Bool {
            scope.includesOrganisation(path: org.path, region: RegionCode(org.regionCode))
        }
        var newCodes: [String: OrganisationRowParser.Candidate] = [:]
        var newNames: [String: [String]] = [:]
        for candidate in candidates where byCode[candidate.code] == nil {
            newCodes[candidate.code] = candidate
            newNames[candidate.nameZh, default: []].append(candidate.code)
        }
        func conflict(_ c: OrganisationRowParser.Candidate, _ column: String, _ code: ImportConflict.Code, _ message: String) {
            summary.add(ImportConflict(row: c.line, column: column, code: code, message: message, sheet: c.sheet))
        }
        var planned: [Planned] = []
        var placed: [String: RegionCode] = [:]   // new rows placed so far → their region
        var pending: [OrganisationRowParser.Candidate] = []
        for candidate in candidates {
            if let existing = byCode[candidate.code] {
                guard visible(existing) else { summary.ignored += 1; continue }   // not ours, and not revealed
                var plan = Planned(candidate: candidate, parent: nil, region: candidate.region, existing: existing)
                if let parentText = candidate.parent {
                    guard let parent = Self.unique(byCode[parentText].map { [$0] } ?? byName[parentText] ?? []), visible(parent) else {
                        conflict(candidate, "上级", .unknownParent, "找不到上级机构：\(parentText) / unknown parent organisation"); continue
                    }
                    if parent.id != existing.parentID {
                        guard !parent.path.hasPrefix(existing.path) else {
                            conflict(candidate, "上级", .invalidValue, "不能移到自己的下级之下 / cannot move under its own subtree"); continue
                        }
                        plan.parent = .existing(parent.id ?? 0)
                    }
                }
                if let region = candidate.region, !scope.includesRegion(region) && !scope.everything {
                    conflict(candidate, "区县", .regionOutOfScope, "不在本账号的辖区内 / outside the area of this account"); continue
                }
                if changes(plan) { planned.append(plan); summary.updated += 1 } else { summary.ignored += 1 }
            } else {
                pending.append(candidate)
            }
        }
        // New rows: a parent may be another new row, above or below it in the file.
        var progress = true
        while progress && !pending.isEmpty {
            progress = false
            var waiting: [OrganisationRowParser.Candidate] = []
            for candidate in pending {
                guard let parentText = candidate.parent else {
                    conflict(candidate, "上级", .missingValue, "新机构需要填写上级机构 / a new organisation needs a parent"); progress = true; continue
                }
                let newParent = newCodes[parentText] != nil ? parentText : (newNames[parentText].flatMap { $0.count == 1 ? $0[0] : nil })
                if let code = newParent {
                    guard code != candidate.code else {
                        conflict(candidate, "上级", .invalidValue, "上级不能是自己 / an organisation cannot be its own parent"); progress = true; continue
                    }
                    guard let region = placed[code] else { waiting.append(candidate); continue }
                    planned.append(Planned(candidate: candidate, parent: .new(code), region: candidate.region ?? region))
                } else if let parent = Self.unique(byCode[parentText].map { [$0] } ?? byName[parentText] ?? []), visible(parent) {
                    planned.append(Planned(candidate: candidate, parent: .existing(parent.id ?? 0),
                                           region: candidate.region ?? RegionCode(parent.regionCode)))
                } else {
                    conflict(candidate, "上级", .unknownParent, "找不到上级机构：\(parentText) / unknown parent organisation")
                    progress = true; continue
                }
                let plan = planned[planned.count - 1]
                // A geographic account creates organisations only in its own region.
                if let region = plan.region, !scope.everything && scope.region != nil && !scope.includesRegion(region) {
                    planned.removeLast()
                    conflict(candidate, "区县", .regionOutOfScope, "不在本账号的辖区内 / outside the area of this account")
                } else {
                    placed[candidate.code] = plan.region
                    summary.imported += 1
                }
                progress = true
            }
            pending = waiting
        }
        for candidate in pending {
            conflict(candidate, "上级", .unknownParent, "上级机构形成循环或未能导入 / the parent forms a cycle or could not be imported")
        }
        return planned
    }

    /// Whether a row would change its existing organisation (empty cells change nothing).
    private func changes(_ plan: Planned) -> Bool {
        guard let org = plan.existing else { return true }
        let c = plan.candidate
        return plan.parent != nil || c.nameZh != org.nameZh || c.kind != org.kind
            || (c.nameEn != nil && c.nameEn != org.nameEn) || (c.region != nil && c.region?.rawValue != org.regionCode)
            || (c.demonstration != nil && c.demonstration != org.isDemonstration) || (c.director != nil && c.director != org.director)
    }

    static func sameContent(_ a: OrganisationRowParser.Candidate, _ b: OrganisationRowParser.Candidate) -> Bool {
        var b = b
        (b.line, b.sheet) = (a.line, a.sheet)
        return a == b
    }

    /// A parent named by a name that several organisations share is not a parent.
    static func unique(_ orgs: [Organisation]) -> Organisation? { orgs.count == 1 ? orgs[0] : nil }

    private func previewHeaders() -> [String] {
        let s = context.strings.registry
        return [s.code, s.name, s.kind, s.parent, s.region, s.demonstration, s.director]
    }

    private func previewRow(_ plan: Planned, tree: [Organisation]) -> ImportPreview.Row {
        let c = plan.candidate, strings = context.strings
        let parent: String
        switch plan.parent {
        case .existing(let id)?: parent = tree.first { $0.id == id }.map { $0.name(context.language) } ?? "—"
        case .new(let code)?: parent = code
        case nil: parent = "—"
        }
        return ImportPreview.Row(line: c.line, cells: [
            c.codeGiven ? c.code : "—", c.nameZh, strings.organisationKinds.name(c.kind), parent,
            plan.region?.rawValue ?? "—", c.demonstration.map { $0 ? strings.imports.yes : strings.imports.no } ?? "—", c.director ?? "—"])
    }
}
