import Fluent
import Foundation
import LearnCityCore
import Vapor

extension LearnCity {
    /// The kinds `learncity import KIND FILE` takes.
    public static var importKinds: [String] { ImportKind.allCases.map(\.rawValue) }

    /// `learncity import KIND FILE`: the summary, and whether the run should exit with 2
    /// (`--strict` found conflicts, nothing written).
    public static func importFile(_ app: Application, kind name: String, file: URL, dryRun: Bool, strict: Bool,
                                  acceptNameMismatch: Bool = false) async throws -> (summary: ImportSummary, strictFailure: Bool) {
        guard let kind = ImportKind(rawValue: name) else {
            throw StartupError("未知的导入类型 \(name) / unknown import kind; use one of: \(importKinds.joined(separator: ", "))")
        }
        let data: Data
        do { data = try Data(contentsOf: file, options: .mappedIfSafe) } catch {
            throw StartupError("无法读取文件 / cannot read \(file.path)")
        }
        let importer = kind.importer(ImportContext(vault: app.learnCity.vault, scope: .all, actor: .commandLine, database: app.db,
                                                   language: .zh))
        do {
            let options = ImportOptions(fileName: file.lastPathComponent, dryRun: dryRun, strict: strict,
                                        acceptNameMismatch: acceptNameMismatch)
            let summary = try await importer.run(data, options: options).summary
            return (summary, strict && !summary.conflicts.isEmpty)
        } catch let refusal as ImportRefusal {
            throw StartupError(refusal.message)
        }
    }

    /// The summary as people read it on a terminal.
    public static func describe(_ summary: ImportSummary) -> String {
        var lines = [
            "\(summary.dryRun ? "试运行（未写入）/ dry run (nothing written)" : "导入完成 / import done"): \(summary.status.rawValue)",
            "行数 rows \(summary.rows) · 新增 imported \(summary.imported) · 更新 updated \(summary.updated) · 忽略 ignored \(summary.ignored) · 有问题的行 rows with conflicts \(summary.conflictRows)",
        ]
        if !summary.unknownColumns.isEmpty { lines.append("未使用的列 / columns not used: " + summary.unknownColumns.joined(separator: "、")) }
        if !summary.sheetsRead.isEmpty { lines.append("读取的工作表 / sheets read: " + summary.sheetsRead.joined(separator: "、")) }
        for sheet in summary.sheetsIgnored { lines.append("未读取的工作表 / sheet not read: \(sheet.name) · \(sheet.reason)") }
        for warning in summary.warnings { lines.append("注意 / warning: \(warning.code.rawValue) · \(warning.message)") }
        for change in summary.changes.prefix(200) {
            let fields = change.fields.map { "\($0.field) \($0.before.isEmpty ? "—" : $0.before) → \($0.after.isEmpty ? "—" : $0.after)" }
            lines.append("  更新 update · \(rowName(change.sheet, change.row)) · " + fields.joined(separator: "；"))
        }
        for conflict in summary.conflicts.prefix(200) {
            lines.append("  \(rowName(conflict.sheet, conflict.row)) · \(conflict.column ?? "-") · \(conflict.code.rawValue) · \(conflict.message)")
        }
        // The list stops at `ImportSummary.listedConflicts`; the count is of all of them.
        let rest = summary.conflictsTotal - min(200, summary.conflicts.count)
        if rest > 0 { lines.append("  … 另有 \(rest) 个 / \(rest) more" + (summary.conflictsTruncated == 0 ? " (use --json)" : "")) }
        return lines.joined(separator: "\n")
    }

    /// 第 12 行 row, or 第2季度 第 12 行 row when the rows come from several sheets.
    private static func rowName(_ sheet: String?, _ row: Int?) -> String {
        (sheet.map { $0 + " " } ?? "") + "第 \(row.map(String.init) ?? "-") 行 row"
    }
}
