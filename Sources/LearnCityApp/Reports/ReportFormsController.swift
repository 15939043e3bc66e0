import Fluent
import Foundation
import LearnCityCore
import Vapor

/// The reports page: what the signed-in unit owes (with deadlines, late first), and for the
/// office every form with its completeness and the reports waiting for review.
enum ReportFormsController {
    struct Form: Content {
        var title: String?
        var kind: String?
        var first: String?
        var last: String?
        var days: String?
        var fields: String?
        var units: [Int]?
        var group: [String]?
    }

    /// The units a report form may be assigned to (listed on the page, checked when posted).
    static let assignable: [OrganisationKind] = [.memberUnit, .countyLeadership, .college, .university]

    @Sendable static func index(_ request: Request) async throws -> Response {
        try await render(request, form: Form(kind: "quarter", days: "10"), errors: [:])
    }

    /// The periods a unit owes on the forms assigned to it, with their state (started or not).
    static func owed(by organisationID: Int, today: LocalDate, on db: any Database) async throws -> [ReportsPage.Owed] {
        let formIDs = try await ReportFormUnit.query(on: db).filter(\.$organisationID == organisationID).all().map(\.formID)
        let forms = try await ReportForm.query(on: db).filter(\.$id ~~ formIDs).sort(\.$id).all()
        // Only what the list needs of the unit's reports (not their values), looked up by form and period.
        let submissions = Dictionary(try await ReportSubmission.query(on: db).filter(\.$organisationID == organisationID)
            .field(\.$id).field(\.$formID).field(\.$period).field(\.$state).field(\.$firstSubmittedAt).all()
            .map { ("\($0.formID)|\($0.period)", $0) }, uniquingKeysWith: { a, _ in a })
        var owed: [ReportsPage.Owed] = []
        for form in forms {
            for period in form.periods(through: today) {
                let deadline = period.deadline(daysAfterEnd: form.deadlineDays)
                let submission = submissions["\(form.id ?? 0)|\(period)"]
                let overdue = today > deadline && submission?.firstSubmittedAt == nil
                owed.append(.init(formID: form.id ?? 0, title: form.title, period: period, deadline: deadline,
                                  submissionID: submission?.id, state: submission?.state, overdue: overdue))
            }
        }
        return owed.sorted { ($0.overdue ? 0 : 1, $0.deadline) < ($1.overdue ? 0 : 1, $1.deadline) }
    }

    @Sendable static func create(_ request: Request) async throws -> Response {
        let form = try request.content.decode(Form.self)
        let s = request.strings.reports
        var errors: [String: String] = [:]
        let title = (form.title ?? "").trimmingCharacters(in: .whitespaces)
        if title.isEmpty { errors["title"] = request.strings.fieldRequired }
        let kind = ReportPeriod.Kind(rawValue: form.kind ?? "")
        if kind == nil { errors["kind"] = request.strings.fieldRequired }
        let first = ReportPeriod(form.first ?? "")
        if first == nil || first?.kind != kind { errors["first"] = s.periodInvalid }
        let lastText = (form.last ?? "").trimmingCharacters(in: .whitespaces)
        let last = lastText.isEmpty ? nil : ReportPeriod(lastText)
        if !lastText.isEmpty && (last == nil || last?.kind != kind || (first.map { last! < $0 } ?? false)) { errors["last"] = s.periodInvalid }
        let days = BoundedNumber.integer(form.days, in: BoundedNumber.counts)
        if days == nil || !(0...90).contains(days!) { errors["days"] = s.daysInvalid }
        let indicators = Set(try await Indicator.query(on: request.db).all().compactMap(\.id))
        var parsedFields: [ReportField] = []
        switch ReportField.parse(form.fields ?? "", knownIndicators: indicators) {
        case .success(let parsed): parsedFields = parsed
        case .failure(let error):
            errors["fields"] = (request.language == .zh ? "第 \(error.line) 行：" : "Line \(error.line): ")
                + BilingualText.part(error.message, in: request.language)
        }
        let chosen = try await Recipients.resolve(units: form.units, groups: form.group, allowed: assignable,
                                                  on: request.db)
        let units = chosen ?? []
        if chosen == nil { errors["units"] = request.strings.recipients.unknownGroup }
        else if units.isEmpty { errors["units"] = s.unitsRequired }
        guard errors.isEmpty, let first, let days else { return try await render(request, form: form, errors: errors, status: .unprocessableEntity) }
        let actor = Audit.Actor(request)
        let fields = parsedFields
        let created = ReportForm()
        (created.title, created.periodKind, created.firstPeriod, created.lastPeriod) = (String(title.prefix(200)), first.kind.rawValue, first.description, last?.description)
        (created.deadlineDays, created.createdBy) = (days, actor.name)
        created.fieldsJSON = String(decoding: try JSONEncoder().encode(fields), as: UTF8.self)
        try await request.db.transaction { db in
            try await created.create(on: db)
            for unit in units {
                let assigned = ReportFormUnit()
                (assigned.formID, assigned.organisationID) = (try created.requireID(), try unit.requireID())
                try await assigned.create(on: db)
            }
            try await Audit.record(.create, entity: "report_form", id: created.id.map(String.init), summary: "\(title): \(fields.count) fields, \(units.count) units", by: actor, on: db)
        }
        return request.redirect(to: SiteURL.reportForm(try created.requireID()).path)
    }

    /// A form: its fields and, period by period, who has reported, who on time, who not.
    @Sendable static func detail(_ request: Request) async throws -> Response {
        guard let form = try await ReportForm.find(request.intID(), on: request.db) else { throw AppError(.notFound) }
        let formID = try form.requireID()
        let assigned = try await ReportFormUnit.query(on: request.db).filter(\.$formID == formID).all().map(\.organisationID)
        let submissions = try await ReportSubmission.query(on: request.db).filter(\.$formID == formID).all()
        let names = try await WorkPlanController.organisationNames(assigned, request)
        let units = names.ordered(assigned) { $0 }
        let tz = request.application.learnCity.config.timeZone, today = request.today
        let periods = form.periods(through: today).reversed().map { period -> ReportsPage.PeriodRow in
            let deadline = period.deadline(daysAfterEnd: form.deadlineDays)
            let inPeriod = submissions.filter { $0.period == period.description }
            let completeness = ReportCompleteness(expected: units, entries: inPeriod.map { .init(unit: $0.organisationID, firstSubmitted: $0.firstSubmittedAt.map { LocalDate($0, in: tz) }) },
                                                  deadline: deadline, today: today)
            return .init(period: period, deadline: deadline, completeness: completeness,
                         missing: names.names(of: completeness.missing),
                         reports: names.ordered(inPeriod) { $0.organisationID }.map { ($0.id ?? 0, names[$0.organisationID] ?? "—", $0.state) })
        }
        if request.query[String.self, at: "format"] != nil {
            return try await consolidated(form, units: units, submissions: submissions, names: names, request)
        }
        // Units down, periods across (报送情况一览表): each cell the unit's report, on time or late.
        let chronological = form.periods(through: today)
        let matrix = units.map { unit -> ReportsPage.MatrixRow in
            let cells = chronological.map { period -> ReportsPage.MatrixCell in
                let deadline = period.deadline(daysAfterEnd: form.deadlineDays)
                let report = submissions.first { $0.organisationID == unit && $0.period == period.description }
                let first = report?.firstSubmittedAt.map { LocalDate($0, in: tz) }
                return .init(id: report?.id, state: report?.state, late: first.map { $0 > deadline } ?? (today > deadline))
            }
            return .init(unit: names[unit] ?? "—", cells: cells)
        }
        return ReportsPage.FormView(formID: formID, matrixPeriods: chronological.map { $0.label(chinese: request.language == .zh) }, matrix: matrix, title: form.title, kind: form.periodKind, deadlineDays: form.deadlineDays, fields: form.fields,
                                    units: units.compactMap { names[$0] }, periods: periods, context: PageContext(request)).response()
    }

    /// Every unit's report for every period in one sheet (汇总表): state, first submission,
    /// deadline, on time, and the values of every field — what the office forwards or analyses.
    static func consolidated(_ form: ReportForm, units: [Int], submissions: [ReportSubmission], names: UnitNames,
                             _ request: Request) async throws -> Response {
        let s = request.strings.reports, zh = request.language == .zh
        let tz = request.application.learnCity.config.timeZone, today = request.today
        var rows: [[TableCell]] = []
        for period in form.periods(through: today).reversed() {
            let deadline = period.deadline(daysAfterEnd: form.deadlineDays)
            for unit in units {
                let report = submissions.first { $0.organisationID == unit && $0.period == period.description }
                let first = report?.firstSubmittedAt.map { LocalDate($0, in: tz) }
                let onTime = first.map { $0 <= deadline ? s.onTime : s.late } ?? (today > deadline ? s.late : "")
                let values = report?.values ?? [:]
                rows.append([.text(period.label(chinese: zh)), .text(names[unit] ?? "—"), .text(report.map { s.stateNames[$0.state] ?? "" } ?? s.notStarted),
                             .text(report?.firstSubmittedAt.map { DateText.minute($0, tz) } ?? ""), .date(deadline), .text(onTime)]
                            + form.fields.map { ReportSheet.cell($0, values[$0.key] ?? "") })
            }
        }
        return try await TableExport.response(request, name: "report-form-\(form.id ?? 0)",
                                              header: [s.period, s.unit, s.state, s.firstSubmitted, s.deadline, s.onTime] + form.fields.map(\.label),
                                              rows: rows, entity: "report_form")
    }

    private static func render(_ request: Request, form: Form, errors: [String: String], status: HTTPResponseStatus = .ok) async throws -> Response {
        let user = try request.requireUser()
        let office = user.roles.allows(.governCity)
        let today = request.today
        let owedByUnit = try await user.organisationID.asyncMap { try await Self.owed(by: $0, today: today, on: request.db) } ?? []
        var forms: [ReportsPage.FormRow] = [], review: [ReportsPage.Waiting] = [], units: [(String, String)] = []
        if office {
            let all = try await ReportForm.query(on: request.db).sort(\.$id, .descending).all()
            let assigned = Dictionary(grouping: try await ReportFormUnit.query(on: request.db).all(), by: \.formID)
            let tz = request.application.learnCity.config.timeZone
            // Per form, the latest period whose deadline has passed (else the first): the one to chase.
            let chased = all.map { form -> ReportPeriod? in
                let periods = form.periods(through: today)
                return periods.last { today > $0.deadline(daysAfterEnd: form.deadlineDays) } ?? periods.first
            }
            // Only the reports of the periods chased, not the whole history.
            let inChased = Dictionary(grouping: try await ReportSubmission.query(on: request.db)
                .filter(\.$period ~~ Array(Set(chased.compactMap { $0?.description }))).all(), by: { "\($0.formID)|\($0.period)" })
            for (form, period) in zip(all, chased) {
                let completeness = period.map { p in
                    ReportCompleteness(expected: (assigned[form.id ?? 0] ?? []).map(\.organisationID),
                                       entries: (inChased["\(form.id ?? 0)|\(p)"] ?? []).map { .init(unit: $0.organisationID, firstSubmitted: $0.firstSubmittedAt.map { LocalDate($0, in: tz) }) },
                                       deadline: p.deadline(daysAfterEnd: form.deadlineDays), today: today)
                }
                forms.append(.init(id: form.id ?? 0, title: form.title, kind: form.periodKind, period: period, completeness: completeness))
            }
            let waiting = try await ReportSubmission.query(on: request.db).group(.or) { either in
                either.filter(\.$state == .submitted).group(.and) { $0.filter(\.$state == .approved).filter(\.$unlockRequest != nil) }
            }.all()
            let names = try await WorkPlanController.organisationNames(waiting.map(\.organisationID), request)
            for submission in waiting {
                guard let form = all.first(where: { $0.id == submission.formID }), let period = ReportPeriod(submission.period) else { continue }
                // What the office should look at first: figures far from what LearnCity recorded
                // (as recorded when the report was submitted).
                let recorded = submission.recorded
                review.append(.init(id: try submission.requireID(), form: form.title, period: period.label(chinese: request.language == .zh),
                                    unit: names[submission.organisationID] ?? "—",
                                    flagged: ReportValues.flagged(fields: form.fields, values: submission.values, recorded: recorded).count,
                                    unlockRequested: submission.state == .approved))
            }
            units = try await Organisation.query(on: request.db).filter(\.$kind ~~ assignable)
                .filter(\.$closedAt == nil)
                .sort(\.$path).all().map { (String($0.id ?? 0), $0.name(request.language)) }
        }
        return ReportsPage.Index(owed: owedByUnit, office: office, forms: forms, review: review, units: units, form: form, errors: errors,
                                 context: PageContext(request)).response(status: status)
    }
}
