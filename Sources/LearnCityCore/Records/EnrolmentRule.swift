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

/// The date a completion record carries. Staff often mark a course completed long after it
/// ended (a 2014 course marked in another year counted in that year's targets, not 2014's), so
/// the course's end date is the default; the date may be changed, but never to a day to come.
public enum CourseCompletionDate {
    public enum Problem: Error, Equatable, Sendable { case invalid, inFuture }

    /// The date to show on the participants page before anyone changes it.
    public static func suggested(courseEnd: LocalDate?, today: LocalDate) -> LocalDate {
        guard let courseEnd, courseEnd <= today else { return today }
        return courseEnd
    }

    /// `given` as typed (empty: the suggested date).
    public static func resolve(_ given: String?, courseEnd: LocalDate?, today: LocalDate) -> Result<LocalDate, Problem> {
        let text = CellText.normalise(given ?? "")
        if text.isEmpty { return .success(suggested(courseEnd: courseEnd, today: today)) }
        guard let date = LocalDate.parse(text) else { return .failure(.invalid) }
        return date > today ? .failure(.inFuture) : .success(date)
    }
}
