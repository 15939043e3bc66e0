/// The materialised path of an organisation: its ancestors' ids and its own, each zero-padded
/// so that sorting by path lists a tree in order (parents first, siblings by id), e.g.
/// `/00000001/00000012/`. A subtree is every path that starts with the root's path.
public enum OrganisationPath {
    public static let root = "/"

    public static func child(of parentPath: String, id: Int) -> String {
        let digits = String(id)
        return parentPath + String(repeating: "0", count: max(0, 8 - digits.count)) + digits + "/"
    }

    /// The depth of a path: 1 for a root organisation.
    public static func depth(of path: String) -> Int { path.split(separator: "/").count }

    public static func isInside(_ path: String, subtree root: String) -> Bool { path.hasPrefix(root) }
}
