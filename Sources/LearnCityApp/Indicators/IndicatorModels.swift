import Fluent
import LearnCityCore

/// An indicator definition stored as data (design.md §3): T1–T5 arrive from the demo file.
final class Indicator: Model, @unchecked Sendable {
    static let schema = "indicators"

    @ID(custom: "code", generatedBy: .user) var id: String?
    @Field(key: "position") var position: Int
    @Field(key: "definition") var definition: IndicatorDefinition

    init() {}
    init(definition: IndicatorDefinition, position: Int) {
        id = definition.code
        self.definition = definition
        self.position = position
    }
}

/// A target for one indicator, year and region (the city's, or a county's own).
final class IndicatorTarget: Model, @unchecked Sendable {
    static let schema = "indicator_targets"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "indicator_code") var indicatorCode: String
    @Field(key: "year") var year: Int
    @Field(key: "region_code") var regionCode: String
    @Field(key: "value") var value: Double

    init() {}
    init(indicatorCode: String, year: Int, regionCode: String, value: Double) {
        self.indicatorCode = indicatorCode
        self.year = year
        self.regionCode = regionCode
        self.value = value
    }
}

/// Population denominators of a region for a year, with where the figures came from.
final class Population: Model, @unchecked Sendable {
    static let schema = "populations"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "region_code") var regionCode: String
    @Field(key: "year") var year: Int
    @Field(key: "residents") var residents: Int
    @Field(key: "employed") var employed: Int
    @Field(key: "source") var source: String

    init() {}
    init(regionCode: String, year: Int, residents: Int, employed: Int, source: String) {
        self.regionCode = regionCode
        self.year = year
        self.residents = residents
        self.employed = employed
        self.source = source
    }
}

/// The running numerator of an indicator for one year and region: distinct people or
/// person-times, kept by the learning-record write path in the same transaction as each
/// record (design.md §7), so that reading an indicator is a sum over regions, never a scan
/// of records.
final class IndicatorTally: Model, @unchecked Sendable {
    static let schema = "indicator_tallies"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "indicator_code") var indicatorCode: String
    @Field(key: "year") var year: Int
    @Field(key: "region_code") var regionCode: String
    @Field(key: "count") var count: Int

    init() {}
    init(indicatorCode: String, year: Int, regionCode: String, count: Int) {
        self.indicatorCode = indicatorCode
        self.year = year
        self.regionCode = regionCode
        self.count = count
    }
}
