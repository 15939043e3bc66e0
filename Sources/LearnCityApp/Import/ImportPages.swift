import Foundation
import LearnCityCore
import Markup

enum ImportPages {
    /// The counts of a summary as a row of figures.
    static func figures(_ summary: ImportSummary, _ strings: ImportStrings) -> Node<HTML.BodyContext> {
        .ul(.class("counts"),
            .li(.span(.class("count"), .text(String(summary.rows))), .span(.text(strings.rows))),
            .li(.span(.class("count"), .text(String(summary.imported))), .span(.text(strings.imported))),
            .li(.span(.class("count"), .text(String(summary.updated))), .span(.text(strings.updated))),
            .li(.span(.class("count"), .text(String(summary.ignored))), .span(.text(strings.ignored))),
            .li(.span(.class("count"), .text(String(summary.conflictRows))), .span(.text(strings.conflictRows))))
    }

    /// A row as the user finds it: its number, and its sheet when the rows come from several.
    static func rowName(_ sheet: String?, _ row: Int?, _ strings: ImportStrings) -> String {
        guard let row else { return "—" }
        return sheet.map { strings.sheetRow($0, row) } ?? String(row)
    }

    /// What the summary says about the file beyond counts: the sheets read and passed over,
    /// warnings, and what each of the first updated rows changes.
    static func notes(_ summary: ImportSummary, _ strings: ImportStrings) -> Node<HTML.BodyContext> {
        .group(
            .if(!summary.sheetsRead.isEmpty, .p(.class("muted"), .text(strings.sheetsRead + "：" + summary.sheetsRead.joined(separator: "、")))),
            .if(!summary.sheetsIgnored.isEmpty, .p(.class("notice"), .id("sheets-ignored"),
                .text(strings.sheetsIgnored + "：" + summary.sheetsIgnored.map { "\($0.name)（\($0.reason)）" }.joined(separator: "；")))),
            .if(!summary.warnings.isEmpty, .div(.class("alert"), .id("import-warnings"), .attribute(named: "role", value: "alert"),
                .strong(.text(strings.warningsTitle)), .ul(.forEach(summary.warnings) { .li(.text($0.message)) }))),
            .if(!summary.changes.isEmpty, .group(
                .h2(.text(strings.changesTitle)),
                .div(.class("table-wrap"), .table(.class("list"), .id("changes"),
                    .thead(.tr(.th(.text(strings.row)), .th(.text(strings.field)), .th(.text(strings.before)), .th(.text(strings.after)))),
                    .tbody(.forEach(summary.changes.flatMap { change in change.fields.map { (change, $0) } }) { change, field in
                        .tr(.td(.text(rowName(change.sheet, change.row, strings))), .td(.text(field.field)),
                            .td(.text(field.before.isEmpty ? "—" : field.before)), .td(.text(field.after.isEmpty ? "—" : field.after)))
                    }))))))
    }

    /// The listed conflicts; when more were found, their count and (`download`) all of them as CSV.
    static func conflicts(_ summary: ImportSummary, _ strings: ImportStrings, download: String?) -> Node<HTML.BodyContext> {
        .group(
            .h2(.text(strings.conflictsTitle)),
            .if(summary.conflictsTruncated > 0, .p(.class("notice"), .text(strings.moreConflicts(summary.conflicts.count, summary.conflictsTotal)))),
            .if(summary.conflictsTotal > 0, .unwrap(download) { .p(.a(.href($0), .text(strings.downloadConflicts))) }),
            .if(!summary.unknownColumns.isEmpty, .p(.class("muted"), .text(strings.unknownColumns + "：" + summary.unknownColumns.joined(separator: "、")))),
            summary.conflicts.isEmpty ? .p(.class("notice"), .text(strings.noConflicts)) : .div(.class("table-wrap"), .table(.class("list"), .id("conflicts"),
                .thead(.tr(.th(.text(strings.row)), .th(.text(strings.column)), .th(.text(strings.code)), .th(.text(strings.message)))),
                .tbody(.forEach(summary.conflicts) { conflict in
                    .tr(.td(.text(rowName(conflict.sheet, conflict.row, strings))), .td(.text(conflict.column ?? "—")),
                        .td(.text(conflict.code.rawValue)), .td(.text(conflict.message)))
                }))))
    }

    /// Upload form and history.
    struct Index: PageView {
        struct Row: Sendable { var id: Int; var kind, fileName, actor: String; var at: Date; var summary: ImportSummary?; var undone: Bool }
        struct Model: Sendable { var runs: [Row]; var error: String?; var notice: String? }

        var model: Model
        var context: PageContext
        var pageTitle: String { context.strings.imports.title }

        func content() -> Node<HTML.BodyContext> {
            .group(uploadForm(), history())
        }

        private func uploadForm() -> Node<HTML.BodyContext> {
            let strings = context.strings.imports
            let kinds = FormFields.select(name: "kind", label: strings.kind,
                                          options: ImportKind.allCases.map { ($0.rawValue, strings.kindName($0)) }, selected: nil, error: nil)
            let file: Node<HTML.FormContext> = .div(.class("field"), .label(.for("file"), .text(strings.file)),
                .input(.type(.file), .name("file"), .id("file"),
                       .attribute(named: "accept", value: ".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")))
            return .section(.class("card"),
                .h1(.text(strings.title)),
                .p(.class("muted"), .text(strings.intro)),
                .unwrap(model.notice) { .p(.class("notice"), .attribute(named: "role", value: "status"), .text($0)) },
                .unwrap(model.error) { .p(.class("alert"), .attribute(named: "role", value: "alert"), .text($0)) },
                .form(.method(.post), .action(SiteURL.imports.path), .enctype(.multipartData),
                    csrfField(), kinds, file,
                    .label(.class("check"), .input(.type(.checkbox), .name("strict"), .value("1")),
                           .text(" " + strings.strict + "（" + strings.strictHint + "）")),
                    .div(.button(.type(.submit), .class("button"), .text(strings.dryRunButton)))))
        }

        private func history() -> Node<HTML.BodyContext> {
            let strings = context.strings.imports, registry = context.strings.registry
            guard !model.runs.isEmpty else {
                return .section(.class("card"), .h2(.text(strings.historyTitle)), .p(.class("empty"), .text(strings.noHistory)))
            }
            let head: Node<HTML.TableContext> = .thead(.tr(
                .th(.text(registry.time)), .th(.text(strings.kind)), .th(.text(strings.file)), .th(.text(registry.actor)),
                .th(.text(strings.imported)), .th(.text(strings.updated)), .th(.text(strings.conflictRows)), .th()))
            return .section(.class("card"),
                .h2(.text(strings.historyTitle)),
                .div(.class("table-wrap"), .table(.class("list"), head, .tbody(.forEach(model.runs) { historyRow($0) }))))
        }

        private func historyRow(_ run: Row) -> Node<HTML.TableContext> {
            let strings = context.strings.imports
            let figure: (KeyPath<ImportSummary, Int>) -> String = { path in run.summary.map { String($0[keyPath: path]) } ?? "—" }
            let undo: Node<HTML.BodyContext> = run.undone ? .text(strings.undone)
                : .form(.method(.post), .action(SiteURL.undoImport(run.id).path), .class("inline"),
                        csrfField(), .button(.type(.submit), .class("link"), .text(strings.undo)))
            return .tr(.td(.text(DateText.minute(run.at, context.timeZone))),
                       .td(.text(ImportKind(rawValue: run.kind).map(strings.kindName) ?? run.kind)), .td(.text(run.fileName)),
                       .td(.text(run.actor)), .td(.text(figure(\.imported))), .td(.text(figure(\.updated))),
                       .td(.text(figure(\.conflictRows))), .td(undo))
        }
    }

    /// What a file would do, before anything is written.
    struct DryRun: PageView {
        struct Model: Sendable {
            var kind: ImportKind
            var fileName: String
            var strict: Bool
            var staged: UUID
            var summary: ImportSummary
            var preview: ImportPreview
        }

        var model: Model
        var context: PageContext
        var pageTitle: String { context.strings.imports.dryRunTitle }

        func content() -> Node<HTML.BodyContext> {
            let strings = context.strings.imports
            let refused = model.strict && !model.summary.conflicts.isEmpty
            return .section(.class("card"),
                .h1(.text(strings.dryRunTitle)),
                .p(.class("muted"), .text(strings.kindName(model.kind) + " · " + model.fileName)),
                figures(model.summary, strings),
                .if(refused, .p(.class("alert"), .text(strings.strictRefused))),
                notes(model.summary, strings),
                .h2(.text(strings.previewTitle)),
                .div(.class("table-wrap"), .table(.class("list"), .id("preview"),
                    .thead(.tr(.th(.text(strings.row)), .forEach(model.preview.headers) { .th(.text($0)) })),
                    .tbody(.forEach(model.preview.rows) { row in
                        .tr(.td(.text(rowName(row.sheet, row.line, strings))), .forEach(row.cells) { .td(.text($0)) })
                    }))),
                conflicts(model.summary, strings, download: SiteURL.importConflicts(model.staged).path),
                .if(!refused, .form(.method(.post), .action(SiteURL.importConfirm.path), .class("toolbar"),
                    csrfField(),
                    .input(.type(.hidden), .name("staged"), .value(model.staged.uuidString)),
                    .input(.type(.hidden), .name("fileName"), .value(model.fileName)),
                    .input(.type(.hidden), .name("kind"), .value(model.kind.rawValue)),
                    .if(model.strict, .input(.type(.hidden), .name("strict"), .value("1"))),
                    // Rows whose name is not the registered one wait for the user's word; the
                    // dry run listed each with the registered name masked.
                    .if(model.summary.conflicts.contains { $0.code == .nameMismatch },
                        .label(.class("check"), .input(.type(.checkbox), .name("acceptNameMismatch"), .value("1")),
                               .text(" " + strings.acceptNameMismatch))),
                    .button(.type(.submit), .class("button"), .text(strings.confirmButton)),
                    .a(.class("button secondary"), .href(SiteURL.imports.path), .text(strings.cancel)))))
        }
    }

    /// A running import (refreshing itself) or its result.
    struct Job: PageView {
        var state: ImportJobs.State
        var context: PageContext
        var pageTitle: String { state.finished ? context.strings.imports.finishedTitle : context.strings.imports.runningTitle }
        var refreshSeconds: Int? { state.finished ? nil : 1 }

        func content() -> Node<HTML.BodyContext> {
            let strings = context.strings.imports
            if let failure = state.failure {
                return .section(.class("card"), .h1(.text(strings.failedTitle)), .p(.class("alert"), .text(failure)),
                                .a(.href(SiteURL.imports.path), .text(strings.historyTitle)))
            }
            guard let outcome = state.outcome else {
                let total = max(state.total, 1)
                return .section(.class("card"), .attribute(named: "data-refresh", value: "1"),
                    .h1(.text(strings.runningTitle)),
                    .element(named: "progress", nodes: [.attribute(named: "max", value: String(total)),
                                                        .attribute(named: "value", value: String(state.done)), .text("\(state.done)/\(total)")]),
                    .p(.class("muted"), .text(strings.progress(state.done, state.total))))
            }
            return .section(.class("card"),
                .h1(.text(strings.finishedTitle)),
                figures(outcome.summary, strings),
                notes(outcome.summary, strings),
                conflicts(outcome.summary, strings, download: state.staged.map { SiteURL.importConflicts($0).path }),
                .a(.class("button"), .href(SiteURL.imports.path), .text(strings.historyTitle)))
        }
    }
}
