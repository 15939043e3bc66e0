import Foundation
import LearnCityCore
import Vapor

extension LearnCity {
    /// The `indicators` command's output: the API's JSON, or a table for people.
    public static func indicatorReport(_ app: Application, year: Int, region: String?, json: Bool) async throws -> String {
        let scope: RegionCode
        if let region {
            guard let code = RegionCode(region), try await Region.find(code.rawValue, on: app.db) != nil else {
                throw StartupError("未知区划代码 / unknown region code '\(region)': see GET /api/v1/regions")
            }
            scope = code
        } else {
            guard let city = try await NetworkQueries.city(on: app.db)?.code else {
                throw StartupError("尚无城市数据 / no city yet: load one with `learncity demo`")
            }
            scope = city
        }
        let progress = try await IndicatorQueries.progress(year: year, region: scope, on: app.db)
        if json {
            let body = IndicatorsAPI.Response(year: year, region: scope.rawValue, indicators: progress.map(IndicatorsAPI.item))
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes]
            return String(decoding: try encoder.encode(body), as: UTF8.self)
        }
        var lines = ["\(year) · \(scope.rawValue)"]
        for item in progress {
            let value: String = switch item.definition.unit {
            case .rate: item.value.map(NumberFormat.percent) ?? "—"
            default: NumberFormat.integer(item.numerator)
            }
            let target: String = item.target.map { item.definition.unit == .rate ? NumberFormat.percent($0) : NumberFormat.integer(Int($0)) } ?? "—"
            lines.append("\(item.definition.code)  \(item.definition.nameZh)  \(value) / \(target)")
        }
        return lines.joined(separator: "\n")
    }

    /// `learncity indicators --rebuild`: every indicator counted again from the stored records,
    /// in one transaction (the same code the ledger uses for a new indicator).
    public static func rebuildIndicators(_ app: Application) async throws -> Int {
        try await app.db.transaction { db in
            let definitions = try await Indicator.query(on: db).all().map(\.definition)
            try await BulkInsert.prepare(db)
            try await RecordLedger.rebuild(definitions, on: db)
            return definitions.count
        }
    }
}
