import Foundation

/// What a `Range` request header asks of a file of `size` bytes (RFC 9110 §14), so that players
/// seek in library files and attachments. One range is served; a header that is not one valid
/// `bytes=` range is ignored (the whole file, as the RFC allows), and a range that starts past the
/// end is unsatisfiable (416 with `Content-Range: bytes */size`).
public enum ByteRange: Equatable, Sendable {
    /// No usable Range header: 200 with every byte.
    case whole
    /// 206 with these bytes (offsets of the first and last, both inside the file).
    case partial(ClosedRange<Int>)
    /// 416.
    case unsatisfiable

    public static func resolve(_ header: String?, size: Int) -> ByteRange {
        guard let header else { return .whole }
        let text = header.trimmingCharacters(in: .whitespaces)
        guard text.lowercased().hasPrefix("bytes="), size >= 0 else { return .whole }
        let spec = text.dropFirst(6).trimmingCharacters(in: .whitespaces)
        // Several ranges would need a multipart answer; serving every byte is allowed instead.
        guard !spec.contains(","), let dash = spec.firstIndex(of: "-") else { return .whole }
        let first = spec[..<dash].trimmingCharacters(in: .whitespaces)
        let last = spec[spec.index(after: dash)...].trimmingCharacters(in: .whitespaces)
        func number(_ digits: String) -> Int? {
            guard !digits.isEmpty, digits.allSatisfy(\.isASCIIDigit) else { return nil }
            return Int(digits) ?? .max   // more digits than Int holds: past any end
        }
        if first.isEmpty {
            // `-n`: the last n bytes, or all of a file shorter than n.
            guard let count = number(last) else { return .whole }
            guard count > 0, size > 0 else { return .unsatisfiable }
            return .partial(max(0, size - count)...(size - 1))
        }
        guard let start = number(first) else { return .whole }
        var end = size - 1
        if !last.isEmpty {
            guard let asked = number(last) else { return .whole }
            guard asked >= start else { return .whole }   // `5-3` is not a range: ignored
            end = min(asked, size - 1)
        }
        guard start < size else { return .unsatisfiable }
        return .partial(start...end)
    }

    /// The `Content-Range` of the answer, or nil for the whole file.
    public func contentRange(size: Int) -> String? {
        switch self {
        case .whole: nil
        case .partial(let bytes): "bytes \(bytes.lowerBound)-\(bytes.upperBound)/\(size)"
        case .unsatisfiable: "bytes */\(size)"
        }
    }

    /// The bytes to send: offset and count.
    public func bounds(size: Int) -> (offset: Int, count: Int) {
        switch self {
        case .whole: (0, size)
        case .partial(let bytes): (bytes.lowerBound, bytes.count)
        case .unsatisfiable: (0, 0)
        }
    }
}
