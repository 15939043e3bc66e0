import Foundation

/// Decodes a text file as offices save it: UTF-8 with or without a BOM, or GB18030/GBK (what
/// Chinese Excel writes for "CSV"). UTF-8 is tried first because valid UTF-8 is almost never
/// valid GB18030 by accident, while the reverse is common.
public enum TextDecoding {
    public enum Encoding: String, Sendable { case utf8 = "UTF-8", gb18030 = "GB18030" }

    /// GB18030 on Foundation for Linux (`kCFStringEncodingGB_18030_2000` as an NSStringEncoding).
    static let gb18030 = String.Encoding(rawValue: 0x8000_0632)

    public static func decode(_ data: Data) -> (text: String, encoding: Encoding)? {
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if let text = String(data: bytes, encoding: .utf8) { return (text, .utf8) }
        if let text = String(data: data, encoding: gb18030) { return (text, .gb18030) }
        return nil
    }
}

/// Cell text as people type it: full-width digits and letters made ASCII, spaces (including the
/// ideographic space and no-break space) trimmed.
public enum CellText {
    public static func normalise(_ text: String) -> String {
        // Hot in imports (every cell of every row): no Foundation, and no copy when the text
        // is already clean.
        var clean = true
        for scalar in text.unicodeScalars where scalar.value >= 0xFF01 || scalar.value == 0x3000 || scalar.value == 0x00A0 || scalar.value <= 0x20 {
            clean = false
            break
        }
        if clean { return text }
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0xFF01...0xFF5E: out.append(Unicode.Scalar(scalar.value - 0xFEE0)!) // full-width ASCII
            case 0x3000, 0x00A0, 0x09, 0x0A, 0x0D, 0x0B, 0x0C: out.append(" ")
            default: out.append(scalar)
            }
        }
        let start = out.firstIndex { $0 != " " } ?? out.endIndex
        let end = out.lastIndex { $0 != " " }.map { $0 + 1 } ?? start
        var result = String.UnicodeScalarView()
        result.append(contentsOf: out[start..<max(start, end)])
        return String(result)
    }
}
