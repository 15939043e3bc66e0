import Fluent
import Foundation
import LearnCityCore
import Vapor

/// The digital learning-resource library: anyone browses, searches and plays; staff of a
/// provider upload (type checked from the bytes, size limited, stored by content hash).
enum LibraryController {
    @Sendable static func list(_ request: Request) async throws -> Response {
        try await page(request, error: nil)
    }

    static func page(_ request: Request, error: String?, fields: [String: String] = [:], status: HTTPResponseStatus = .ok) async throws -> Response {
        let q = (request.query[String.self, at: "q"] ?? "").trimmingCharacters(in: .whitespaces)
        let kind = request.query[String.self, at: "kind"].flatMap(ContentSniffer.Kind.init(rawValue:))
        var query = LearningResource.query(on: request.db)
        if !q.isEmpty { query = query.group(.or) { $0.filter(\.$title ~~ q).filter(\.$keywords ~~ q).filter(\.$subject ~~ q) } }
        if let kind { query = query.filter(\.$kind == kind) }
        let resources = try await query.sort(\.$id, .descending).limit(100).all()
        let user = request.auth.get(User.self)
        var providers: [(String, String)] = []
        if user?.roles.allows(.manageRecords) == true {
            providers = try await Organisation.query(on: request.db).visible(to: request.accountScope()).filter(\.$closedAt == nil)
                .sort(\.$path).all().map { (String($0.id ?? 0), String(repeating: "　", count: $0.depth) + $0.name(request.language)) }
        }
        let model = LibraryPages.List.Model(q: q, kind: kind, items: resources.map(item), providers: providers, error: error, fields: fields)
        return LibraryPages.List.View(model: model, context: PageContext(request)).response(status: status)
    }

    static func item(_ resource: LearningResource) -> LibraryPages.Item {
        LibraryPages.Item(id: resource.id ?? 0, title: resource.title, subject: resource.subject, keywords: resource.keywords,
                          licence: resource.licence, kind: resource.kind, mime: resource.mime, size: resource.size)
    }

    /// The upload: streamed to disk, refused with one clear message when too large, not a
    /// kind the library takes, or missing its title or provider.
    @Sendable static func upload(_ request: Request) async throws -> Response {
        let s = request.strings.library
        let upload: ResourceStore.Upload
        do { upload = try await ResourceStore.receive(request) } catch let problem as ResourceStore.Problem {
            let message = switch problem {
            case .tooLarge: s.tooLarge
            case .formTooLarge: request.strings.problems.payloadTooLarge
            case .noFile: s.noFile
            case .notAllowedType, .malformed: s.notAllowed
            }
            let tooLarge = problem == .tooLarge || problem == .formTooLarge
            return try await page(request, error: message, status: tooLarge ? .payloadTooLarge : .unprocessableEntity)
        }
        let fields = upload.fields
        func text(_ key: String, _ max: Int = 200) -> String { String((fields[key] ?? "").trimmingCharacters(in: .whitespacesAndNewlines).prefix(max)) }
        guard CSRF.matches(fields[CSRF.fieldName], request) else {
            ResourceStore.discard(upload)
            throw AppError(.csrfFailed)
        }
        guard let sniffed = ResourceStore.sniff(upload) else {
            ResourceStore.discard(upload)
            return try await page(request, error: s.notAllowed, fields: fields, status: .unprocessableEntity)
        }
        let scope = try await request.accountScope()
        let provider = try await BoundedNumber.integer(text("provider"), in: BoundedNumber.ids).asyncMap { id in
            try await Organisation.query(on: request.db).visible(to: scope).filter(\.$id == id).first()
        } ?? nil
        guard !text("title").isEmpty, let provider else {
            ResourceStore.discard(upload)
            return try await page(request, error: s.titleAndProvider, fields: fields, status: .unprocessableEntity)
        }
        try ResourceStore.keep(upload, request.application)
        let resource = LearningResource()
        (resource.title, resource.subject, resource.keywords, resource.licence) = (text("title"), text("subject", 40), text("keywords"), text("licence", 100))
        (resource.kind, resource.mime, resource.size, resource.sha256) = (sniffed.kind, sniffed.mime, upload.size, upload.sha256)
        (resource.fileName, resource.providerID, resource.providerPath) = (upload.fileName, try provider.requireID(), provider.path)
        let actor = Audit.Actor(request)
        try await request.db.transaction { db in
            try await resource.create(on: db)
            try await Audit.record(.create, entity: "resource", id: resource.id.map(String.init),
                                   summary: "\(sniffed.mime) \(upload.size) bytes: \(resource.title)", by: actor, on: db)
        }
        return request.redirect(to: SiteURL.resource(try resource.requireID()).path)
    }

    static func resource(_ request: Request) async throws -> LearningResource {
        guard let resource = try await LearningResource.find(request.intID(), on: request.db) else { throw AppError(.notFound) }
        return resource
    }

    @Sendable static func detail(_ request: Request) async throws -> Response {
        let resource = try await resource(request)
        let provider = try await Organisation.find(resource.providerID, on: request.db)
        return LibraryPages.Detail(item: item(resource), provider: provider?.name(request.language) ?? "—",
                                   context: PageContext(request)).response()
    }

    /// The bytes, with HTTP range requests (`ResourceStore.response`), so seeking works in the
    /// browser's own player.
    @Sendable static func file(_ request: Request) async throws -> Response {
        let resource = try await resource(request)
        let response = try await ResourceStore.response(request, sha256: resource.sha256, mime: resource.mime)
        response.headers.replaceOrAdd(name: .contentDisposition, value: "inline")
        response.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        return response
    }
}

extension HTTPMediaType {
    init(mime: String) {
        let parts = mime.split(separator: "/", maxSplits: 1).map(String.init)
        self.init(type: parts.first ?? "application", subType: parts.count > 1 ? parts[1] : "octet-stream")
    }
}
