/// An administrative division code of GB/T 2260 (six digits, e.g. `511722` 宣汉县).
///
/// The code itself carries its level: `51 00 00` is a province, `51 17 00` a prefecture
/// (a city such as 达州市), `51 17 22` a county-level division. A city may also use local
/// codes for areas that have no national code (an economic development zone); those follow
/// the same shape so that prefix rules keep working.
public struct RegionCode: Hashable, Sendable, Comparable, CustomStringConvertible, Codable {
    public let rawValue: String

    public enum Level: Int, Sendable, Codable { case province = 1, prefecture = 2, county = 3 }

    /// Accepts exactly six ASCII digits whose province part is not `00`.
    public init?(_ text: String) {
        guard text.count == 6, text.allSatisfy({ $0.isASCII && $0.isNumber }),
              !text.hasPrefix("00") else { return nil }
        rawValue = text
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let code = RegionCode(text) else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath, debugDescription: "not a GB/T 2260 code: \(text)"))
        }
        self = code
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var level: Level {
        if rawValue.hasSuffix("0000") { return .province }
        if rawValue.hasSuffix("00") { return .prefecture }
        return .county
    }

    /// The code of the division this one belongs to, or nil for a province.
    public var parent: RegionCode? {
        switch level {
        case .province: return nil
        case .prefecture: return RegionCode(String(rawValue.prefix(2)) + "0000")
        case .county: return RegionCode(String(rawValue.prefix(4)) + "00")
        }
    }

    /// True when `other` is this division or lies inside it.
    public func contains(_ other: RegionCode) -> Bool {
        switch level {
        case .province: return other.rawValue.hasPrefix(rawValue.prefix(2))
        case .prefecture: return other.rawValue.hasPrefix(rawValue.prefix(4))
        case .county: return other == self
        }
    }

    /// The `LIKE` pattern that selects this division and everything inside it, for queries
    /// over columns that store region codes.
    public var subtreePattern: String {
        switch level {
        case .province: return String(rawValue.prefix(2)) + "%"
        case .prefecture: return String(rawValue.prefix(4)) + "%"
        case .county: return rawValue
        }
    }

    /// The prefix every code inside this division starts with (a county: its whole code).
    public var subtreePrefix: String {
        switch level {
        case .province: return String(rawValue.prefix(2))
        case .prefecture: return String(rawValue.prefix(4))
        case .county: return rawValue
        }
    }

    public var description: String { rawValue }
    public static func < (lhs: RegionCode, rhs: RegionCode) -> Bool { lhs.rawValue < rhs.rawValue }
}
