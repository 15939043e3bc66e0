/// Registrations that may be one human under two resident IDs (a mistyped digit, an old
/// number): the same name and birth date, or the same phone. People sharing either key, directly
/// or through someone else, form one group, so an admin decides about them together.
public enum DuplicateGroups {
    public struct Entry: Sendable, Equatable {
        public var id: Int
        public var name: String
        public var birthDate: String
        public var phoneHash: String?

        public init(id: Int, name: String, birthDate: String, phoneHash: String?) {
            (self.id, self.name, self.birthDate, self.phoneHash) = (id, name, birthDate, phoneHash)
        }
    }

    public enum Reason: String, Sendable { case nameAndBirthDate, phone }

    public struct Group: Sendable, Equatable {
        /// Ids in ascending order (the oldest registration first).
        public var ids: [Int]
        public var reasons: Set<Reason>
    }

    public static func find(_ entries: [Entry]) -> [Group] {
        var parent = Dictionary(uniqueKeysWithValues: entries.map { ($0.id, $0.id) })
        func root(_ id: Int) -> Int {
            var id = id
            while let next = parent[id], next != id { parent[id] = parent[next]; id = next }
            return id
        }
        var reasons: [Int: Set<Reason>] = [:]
        func join(_ ids: [Int], _ reason: Reason) {
            guard ids.count > 1 else { return }
            for id in ids.dropFirst() { parent[root(id)] = root(ids[0]) }
            for id in ids { reasons[id, default: []].insert(reason) }
        }
        for ids in Dictionary(grouping: entries, by: { $0.name + "\u{1F}" + $0.birthDate }).values { join(ids.map(\.id), .nameAndBirthDate) }
        for (hash, ids) in Dictionary(grouping: entries, by: { $0.phoneHash ?? "" }) where !hash.isEmpty { join(ids.map(\.id), .phone) }
        let members = Dictionary(grouping: entries.map(\.id), by: root).values.filter { $0.count > 1 }
        return members.map { ids in
            Group(ids: ids.sorted(), reasons: ids.reduce(into: Set<Reason>()) { $0.formUnion(reasons[$1] ?? []) })
        }.sorted { $0.ids[0] < $1.ids[0] }
    }
}
