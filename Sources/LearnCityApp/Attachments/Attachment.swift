import Fluent
import Foundation
import LearnCityCore
import Markup
import SQLKit
import Vapor

/// What a file can be attached to. Reading an attachment needs the right to read its owner
/// (`Attachments.mayRead`); attaching needs the right to change it (`Attachments.mayAttach`).
enum AttachmentOwner: String, Codable, Sendable, CaseIterable {
    case reportSubmission = "report_submission", planProgress = "plan_item", notice
    case inspection, rectification, project, meeting
}

/// A file attached to a governance record: a stamped scan, minutes, a photo. The bytes live in
/// the content-addressed store of the library (`ResourceStore`), once per SHA-256.
final class Attachment: Model, @unchecked Sendable {
    static let schema = "attachments"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "owner") var owner: String
    @Field(key: "owner_id") var ownerID: Int
    @Field(key: "file_name") var fileName: String
    @Field(key: "mime") var mime: String
    @Field(key: "size") var size: Int
    @Field(key: "sha256") var sha256: String
    @Field(key: "uploaded_by") var uploadedBy: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}

struct CreateAttachments: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Attachment.schema)
            .field("id", .int, .identifier(auto: true))
            .field("owner", .string, .required).field("owner_id", .int, .required)
            .field("file_name", .string, .required).field("mime", .string, .required)
            .field("size", .int, .required).field("sha256", .string, .required)
            .field("uploaded_by", .string, .required).field("created_at", .datetime)
            .create()
        try await (database as! any SQLDatabase).create(index: "attachments_owner").on(Attachment.schema).column("owner").column("owner_id").run()
    }

    func revert(on database: any Database) async throws { try await database.schema(Attachment.schema).delete() }
}

enum Attachments {
    static let maxBytes = 50 * 1024 * 1024

    static func list(_ owner: AttachmentOwner, _ ownerID: Int, on db: any Database) async throws -> [Attachment] {
        try await Attachment.query(on: db).filter(\.$owner == owner.rawValue).filter(\.$ownerID == ownerID).sort(\.$id).all()
    }

    /// Whether the signed-in account may read what the attachment belongs to.
    static func mayRead(_ owner: AttachmentOwner, _ ownerID: Int, _ request: Request) async throws -> Bool {
        let user = try request.requireUser()
        if user.roles.allows(.governCity) { return true }
        switch owner {
        case .reportSubmission:
            return try await ReportSubmission.find(ownerID, on: request.db)?.organisationID == user.organisationID
        case .notice:
            return try await NoticeReceipt.query(on: request.db).filter(\.$noticeID == ownerID)
                .filter(\.$organisationID == (user.organisationID ?? -1)).count() > 0
        case .planProgress, .project:
            return user.roles.allows(.viewOrganisations)
        case .meeting:
            return try await MeetingAttendance.query(on: request.db).filter(\.$meetingID == ownerID)
                .filter(\.$organisationID == (user.organisationID ?? -1)).count() > 0
        case .inspection, .rectification:
            return try await SupervisionAccess.mayRead(owner, ownerID, request)
        }
    }

    /// Whether the signed-in account may attach a file to it.
    static func mayAttach(_ owner: AttachmentOwner, _ ownerID: Int, _ request: Request) async throws -> Bool {
        let user = try request.requireUser()
        switch owner {
        case .reportSubmission:
            guard let submission = try await ReportSubmission.find(ownerID, on: request.db) else { return false }
            return submission.organisationID == user.organisationID && submission.state.editable
        case .planProgress:
            guard user.roles.allows(.reportFigures) else { return false }
            if user.roles.allows(.governCity) { return try await PlanItem.find(ownerID, on: request.db) != nil }
            return try await PlanItemUnit.query(on: request.db).filter(\.$itemID == ownerID)
                .filter(\.$organisationID == (user.organisationID ?? -1)).count() > 0
        // The office may attach to any notice or meeting — that exists: a file must not wait
        // under the id of one not yet created.
        case .notice:
            guard user.roles.allows(.governCity) else { return false }
            return try await Notice.find(ownerID, on: request.db) != nil
        case .meeting:
            guard user.roles.allows(.governCity) else { return false }
            return try await JointMeeting.find(ownerID, on: request.db) != nil
        case .project:
            return user.roles.allows(.reportFigures) ? try await ProjectAccess.mayAttach(ownerID, request) : false
        case .inspection, .rectification:
            return try await SupervisionAccess.mayAttach(owner, ownerID, request)
        }
    }

    /// `POST /attachments`: a multipart form with `owner`, `owner_id`, `back` (where to return)
    /// and `file`. Stored like library files; documents and images only.
    @Sendable static func upload(_ request: Request) async throws -> Response {
        let upload: ResourceStore.Upload
        let s = request.strings.attachments
        do { upload = try await ResourceStore.receive(request, limit: maxBytes) } catch let problem as ResourceStore.Problem {
            switch problem {
            case .tooLarge: throw AppError(.payloadTooLarge, detail: s.tooLarge)
            case .formTooLarge: throw AppError(.payloadTooLarge)
            case .noFile, .notAllowedType, .malformed: throw AppError(.invalidParameter, detail: s.noFile)
            }
        }
        guard CSRF.matches(upload.fields[CSRF.fieldName], request) else { ResourceStore.discard(upload); throw AppError(.csrfFailed) }
        guard let owner = upload.fields["owner"].flatMap(AttachmentOwner.init(rawValue:)), let ownerID = upload.fields["owner_id"].flatMap(Int.init),
              try await mayAttach(owner, ownerID, request) else {
            ResourceStore.discard(upload)
            throw AppError(.conflict, detail: s.notYours)
        }
        guard let sniffed = ResourceStore.sniff(upload), sniffed.kind == .document || sniffed.kind == .image else {
            ResourceStore.discard(upload)
            throw AppError(.invalidParameter, detail: s.notAllowed)
        }
        try ResourceStore.keep(upload, request.application)
        let actor = Audit.Actor(request)
        let attachment = Attachment()
        (attachment.owner, attachment.ownerID, attachment.fileName) = (owner.rawValue, ownerID, upload.fileName)
        (attachment.mime, attachment.size, attachment.sha256, attachment.uploadedBy) = (sniffed.mime, upload.size, upload.sha256, actor.name)
        try await request.db.transaction { db in
            try await attachment.create(on: db)
            try await Audit.record(.create, entity: "attachment", id: attachment.id.map(String.init),
                                   summary: "\(owner.rawValue) \(ownerID): \(upload.fileName) (\(upload.size) bytes)", by: actor, on: db)
        }
        return request.redirect(to: SignInController.safeNext(upload.fields["back"]) ?? SiteURL.workspace.path)
    }

    @Sendable static func download(_ request: Request) async throws -> Response {
        guard let attachment = try await Attachment.find(request.intID(), on: request.db),
              let owner = AttachmentOwner(rawValue: attachment.owner),
              try await mayRead(owner, attachment.ownerID, request) else { throw AppError(.notFound) }
        let response = try await ResourceStore.response(request, sha256: attachment.sha256, mime: attachment.mime)
        let name = attachment.fileName.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "file"
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename*=UTF-8''\(name)")
        response.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        return response
    }
}

/// The list of a record's attachments and, for those who may add one, the upload form.
enum AttachmentsView {
    static func section(_ files: [Attachment], owner: AttachmentOwner, ownerID: Int, canAttach: Bool, back: String,
                        strings s: AttachmentStrings, csrf: Node<HTML.FormContext>) -> Node<HTML.BodyContext> {
        .div(.class("attachments"),
            .h3(.text(s.title)),
            files.isEmpty ? .p(.class("empty small"), .text(s.none)) : .ul(.forEach(files) { file in
                .li(.a(.href(SiteURL.attachment(file.id ?? 0).path), .text(file.fileName)),
                    .span(.class("muted small"), .text(" · \(NumberText.bytes(file.size)) · \(file.uploadedBy)")))
            }),
            .if(canAttach, .form(.method(.post), .action(SiteURL.attachments.path), .enctype(.multipartData), csrf,
                .input(.type(.hidden), .name("owner"), .value(owner.rawValue)),
                .input(.type(.hidden), .name("owner_id"), .value(String(ownerID))),
                .input(.type(.hidden), .name("back"), .value(back)),
                .div(.class("field"), .label(.for("file-\(owner.rawValue)"), .text(s.choose)),
                     .input(.type(.file), .name("file"), .id("file-\(owner.rawValue)"), .attribute(named: "accept", value: ".pdf,.jpg,.jpeg,.png,.docx,.xlsx,.pptx")),
                     .p(.class("muted small"), .text(s.hint))),
                .button(.type(.submit), .class("button secondary"), .text(s.upload)))))
    }
}
