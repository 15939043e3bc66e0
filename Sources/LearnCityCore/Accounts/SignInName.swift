/// What a sign-in form's user name may be written as in the audit log when it is not an
/// account: people type phone numbers and resident IDs there, and those must not be stored
/// in plaintext. Such names are masked; the throttle keeps only a keyed hash of them.
public enum SignInName {
    public static func masked(_ text: String) -> String {
        if let id = try? ResidentID(text) { return id.masked }
        if let phone = MobileNumber(text) { return phone.masked }
        let characters = Array(text)
        // Anything else that is not an account: the first character and the length say enough
        // to see a pattern (a sprayer, a typo) without keeping what was typed.
        guard let first = characters.first else { return "" }
        return String(first) + String(repeating: "*", count: min(max(characters.count - 1, 1), 16))
    }
}

/// How many accounts may claim one resident ID: a family may share a device or a number
/// may be mistyped, but an unlimited number lets anyone make sign-in by that ID slow.
public enum ResidentIDClaims {
    public static let limit = 3

    public static func mayClaim(existing: Int) -> Bool { existing < limit }
}
