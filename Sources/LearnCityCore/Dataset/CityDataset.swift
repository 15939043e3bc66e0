/// A city as data: its regions, organisation tree, indicators, targets and populations.
///
/// The demo city ships as one such file (`Resources/demo/*.json`) and the `demo` command loads
/// it; nothing city-specific lives in Swift code. `validate()` finds every mistake in a file
/// before anything is written.
public struct CityDataset: Codable, Sendable {
    public struct Region: Codable, Sendable {
        public var code: RegionCode
        public var nameZh: String
        public var nameEn: String
        /// True for a code the city gave itself (no GB/T 2260 code exists).
        public var localCode: Bool?
    }

    public struct Organisation: Codable, Sendable {
        public var code: String
        public var parent: String?
        public var kind: OrganisationKind
        public var nameZh: String
        public var nameEn: String
        public var region: RegionCode
        public var demonstration: Bool?
        /// What it was founded on, e.g. the TV university a college was built on.
        public var basedOn: String?
    }

    public struct Target: Codable, Sendable {
        public var indicator: String
        public var year: Int
        public var region: RegionCode
        public var value: Double
    }

    public struct Population: Codable, Sendable {
        public var region: RegionCode
        public var year: Int
        public var residents: Int
        public var employed: Int
        public var source: String
    }

    public var name: String
    public var city: Region
    public var regions: [Region]
    public var organisations: [Organisation]
    public var indicators: [IndicatorDefinition]
    public var targets: [Target]
    public var populations: [Population]

    /// Every problem in the dataset, empty when it can be loaded.
    public func validate() -> [String] {
        var problems: [String] = []
        let regionCodes = Set(regions.map(\.code) + [city.code])
        for region in regions where !city.code.contains(region.code) {
            problems.append("region \(region.code) is not inside \(city.code)")
        }
        problems += duplicates(regions.map(\.code.rawValue), what: "region")
        problems += duplicates(organisations.map(\.code), what: "organisation")
        let orgCodes = Set(organisations.map(\.code))
        let roots = organisations.filter { $0.parent == nil }
        if roots.count != 1 { problems.append("the organisation tree needs exactly one root, found \(roots.count)") }
        for org in organisations {
            if let parent = org.parent, !orgCodes.contains(parent) {
                problems.append("organisation \(org.code): unknown parent \(parent)")
            }
            if !regionCodes.contains(org.region) {
                problems.append("organisation \(org.code): unknown region \(org.region)")
            }
        }
        if organisationsInTreeOrder() == nil { problems.append("the organisation tree has a cycle") }
        problems += indicators.flatMap(\.problems)
        problems += duplicates(indicators.map(\.code), what: "indicator")
        let indicatorCodes = Set(indicators.map(\.code))
        for target in targets {
            if !indicatorCodes.contains(target.indicator) { problems.append("target for unknown indicator \(target.indicator)") }
            if !regionCodes.contains(target.region) { problems.append("target for unknown region \(target.region)") }
        }
        for population in populations where !regionCodes.contains(population.region) {
            problems.append("population for unknown region \(population.region)")
        }
        return problems
    }

    /// The organisations ordered so that every parent comes before its children; nil when the
    /// parent links form a cycle.
    public func organisationsInTreeOrder() -> [Organisation]? {
        var placed = Set<String>()
        var ordered: [Organisation] = []
        var remaining = organisations
        while !remaining.isEmpty {
            let ready = remaining.filter { $0.parent.map(placed.contains) ?? true }
            if ready.isEmpty { return nil }
            ordered += ready
            placed.formUnion(ready.map(\.code))
            remaining.removeAll { placed.contains($0.code) }
        }
        return ordered
    }

    private func duplicates(_ codes: [String], what: String) -> [String] {
        var seen = Set<String>()
        return codes.filter { !seen.insert($0).inserted }.map { "duplicate \(what) \($0)" }
    }
}
