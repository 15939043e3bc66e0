import Fluent
import Foundation
import LearnCityCore
import SQLKit
import Vapor

/// A unit's report for a period: filled in online or by uploading the downloaded sheet,
/// submitted, returned or approved by the office, locked once approved and unlocked only on a
/// request the office grants. Every change claims the version the user saw, so a second editor
/// gets a conflict instead of silently overwriting the first.
enum SubmissionsController {
    /// `POST /reports/forms/:id/start`: the unit's report for a period, created as a draft the
    /// first time (starting twice opens the same report).
    @Sendable static func start(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        guard let form = try await ReportForm.find(request.intID(), on: request.db) else { throw AppError(.notFound) }
        let formID = try form.requireID()
        guard let organisationID = user.organisationID,
              try await ReportFormUnit.query(on: request.db).filter(\.$formID == formID).filter(\.$organisationID == organisationID).count() > 0 else {
            throw AppError(.conflict, detail: request.strings.reports.notAssigned)
        }
        let today = request.today
        guard let period = (try? request.content.get(String.self, at: "period")).flatMap(ReportPeriod.init),
              form.periods(through: today).contains(period) else { throw AppError(.invalidParameter, detail: request.strings.reports.periodInvalid) }
        let existing = try await ReportSubmission.query(on: request.db).filter(\.$formID == formID)
            .filter(\.$organisationID == organisationID).filter(\.$period == period.description).first()
        if let existing { return request.redirect(to: SiteURL.reportSubmission(try existing.requireID()).path) }
        let submission = ReportSubmission()
        (submission.formID, submission.organisationID, submission.period) = (formID, organisationID, period.description)
        (submission.deadline, submission.state, submission.version) = (period.deadline(daysAfterEnd: form.deadlineDays).iso, .draft, 1)
        let actor = Audit.Actor(request)
        submission.updatedBy = actor.name
        // Figures LearnCity knows start the draft; the unit corrects them where it knows better.
        let recorded = try await RecordedFigures.take(for: submission, form: form, on: request.db)
        (submission.recorded, submission.recordedAt) = (recorded, Date())
        submission.values = recorded.mapValues(ReportSheet.number)
        do {
            try await request.db.transaction { db in
                try await submission.create(on: db)
                try await Audit.record(.create, entity: "report_submission", id: submission.id.map(String.init), summary: "\(form.title) \(period)", by: actor, on: db)
            }
        } catch {
            // Two clicks at once: the other one created it.
            guard (error as? any DatabaseError)?.isConstraintFailure == true, let made = try await ReportSubmission.query(on: request.db).filter(\.$formID == formID)
                .filter(\.$organisationID == organisationID).filter(\.$period == period.description).first() else { throw error }
            return request.redirect(to: SiteURL.reportSubmission(try made.requireID()).path)
        }
        return request.redirect(to: SiteURL.reportSubmission(try submission.requireID()).path)
    }

    /// The report, readable by its unit and the office only (others: not found).
    static func submission(_ request: Request) async throws -> ReportSubmission {
        let user = try request.requireUser()
        guard let submission = try await ReportSubmission.find(request.intID(), on: request.db),
              submission.organisationID == user.organisationID || user.roles.allows(.governCity) else { throw AppError(.notFound) }
        return submission
    }

    @Sendable static func show(_ request: Request) async throws -> Response {
        try await SubmissionPage.render(request, try await submission(request))
    }

    /// `POST /reports/submissions/:id`: `action` = save | submit | approve | return |
    /// request_unlock | unlock, with `version` (the one the user saw), values `f1…` and `comment`.
    @Sendable static func act(_ request: Request) async throws -> Response {
        let submission = try await submission(request)
        let s = request.strings.reports
        let user = try request.requireUser()
        guard let action = (try? request.content.get(String.self, at: "action")).flatMap(ReportState.Action.init) else {
            return try await SubmissionPage.render(request, submission, notice: nil, status: .unprocessableEntity)
        }
        let office = user.roles.allows(.governCity)
        let unitAction = [.save, .submit, .requestUnlock].contains(action)
        if unitAction && submission.organisationID != user.organisationID { throw AppError(.conflict, detail: s.notAssigned) }
        if !unitAction && !office { throw AppError(.conflict, detail: s.officeOnly) }
        guard let next = submission.state.after(action, office: office, unlockRequested: submission.unlockRequest != nil) else {
            throw AppError(.conflict, detail: submission.state == .approved ? s.locked : s.stateNames[submission.state] ?? "")
        }
        guard let form = try await ReportForm.find(submission.formID, on: request.db) else { throw AppError(.notFound) }
        let seen = request.formInteger("version", in: BoundedNumber.counts) ?? -1
        let comment = ((try? request.content.get(String.self, at: "comment")) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        var input: [String: String] = [:]
        for field in form.fields { input[field.key] = try? request.content.get(String.self, at: field.key) }
        var values = submission.values, errors: [String: String] = [:]
        if action == .save || action == .submit {
            (values, errors) = ReportValues.check(input, fields: form.fields, requireAll: action == .submit)
        }
        if (action == .return || action == .requestUnlock) && comment.isEmpty { errors["comment"] = s.commentRequired }
        guard errors.isEmpty else {
            return try await SubmissionPage.render(request, submission, entered: input, errors: errors, status: .unprocessableEntity)
        }
        // What was submitted is compared with what was recorded when it was submitted.
        let recorded = action == .submit ? try await RecordedFigures.take(for: submission, form: form, on: request.db) : nil
        do {
            try await apply(action, next: next, to: submission, form: form, values: values, comment: comment, seen: seen, recorded: recorded, request: request)
        } catch let conflict as VersionConflict {
            let current = try await Self.submission(request)
            return try await SubmissionPage.render(request, current, entered: input, errors: [:],
                                                   notice: s.conflict.replacingOccurrences(of: "%@", with: conflict.by), status: .conflict)
        }
        return request.redirect(to: SiteURL.reportSubmission(try submission.requireID()).path)
    }

    /// Changes the report in one transaction, first claiming the version the user saw: if
    /// someone changed it since, nothing is written and `VersionConflict` is thrown.
    static func apply(_ action: ReportState.Action, next: ReportState, to submission: ReportSubmission, form: ReportForm,
                      values: [String: String], comment: String, seen: Int, recorded: [String: Double]? = nil, request: Request) async throws {
        let actor = Audit.Actor(request)
        let id = try submission.requireID()
        try await request.db.transaction { db in
            guard try await RowClaim.version(ReportSubmission.schema, id: id, seen: seen, on: db), let current = try await ReportSubmission.find(id, on: db) else {
                throw VersionConflict(by: try await ReportSubmission.find(id, on: db)?.updatedBy ?? "")
            }
            (current.state, current.updatedBy) = (next, actor.name)
            switch action {
            case .save, .submit: current.values = values
            case .return: current.comment = comment
            case .requestUnlock: current.unlockRequest = comment
            case .unlock: (current.comment, current.unlockRequest) = (current.unlockRequest, nil)
            case .approve: (current.comment, current.unlockRequest) = (nil, nil)
            }
            if action == .submit && current.firstSubmittedAt == nil { current.firstSubmittedAt = Date() }
            if let recorded { (current.recorded, current.recordedAt) = (recorded, Date()) }
            try await current.update(on: db)
            let event = ReportEvent()
            (event.submissionID, event.action, event.comment, event.by) = (id, action.rawValue, comment, actor.name)
            try await event.create(on: db)
            if action == .approve { try await fileReportedFigures(current, form: form, on: db) }
            // An unlocked report is being corrected: its figures leave the dashboard until approved again.
            if action == .unlock { try await withdrawReportedFigures(current, form: form, on: db) }
            try await Audit.record(.update, entity: "report_submission", id: String(id), summary: "\(action.rawValue): \(form.title) \(current.period) → \(next.rawValue)", by: actor, on: db)
        }
    }

    /// The note that marks a reported figure as filed by this form's report for the period.
    static func filedNote(_ form: ReportForm, _ period: ReportPeriod) -> String { String("\(form.title) \(period)".prefix(500)) }

    /// Removes the figures a report filed (not those a unit entered by hand on the dashboard).
    static func withdrawReportedFigures(_ submission: ReportSubmission, form: ReportForm, on db: any Database) async throws {
        guard let period = ReportPeriod(submission.period), let quarter = period.reportedQuarter else { return }
        let codes = form.fields.compactMap(\.indicator)
        guard !codes.isEmpty else { return }
        try await ReportedFigure.query(on: db).filter(\.$organisationID == submission.organisationID).filter(\.$indicatorCode ~~ codes)
            .filter(\.$year == period.year).filter(\.$quarter == quarter).filter(\.$note == filedNote(form, period)).delete()
    }

    /// An approved report's figures for indicators are filed as the unit's reported figures
    /// (shown beside the recorded ones on the dashboard, never added to them); a field left
    /// empty files nothing, and takes back what an earlier approval filed. The figures are the
    /// unit's: 填报人 is whoever last submitted them, not the office's approver.
    static func fileReportedFigures(_ submission: ReportSubmission, form: ReportForm,
                                    on db: any Database) async throws {
        guard let period = ReportPeriod(submission.period), let quarter = period.reportedQuarter,
              let organisation = try await Organisation.find(submission.organisationID, on: db) else { return }
        let name = try await ReportEvent.query(on: db).filter(\.$submissionID == submission.requireID())
            .filter(\.$action == ReportState.Action.submit.rawValue).sort(\.$id, .descending).first()?.by
            ?? submission.updatedBy
        try await withdrawReportedFigures(submission, form: form, on: db)
        let values = submission.values
        for field in form.fields {
            guard let code = field.indicator, let value = values[field.key].flatMap(Double.init) else { continue }
            let figure = try await ReportedFigure.query(on: db).filter(\.$organisationID == submission.organisationID).filter(\.$indicatorCode == code)
                .filter(\.$year == period.year).filter(\.$quarter == quarter).first() ?? ReportedFigure()
            (figure.organisationID, figure.organisationPath, figure.regionCode) = (submission.organisationID, organisation.path, organisation.regionCode)
            (figure.indicatorCode, figure.year, figure.quarter, figure.value) = (code, period.year, quarter, value)
            (figure.note, figure.reportedBy) = (filedNote(form, period), name)
            try await figure.save(on: db)
        }
    }

    /// The report as a sheet to fill in: code, field, value, recorded figure.
    @Sendable static func download(_ request: Request) async throws -> Response {
        let submission = try await submission(request)
        guard let form = try await ReportForm.find(submission.formID, on: request.db), let period = ReportPeriod(submission.period) else { throw AppError(.notFound) }
        let recorded = submission.recorded
        let chinese = request.language == .zh
        return try await TableExport.response(request, name: "report-\(submission.id ?? 0)-\(period)",
                                              sheet: chinese ? "填报表" : "Report",
                                              header: ReportSheet.header(chinese: chinese),
                                              rows: ReportSheet.rows(fields: form.fields, values: submission.values,
                                                                     recorded: recorded, chinese: chinese),
                                              entity: "report_submission", format: .xlsx)
    }

    /// The filled-in sheet, read back into the draft (a save at the version the user saw).
    @Sendable static func upload(_ request: Request) async throws -> Response {
        let submission = try await submission(request)
        let s = request.strings.reports
        guard submission.organisationID == (try request.requireUser()).organisationID else { throw AppError(.conflict, detail: s.notAssigned) }
        guard submission.state.editable else { throw AppError(.conflict, detail: s.locked) }
        guard let form = try await ReportForm.find(submission.formID, on: request.db) else { throw AppError(.notFound) }
        let file = try? request.content.get(File.self, at: "file")
        // A report's sheet is a few dozen rows: a file that inflates past 20 MB is not one.
        guard let file, file.data.readableBytes > 0, let sheet = try? Sheet.read(Data(buffer: file.data), maxUnpacked: 20 << 20) else {
            return try await SubmissionPage.render(request, submission, errors: ["upload": s.uploadNotSheet], status: .unprocessableEntity)
        }
        var merged = submission.values
        for (key, value) in ReportSheet.values(from: sheet, fields: form.fields) { merged[key] = value }
        let (values, errors) = ReportValues.check(merged, fields: form.fields, requireAll: false)
        guard errors.isEmpty else { return try await SubmissionPage.render(request, submission, entered: merged, errors: errors, status: .unprocessableEntity) }
        // The version the page was loaded at, as for every change (no version: a conflict, not a silent overwrite).
        let seen = request.formInteger("version", in: BoundedNumber.counts) ?? -1
        do {
            try await apply(.save, next: submission.state, to: submission, form: form, values: values, comment: "Excel", seen: seen, request: request)
        } catch let conflict as VersionConflict {
            return try await SubmissionPage.render(request, try await Self.submission(request), entered: merged, errors: [:],
                                                   notice: s.conflict.replacingOccurrences(of: "%@", with: conflict.by), status: .conflict)
        }
        return request.redirect(to: SiteURL.reportSubmission(try submission.requireID()).path)
    }
}
