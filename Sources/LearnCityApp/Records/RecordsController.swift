import Fluent
import Foundation
import LearnCityCore
import Vapor

/// Learning records on the staff pages: a person's records (on their page), adding one by
/// hand, and voiding or correcting one with a reason — all within the account's scope.
enum RecordsController {
    struct Form: Content {
        var kind: String?
        var status: String?
        var date: String?
        var hours: String?
        /// An organisation's id; empty: none (adding) or the provider as stored (correcting).
        var provider: String?
        var course: String?
        var certificateNo: String?
        var reason: String?
    }

    /// A record the account may see and change, or "not found".
    static func visibleRecord(_ request: Request) async throws -> LearningRecord {
        let id = try request.intID()
        guard let record = try await LearningRecord.query(on: request.db).visible(to: request.accountScope())
            .filter(\.$id == id).first() else { throw AppError(.notFound) }
        return record
    }

    /// The records section of a person's page: what the account may see of them, totals per year.
    static func section(for person: Person, _ request: Request) async throws -> RecordViews.Section {
        let user = try request.requireUser()
        let canManage = user.roles.allows(.manageRecords)
        var query = LearningRecord.query(on: request.db).visible(to: try await request.accountScope())
            .filter(\.$personID == (try person.requireID()))
        if !canManage { query = query.filter(\.$voidedAt == nil) }   // voided records stay visible to admins only
        let records = try await query.sort(\.$date, .descending).sort(\.$id, .descending).all()
        // Look-alikes: the same kind, date and course from different sources. Never merged
        // silently (design.md §4): listed here, for someone to void the one that is not real.
        let groups = Dictionary(grouping: records.filter { $0.voidedAt == nil }) { "\($0.kind.rawValue)|\($0.date)|\($0.courseTitle ?? "")" }
        let lookalikes = Set(groups.values.filter { group in Set(group.map { RecordKey.namespace(of: $0.idemKey) }).count > 1 }
            .flatMap { $0.compactMap(\.id) })
        var section = RecordViews.Section(personID: try person.requireID(), rows: records.map { record in
            var row = row(record, request)
            row.lookalike = lookalikes.contains(record.id ?? 0)
            return row
        }, canManage: canManage)
        let counting = records.filter { $0.voidedAt == nil }
        section.years = Dictionary(grouping: counting, by: \.year).map { year, items in
            (year, items.count, items.reduce(0) { $0 + $1.hours })
        }.sorted { $0.0 > $1.0 }
        if canManage { section.form = try await formModel(request, form: Form(), errors: [:], keep: nil) }
        return section
    }

    static func row(_ record: LearningRecord, _ request: Request) -> RecordViews.Row {
        let s = request.strings.records
        return RecordViews.Row(id: record.id ?? 0, kind: s.kindName(record.kind), status: s.statusName(record.status), date: record.date,
                               hours: NumberText.hours(record.hours), provider: record.providerName ?? "—", course: record.courseTitle ?? "—",
                               source: s.sourceName(record.source), voided: record.voidReason.map(s.voidedNote),
                               corrected: record.correctedAt != nil)
    }

    /// `keep`: the provider a record names now (correcting), offered first and chosen unless
    /// the user picks another; nil when adding, where the first choice is no provider.
    static func formModel(_ request: Request, form: Form, errors: [String: String], keep: String?) async throws -> RecordViews.FormModel {
        let scope = try await request.accountScope()
        let providers = try await Organisation.query(on: request.db).visible(to: scope).filter(\.$closedAt == nil).sort(\.$path).all()
        let s = request.strings.records
        return RecordViews.FormModel(
            form: form, errors: errors,
            kinds: RecordKind.allCases.map { ($0.rawValue, s.kindName($0)) },
            statuses: RecordStatus.allCases.map { ($0.rawValue, s.statusName($0)) },
            providers: [("", keep.map(s.keepProvider) ?? s.noProvider)]
                + providers.map { (String($0.id ?? 0), String(repeating: "　", count: $0.depth) + $0.name(request.language)) })
    }

    /// Checks a form; returns the input, or the messages to show next to the fields.
    static func validate(_ form: Form, _ request: Request) async throws -> (RecordService.Input?, [String: String]) {
        let s = request.strings.records
        var errors: [String: String] = [:]
        let kind = form.kind.flatMap(RecordKind.init(rawValue:))
        if kind == nil { errors["kind"] = request.strings.fieldRequired }
        let status = form.status.flatMap(RecordStatus.init(rawValue:))
        if status == nil { errors["status"] = request.strings.fieldRequired }
        else if let kind, let status, !kind.statuses.contains(status) { errors["status"] = s.statusNotForKind }
        let date = LocalDate.parse(form.date ?? "")
        if date == nil { errors["date"] = s.dateInvalid }
        let hoursText = (form.hours ?? "").trimmingCharacters(in: .whitespaces)
        let hours = hoursText.isEmpty ? 0 : BoundedNumber.decimal(hoursText, in: 0...100_000)
        if hours == nil || !(0...1000).contains(hours ?? -1) { errors["hours"] = s.hoursInvalid }
        let scope = try await request.accountScope()
        let providerText = (form.provider ?? "").trimmingCharacters(in: .whitespaces)
        let provider = try await Int(providerText).asyncMap { id in
            try await Organisation.query(on: request.db).visible(to: scope).filter(\.$id == id).first()
        } ?? nil
        if !providerText.isEmpty && provider == nil { errors["provider"] = request.strings.fieldRequired }
        guard errors.isEmpty, let kind, let status, let date, let hours else { return (nil, errors) }
        let course = (form.course ?? "").trimmingCharacters(in: .whitespaces)
        let certificate = (form.certificateNo ?? "").trimmingCharacters(in: .whitespaces)
        return (RecordService.Input(kind: kind, status: status, date: date, hours: hours, provider: provider,
                                    courseTitle: course.isEmpty ? nil : String(course.prefix(200)),
                                    certificateNo: certificate.isEmpty ? nil : String(certificate.prefix(100))), [:])
    }

    @Sendable static func add(_ request: Request) async throws -> Response {
        let person = try await PeopleController.visiblePerson(request)
        let form = try request.content.decode(Form.self)
        let (input, errors) = try await validate(form, request)
        guard let input else {
            var section = try await section(for: person, request)
            section.form = try await formModel(request, form: form, errors: errors, keep: nil)
            return try await PeopleController.detailPage(request, person: person, revealed: nil, records: section, status: .unprocessableEntity)
        }
        // A record entered by hand is its own source: each entry is one record.
        let namespace = "manual:" + UUID().uuidString
        try await RecordService.create(input, person: person, source: .manual, namespace: namespace, sourceID: "1",
                                       actor: Audit.Actor(request), on: request.db)
        return request.redirect(to: SiteURL.person(try person.requireID()).path + "#records")
    }

    @Sendable static func detail(_ request: Request) async throws -> Response {
        try await recordPage(request, record: try await visibleRecord(request))
    }

    @Sendable static func void(_ request: Request) async throws -> Response {
        let record = try await visibleRecord(request)
        let reason = (try? request.content.get(String.self, at: "reason")) ?? ""
        do { try await RecordService.void(record, reason: reason, actor: Audit.Actor(request), on: request.db) }
        catch RecordService.Problem.reasonRequired {
            return try await recordPage(request, record: record, voidError: request.strings.records.reasonRequired, status: .unprocessableEntity)
        } catch RecordService.Problem.alreadyVoided {
            return try await recordPage(request, record: record, voidError: request.strings.records.alreadyVoided, status: .conflict)
        }
        return request.redirect(to: SiteURL.record(try record.requireID()).path)
    }

    @Sendable static func correct(_ request: Request) async throws -> Response {
        let record = try await visibleRecord(request)
        let form = try request.content.decode(Form.self)
        let (input, found) = try await validate(form, request)
        var errors = found
        if (form.reason ?? "").trimmingCharacters(in: .whitespaces).isEmpty { errors["reason"] = request.strings.records.reasonRequired }
        if record.voidedAt != nil { errors["reason"] = request.strings.records.alreadyVoided }
        guard errors.isEmpty, let input else {
            return try await recordPage(request, record: record, form: form, errors: errors, status: .unprocessableEntity)
        }
        let corrected = changedFields(of: record, form: form, input: input)
        guard corrected.kind.statuses.contains(corrected.status) else {
            return try await recordPage(request, record: record, form: form, errors: ["status": request.strings.records.statusNotForKind],
                                        status: .unprocessableEntity)
        }
        try await RecordService.correct(record, with: corrected, reason: form.reason ?? "", actor: Audit.Actor(request), on: request.db)
        return request.redirect(to: SiteURL.record(try record.requireID()).path)
    }

    /// The correction form as the record page fills it in.
    static func shownForm(_ record: LearningRecord) -> Form {
        Form(kind: record.kind.rawValue, status: record.status.rawValue, date: record.date, hours: NumberText.hours(record.hours),
             provider: record.providerID.map(String.init) ?? "", course: record.courseTitle, certificateNo: record.certificateNo)
    }

    /// The record with the fields the user changed from what the form showed, and nothing else:
    /// a field sent back as shown keeps its stored value (hours rounded for display, details
    /// the form does not show, a provider LearnCity does not know and keeps as text).
    static func changedFields(of record: LearningRecord, form: Form, input: RecordService.Input) -> RecordService.Input {
        let shown = shownForm(record)
        func changed(_ a: String?, _ b: String?) -> Bool {
            (a ?? "").trimmingCharacters(in: .whitespaces) != (b ?? "").trimmingCharacters(in: .whitespaces)
        }
        var result = RecordService.current(record)
        if changed(form.kind, shown.kind) { result.kind = input.kind }
        if changed(form.status, shown.status) { result.status = input.status }
        if changed(form.date, shown.date) { result.date = input.date }
        if changed(form.hours, shown.hours) { result.hours = input.hours }
        if changed(form.provider, shown.provider) { result.provider = input.provider }
        if changed(form.course, shown.course) { result.courseTitle = input.courseTitle }
        if changed(form.certificateNo, shown.certificateNo) { result.certificateNo = input.certificateNo }
        return result
    }

    private static func recordPage(_ request: Request, record: LearningRecord, form: Form? = nil, errors: [String: String] = [:],
                                   voidError: String? = nil, status: HTTPResponseStatus = .ok) async throws -> Response {
        let person = try await Person.find(record.personID, on: request.db)
        let current = form ?? shownForm(record)
        let model = RecordViews.Page.Model(
            row: row(record, request), personID: record.personID, personName: person?.name ?? "—",
            details: record.detailValues.sorted { $0.key < $1.key }.map { ($0.key, $0.value) },
            form: try await formModel(request, form: current, errors: errors, keep: record.providerName ?? "—"),
            voidError: voidError, canChange: record.voidedAt == nil)
        return RecordViews.Page.View(model: model, context: PageContext(request)).response(status: status)
    }
}
