import Fluent
import Foundation
import LearnCityCore
import Vapor

/// Importing people and organisations in the browser: upload → dry run (counts, first rows, every conflict) →
/// import in the background with a progress bar → summary; and the history, with undo.
enum ImportsController {
    static let maxUpload = 200 * 1024 * 1024

    struct Upload: Content {
        var file: File?
        var kind: String?
        var strict: String?
        var acceptNameMismatch: String?
    }

    struct Confirm: Content {
        var staged: UUID?
        var kind: String?
        var fileName: String?
        var strict: String?
        var acceptNameMismatch: String?
    }

    @Sendable static func index(_ request: Request) async throws -> Response {
        try await page(request, error: nil)
    }

    @Sendable static func upload(_ request: Request) async throws -> Response {
        let form = try request.content.decode(Upload.self)
        guard let file = form.file, file.data.readableBytes > 0 else {
            return try await page(request, error: request.strings.imports.chooseFile, status: .unprocessableEntity)
        }
        let data = Data(buffer: file.data)
        let strict = form.strict != nil
        let kind = form.kind.flatMap(ImportKind.init(rawValue:)) ?? .people
        // Staged first: the dry run writes every conflict beside the file, for the download.
        let app = request.application
        let staged = try ImportStaging.store(data, app: app)
        let listURL = ImportStaging.conflictsFile(staged, owner: request.auth.get(User.self)?.id, app: app)
        let list = try ConflictFile(listURL, crypto: request.vault.crypto)
        let options = ImportOptions(fileName: file.filename, dryRun: true, strict: strict,
                                    acceptNameMismatch: form.acceptNameMismatch != nil, conflictSink: list.sink)
        do {
            let outcome = try await makeImporter(request, kind: kind).run(data, options: options)
            list.close()
            let model = ImportPages.DryRun.Model(kind: kind, fileName: file.filename, strict: strict, staged: staged,
                                                 summary: outcome.summary, preview: outcome.preview)
            return ImportPages.DryRun(model: model, context: PageContext(request)).response()
        } catch {
            list.close()
            ImportStaging.remove(staged, app: app)
            try? FileManager.default.removeItem(at: listURL)
            guard let refusal = error as? ImportRefusal else { throw error }
            return try await page(request, error: refusal.message, status: .unprocessableEntity)
        }
    }

    /// Every conflict of a staged file's dry run as CSV (the pages list the first ones), for the
    /// account that uploaded it, streamed from its sealed list a chunk at a time.
    @Sendable static func conflicts(_ request: Request) async throws -> Response {
        guard let text = request.parameters.get("id"), let id = UUID(uuidString: text) else { throw AppError(.notFound) }
        let url = ImportStaging.conflictsFile(id, owner: request.auth.get(User.self)?.id, app: request.application)
        guard FileManager.default.fileExists(atPath: url.path) else { throw AppError(.notFound) }
        let s = request.strings.imports, crypto = request.vault.crypto
        try await Audit.record(.export, entity: "import", summary: "conflicts of staged file \(id)", by: Audit.Actor(request), on: request.db)
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        headers.contentDisposition = .init(.attachment, filename: "import-conflicts.csv")
        let header = "\u{FEFF}" + CSVText.line([s.row, s.column, s.code, s.message])
        return Response(status: .ok, headers: headers, body: .init(asyncStream: { writer in
            try await writer.writeBuffer(ByteBuffer(string: header))
            try await ConflictFile.read(url, crypto: crypto) { lines in try await writer.writeBuffer(ByteBuffer(string: lines)) }
            try await writer.write(.end)
        }))
    }

    @Sendable static func confirm(_ request: Request) async throws -> Response {
        let form = try request.content.decode(Confirm.self)
        guard let staged = form.staged, let data = ImportStaging.load(staged, app: request.application) else {
            return try await page(request, error: request.strings.imports.uploadExpired, status: .unprocessableEntity)
        }
        let jobs = request.application.learnCity.importJobs
        let job = await jobs.start(owner: request.auth.get(User.self)?.id, staged: staged)
        let kind = form.kind.flatMap(ImportKind.init(rawValue:)) ?? .people
        let importer = try await makeImporter(request, kind: kind) { done, total in Task { await jobs.update(job, done: done, total: total) } }
        let options = ImportOptions(fileName: form.fileName ?? "upload", dryRun: false, strict: form.strict != nil,
                                    acceptNameMismatch: form.acceptNameMismatch != nil)
        let app = request.application
        Task.detached {
            do {
                let outcome = try await importer.run(data, options: options)
                await jobs.finish(job, outcome: outcome, failure: nil)
            } catch let refusal as ImportRefusal {
                await jobs.finish(job, outcome: nil, failure: refusal.message)
            } catch {
                app.logger.report(error: error)
                await jobs.finish(job, outcome: nil, failure: "\(error)")
            }
            ImportStaging.remove(staged, app: app)
        }
        return request.redirect(to: SiteURL.importJob(job).path)
    }

    @Sendable static func job(_ request: Request) async throws -> Response {
        guard let text = request.parameters.get("id"), let id = UUID(uuidString: text),
              let state = await request.application.learnCity.importJobs.state(id),
              state.owner == request.auth.get(User.self)?.id else { throw AppError(.notFound) }
        return ImportPages.Job(state: state, context: PageContext(request)).response()
    }

    @Sendable static func undo(_ request: Request) async throws -> Response {
        let run = try await visibleRun(request)
        do {
            try await ImportUndo.undo(try run.requireID(), actor: Audit.Actor(request), on: request.db)
            return try await page(request, error: nil, notice: request.strings.imports.undone)
        } catch ImportUndo.Problem.touchedSince(let count) {
            return try await page(request, error: request.strings.imports.touchedSince(count), status: .conflict)
        } catch ImportUndo.Problem.alreadyUndone {
            return try await page(request, error: request.strings.imports.alreadyUndone, status: .conflict)
        }
    }

    /// An import the account may see: its own, or any for the city office and admins.
    static func visibleRun(_ request: Request) async throws -> ImportRun {
        guard let run = try await ImportRun.find(request.intID(), on: request.db) else { throw AppError(.notFound) }
        let scope = try await request.accountScope()
        guard scope.everything || run.userID == request.auth.get(User.self)?.id else { throw AppError(.notFound) }
        return run
    }

    static func makeImporter(_ request: Request, kind: ImportKind,
                             progress: (@Sendable (Int, Int) -> Void)? = nil) async throws -> any TableImporter {
        kind.importer(ImportContext(vault: request.vault, scope: try await request.accountScope(), actor: Audit.Actor(request),
                                    database: request.db, language: request.language,
                                    organisationID: request.auth.get(User.self)?.organisationID, progress: progress))
    }

    static func history(_ request: Request) async throws -> [ImportRun] {
        var query = ImportRun.query(on: request.db)
        if !(try await request.accountScope().everything) { query = query.filter(\.$userID == request.auth.get(User.self)?.id) }
        return try await query.sort(\.$id, .descending).limit(50).all()
    }

    private static func page(_ request: Request, error: String?, notice: String? = nil, status: HTTPResponseStatus = .ok) async throws -> Response {
        let s = request.strings.imports
        let runs = try await history(request).map { run in
            // Stored markers of the CLI and of unnamed API uploads, named in the page's language.
            ImportPages.Index.Row(id: run.id ?? 0, kind: run.kind,
                                  fileName: run.fileName == ImportsAPI.unnamedFile ? s.apiUpload : run.fileName,
                                  actor: run.actorName == Audit.Actor.commandLine.name ? s.commandLine : run.actorName,
                                  at: run.createdAt ?? Date(),
                                  summary: run.decodedSummary, undone: run.state == .undone)
        }
        return ImportPages.Index(model: .init(runs: runs, error: error, notice: notice), context: PageContext(request)).response(status: status)
    }
}
