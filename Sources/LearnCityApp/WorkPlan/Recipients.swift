import Fluent
import LearnCityCore
import Vapor

/// The units a notice, a meeting or a report form goes to: the units ticked (`units[]`) plus
/// every unit of the shortcut groups ticked (`group[]`, e.g. `kind:member_unit`). The server
/// expands the groups so the shortcuts work without JavaScript; all three forms call `resolve`
/// so they agree on what a group means.
enum Recipients {
    struct Shortcut: Sendable {
        let value: String
        let kinds: [OrganisationKind]
        let label: @Sendable (RecipientStrings) -> String
    }

    static let shortcuts: [Shortcut] = [
        .init(value: "kind:member_unit", kinds: [.memberUnit], label: { $0.memberUnits }),
        .init(value: "kind:county_leadership", kinds: [.countyLeadership], label: { $0.counties }),
        .init(value: "kind:college", kinds: [.college], label: { $0.colleges }),
        .init(value: "kind:centre", kinds: [.communityCentre, .villageCentre, .enterpriseCentre],
              label: { $0.centres }),
    ]

    /// The shortcuts a form offers: only those naming a kind the form may address, so a form
    /// never shows a group that would add nobody (notices, for one, do not go to centres).
    static func offered(_ allowed: [OrganisationKind]) -> [Shortcut] {
        shortcuts.filter { !Set($0.kinds).isDisjoint(with: allowed) }
    }

    /// (value, label) pairs for `FormFields.checkboxes`.
    static func options(_ allowed: [OrganisationKind], _ strings: RecipientStrings) -> [(String, String)] {
        offered(allowed).map { ($0.value, $0.label(strings)) }
    }

    /// The open units of the `allowed` kinds that were ticked or belong to a ticked group, in
    /// the tree's order; nil when a posted group is not one this form offers (a forged value),
    /// so the caller answers 422 rather than quietly sending to fewer units than meant.
    static func resolve(units: [Int]?, groups: [String]?, allowed: [OrganisationKind],
                        on db: any Database) async throws -> [Organisation]? {
        let offered = offered(allowed)
        var kinds: Set<OrganisationKind> = []
        for value in groups ?? [] {
            guard let shortcut = offered.first(where: { $0.value == value }) else { return nil }
            kinds.formUnion(shortcut.kinds)
        }
        let ticked = Set(units ?? [])
        return try await Organisation.query(on: db).filter(\.$kind ~~ allowed).filter(\.$closedAt == nil)
            .sort(\.$path).all()
            .filter { kinds.contains($0.kind) || ticked.contains($0.id ?? -1) }
    }
}
