import Fluent
import Foundation
import LearnCityCore
import SQLKit

/// Reads indicator values for a year and region scope. Values are sums of the tallies the
/// record write path keeps (never a scan of records), so a page can afford them on every load.
enum IndicatorQueries {
    /// Every indicator's progress for `year` over `region` and everything inside it.
    static func progress(year: Int, region: RegionCode, on database: any Database) async throws -> [IndicatorProgress] {
        let indicators = try await Indicator.query(on: database).sort(\.$position).all()
        let targets = try await IndicatorTarget.query(on: database)
            .filter(\.$year == year).filter(\.$regionCode == region.rawValue).all()
        let counts = try await tallies(year: year, region: region, on: database)
        let population = try await populationTotals(year: year, region: region, on: database)
        return indicators.map { indicator in
            let definition = indicator.definition
            let denominator: Int? = switch definition.denominator {
            case .residents: population?.residents
            case .employed: population?.employed
            case nil: nil
            }
            return IndicatorProgress(
                definition: definition, numerator: counts[definition.code] ?? 0, denominator: denominator,
                target: targets.first { $0.indicatorCode == definition.code }?.value)
        }
    }

    /// The most recent year that has targets, not after `latest`; the portal opens on it.
    static func defaultYear(notAfter latest: Int, on database: any Database) async throws -> Int {
        try await IndicatorTarget.query(on: database).filter(\.$year <= latest)
            .sort(\.$year, .descending).first()?.year ?? latest
    }

    private static func tallies(year: Int, region: RegionCode, on database: any Database) async throws -> [String: Int] {
        let sql = database as! any SQLDatabase
        struct Row: Decodable { var indicator_code: String; var total: Int }
        let rows = try await sql.select()
            .column(SQLIdentifier("indicator_code"))
            // SUM of a bigint is numeric on PostgreSQL; cast back so both dialects return an integer.
            .column(SQLRaw(#"CAST(SUM("count") AS BIGINT)"#), as: "total")
            .from(IndicatorTally.schema)
            .where("year", .equal, year)
            .where(SQLIdentifier("region_code"), .like, SQLBind(region.subtreePattern))
            .groupBy("indicator_code")
            .all(decoding: Row.self)
        return Dictionary(uniqueKeysWithValues: rows.map { ($0.indicator_code, $0.total) })
    }

    /// The scope's own population row when it has one, else the sum of the divisions inside it.
    private static func populationTotals(year: Int, region: RegionCode, on database: any Database) async throws
        -> (residents: Int, employed: Int)? {
        let rows = try await Population.query(on: database).filter(\.$year == year).all()
        if let own = rows.first(where: { $0.regionCode == region.rawValue }) { return (own.residents, own.employed) }
        let inside = rows.filter { RegionCode($0.regionCode).map(region.contains) ?? false }
        guard !inside.isEmpty else { return nil }
        return (inside.reduce(0) { $0 + $1.residents }, inside.reduce(0) { $0 + $1.employed })
    }
}
