import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An IPv4 or IPv6 network written as an address (`10.0.0.5`, `::1`) or a CIDR block
/// (`10.0.0.0/8`, `fd00::/8`): the proxies whose `X-Forwarded-For` we believe.
public struct AddressRange: Sendable, Equatable, CustomStringConvertible {
    public let network: [UInt8]
    public let prefixLength: Int

    public struct Invalid: Error, Equatable, Sendable { public var text: String }

    public init(_ text: String) throws(Invalid) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let parts = trimmed.split(separator: "/", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let bytes = AddressRange.bytes(of: String(parts[0])) else {
            throw Invalid(text: text)
        }
        let bits = bytes.count * 8
        var length = bits
        if parts.count == 2 {
            guard let given = Int(parts[1]), (0...bits).contains(given), parts[1].allSatisfy(\.isASCII) else {
                throw Invalid(text: text)
            }
            length = given
        }
        network = AddressRange.masked(bytes, length)
        prefixLength = length
    }

    /// Whether `address` (textual IPv4 or IPv6) lies in this range. IPv4-mapped IPv6
    /// addresses (`::ffff:10.0.0.1`) count as their IPv4 address.
    public func contains(_ address: String) -> Bool {
        guard let bytes = AddressRange.bytes(of: address), bytes.count == network.count else { return false }
        return AddressRange.masked(bytes, prefixLength) == network
    }

    public var description: String {
        "\(network.count == 4 ? network.map(String.init).joined(separator: ".") : "ipv6")/\(prefixLength)"
    }

    /// A comma-separated list (`LEARNCITY_TRUSTED_PROXIES`); empty text is an empty list.
    public static func list(_ text: String) throws(Invalid) -> [AddressRange] {
        var ranges: [AddressRange] = []
        for item in text.split(separator: ",") where !item.trimmingCharacters(in: .whitespaces).isEmpty {
            ranges.append(try AddressRange(String(item)))
        }
        return ranges
    }

    /// The address's bytes (4 or 16), or nil when it is not an IP address.
    public static func bytes(of text: String) -> [UInt8]? {
        var text = text.trimmingCharacters(in: .whitespaces)
        // `[::1]` as some proxies write it; a zone (`fe80::1%eth0`) is not part of the address.
        if text.hasPrefix("["), text.hasSuffix("]") { text = String(text.dropFirst().dropLast()) }
        if let zone = text.firstIndex(of: "%") { text = String(text[..<zone]) }
        guard !text.isEmpty, text.count <= 45 else { return nil }
        var v4 = in_addr()
        if inet_pton(AF_INET, text, &v4) == 1 { return withUnsafeBytes(of: &v4) { Array($0) } }
        var v6 = in6_addr()
        guard inet_pton(AF_INET6, text, &v6) == 1 else { return nil }
        let bytes = withUnsafeBytes(of: &v6) { Array($0) }
        let mappedIPv4 = bytes.prefix(10).allSatisfy { $0 == 0 } && bytes[10] == 0xff && bytes[11] == 0xff
        if mappedIPv4 { return Array(bytes.suffix(4)) }
        return bytes
    }

    private static func masked(_ bytes: [UInt8], _ length: Int) -> [UInt8] {
        bytes.enumerated().map { index, byte in
            let keep = min(8, max(0, length - index * 8))
            return keep == 8 ? byte : byte & ~(UInt8(0xff) >> keep)
        }
    }
}

/// Who sent a request, for throttles and the audit log (design.md §5).
///
/// `X-Forwarded-For` is written by whoever sent the request, so only the hops that trusted
/// proxies appended are believed: starting from the peer, as long as the address we are
/// looking at is a trusted proxy, the hop it reports (the header's next entry from the right)
/// becomes the candidate. The first untrusted address is the client. Entries left of it were
/// written by the client and are never used; with no trusted proxies the peer is the client.
public enum ClientAddress {
    public static func resolve(peer: String?, forwardedFor headers: [String], trusted: [AddressRange]) -> String {
        guard let peer, !peer.isEmpty else { return "-" }
        guard !trusted.isEmpty else { return peer }
        let hops = headers.flatMap { $0.split(separator: ",") }
            .map { $0.trimmingCharacters(in: .whitespaces) }
        var client = peer
        for hop in hops.reversed() {
            guard trusted.contains(where: { $0.contains(client) }) else { return client }
            // A trusted proxy passed on something that is not an address: it is the last one we can name.
            guard AddressRange.bytes(of: hop) != nil else { return client }
            client = hop
        }
        return client
    }
}
