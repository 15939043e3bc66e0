/// What an API token may do, chosen when it is created. A token never opens pages (only
/// `/api/` routes), never creates tokens, and sees plaintext personal data only with `reveal`.
public enum TokenScope: String, CaseIterable, Codable, Sendable, Comparable {
    case read, write, reveal

    /// Offered, checked, on the creation form; `reveal` is never a default.
    public static let defaults: Set<TokenScope> = [.read]

    /// The scope a call needs: unmasking personal data needs `reveal`, any state-changing
    /// method `write`, everything else `read`.
    public static func required(changesState: Bool, permission: Permission?) -> TokenScope {
        if permission == .revealPersonalData { return .reveal }
        return changesState ? .write : .read
    }

    /// The stored form: sorted raw values, comma-separated.
    public static func text(_ scopes: Set<TokenScope>) -> String {
        scopes.sorted().map(\.rawValue).joined(separator: ",")
    }

    /// Parses the stored form; unknown names are dropped (a token never gains by a typo).
    public static func parse(_ text: String) -> Set<TokenScope> {
        Set(text.split(separator: ",").compactMap { TokenScope(rawValue: $0.trimmingCharacters(in: .whitespaces)) })
    }

    public static func < (lhs: TokenScope, rhs: TokenScope) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
