import Foundation
import LearnCityCore
import Vapor

/// `GET /api/v1/indicators?year=&region=` — the JSON of design.md §4.
enum IndicatorsAPI {
    struct Response: Content, APISchema {
        struct Item: Content {
            var code: String
            var name: String
            var unit: String
            var value: Double?
            var target: Double?
            var numerator: Int?
            var denominator: Int?
            var isRate: Bool

            enum CodingKeys: String, CodingKey { case code, name, unit, value, target, numerator, denominator }

            /// `value` and `target` are always present (null when unknown); rates also carry
            /// their numerator and denominator (design.md §4).
            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(code, forKey: .code)
                try container.encode(name, forKey: .name)
                try container.encode(unit, forKey: .unit)
                try container.encode(value, forKey: .value)
                try container.encode(target, forKey: .target)
                if isRate {
                    try container.encode(numerator, forKey: .numerator)
                    try container.encode(denominator, forKey: .denominator)
                }
            }

            init(from decoder: any Decoder) throws {
                let container = try decoder.container(keyedBy: CodingKeys.self)
                code = try container.decode(String.self, forKey: .code)
                name = try container.decode(String.self, forKey: .name)
                unit = try container.decode(String.self, forKey: .unit)
                value = try container.decodeIfPresent(Double.self, forKey: .value)
                target = try container.decodeIfPresent(Double.self, forKey: .target)
                numerator = try container.decodeIfPresent(Int.self, forKey: .numerator)
                denominator = try container.decodeIfPresent(Int.self, forKey: .denominator)
                isRate = unit == IndicatorDefinition.Unit.rate.rawValue
            }

            init(code: String, name: String, unit: String, value: Double?, target: Double?,
                 numerator: Int?, denominator: Int?, isRate: Bool) {
                (self.code, self.name, self.unit, self.value, self.target) = (code, name, unit, value, target)
                (self.numerator, self.denominator, self.isRate) = (numerator, denominator, isRate)
            }
        }
        var year: Int
        var region: String
        var indicators: [Item]

        static let schemaName = "IndicatorValues"
        static var schema: JSONValue {
            Schema.object([
                ("year", Schema.integer),
                ("region", Schema.string("GB/T 2260 code of the scope")),
                ("indicators", Schema.array(Schema.object([
                    ("code", Schema.string()),
                    ("name", Schema.string()),
                    ("unit", Schema.string(enum: ["people", "person-times", "rate"])),
                    ("value", ["type": ["number", "null"], "description": "count, or an unrounded fraction for rates; null without a denominator"]),
                    ("target", Schema.nullable("number")),
                    ("numerator", Schema.integer),
                    ("denominator", Schema.nullable("integer")),
                ], required: ["code", "name", "unit", "value", "target"]))),
            ], required: ["year", "region", "indicators"])
        }
    }

    static let doc = APIDoc(
        operationID: "getIndicators", summary: "Indicator values and targets for a year and region",
        tag: "indicators",
        parameters: [
            .init(name: "year", description: "Calendar year; defaults to the latest year with targets", required: false, schema: Schema.integer),
            .init(name: "region", description: "GB/T 2260 code; defaults to the city", required: false, schema: Schema.string()),
        ],
        response: Response.self, problems: [.invalidParameter, .notFound])

    @Sendable static func get(_ request: Request) async throws -> Vapor.Response {
        var year = try YearParameter.read(request)
        if year == nil {
            let today = request.today
            year = try await IndicatorQueries.defaultYear(notAfter: today.year, on: request.db)
        }
        let region = try await scope(request)
        let progress = try await IndicatorQueries.progress(year: year!, region: region, on: request.db)
        let body = Response(year: year!, region: region.rawValue, indicators: progress.map(item))
        return try await body.encodeResponse(for: request)
    }

    static func item(_ progress: IndicatorProgress) -> Response.Item {
        let isRate = progress.definition.unit == .rate
        return Response.Item(
            code: progress.definition.code, name: progress.definition.nameZh, unit: progress.definition.unit.rawValue,
            value: progress.value, target: progress.target,
            numerator: progress.numerator, denominator: progress.denominator, isRate: isRate)
    }

    /// `?region=` must be a known region; the default is the city.
    private static func scope(_ request: Request) async throws -> RegionCode {
        guard let text = request.query[String.self, at: "region"], !text.isEmpty else {
            guard let city = try await NetworkQueries.city(on: request.db)?.code else { throw AppError(.notFound) }
            return city
        }
        guard let code = RegionCode(text) else { throw AppError(.invalidParameter, detail: "region=\(text)", field: "region") }
        guard try await Region.find(code.rawValue, on: request.db) != nil else { throw AppError(.notFound, field: "region") }
        return code
    }
}
