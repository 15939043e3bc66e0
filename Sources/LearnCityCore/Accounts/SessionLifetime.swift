import Foundation

/// How long a signed-in session lives on the server, whatever the cookie says: it ends after
/// `idle` without a request and `absolute` after sign-in. The last-seen time is written back
/// only when it is `refresh` old, so a page view does not cost a database write.
public struct SessionLifetime: Sendable, Equatable {
    public var idle: TimeInterval
    public var absolute: TimeInterval
    public var refresh: TimeInterval

    public static let standard = SessionLifetime(idle: 2 * 3600, absolute: 12 * 3600, refresh: 5 * 60)

    public init(idle: TimeInterval, absolute: TimeInterval, refresh: TimeInterval) {
        self.idle = idle
        self.absolute = absolute
        self.refresh = refresh
    }

    public enum Verdict: Equatable, Sendable {
        /// Still valid; nothing to write.
        case valid
        /// Still valid; record `now` as last seen (it is `refresh` old).
        case touch
        /// Ended: sign out. A session without timestamps (made before they existed) has ended too.
        case expired
    }

    public func verdict(signedInAt: Date?, lastSeen: Date?, now: Date) -> Verdict {
        guard let signedInAt, let lastSeen else { return .expired }
        if now.timeIntervalSince(signedInAt) >= absolute || now.timeIntervalSince(lastSeen) >= idle { return .expired }
        return now.timeIntervalSince(lastSeen) >= refresh ? .touch : .valid
    }
}
