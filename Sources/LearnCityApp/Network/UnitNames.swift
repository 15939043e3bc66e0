import Fluent
import Vapor

/// Units' names for a page, and their order: the organisation tree's (the materialised `path`),
/// which is how the office thinks of its units — never the code points of the names, which put
/// 万源市 before 大竹县 and a county before the city's departments.
struct UnitNames: Sendable {
    private let names: [Int: String]
    private let rank: [Int: Int]

    static func load(_ ids: [Int], _ request: Request) async throws -> UnitNames {
        let units = try await Organisation.query(on: request.db).filter(\.$id ~~ Array(Set(ids))).sort(\.$path).all()
        var names: [Int: String] = [:], rank: [Int: Int] = [:]
        for (index, unit) in units.enumerated() {
            guard let id = unit.id else { continue }
            (names[id], rank[id]) = (unit.name(request.language), index)
        }
        return UnitNames(names: names, rank: rank)
    }

    subscript(id: Int) -> String? { names[id] }

    /// The rows in their units' tree order; rows of unknown units last, as they came.
    func ordered<T>(_ rows: [T], unit: (T) -> Int) -> [T] {
        rows.enumerated().sorted { a, b in
            (rank[unit(a.element)] ?? .max, a.offset) < (rank[unit(b.element)] ?? .max, b.offset)
        }.map(\.element)
    }

    /// The names of these units in tree order.
    func names(of ids: [Int]) -> [String] { ordered(ids) { $0 }.compactMap { names[$0] } }
}
