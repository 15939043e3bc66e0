import Fluent
import Foundation
import LearnCityCore

/// The public portal's home page: the city's network and its targets, live.
enum HomeIndex {
    struct Model: Sendable {
        struct Node: Sendable, Equatable {
            var name: String
            var kind: OrganisationKind
            var regionName: String
            var isDemonstration: Bool
            var children: [Node]
        }

        var cityName: String?
        var year: Int
        /// Share of the year gone (1 for a past year), for "on track".
        var yearElapsed: Double
        var indicators: [IndicatorProgress]
        /// The three-level network from the university down.
        var network: [Node]
        var countsByKind: [(OrganisationKind, Int)]
        var memberUnits: [String]
        /// Where the population denominators come from, when the year has any.
        var populationSource: String?
    }

    static func query(year requested: Int?, now: Date, timeZone: TimeZone, language: UILanguage,
                      on database: any Database) async throws -> Model {
        let today = LocalDate(now, in: timeZone)
        var year = today.year
        if let requested { year = requested } else {
            year = try await IndicatorQueries.defaultYear(notAfter: today.year, on: database)
        }
        let city = try await NetworkQueries.city(on: database)
        let organisations = try await NetworkQueries.openOrganisations(on: database)
        let regions = Dictionary(uniqueKeysWithValues: try await NetworkQueries.regions(on: database).map { ($0.id ?? "", $0) })
        let indicators: [IndicatorProgress] = if let code = city?.code {
            try await IndicatorQueries.progress(year: year, region: code, on: database)
        } else { [] }
        let counts = Dictionary(grouping: organisations, by: \.kind).mapValues(\.count)
        return Model(
            cityName: city?.name(language), year: year,
            yearElapsed: today.fractionOfYearElapsed(for: year),
            indicators: indicators,
            network: tree(organisations, regions: regions, language: language),
            countsByKind: OrganisationKind.allCases.compactMap { kind in counts[kind].map { (kind, $0) } },
            memberUnits: organisations.filter { $0.kind == .memberUnit }.map { $0.name(language) },
            populationSource: try await Population.query(on: database).filter(\.$year == year).first()?.source)
    }

    /// Nests network organisations (university, colleges, centres) under their parents.
    private static func tree(_ organisations: [Organisation], regions: [String: Region], language: UILanguage) -> [Model.Node] {
        let network = organisations.filter { $0.kind.networkLevel != nil }
        let ids = Set(network.compactMap(\.id))
        let byParent = Dictionary(grouping: network) { org in org.parentID.flatMap { ids.contains($0) ? $0 : nil } ?? -1 }
        func nodes(under parent: Int) -> [Model.Node] {
            (byParent[parent] ?? []).map { org in
                Model.Node(name: org.name(language), kind: org.kind,
                           regionName: regions[org.regionCode]?.name(language) ?? org.regionCode,
                           isDemonstration: org.isDemonstration, children: nodes(under: org.id ?? -2))
            }
        }
        return nodes(under: -1)
    }
}
