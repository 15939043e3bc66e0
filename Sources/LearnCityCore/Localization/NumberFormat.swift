/// Number formatting for pages: exact integers with thousands separators, rates to one decimal
/// of a percent (design.md §3). Written by hand so that output does not depend on the
/// machine's locale data.
public enum NumberFormat {
    /// `1234567` → `1,234,567`.
    public static func integer(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (index, character) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(character)
        }
        return value < 0 ? "-" + out : out
    }

    /// `0.01234` → `1.2%`; rounds half away from zero.
    public static func percent(_ fraction: Double) -> String {
        let tenths = (fraction * 1000).rounded(.toNearestOrAwayFromZero)
        let whole = Int(tenths) / 10
        let decimal = abs(Int(tenths) % 10)
        let sign = tenths < 0 && whole == 0 ? "-" : ""
        return "\(sign)\(integer(whole)).\(decimal)%"
    }
}
