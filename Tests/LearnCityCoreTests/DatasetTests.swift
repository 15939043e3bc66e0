import Foundation
import Testing
@testable import LearnCityCore

@Suite("CityDataset")
struct DatasetTests {
    static let demoFile = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/LearnCityApp/Resources/demo/dazhou-2014.json")

    func demo() throws -> CityDataset {
        try JSONDecoder().decode(CityDataset.self, from: Data(contentsOf: Self.demoFile))
    }

    @Test("The demo city is valid: one university, six colleges, ten demonstration centres, T1–T5")
    func demoCity() throws {
        let dataset = try demo()
        #expect(dataset.validate() == [])
        #expect(dataset.organisations.filter { $0.kind == .university }.count == 1)
        #expect(dataset.organisations.filter { $0.kind == .college }.count == 6)
        #expect(dataset.organisations.filter { $0.demonstration == true && $0.kind.isCentre }.count == 10)
        #expect(dataset.targets.map(\.value) == [5000, 10000, 1_000_000, 0.35, 0.25])
        #expect(Set(dataset.populations.map(\.region)) == Set(dataset.regions.map(\.code)))
    }

    @Test("Mistakes are found before loading")
    func mistakes() throws {
        var dataset = try demo()
        dataset.organisations[3].parent = "NOPE"
        dataset.organisations.append(dataset.organisations[0])
        dataset.targets.append(.init(indicator: "T9", year: 2014, region: RegionCode("511700")!, value: 1))
        dataset.regions.append(.init(code: RegionCode("110101")!, nameZh: "东城区", nameEn: "Dongcheng", localCode: nil))
        let problems = dataset.validate()
        #expect(problems.contains { $0.contains("unknown parent NOPE") })
        #expect(problems.contains { $0.contains("duplicate organisation") })
        #expect(problems.contains { $0.contains("unknown indicator T9") })
        #expect(problems.contains { $0.contains("110101 is not inside") })
    }

    @Test("A cycle in the tree is reported")
    func cycle() throws {
        var dataset = try demo()
        let first = dataset.organisations.firstIndex { $0.code == "CEU" }!
        dataset.organisations[first].parent = "CEC-511722"
        #expect(dataset.organisationsInTreeOrder() == nil)
        #expect(dataset.validate().contains { $0.contains("cycle") })
    }

    @Test("Tree order puts parents first")
    func order() throws {
        let ordered = try #require(try demo().organisationsInTreeOrder())
        var seen = Set<String>()
        for org in ordered {
            if let parent = org.parent { #expect(seen.contains(parent)) }
            seen.insert(org.code)
        }
    }

    @Test("Organisation paths sort as a tree")
    func paths() {
        let root = OrganisationPath.child(of: OrganisationPath.root, id: 1)
        let ten = OrganisationPath.child(of: root, id: 10), two = OrganisationPath.child(of: root, id: 2)
        #expect(root == "/00000001/" && OrganisationPath.depth(of: ten) == 2)
        #expect([ten, two, root].sorted() == [root, two, ten])
        #expect(OrganisationPath.isInside(ten, subtree: root) && !OrganisationPath.isInside(root, subtree: ten))
    }
}

@Suite("DatabaseLocation")
struct DatabaseLocationTests {
    @Test("postgres:// URLs")
    func parse() throws {
        let address = try DatabaseLocation.parse(databaseURL: "postgres://lc:p%40ss@db.local:5433/learncity?sslmode=require&schema=city_a")
        #expect(address.host == "db.local" && address.port == 5433 && address.username == "lc")
        #expect(address.password == "p@ss" && address.database == "learncity" && address.requiresTLS)
        #expect(address.schema == "city_a")
        #expect(address.redacted == "postgres://lc@db.local:5433/learncity")
        let plain = try DatabaseLocation.parse(databaseURL: "postgresql://u@localhost/db")
        #expect(plain.port == 5432 && plain.password == nil && !plain.requiresTLS && plain.schema == nil)
    }

    @Test("Malformed URLs say what is wrong", arguments: [
        "sqlite:///tmp/x", "postgres://u@host", "postgres://host/db", "postgres://u@/db", "not a url at all",
        "postgres://u@host:99999/db", "postgres://u@host/db?schema=Bad-Name",
    ])
    func malformed(url: String) {
        #expect(throws: DatabaseLocation.ParseError.self) { try DatabaseLocation.parse(databaseURL: url) }
    }
}
