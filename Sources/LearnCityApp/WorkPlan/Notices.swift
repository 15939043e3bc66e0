import Fluent
import Foundation
import LearnCityCore
import Markup
import Vapor

/// Notices (通知) from the office to units, with a document number (文号), and each unit's
/// receipt (签收) and reply (回执): who has not signed or replied is listed.
final class Notice: Model, @unchecked Sendable {
    static let schema = "notices"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "number") var number: String
    @Field(key: "title") var title: String
    @Field(key: "body") var body: String
    @Field(key: "issued_by") var issuedBy: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    /// The last correction of the title or text (each one is in the audit log).
    @OptionalField(key: "corrected_at") var correctedAt: Date?
    @OptionalField(key: "withdrawn_at") var withdrawnAt: Date?
    @OptionalField(key: "withdrawal_reason") var withdrawalReason: String?

    init() {}
}

final class NoticeReceipt: Model, @unchecked Sendable {
    static let schema = "notice_receipts"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "notice_id") var noticeID: Int
    @Field(key: "organisation_id") var organisationID: Int
    @OptionalField(key: "signed_at") var signedAt: Date?
    @OptionalField(key: "signed_by") var signedBy: String?
    @OptionalField(key: "reply") var reply: String?

    init() {}
}

struct CreateNotices: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Notice.schema)
            .field("id", .int, .identifier(auto: true))
            .field("number", .string, .required).field("title", .string, .required).field("body", .string, .required)
            .field("issued_by", .string, .required).field("created_at", .datetime)
            .unique(on: "number")
            .create()
        try await database.schema(NoticeReceipt.schema)
            .field("id", .int, .identifier(auto: true))
            .field("notice_id", .int, .required, .references(Notice.schema, "id"))
            .field("organisation_id", .int, .required, .references(Organisation.schema, "id"))
            .field("signed_at", .datetime).field("signed_by", .string).field("reply", .string)
            .unique(on: "notice_id", "organisation_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(NoticeReceipt.schema).delete()
        try await database.schema(Notice.schema).delete()
    }
}

/// Notices the office corrects or withdraws (issue 15).
struct AddNoticeCorrections: AsyncMigration {
    // One column per statement: SQLite adds and drops a single column per ALTER TABLE.
    func prepare(on database: any Database) async throws {
        for (name, type) in [("corrected_at", DatabaseSchema.DataType.datetime), ("withdrawn_at", .datetime),
                             ("withdrawal_reason", .string)] {
            try await database.schema(Notice.schema).field(.string(name), type).update()
        }
    }

    func revert(on database: any Database) async throws {
        for name in ["corrected_at", "withdrawn_at", "withdrawal_reason"] {
            try await database.schema(Notice.schema).deleteField(.string(name)).update()
        }
    }
}

enum NoticesController {
    struct Form: Content {
        var number: String?
        var title: String?
        var body: String?
        var units: [Int]?
        var group: [String]?
    }

    /// A correction (`action` = correct, with `title` and `body`) or a withdrawal (withdraw, with `reason`).
    struct ChangeForm: Content {
        var action: String?
        var title: String?
        var body: String?
        var reason: String?
    }

    /// The office sees every notice with who has not signed or replied; a unit sees its own.
    @Sendable static func list(_ request: Request) async throws -> Response {
        try await page(request, form: Form(), errors: [:])
    }

    /// The units a notice from the office goes to: member units, the university, colleges and
    /// county bodies (not centres, which their college informs).
    static let addressees: [OrganisationKind] = [.memberUnit, .university, .countyLeadership, .college]

    @Sendable static func issue(_ request: Request) async throws -> Response {
        let form = try request.content.decode(Form.self)
        let s = request.strings.notices
        var errors: [String: String] = [:]
        let number = String((form.number ?? "").trimmingCharacters(in: .whitespaces).prefix(DocumentNumbers.maxLength)), title = (form.title ?? "").trimmingCharacters(in: .whitespaces)
        if number.isEmpty { errors["number"] = request.strings.fieldRequired }
        else if try await DocumentNumbers.isTaken(number, on: request.db) { errors["number"] = s.numberTaken }
        if title.isEmpty { errors["title"] = request.strings.fieldRequired }
        let chosen = try await Recipients.resolve(units: form.units, groups: form.group, allowed: Self.addressees,
                                                  on: request.db)
        let units = chosen ?? []
        if chosen == nil { errors["units"] = request.strings.recipients.unknownGroup }
        else if units.isEmpty { errors["units"] = s.unitsRequired }
        guard errors.isEmpty else { return try await page(request, form: form, errors: errors, status: .unprocessableEntity) }
        let actor = Audit.Actor(request)
        do {
            try await request.db.transaction { db in
                let notice = Notice()
                (notice.number, notice.title, notice.body, notice.issuedBy) = (number, String(title.prefix(200)),
                                                                               String((form.body ?? "").prefix(20_000)), actor.name)
                try await notice.create(on: db)
                for unit in units {
                    let receipt = NoticeReceipt()
                    (receipt.noticeID, receipt.organisationID) = (try notice.requireID(), try unit.requireID())
                    try await receipt.create(on: db)
                }
                try await Audit.record(.create, entity: "notice", id: notice.id.map(String.init), summary: "\(number) to \(units.count) units", by: actor, on: db)
            }
        } catch where DocumentNumbers.isDuplicate(error) {
            return try await page(request, form: form, errors: ["number": s.numberTaken], status: .unprocessableEntity)
        }
        return request.redirect(to: SiteURL.notices.path)
    }

    /// A unit signs for a notice (and may reply, then or later); signing twice keeps the first time.
    @Sendable static func sign(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        guard let receipt = try await NoticeReceipt.query(on: request.db).filter(\.$id == request.intID())
            .filter(\.$organisationID == (user.organisationID ?? -1)).first() else { throw AppError(.notFound) }
        // A withdrawn notice takes no more receipts (a page opened before the withdrawal may still post).
        guard try await Notice.find(receipt.noticeID, on: request.db)?.withdrawnAt == nil else {
            return request.redirect(to: SiteURL.notices.path)
        }
        let reply = ((try? request.content.get(String.self, at: "reply")) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let actor = Audit.Actor(request)
        try await request.db.transaction { db in
            if receipt.signedAt == nil { (receipt.signedAt, receipt.signedBy) = (Date(), actor.name) }
            if !reply.isEmpty { receipt.reply = String(reply.prefix(4000)) }
            try await receipt.update(on: db)
            try await Audit.record(.update, entity: "notice_receipt", id: receipt.id.map(String.init), summary: reply.isEmpty ? "signed" : "signed, replied", by: actor, on: db)
        }
        return request.redirect(to: SiteURL.notices.path)
    }

    /// The office corrects a notice's title and text, or withdraws it with a reason; audited with the change.
    @Sendable static func change(_ request: Request) async throws -> Response {
        guard let notice = try await Notice.find(request.intID(), on: request.db) else { throw AppError(.notFound) }
        let form = try request.content.decode(ChangeForm.self), s = request.strings.notices
        let id = try notice.requireID(), withdrawn = notice.withdrawnAt != nil, actor = Audit.Actor(request)
        func fail(_ field: String, _ problem: NoticeRules.Problem) async throws -> Response {
            let message = switch problem {
            case .withdrawn: s.isWithdrawn
            case .titleRequired: request.strings.fieldRequired
            case .unchanged: s.unchanged
            case .reasonRequired: s.reasonRequired
            }
            return try await page(request, form: Form(), errors: [field: message], changing: (id, form),
                                  status: .unprocessableEntity)
        }
        if form.action == "withdraw" {
            switch NoticeRules.withdrawal(reason: form.reason ?? "", withdrawn: withdrawn) {
            case .failure(let problem): return try await fail("reason", problem)
            case .success(let reason):
                (notice.withdrawnAt, notice.withdrawalReason) = (Date(), reason)
                try await request.db.transaction { db in
                    try await notice.update(on: db)
                    try await Audit.record(.update, entity: "notice", id: String(id), summary: "withdrawn: \(reason)",
                                           by: actor, on: db)
                }
            }
        } else {
            let current = (title: notice.title, body: notice.body)
            let typed = (title: form.title ?? "", body: form.body ?? "")
            switch NoticeRules.correction(title: typed.title, body: typed.body, current: current, withdrawn: withdrawn) {
            case .failure(let problem): return try await fail("title", problem)
            case .success(let correction):
                (notice.title, notice.body, notice.correctedAt) = (correction.title, correction.body, Date())
                try await request.db.transaction { db in
                    try await notice.update(on: db)
                    try await Audit.record(.update, entity: "notice", id: String(id),
                                           summary: "corrected; was: \(current.title.prefix(200))", by: actor, on: db)
                }
            }
        }
        return request.redirect(to: SiteURL.notices.path)
    }

    private static func page(_ request: Request, form: Form, errors: [String: String], changing: (Int, ChangeForm)? = nil,
                             status: HTTPResponseStatus = .ok) async throws -> Response {
        let user = try request.requireUser()
        let office = try await request.accountScope().everything
        let receipts = office ? try await NoticeReceipt.query(on: request.db).all()
            : try await NoticeReceipt.query(on: request.db).filter(\.$organisationID == (user.organisationID ?? -1)).all()
        let notices = try await Notice.query(on: request.db).filter(\.$id ~~ Array(Set(receipts.map(\.noticeID)))).sort(\.$id, .descending).all()
        let units = try await Organisation.query(on: request.db).filter(\.$kind ~~ Self.addressees).filter(\.$closedAt == nil).sort(\.$path).all()
        let names = try await WorkPlanController.organisationNames(receipts.map(\.organisationID), request)
        let files = try await Attachment.query(on: request.db).filter(\.$owner == AttachmentOwner.notice.rawValue)
            .filter(\.$ownerID ~~ notices.compactMap(\.id)).sort(\.$id).all()
        let tz = request.application.learnCity.config.timeZone
        let model = NoticesPage.Model(
            office: office,
            notices: notices.map { notice in
                let mine = names.ordered(receipts.filter { $0.noticeID == notice.id }) { $0.organisationID }
                return NoticesPage.Item(
                    id: notice.id ?? 0, number: notice.number, title: notice.title, body: notice.body,
                    corrected: notice.correctedAt.map { DateText.minute($0, tz) },
                    withdrawn: notice.withdrawnAt.map { (DateText.minute($0, tz), notice.withdrawalReason ?? "") },
                    attachments: files.filter { $0.ownerID == notice.id },
                    receipts: mine.map { ($0.id ?? 0, names[$0.organisationID] ?? "—", $0.signedAt.map { DateText.minute($0, tz) }, $0.reply) },
                    unsigned: mine.filter { $0.signedAt == nil }.compactMap { names[$0.organisationID] },
                    unreplied: mine.filter { $0.reply == nil }.compactMap { names[$0.organisationID] })
            },
            units: units.map { (String($0.id ?? 0), $0.name(request.language)) }, form: form, errors: errors, changing: changing)
        return NoticesPage.View(model: model, context: PageContext(request)).response(status: status)
    }
}

enum NoticesPage {
    struct Item: Sendable {
        var id: Int
        var number, title, body: String
        /// When it was last corrected; when and why it was withdrawn.
        var corrected: String?
        var withdrawn: (String, String)?
        var attachments: [Attachment]
        /// (receipt id, unit, signed at, reply)
        var receipts: [(Int, String, String?, String?)]
        var unsigned, unreplied: [String]
    }

    struct Model: Sendable {
        var office: Bool
        var notices: [Item]
        var units: [(String, String)]
        var form: NoticesController.Form
        var errors: [String: String]
        /// The notice whose correction or withdrawal was refused, with what was typed.
        var changing: (Int, NoticesController.ChangeForm)?
    }

    struct View: PageView {
        var model: Model
        var context: PageContext
        var pageTitle: String { context.strings.notices.title }

        func content() -> Node<HTML.BodyContext> {
            let s = context.strings.notices
            return .group(
                .section(.class("card"),
                    .h1(.text(s.title)),
                    model.notices.isEmpty ? .p(.class("empty"), .text(s.none)) : .group(.forEach(model.notices) { notice($0) })),
                .if(model.office, issueForm()))
        }

        private func notice(_ item: Item) -> Node<HTML.BodyContext> {
            let s = context.strings.notices
            return .article(.class(item.withdrawn == nil ? "notice-item" : "notice-item withdrawn"),
                .h2(.text(item.number + " " + item.title)),
                .unwrap(item.withdrawn) { at, reason in
                    .p(.class("alert"), .strong(.text(s.withdrawn)), .text(" " + at + context.strings.colon + reason))
                },
                .unwrap(item.corrected) { .p(.class("notice"), .strong(.text(s.corrected)), .text(" " + $0)) },
                .p(.class("lines"), .text(item.body)),
                AttachmentsView.section(item.attachments, owner: .notice, ownerID: item.id, canAttach: model.office, back: SiteURL.notices.path,
                                        strings: context.strings.attachments, csrf: csrfField()),
                .if(model.office && item.withdrawn == nil, changeForms(item)),
                .if(model.office && item.withdrawn == nil, .group(
                    .p(.class(item.unsigned.isEmpty ? "notice" : "alert"), .text(item.unsigned.isEmpty ? s.allSigned : s.unsigned + context.strings.colon + item.unsigned.joined(separator: context.strings.listSeparator))),
                    .p(.class("muted small"), .text(item.unreplied.isEmpty ? s.allReplied : s.unreplied + context.strings.colon + item.unreplied.joined(separator: context.strings.listSeparator))))),
                .ul(.forEach(item.receipts) { id, unit, signed, reply in
                    .li(.text(unit + " · " + (signed.map { s.signedAt + " " + $0 } ?? s.notSigned)),
                        .unwrap(reply) { .p(.class("small"), .text(s.reply + context.strings.colon + $0)) },
                        // A unit that signed without replying still owes the reply (it is listed as such).
                        .if(!model.office && item.withdrawn == nil && (signed == nil || reply == nil),
                            .form(.method(.post), .action(SiteURL.signNotice(id).path), .novalidate(), csrfField(),
                                FormFields.input(name: "reply", label: s.reply, value: "", error: nil),
                                .button(.type(.submit), .class("button"),
                                        .text(signed == nil ? s.sign : s.sendReply)))))
                }))
        }

        /// Correcting and withdrawing, folded away; open with the errors when one was refused.
        private func changeForms(_ item: Item) -> Node<HTML.BodyContext> {
            let s = context.strings.notices
            let typed = model.changing.flatMap { $0.0 == item.id ? $0.1 : nil }
            let e = typed == nil ? [:] : model.errors
            let fieldID = "notice-\(item.id)-"
            return .details(.if(typed != nil, .attribute(named: "open")),
                .summary(.text(s.correct + " / " + s.withdraw)),
                .form(.method(.post), .action(SiteURL.notice(item.id).path), .novalidate(), csrfField(),
                    .input(.type(.hidden), .name("action"), .value("correct")),
                    FormFields.input(name: "title", label: s.titleLabel, value: typed?.title ?? item.title,
                                     error: e["title"],
                                     id: fieldID + "title"),
                    .div(.class("field"), .label(.for(fieldID + "body"), .text(s.body)),
                         .textarea(.name("body"), .id(fieldID + "body"), .text(typed?.body ?? item.body))),
                    .button(.type(.submit), .class("button secondary"), .text(s.saveCorrection))),
                .form(.method(.post), .action(SiteURL.notice(item.id).path), .novalidate(), csrfField(),
                    .input(.type(.hidden), .name("action"), .value("withdraw")),
                    FormFields.input(name: "reason", label: s.reason, value: typed?.reason ?? "", error: e["reason"],
                                     id: fieldID + "reason"),
                    .button(.type(.submit), .class("button danger"), .text(s.withdraw))))
        }

        private func issueForm() -> Node<HTML.BodyContext> {
            let s = context.strings.notices, f = model.form, e = model.errors
            return .section(.class("card narrow"),
                .h2(.text(s.issue)),
                .form(.method(.post), .action(SiteURL.notices.path), .novalidate(), csrfField(),
                    FormFields.input(name: "number", label: s.number, value: f.number ?? "", error: e["number"], hint: s.numberHint),
                    FormFields.input(name: "title", label: s.titleLabel, value: f.title ?? "", error: e["title"]),
                    .div(.class("field"), .label(.for("body"), .text(s.body)), .textarea(.name("body"), .id("body"), .text(f.body ?? ""))),
                    FormFields.checkboxes(name: "units", label: s.to, options: model.units, selected: f.units ?? [],
                                          error: e["units"],
                                          groups: Recipients.options(NoticesController.addressees,
                                                                     context.strings.recipients),
                                          chosenGroups: f.group ?? [], groupStrings: context.strings.recipients),
                    .button(.type(.submit), .class("button"), .text(s.issue))))
        }
    }
}
