import Fluent
import Foundation
import LearnCityCore
import Vapor

/// `GET /api/v1/reports/completeness?form=&period=` — who has reported on a form for a period,
/// for the office's scripts: expected, submitted, on time, and each unit's state.
enum ReportsAPI {
    struct Completeness: Content, APISchema {
        struct Unit: Content {
            var code: String
            var name: String
            /// `not_started`, `draft`, `submitted`, `returned` or `approved`.
            var state: String
            /// ISO 8601 with the city's offset, e.g. 2014-07-08T16:30:00+08:00.
            var firstSubmittedAt: String?
            /// nil while not submitted and not yet due.
            var onTime: Bool?
        }
        var form: Int
        var title: String
        var period: String
        var deadline: String
        var expected: Int
        var submitted: Int
        var onTime: Int
        var units: [Unit]

        static let schemaName = "ReportCompleteness"
        static var schema: JSONValue {
            Schema.object([
                ("form", Schema.integer), ("title", Schema.string()),
                ("period", Schema.string("2014-Q2, 2014-H1 or 2014")), ("deadline", Schema.string("last day to submit, yyyy-MM-dd (city time)")),
                ("expected", Schema.integer), ("submitted", Schema.integer), ("onTime", Schema.integer),
                ("units", Schema.array(Schema.object([
                    ("code", Schema.string()), ("name", Schema.string()),
                    ("state", Schema.string(enum: ["not_started"] + ReportState.allCases.map(\.rawValue))),
                    ("firstSubmittedAt", ["type": ["string", "null"], "format": "date-time"]),
                    ("onTime", Schema.nullable("boolean")),
                ], required: ["code", "name", "state"]))),
            ], required: ["form", "title", "period", "deadline", "expected", "submitted", "onTime", "units"])
        }
    }

    static let doc = APIDoc(
        operationID: "getReportCompleteness", summary: "Who has reported on a form for a period", tag: "reports",
        parameters: [
            .init(name: "form", description: "Report form id", required: true, schema: Schema.integer),
            .init(name: "period", description: "2014-Q2, 2014-H1 or 2014; defaults to the latest period whose deadline has passed", required: false, schema: Schema.string()),
        ],
        response: Completeness.self, problems: [.invalidParameter, .notFound])

    @Sendable static func completeness(_ request: Request) async throws -> Response {
        guard let formID = request.queryInteger("form", in: BoundedNumber.ids) else { throw AppError(.invalidParameter, detail: "form", field: "form") }
        guard let form = try await ReportForm.find(formID, on: request.db) else { throw AppError(.notFound, field: "form") }
        let today = request.today
        let periods = form.periods(through: today)
        let period: ReportPeriod
        if let text = request.query[String.self, at: "period"] {
            guard let p = ReportPeriod(text), periods.contains(p) else { throw AppError(.invalidParameter, detail: "period=\(text)", field: "period") }
            period = p
        } else {
            guard let p = periods.last(where: { today > $0.deadline(daysAfterEnd: form.deadlineDays) }) ?? periods.first else { throw AppError(.notFound, field: "period") }
            period = p
        }
        let deadline = period.deadline(daysAfterEnd: form.deadlineDays)
        let assigned = try await ReportFormUnit.query(on: request.db).filter(\.$formID == formID).all().map(\.organisationID)
        let organisations = try await Organisation.query(on: request.db).filter(\.$id ~~ assigned).sort(\.$path).all()
        let submissions = try await ReportSubmission.query(on: request.db).filter(\.$formID == formID).filter(\.$period == period.description).all()
        let tz = request.application.learnCity.config.timeZone
        let completeness = ReportCompleteness(expected: assigned, entries: submissions.map { .init(unit: $0.organisationID, firstSubmitted: $0.firstSubmittedAt.map { LocalDate($0, in: tz) }) },
                                              deadline: deadline, today: today)
        let stamp = ISO8601DateFormatter()
        stamp.timeZone = tz
        let units = organisations.map { org -> Completeness.Unit in
            let report = submissions.first { $0.organisationID == org.id }
            let first = report?.firstSubmittedAt
            let onTime: Bool? = first.map { LocalDate($0, in: tz) <= deadline } ?? (today > deadline ? false : nil)
            return .init(code: org.code, name: org.nameZh, state: report?.state.rawValue ?? "not_started", firstSubmittedAt: first.map(stamp.string), onTime: onTime)
        }
        let body = Completeness(form: formID, title: form.title, period: period.description, deadline: deadline.iso, expected: completeness.expected,
                                submitted: completeness.submitted, onTime: completeness.onTime, units: units)
        return try await body.encodeResponse(for: request)
    }
}
