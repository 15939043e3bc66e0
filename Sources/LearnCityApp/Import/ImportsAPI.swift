import Fluent
import Foundation
import LearnCityCore
import Vapor

/// The import over HTTP: `POST /api/v1/imports/{people,orgs}` with the file as the body returns the
/// summary of design.md §4; the history and undo as for the pages.
enum ImportsAPI {
    struct SummaryDTO: Content, APISchema {
        var importId: Int?
        var status: String
        var dryRun: Bool
        var rows, imported, updated, ignored: Int
        var conflicts: [ImportConflict]
        /// Every conflict found; the list holds the first `ImportSummary.listedConflicts`.
        var conflictsTotal, conflictsTruncated: Int
        var unknownColumns: [String]
        /// The workbook's sheets read, and those passed over with why.
        var sheetsRead: [String]
        var sheetsIgnored: [SheetNote]
        var warnings: [ImportWarning]
        /// What each of the first updated rows changes (before → after).
        var changes: [RowChange]

        init(_ summary: ImportSummary, importID: Int?) {
            importId = importID
            (status, dryRun, rows) = (summary.status.rawValue, summary.dryRun, summary.rows)
            (imported, updated, ignored) = (summary.imported, summary.updated, summary.ignored)
            (conflicts, unknownColumns) = (summary.conflicts, summary.unknownColumns)
            (conflictsTotal, conflictsTruncated) = (summary.conflictsTotal, summary.conflictsTruncated)
            (sheetsRead, sheetsIgnored, warnings, changes) = (summary.sheetsRead, summary.sheetsIgnored, summary.warnings, summary.changes)
        }

        static let schemaName = "ImportSummary"
        static var schema: JSONValue {
            Schema.object([
                ("importId", Schema.nullable("integer")),
                ("status", Schema.string(enum: ["ok", "warning", "error"])), ("dryRun", Schema.boolean),
                ("rows", Schema.integer), ("imported", Schema.integer), ("updated", Schema.integer), ("ignored", Schema.integer),
                ("conflicts", Schema.array(Schema.object([
                    ("row", Schema.nullable("integer")), ("column", Schema.nullable("string")),
                    ("code", Schema.string(enum: ImportConflict.Code.allCases.map(\.rawValue))), ("message", Schema.string()),
                    ("sheet", Schema.nullable("string")),
                ], required: ["code", "message"]))),
                ("conflictsTotal", Schema.integer), ("conflictsTruncated", Schema.integer),
                ("unknownColumns", Schema.array(Schema.string())),
                ("sheetsRead", Schema.array(Schema.string())),
                ("sheetsIgnored", Schema.array(Schema.object([("name", Schema.string()), ("reason", Schema.string())],
                                                             required: ["name", "reason"]))),
                ("warnings", Schema.array(Schema.object([
                    ("code", Schema.string(enum: ImportWarning.Code.allCases.map(\.rawValue))), ("message", Schema.string()),
                ], required: ["code", "message"]))),
                ("changes", Schema.array(Schema.object([
                    ("sheet", Schema.nullable("string")), ("row", Schema.integer),
                    ("fields", Schema.array(Schema.object([("field", Schema.string()), ("before", Schema.string()),
                                                           ("after", Schema.string())], required: ["field", "before", "after"]))),
                ], required: ["row", "fields"]))),
            ], required: ["status", "dryRun", "rows", "imported", "updated", "ignored", "conflicts"])
        }
    }

    struct RunDTO: Content, APISchema {
        var id: Int
        var kind, fileName, actor, state: String
        var createdAt: Date?

        static let schemaName = "ImportRun"
        static var schema: JSONValue {
            Schema.object([("id", Schema.integer), ("kind", Schema.string()), ("fileName", Schema.string()), ("actor", Schema.string()),
                           ("state", Schema.string(enum: ["applied", "undone"])), ("createdAt", Schema.string())],
                          required: ["id", "kind", "fileName", "actor", "state"])
        }
    }

    static func importDoc(_ kind: ImportKind) -> APIDoc {
        APIDoc(
            operationID: "import" + kind.rawValue.prefix(1).uppercased() + kind.rawValue.dropFirst(),
            summary: "Import \(kind.rawValue) from a CSV or XLSX file sent as the request body", tag: "imports",
            parameters: [
                .init(name: "dryRun", description: "Check and report, write nothing", required: false, schema: Schema.boolean),
                .init(name: "strict", description: "Write nothing when any row is bad", required: false, schema: Schema.boolean),
                .init(name: "fileName", description: "Name for the import history", required: false, schema: Schema.string()),
                .init(name: "acceptNameMismatch", description: "Import rows whose name differs from the registered name",
                      required: false, schema: Schema.boolean),
            ],
            response: SummaryDTO.self, problems: [.badRequest, .payloadTooLarge])
    }
    static let listDoc = APIDoc(operationID: "listImports", summary: "Import history", tag: "imports", response: RunDTO.self, isList: true)
    static let undoDoc = APIDoc(operationID: "undoImport", summary: "Undo a whole import while its rows are untouched", tag: "imports",
                                response: RunDTO.self, problems: [.notFound, .conflict])

    static func importFile(_ kind: ImportKind) -> @Sendable (Request) async throws -> Response {
        { request in try await importFile(kind, request) }
    }

    /// The file name stored for an upload that gave none; pages show it in their language.
    static let unnamedFile = "api-upload"

    private static func importFile(_ kind: ImportKind, _ request: Request) async throws -> Response {
        guard let body = request.body.data, body.readableBytes > 0 else { throw AppError(.badRequest, detail: "empty body") }
        let options = ImportOptions(
            fileName: request.query[String.self, at: "fileName"] ?? unnamedFile,
            dryRun: request.query[Bool.self, at: "dryRun"] ?? false, strict: request.query[Bool.self, at: "strict"] ?? false,
            acceptNameMismatch: request.query[Bool.self, at: "acceptNameMismatch"] ?? false)
        do {
            let outcome = try await ImportsController.makeImporter(request, kind: kind).run(Data(buffer: body), options: options)
            let status: HTTPResponseStatus = options.strict && !outcome.summary.conflicts.isEmpty ? .unprocessableEntity : .ok
            return try await SummaryDTO(outcome.summary, importID: outcome.importID).encodeResponse(status: status, for: request)
        } catch let refusal as ImportRefusal {
            return try await SummaryDTO(refusal.summary, importID: nil).encodeResponse(status: .unprocessableEntity, for: request)
        }
    }

    @Sendable static func list(_ request: Request) async throws -> Response {
        try await ImportsController.history(request).map(dto).encodeResponse(for: request)
    }

    @Sendable static func undo(_ request: Request) async throws -> Response {
        let run = try await ImportsController.visibleRun(request)
        do { try await ImportUndo.undo(try run.requireID(), actor: Audit.Actor(request), on: request.db) }
        catch ImportUndo.Problem.touchedSince(let count) { throw AppError(.conflict, detail: request.strings.imports.touchedSince(count)) }
        catch ImportUndo.Problem.alreadyUndone { throw AppError(.conflict, detail: request.strings.imports.alreadyUndone) }
        return try await dto(try await ImportsController.visibleRun(request)).encodeResponse(for: request)
    }

    static func dto(_ run: ImportRun) -> RunDTO {
        RunDTO(id: run.id ?? 0, kind: run.kind, fileName: run.fileName, actor: run.actorName, state: run.state.rawValue, createdAt: run.createdAt)
    }
}
