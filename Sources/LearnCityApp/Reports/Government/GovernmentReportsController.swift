import Fluent
import Foundation
import LearnCityCore
import SQLKit
import Vapor

/// Drafting, refreshing, reviewing and issuing the office's quarterly report to the government.
enum GovernmentReportsController {
    @Sendable static func list(_ request: Request) async throws -> Response {
        try await render(request, errors: [:], period: nil)
    }

    private static func render(_ request: Request, errors: [String: String], period: String?, status: HTTPResponseStatus = .ok) async throws -> Response {
        let reports = try await GovernmentReport.query(on: request.db).sort(\.$id, .descending).all()
        let tz = request.application.learnCity.config.timeZone
        let today = request.today
        let current = ReportPeriod.containing(today, kind: .quarter)
        // The quarters one may report on: those of the work plans' years and the current one.
        let years = Set(try await WorkPlan.query(on: request.db).all().map(\.year) + [today.year])
        let quarters = years.sorted().flatMap { y in (1...4).compactMap { ReportPeriod(kind: .quarter, year: y, index: $0) } }.filter { $0 <= current }
        return GovernmentReportPages.List(
            rows: reports.map { ($0.id ?? 0, $0.title, $0.state, $0.number, DateText.minute($0.dataAsOf, tz)) },
            quarters: quarters.reversed().map { ($0.description, $0.label(chinese: request.language == .zh)) },
            selected: period ?? quarters.last?.description, errors: errors, context: PageContext(request)).response(status: status)
    }

    @Sendable static func create(_ request: Request) async throws -> Response {
        let text = (try? request.content.get(String.self, at: "period")) ?? ""
        guard let period = ReportPeriod(text), period.kind == .quarter else {
            return try await render(request, errors: ["period": request.strings.reports.periodInvalid], period: text, status: .unprocessableEntity)
        }
        let tz = request.application.learnCity.config.timeZone
        let content = try await GovernmentSnapshot.build(period, today: request.today, timeZone: tz, on: request.db)
        let actor = Audit.Actor(request)
        let report = GovernmentReport()
        (report.period, report.state, report.dataAsOf, report.draftedBy) = (period.description, .draft, Date(), actor.name)
        (report.version, report.editedBy) = (1, actor.name)
        report.title = "\(content.city)继续教育工作\(period.label(chinese: true))情况报告"
        report.body = request.strings.government.bodyTemplate
        report.contentJSON = String(decoding: try JSONEncoder().encode(content), as: UTF8.self)
        try await request.db.transaction { db in
            try await report.create(on: db)
            try await Audit.record(.create, entity: "government_report", id: report.id.map(String.init), summary: "draft \(period)", by: actor, on: db)
        }
        return request.redirect(to: SiteURL.governmentReport(try report.requireID()).path)
    }

    static func report(_ request: Request) async throws -> GovernmentReport {
        guard let report = try await GovernmentReport.find(request.intID(), on: request.db) else { throw AppError(.notFound) }
        return report
    }

    @Sendable static func show(_ request: Request) async throws -> Response {
        try await page(request, try await report(request), errors: [:])
    }

    static func page(_ request: Request, _ report: GovernmentReport, errors: [String: String], status: HTTPResponseStatus = .ok) async throws -> Response {
        let tz = request.application.learnCity.config.timeZone
        let people = try await PersonNames.load([report.draftedBy, report.reviewedBy, report.issuedBy], on: request.db)
        return GovernmentReportPages.Detail(
            id: try report.requireID(), title: report.title, body: report.body, state: report.state, number: report.number, version: report.version,
            dataAsOf: DateText.minute(report.dataAsOf, tz), snapshot: report.content,
            trail: [(request.strings.government.drafted, people.optional(report.draftedBy), report.createdAt.map { DateText.minute($0, tz) }),
                    (request.strings.government.reviewed, people.optional(report.reviewedBy), report.reviewedAt.map { DateText.minute($0, tz) }),
                    (request.strings.government.issued, people.optional(report.issuedBy), report.issuedAt.map { DateText.minute($0, tz) })],
            errors: errors, context: PageContext(request)).response(status: status)
    }

    /// `action` = save (title and text, draft only) | refresh (take the figures again, draft
    /// only) | review (not by the drafter nor the last editor) | reopen (reviewed → draft) |
    /// issue (with `number`). Every action names the `version` it was made on.
    @Sendable static func act(_ request: Request) async throws -> Response {
        let report = try await report(request)
        let s = request.strings.government
        let actor = Audit.Actor(request)
        let action = (try? request.content.get(String.self, at: "action")) ?? ""
        let seen = request.formInteger("version", in: BoundedNumber.counts) ?? -1
        func fail(_ key: String, _ message: String, _ status: HTTPResponseStatus = .unprocessableEntity) async throws -> Response {
            try await page(request, report, errors: [key: message], status: status)
        }
        guard seen == report.version else { return try await fail("state", s.changed, .conflict) }
        switch action {
        case "save", "refresh":
            guard report.state == .draft else { return try await fail("state", s.onlyDraft) }
            if action == "save" {
                let title = ((try? request.content.get(String.self, at: "title")) ?? "").trimmingCharacters(in: .whitespaces)
                guard !title.isEmpty else { return try await fail("title", request.strings.fieldRequired) }
                report.title = String(title.prefix(200))
                report.body = String(((try? request.content.get(String.self, at: "body")) ?? "").prefix(50_000))
            } else if let period = ReportPeriod(report.period) {
                let tz = request.application.learnCity.config.timeZone
                let content = try await GovernmentSnapshot.build(period, today: request.today, timeZone: tz, on: request.db)
                (report.contentJSON, report.dataAsOf) = (String(decoding: try JSONEncoder().encode(content), as: UTF8.self), Date())
            }
            report.editedBy = actor.name
        case "review":
            switch report.state.review(by: actor.name, drafter: report.draftedBy) {
            case .success(let next) where actor.name != report.editedBy: (report.state, report.reviewedBy, report.reviewedAt) = (next, actor.name, Date())
            case .success: return try await fail("state", s.notByDrafter)
            case .failure(let problem): return try await fail("state", problem == .sameAsDrafter ? s.notByDrafter : s.onlyDraft)
            }
        case "reopen":
            guard report.state == .reviewed else { return try await fail("state", s.onlyDraft) }
            (report.state, report.reviewedBy, report.reviewedAt) = (.draft, nil, nil)
        case "issue":
            let number = String(((try? request.content.get(String.self, at: "number")) ?? "").trimmingCharacters(in: .whitespaces).prefix(DocumentNumbers.maxLength))
            switch report.state.issue(number: number) {
            case .success(let next):
                if try await DocumentNumbers.isTaken(number, on: request.db) { return try await fail("number", s.numberTaken) }
                (report.state, report.number, report.issuedBy, report.issuedAt) = (next, number, actor.name, Date())
            case .failure(let problem): return try await fail(problem == .numberRequired ? "number" : "state", problem == .numberRequired ? request.strings.fieldRequired : s.notReviewed)
            }
        default:
            return try await fail("state", request.strings.fieldRequired)
        }
        let id = try report.requireID()
        report.version = seen + 1
        do {
            try await request.db.transaction { db in
                // Claim the version seen: someone else's change since then makes this one a conflict.
                guard try await RowClaim.version(GovernmentReport.schema, id: id, seen: seen, on: db) else { throw VersionConflict(by: "") }
                try await report.update(on: db)
                try await Audit.record(.update, entity: "government_report", id: String(id), summary: "\(action) → \(report.state.rawValue)", by: actor, on: db)
            }
        } catch is VersionConflict {
            return try await fail("state", s.changed, .conflict)
        } catch where DocumentNumbers.isDuplicate(error) {
            return try await fail("number", s.numberTaken)
        }
        return request.redirect(to: SiteURL.governmentReport(id).path)
    }

    /// The document in the official layout (A4, red header, number, page numbers) to print.
    @Sendable static func print(_ request: Request) async throws -> Response {
        let report = try await report(request)
        let tz = request.application.learnCity.config.timeZone
        let signer = try await PersonNames.load([report.issuedBy], on: request.db).optional(report.issuedBy)
        let html = GovernmentReportDocument.html(report, signer: signer, content: report.content,
                                                 dataAsOf: DateText.minute(report.dataAsOf, tz),
                                                 issuedOn: LocalDate(report.issuedAt ?? report.dataAsOf, in: tz))
        var headers = HTTPHeaders()
        headers.contentType = .html
        return Response(status: .ok, headers: headers, body: .init(string: html))
    }

    @Sendable static func sheet(_ request: Request) async throws -> Response {
        let report = try await report(request)
        guard let content = report.content else { throw AppError(.notFound) }
        let tz = request.application.learnCity.config.timeZone
        var rows: [[TableCell]] = [["数据截至", .text(DateText.minute(report.dataAsOf, tz)), "", "", ""], ["文号", .text(report.number ?? ""), "", "", ""]]
        rows += content.indicators.map { [.text("指标 " + $0.code), .text($0.name), $0.valueCell, $0.targetCell, ""] }
        for form in content.forms {
            rows.append(["报表", .text(form.title), "应报 \(form.expected)", "已报 \(form.submitted)", "按时 \(form.onTime)"])
            rows += form.totals.map { ["", .text($0.label), .number($0.value, decimals: 2), "", ""] }
        }
        rows.append(["工作要点", "共 \(content.plan.total) 项", "完成 \(content.plan.done)", "逾期 \(content.plan.late)", ""])
        return try await TableExport.response(request, name: "government-report-\(report.period)", header: ["项目", "名称", "数值", "目标/说明", "备注"],
                                              rows: rows, entity: "government_report", format: .xlsx)
    }
}
