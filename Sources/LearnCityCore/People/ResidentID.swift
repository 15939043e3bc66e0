/// A resident identity number (居民身份证号码, GB 11643): 17 digits and a check character.
///
/// Parsing accepts what people type and offices send: surrounding spaces, full-width digits
/// (１２３), a lower-case `x`, and the old 15-digit form (converted by inserting the century
/// `19` and computing the check character). It checks the region part's shape, the birth date
/// and the check character, and says which one is wrong.
public struct ResidentID: Hashable, Sendable, CustomStringConvertible {
    /// The canonical 18-character form (upper-case `X`).
    public let value: String

    public enum Problem: Error, Equatable, Sendable {
        case wrongLength(Int)
        case invalidCharacters
        case invalidRegion
        case invalidBirthDate
        case wrongCheckDigit
    }

    public enum Gender: String, Sendable, Codable { case male, female }

    public init(_ text: String) throws(Problem) {
        var normalised = ""
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0xFF10...0xFF19: normalised.unicodeScalars.append(Unicode.Scalar(scalar.value - 0xFF10 + 0x30)!)
            case 0xFF38, 0xFF58: normalised.append("X") // full-width X, x
            case 0x20, 0x09, 0x3000, 0xA0: continue     // spaces, ideographic space
            default: normalised.unicodeScalars.append(scalar)
            }
        }
        normalised = normalised.uppercased()
        if normalised.count == 15 {
            guard normalised.allSatisfy(\.isASCIIDigit) else { throw .invalidCharacters }
            let body = String(normalised.prefix(6)) + "19" + String(normalised.dropFirst(6))
            normalised = body + String(Self.checkCharacter(for: body))
        }
        guard normalised.count == 18 else { throw .wrongLength(normalised.count) }
        let body = normalised.prefix(17)
        guard body.allSatisfy(\.isASCIIDigit), let last = normalised.last, last.isASCIIDigit || last == "X" else {
            throw .invalidCharacters
        }
        guard RegionCode(String(normalised.prefix(6))) != nil else { throw .invalidRegion }
        guard Self.birthDate(in: normalised) != nil else { throw .invalidBirthDate }
        guard Self.checkCharacter(for: String(body)) == last else { throw .wrongCheckDigit }
        value = normalised
    }

    /// The area code the number was issued under (which may be an old code, e.g. 达县 511721).
    public var areaCode: RegionCode { RegionCode(String(value.prefix(6)))! }
    public var birthDate: LocalDate { Self.birthDate(in: value)! }
    /// The 17th digit: odd for men, even for women.
    public var gender: Gender { Int(String(Array(value)[16]))! % 2 == 1 ? .male : .female }

    /// `511702********123X`: area code and the last four characters.
    public var masked: String { String(value.prefix(6)) + String(repeating: "*", count: 8) + String(value.suffix(4)) }

    public var description: String { masked }

    /// ISO 7064 MOD 11-2 check character of 17 digits.
    static func checkCharacter(for body: String) -> Character {
        let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
        let sum = zip(body, weights).reduce(0) { $0 + Int(String($1.0))! * $1.1 }
        return Array("10X98765432")[sum % 11]
    }

    private static func birthDate(in value: String) -> LocalDate? {
        let characters = Array(value)
        guard let year = Int(String(characters[6..<10])), let month = Int(String(characters[10..<12])),
              let day = Int(String(characters[12..<14])), (1900...2100).contains(year), (1...12).contains(month)
        else { return nil }
        let lengths = [31, LocalDate.isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard (1...lengths[month - 1]).contains(day) else { return nil }
        return LocalDate(year: year, month: month, day: day)
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
