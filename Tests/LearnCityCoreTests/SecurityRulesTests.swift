import Foundation
import Testing
@testable import LearnCityCore

@Suite("Client address behind trusted proxies")
struct ClientAddressTests {
    @Test("Addresses and CIDR blocks, IPv4 and IPv6, are parsed; anything else is refused")
    func parsing() throws {
        #expect(try AddressRange("10.0.0.0/8").contains("10.200.3.4"))
        #expect(try !AddressRange("10.0.0.0/8").contains("11.0.0.1"))
        #expect(try AddressRange("192.168.1.7").contains("192.168.1.7"))
        #expect(try !AddressRange("192.168.1.7").contains("192.168.1.8"))
        #expect(try AddressRange("fd00::/8").contains("fd12:3456::1"))
        #expect(try AddressRange("::1").contains("[::1]"))
        // An IPv4-mapped IPv6 peer is its IPv4 address.
        #expect(try AddressRange("127.0.0.1").contains("::ffff:127.0.0.1"))
        #expect(try AddressRange("0.0.0.0/0").contains("8.8.8.8"))
        for bad in ["", "10.0.0.0/33", "10.0.0/8", "proxy.local", "10.0.0.1/x", "::1/129", "1.2.3.4/-1"] {
            #expect(throws: AddressRange.Invalid.self, "\(bad)") { try AddressRange(bad) }
        }
        #expect(try AddressRange.list(" 127.0.0.1 , 10.0.0.0/8,").count == 2)
        #expect(try AddressRange.list("").isEmpty)
        #expect(throws: AddressRange.Invalid.self) { try AddressRange.list("127.0.0.1,nope") }
    }

    @Test("Without trusted proxies the peer is the client, whatever X-Forwarded-For says")
    func noProxies() {
        #expect(ClientAddress.resolve(peer: "203.0.113.9", forwardedFor: ["1.2.3.4"], trusted: []) == "203.0.113.9")
        #expect(ClientAddress.resolve(peer: nil, forwardedFor: ["1.2.3.4"], trusted: []) == "-")
    }

    @Test("Behind trusted proxies the right-most untrusted hop is the client; what the client wrote is ignored")
    func rightMostUntrusted() throws {
        let trusted = try AddressRange.list("127.0.0.1, 10.0.0.0/8")
        // The client claimed 1.1.1.1; our proxy appended the address it saw, 203.0.113.9.
        #expect(ClientAddress.resolve(peer: "127.0.0.1", forwardedFor: ["1.1.1.1, 203.0.113.9"], trusted: trusted)
                == "203.0.113.9")
        // Two trusted hops (an internal load balancer behind the edge proxy), in two header lines.
        let chain = ["6.6.6.6, 198.51.100.4", "10.0.0.3"]
        #expect(ClientAddress.resolve(peer: "10.0.0.2", forwardedFor: chain, trusted: trusted) == "198.51.100.4")
        // An untrusted peer's header is not read at all.
        #expect(ClientAddress.resolve(peer: "198.51.100.4", forwardedFor: ["10.0.0.5"], trusted: trusted)
                == "198.51.100.4")
        // A trusted proxy without a header, or passing on junk: the last address we can name.
        #expect(ClientAddress.resolve(peer: "127.0.0.1", forwardedFor: [], trusted: trusted) == "127.0.0.1")
        #expect(ClientAddress.resolve(peer: "127.0.0.1", forwardedFor: ["evil, unknown"], trusted: trusted)
                == "127.0.0.1")
        // Every hop trusted: the left-most one.
        #expect(ClientAddress.resolve(peer: "127.0.0.1", forwardedFor: ["10.1.1.1"], trusted: trusted) == "10.1.1.1")
    }
}

@Suite("Account rules of the security audit")
struct AccountSecurityRulesTests {
    @Test("A county admin may grant, and so manage, neither city-office nor admin accounts")
    func grants() {
        #expect(!Role.grantable(by: [.countyAdmin]).contains(.cityOffice))
        #expect(!Role.grantable(by: [.countyAdmin]).contains(.systemAdmin))
        #expect(Role.grantable(by: [.systemAdmin]) == Set(Role.allCases))
        #expect(Role.grantable(by: [.teacher]).isEmpty)
        #expect(Role.mayManage(account: [.centreAdmin], by: [.countyAdmin]))
        #expect(!Role.mayManage(account: [.cityOffice], by: [.countyAdmin]))
        // One role beyond the actor's reach is enough to refuse.
        #expect(!Role.mayManage(account: [.centreAdmin, .cityOffice], by: [.countyAdmin]))
        #expect(!Role.mayManage(account: [.cityOffice], by: [.cityOffice]))
        #expect(Role.mayManage(account: [.cityOffice], by: [.systemAdmin]))
        #expect(!Role.mayManage(account: [], by: [.systemAdmin]))
    }

    @Test("Token scopes: writes need write, reveals need reveal, reveal is never a default")
    func tokenScopes() {
        #expect(TokenScope.required(changesState: false, permission: .viewPeople) == .read)
        #expect(TokenScope.required(changesState: true, permission: .importData) == .write)
        #expect(TokenScope.required(changesState: true, permission: .revealPersonalData) == .reveal)
        #expect(TokenScope.required(changesState: false, permission: nil) == .read)
        #expect(!TokenScope.defaults.contains(.reveal))
        #expect(TokenScope.text([.write, .read]) == "read,write")
        #expect(TokenScope.parse("read, write,bogus") == [.read, .write])
        #expect(TokenScope.parse("").isEmpty)
    }

    @Test("Sessions end 2 hours idle or 12 hours after sign-in; last-seen is written every 5 minutes at most")
    func sessionLifetime() {
        let life = SessionLifetime.standard, start = Date(timeIntervalSince1970: 1_000_000)
        #expect(life.verdict(signedInAt: start, lastSeen: start, now: start.addingTimeInterval(60)) == .valid)
        #expect(life.verdict(signedInAt: start, lastSeen: start, now: start.addingTimeInterval(6 * 60)) == .touch)
        #expect(life.verdict(signedInAt: start, lastSeen: start, now: start.addingTimeInterval(2 * 3600)) == .expired)
        let busy = start.addingTimeInterval(12 * 3600 - 60)
        #expect(life.verdict(signedInAt: start, lastSeen: busy, now: start.addingTimeInterval(12 * 3600)) == .expired)
        // A session from before timestamps existed has ended.
        #expect(life.verdict(signedInAt: nil, lastSeen: start, now: start) == .expired)
    }

    @Test("A phone number or an ID typed as a user name is masked; other unknown names keep one character")
    func signInNames() {
        #expect(SignInName.masked("13812345678") == "138****5678")
        #expect(SignInName.masked("511722199001011237") == "511722********1237")
        #expect(SignInName.masked("51172219900101123X") == "5" + String(repeating: "*", count: 16))
        #expect(SignInName.masked("nobody") == "n*****")
        #expect(SignInName.masked("x") == "x*")
    }

    @Test("Three accounts may claim one resident ID, not a fourth")
    func claims() {
        #expect(ResidentIDClaims.mayClaim(existing: 2))
        #expect(!ResidentIDClaims.mayClaim(existing: ResidentIDClaims.limit))
    }
}
