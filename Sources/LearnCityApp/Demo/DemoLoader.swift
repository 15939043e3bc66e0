import Fluent
import Foundation
import LearnCityCore

/// Loads a city dataset (the demo city ships as one) into the database in one transaction.
/// Loading is by natural key and skips what exists, so running it twice creates nothing twice.
enum DemoLoader {
    static let demoFile = "demo/dazhou-2014.json"
    static let settingKey = "demo.loaded"

    struct Summary: Sendable, Equatable {
        var regions = 0, organisations = 0, indicators = 0, targets = 0, populations = 0
        var total: Int { regions + organisations + indicators + targets + populations }
    }

    static func bundledDataset() throws -> CityDataset {
        let data = try BundledResource.data(demoFile)
        let dataset = try JSONDecoder().decode(CityDataset.self, from: data)
        let problems = dataset.validate()
        guard problems.isEmpty else { throw StartupError("演示数据有误 / demo file is invalid: " + problems.joined(separator: "; ")) }
        return dataset
    }

    static func isLoaded(on database: any Database) async throws -> Bool {
        try await AppSetting.get(settingKey, on: database) != nil
    }

    static func load(_ dataset: CityDataset, on database: any Database) async throws -> Summary {
        try await database.transaction { db in
            var summary = Summary()
            for region in [dataset.city] + dataset.regions where try await Region.find(region.code.rawValue, on: db) == nil {
                try await Region(code: region.code, nameZh: region.nameZh, nameEn: region.nameEn,
                                 isLocalCode: region.localCode ?? false).create(on: db)
                summary.regions += 1
            }
            summary.organisations = try await loadOrganisations(dataset, on: db)
            for (position, definition) in dataset.indicators.enumerated() where try await Indicator.find(definition.code, on: db) == nil {
                try await Indicator(definition: definition, position: position).create(on: db)
                summary.indicators += 1
            }
            for target in dataset.targets {
                let exists = try await IndicatorTarget.query(on: db).filter(\.$indicatorCode == target.indicator)
                    .filter(\.$year == target.year).filter(\.$regionCode == target.region.rawValue).count() > 0
                guard !exists else { continue }
                try await IndicatorTarget(indicatorCode: target.indicator, year: target.year,
                                          regionCode: target.region.rawValue, value: target.value).create(on: db)
                summary.targets += 1
            }
            for population in dataset.populations {
                let exists = try await Population.query(on: db).filter(\.$regionCode == population.region.rawValue)
                    .filter(\.$year == population.year).count() > 0
                guard !exists else { continue }
                try await Population(regionCode: population.region.rawValue, year: population.year,
                                     residents: population.residents, employed: population.employed,
                                     source: population.source).create(on: db)
                summary.populations += 1
            }
            try await AppSetting.set(settingKey, dataset.name, on: db)
            return summary
        }
    }

    /// Parents first; each organisation's path needs its parent's path and its own id.
    private static func loadOrganisations(_ dataset: CityDataset, on db: any Database) async throws -> Int {
        var created = 0
        var byCode: [String: Organisation] = [:]
        for org in try await Organisation.query(on: db).all() { byCode[org.code] = org }
        for item in dataset.organisationsInTreeOrder() ?? [] where byCode[item.code] == nil {
            let org = Organisation(code: item.code, kind: item.kind, nameZh: item.nameZh, nameEn: item.nameEn,
                                   regionCode: item.region.rawValue, isDemonstration: item.demonstration ?? false,
                                   basedOn: item.basedOn)
            let parent = item.parent.flatMap { byCode[$0] }
            org.parentID = parent?.id
            try await org.create(on: db)
            org.path = OrganisationPath.child(of: parent?.path ?? OrganisationPath.root, id: org.id!)
            org.depth = OrganisationPath.depth(of: org.path) - 1
            try await org.update(on: db)
            byCode[item.code] = org
            created += 1
        }
        return created
    }
}
