/// What a new password must be. Length is what matters; composition rules make passwords
/// harder to remember without making them harder to guess.
public enum PasswordPolicy {
    public static let minimumLength = 10

    public enum Problem: Equatable, Sendable { case tooShort, differs }

    public static func check(_ password: String, confirmation: String) -> Problem? {
        if password.count < minimumLength { return .tooShort }
        if password != confirmation { return .differs }
        return nil
    }
}
