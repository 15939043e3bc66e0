/// A mainland mobile number (`^1[3-9]\d{9}$`), accepting full-width digits, spaces, dashes and
/// a `+86` prefix as typed.
public struct MobileNumber: Hashable, Sendable {
    public let value: String

    public init?(_ text: String) {
        var digits = ""
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x30...0x39: digits.unicodeScalars.append(scalar)
            case 0xFF10...0xFF19: digits.unicodeScalars.append(Unicode.Scalar(scalar.value - 0xFF10 + 0x30)!)
            case 0x20, 0x2D, 0x3000, 0x2B: continue // space, dash, ideographic space, plus
            default: return nil
            }
        }
        if digits.count == 13, digits.hasPrefix("86") { digits.removeFirst(2) }
        let characters = Array(digits)
        guard characters.count == 11, characters[0] == "1", ("3"..."9").contains(characters[1]) else { return nil }
        value = digits
    }

    /// `138****5678`.
    public var masked: String { String(value.prefix(3)) + "****" + String(value.suffix(4)) }
}
