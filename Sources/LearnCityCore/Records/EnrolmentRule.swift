/// Whether a person can take a place on a course now.
public enum EnrolmentRule {
    public enum Problem: Error, Equatable, Sendable {
        case notOpen        // closed or finished
        case full           // no seats left
        case alreadyEnrolled
    }

    /// `capacity` nil: no limit. `taken`: places held (enrolled or completed).
    public static func check(open: Bool, capacity: Int?, taken: Int, alreadyEnrolled: Bool) -> Problem? {
        if alreadyEnrolled { return .alreadyEnrolled }
        if !open { return .notOpen }
        if let capacity, taken >= capacity { return .full }
        return nil
    }

    /// Seats left, or nil when the course has no limit.
    public static func seatsLeft(capacity: Int?, taken: Int) -> Int? { capacity.map { max(0, $0 - taken) } }
}
