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
        // Works on ASCII bytes: imports parse a million of these, and Character-level String
        // work costs several times more. Anything that is not ASCII after mapping full-width
        // digits becomes a 0 byte, which fails every check below but still counts in the length.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(18)
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0xFF10...0xFF19: bytes.append(UInt8(scalar.value - 0xFF10 + 0x30))
            case 0xFF38, 0xFF58, 0x78: bytes.append(0x58) // full-width X, x and x → X
            case 0x20, 0x09, 0x3000, 0xA0: continue      // spaces, ideographic space
            case 0x61...0x7A: bytes.append(UInt8(scalar.value - 0x20))
            case 0..<0x80: bytes.append(UInt8(scalar.value))
            default: bytes.append(0)
            }
        }
        func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
        if bytes.count == 15 {
            guard bytes.allSatisfy(isDigit) else { throw .invalidCharacters }
            bytes.insert(contentsOf: [0x31, 0x39], at: 6)
            bytes.append(Self.checkByte(for: bytes))
        }
        guard bytes.count == 18 else { throw .wrongLength(bytes.count) }
        guard bytes[0..<17].allSatisfy(isDigit), isDigit(bytes[17]) || bytes[17] == 0x58 else { throw .invalidCharacters }
        guard RegionCode(String(decoding: bytes[0..<6], as: UTF8.self)) != nil else { throw .invalidRegion }
        guard Self.birthDate(in: bytes) != nil else { throw .invalidBirthDate }
        guard Self.checkByte(for: bytes) == bytes[17] else { throw .wrongCheckDigit }
        value = String(decoding: bytes, as: UTF8.self)
    }

    /// The area code the number was issued under (which may be an old code, e.g. 达县 511721).
    public var areaCode: RegionCode { RegionCode(String(value.prefix(6)))! }
    public var birthDate: LocalDate { Self.birthDate(in: Array(value.utf8))! }
    /// The 17th digit: odd for men, even for women.
    public var gender: Gender { Array(value.utf8)[16] % 2 == 1 ? .male : .female }

    /// `511702********123X`: area code and the last four characters.
    public var masked: String { String(value.prefix(6)) + String(repeating: "*", count: 8) + String(value.suffix(4)) }

    public var description: String { masked }

    /// ISO 7064 MOD 11-2 check character of 17 digits.
    static func checkCharacter(for body: String) -> Character {
        Character(Unicode.Scalar(checkByte(for: Array(body.utf8))))
    }

    /// The check character (as an ASCII byte) of the first 17 digits of `digits`.
    private static func checkByte(for digits: [UInt8]) -> UInt8 {
        let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
        var sum = 0
        for index in 0..<17 { sum += Int(digits[index] &- 0x30) * weights[index] }
        return Array("10X98765432".utf8)[sum % 11]
    }

    private static func birthDate(in bytes: [UInt8]) -> LocalDate? {
        func number(_ range: Range<Int>) -> Int { range.reduce(0) { $0 * 10 + Int(bytes[$1] &- 0x30) } }
        let (year, month, day) = (number(6..<10), number(10..<12), number(12..<14))
        guard (1900...2100).contains(year), (1...12).contains(month) else { return nil }
        let lengths = [31, LocalDate.isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard (1...lengths[month - 1]).contains(day) else { return nil }
        return LocalDate(year: year, month: month, day: day)
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
