import Foundation
import Testing
import VaporTesting
@testable import LearnCityApp

@Suite("JSON API")
struct APITests {
    struct Indicators: Decodable {
        struct Item: Decodable {
            var code: String; var name: String; var unit: String
            var value: Double?; var target: Double?; var numerator: Int?; var denominator: Int?
        }
        var year: Int; var region: String; var indicators: [Item]
    }

    struct ProblemBody: Decodable { var type: String; var title: String; var status: Int; var code: String; var field: String? }

    @Test("GET /api/v1/indicators returns the JSON of design.md §4, from the tallies")
    func indicators() async throws {
        try await withLearnCity { app in
            try await IndicatorTally(indicatorCode: "T4", year: 2014, regionCode: "511722", count: 51_000).create(on: app.db)
            try await IndicatorTally(indicatorCode: "T1", year: 2014, regionCode: "511781", count: 7).create(on: app.db)
            try await app.testing().test(.GET, "/api/v1/indicators?year=2014") { res in
                #expect(res.status == .ok)
                let body = try res.content.decode(Indicators.self)
                #expect(body.year == 2014 && body.region == "511700")
                #expect(body.indicators.map(\.code) == ["T1", "T2", "T3", "T4", "T5"])
                let t1 = body.indicators[0], t4 = body.indicators[3]
                #expect(t1.value == 7 && t1.target == 5000 && t1.unit == "people" && t1.numerator == nil)
                #expect(t4.unit == "rate" && t4.numerator == 51_000 && t4.denominator == 5_630_000)
                #expect(t4.value == 51_000.0 / 5_630_000.0)
                #expect(t4.target == 0.35)
            }
            // A county scope: its own tallies and its own population.
            try await app.testing().test(.GET, "/api/v1/indicators?year=2014&region=511722") { res in
                let body = try res.content.decode(Indicators.self)
                #expect(body.indicators[0].value == 0)
                #expect(body.indicators[3].numerator == 51_000 && body.indicators[3].denominator == 1_020_000)
                #expect(body.indicators[3].target == nil)
            }
        }
    }

    @Test("A rate without a population has value and denominator null, and says so in the JSON")
    func rateWithoutDenominator() async throws {
        try await withLearnCity { app in
            try await app.testing().test(.GET, "/api/v1/indicators?year=2013") { res in
                #expect(res.text.contains(#""denominator":null"#))
                #expect(res.text.contains(#""value":null"#))
            }
        }
    }

    @Test("Bad parameters are problem+json with a stable code, in the request's language",
          arguments: [("year=abc", 400, "invalid_parameter", "year"), ("region=12x", 400, "invalid_parameter", "region"),
                      ("region=999999", 404, "not_found", "region")])
    func badParameters(query: String, status: Int, code: String, field: String) async throws {
        try await withLearnCity { app in
            try await app.testing().test(.GET, "/api/v1/indicators?\(query)") { res in
                #expect(Int(res.status.code) == status)
                #expect(res.headers.first(name: .contentType)?.hasPrefix("application/problem+json") == true)
                let problem = try JSONDecoder().decode(ProblemBody.self, from: Data(res.text.utf8))
                #expect(problem.code == code && problem.status == status && problem.field == field)
                #expect(problem.type == "urn:learncity:problem:\(code)")
                #expect(problem.title.unicodeScalars.contains { $0.value >= 0x4E00 }) // Chinese by default
            }
            try await app.testing().test(.GET, "/api/v1/indicators?\(query)", headers: ["Accept-Language": "en"]) { res in
                let problem = try JSONDecoder().decode(ProblemBody.self, from: Data(res.text.utf8))
                #expect(!problem.title.unicodeScalars.contains { $0.value >= 0x4E00 })
            }
        }
    }

    @Test("Unknown API paths are problem+json 404; unknown pages are an HTML 404 page")
    func notFound() async throws {
        try await withLearnCity { app in
            try await app.testing().test(.GET, "/api/v1/nothing-here") { res in
                #expect(res.status == .notFound)
                #expect(res.text.contains(#""code":"not_found""#))
            }
            try await app.testing().test(.GET, "/nothing-here?lang=en") { res in
                #expect(res.status == .notFound)
                #expect(res.headers.contentType == .html)
                #expect(res.text.contains("No such page or record."))
            }
        }
    }

    @Test("Regions and organisations list the demo network")
    func network() async throws {
        struct Org: Decodable { var code: String; var kind: String; var depth: Int; var demonstration: Bool }
        try await withLearnCity { app in
            try await app.testing().test(.GET, "/api/v1/organisations?kind=college") { res in
                let orgs = try res.content.decode([Org].self)
                #expect(orgs.count == 6)
                #expect(orgs.allSatisfy { $0.kind == "college" && $0.depth == 2 })
            }
            try await app.testing().test(.GET, "/api/v1/organisations") { res in
                let orgs = try res.content.decode([Org].self)
                #expect(orgs.filter(\.demonstration).count == 10)
                #expect(orgs.first?.depth == 0)
            }
            try await app.testing().test(.GET, "/api/v1/organisations?kind=castle") { res in
                #expect(res.status == .badRequest)
            }
            try await app.testing().test(.GET, "/api/v1/regions") { res in
                #expect(res.text.contains(#""code":"511771""#) && res.text.contains(#""localCode":true"#))
            }
        }
    }

    @Test("The OpenAPI document describes every API route of the registry")
    func openAPI() async throws {
        try await withLearnCity { app in
            try await app.testing().test(.GET, "/api/openapi.json") { res in
                #expect(res.status == .ok)
                let json = try JSONSerialization.jsonObject(with: Data(res.text.utf8)) as? [String: Any]
                #expect(json?["openapi"] as? String == "3.1.0")
                let paths = json?["paths"] as? [String: Any] ?? [:]
                let apiEndpoints = app.learnCity.registry.endpoints.filter { $0.api != nil }
                #expect(!apiEndpoints.isEmpty)
                for endpoint in apiEndpoints {
                    let path = endpoint.url.pattern.replacingOccurrences(of: ":id", with: "{id}")
                    let operations = paths[path] as? [String: Any]
                    #expect(operations?[endpoint.method.rawValue.lowercased()] != nil, "\(endpoint.url.pattern)")
                }
                #expect(paths.count == Set(apiEndpoints.map(\.url.pattern)).count)
            }
        }
    }
}
