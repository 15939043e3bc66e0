import Crypto
import Foundation

/// A learning record's idempotency key (design.md §4), namespaced by its source: the same
/// record arriving twice from its source is stored once, while look-alike records from
/// different sources stay apart (and are listed for a person to decide).
public enum RecordKey {
    /// `namespace` names the source: the provider's organisation, else the importing one
    /// (`org:12`), or a path inside LearnCity (`enrolment`, `online`). With the source's own
    /// record id the key is that id; without one it is a hash of what makes the record itself.
    /// `person` is the person's keyed resident-ID hash: known before a new person has an id.
    public static func make(namespace: String, sourceID: String?, person: String, kind: RecordKind,
                            course: String?, provider: String?, date: LocalDate) -> String {
        if let sourceID, !sourceID.isEmpty { return namespace + "|id|" + sourceID }
        let content = [person, kind.rawValue, course ?? "", provider ?? "", date.iso].joined(separator: "\u{1F}")
        return namespace + "|h|" + Hex.encode(SHA256.hash(data: Data(content.utf8)))
    }
}

extension RecordKey {
    /// The source part of a key (`org:3`, `enrolment`, …).
    public static func namespace(of key: String) -> String {
        key.range(of: "|").map { String(key[..<$0.lowerBound]) } ?? key
    }
}

extension LocalDate {
    /// A date as offices write it: `2014-07-01`, `2014/7/1`, `2014.7.1`, `2014年7月1日`,
    /// `20140701`; nil when it is not a real date.
    public static func parse(_ text: String) -> LocalDate? {
        var parts: [Int] = []
        var current: Int?
        var digits = 0
        for scalar in text.unicodeScalars {
            if scalar.value >= 0x30 && scalar.value <= 0x39 {
                current = (current ?? 0) * 10 + Int(scalar.value - 0x30)
                digits += 1
            } else if scalar.value >= 0xFF10 && scalar.value <= 0xFF19 {
                current = (current ?? 0) * 10 + Int(scalar.value - 0xFF10)
                digits += 1
            } else if "-/.年月日 ".unicodeScalars.contains(scalar) {
                if let value = current { parts.append(value); current = nil }
            } else {
                return nil
            }
        }
        if let value = current { parts.append(value) }
        if parts.count == 1, digits == 8, let only = parts.first {
            parts = [only / 10_000, only / 100 % 100, only % 100]
        }
        guard parts.count == 3 else { return nil }
        let (year, month, day) = (parts[0], parts[1], parts[2])
        guard (1900...2100).contains(year), (1...12).contains(month) else { return nil }
        let lengths = [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard (1...lengths[month - 1]).contains(day) else { return nil }
        return LocalDate(year: year, month: month, day: day)
    }
}
