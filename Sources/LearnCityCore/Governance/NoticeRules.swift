import Foundation

/// What the office may do to a notice it issued: correct its title and text (the units see it
/// marked as corrected, with the time), or withdraw it with a reason (it stays on record, marked
/// withdrawn, and no unit owes a receipt for it any more). A withdrawn notice is final.
public enum NoticeRules {
    public enum Problem: Error, Equatable, Sendable {
        case withdrawn, titleRequired, unchanged, reasonRequired
    }

    public struct Correction: Equatable, Sendable {
        public let title, body: String

        public init(title: String, body: String) { (self.title, self.body) = (title, body) }
    }

    public static let maxTitle = 200, maxBody = 20_000, maxReason = 500

    public static func correction(title: String, body: String, current: (title: String, body: String),
                                  withdrawn: Bool) -> Result<Correction, Problem> {
        guard !withdrawn else { return .failure(.withdrawn) }
        let title = String(title.trimmingCharacters(in: .whitespaces).prefix(maxTitle))
        let body = String(body.prefix(maxBody))
        guard !title.isEmpty else { return .failure(.titleRequired) }
        guard title != current.title || body != current.body else { return .failure(.unchanged) }
        return .success(Correction(title: title, body: body))
    }

    public static func withdrawal(reason: String, withdrawn: Bool) -> Result<String, Problem> {
        guard !withdrawn else { return .failure(.withdrawn) }
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { return .failure(.reasonRequired) }
        return .success(String(reason.prefix(maxReason)))
    }
}
