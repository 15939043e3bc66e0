import Fluent
import Foundation
import LearnCityCore

/// Report forms given as data (the demo city's quarterly report of member units and the
/// Finance Bureau's half-yearly funds report), loaded once: a form with the same title is not
/// loaded again.
enum ReportFormLoader {
    static let demoFile = "demo/dazhou-2014-reports.json"

    struct Data: Decodable {
        struct Form: Decodable {
            var title, periodKind, firstPeriod: String
            var lastPeriod: String?
            var deadlineDays: Int
            var fields: String
            var units: [String]
        }
        var forms: [Form]
    }

    static func loadDemo(on database: any Database) async throws {
        let data = try JSONDecoder().decode(Data.self, from: try BundledResource.data(demoFile))
        let indicators = Set(try await Indicator.query(on: database).all().compactMap(\.id))
        let organisations = Dictionary(try await Organisation.query(on: database).all().map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        try await database.transaction { db in
            for entry in data.forms where try await ReportForm.query(on: db).filter(\.$title == entry.title).count() == 0 {
                guard case .success(let fields) = ReportField.parse(entry.fields, knownIndicators: indicators),
                      let first = ReportPeriod(entry.firstPeriod), first.kind.rawValue == entry.periodKind else {
                    throw StartupError("报表数据有误 / report form data is invalid: \(entry.title)")
                }
                let form = ReportForm()
                (form.title, form.periodKind, form.firstPeriod, form.lastPeriod) = (entry.title, entry.periodKind, first.description, entry.lastPeriod)
                (form.deadlineDays, form.createdBy) = (entry.deadlineDays, "demo")
                form.fieldsJSON = String(decoding: try JSONEncoder().encode(fields), as: UTF8.self)
                try await form.create(on: db)
                for code in entry.units {
                    guard let org = organisations[code] else { throw StartupError("报表数据有误 / unknown unit \(code)") }
                    let unit = ReportFormUnit()
                    (unit.formID, unit.organisationID) = (try form.requireID(), try org.requireID())
                    try await unit.create(on: db)
                }
            }
        }
    }
}
