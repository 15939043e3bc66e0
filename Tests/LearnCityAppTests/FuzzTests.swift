import Foundation
import Testing
import Vapor
import VaporTesting
@testable import LearnCityApp

/// Extreme values in every parameter of every route: the server answers each (never 5xx) and
/// stays up. Parameter names are read from the sources, so a new field is fuzzed the day it is
/// written: query names from `query[…, at: "name"]`/`queryInteger("name"`, form fields from
/// `.name("field")` and `content.get(…, at: "field")`.
@Suite("Fuzz: extreme values in every parameter")
struct FuzzTests {
    static let values = ["9223372036854775807", "-9223372036854775808", "99999999999999999999999", "1e308",
                         "nan", "-1", "０", "2147483648"]

    static let parameterNames: [String] = {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Sources/LearnCityApp").standardized
        let patterns = [#"at: "([A-Za-z_]+)""#, #"\.name\("([A-Za-z_]+)"\)"#, #"Integer\("([A-Za-z_]+)""#]
            .map { try! NSRegularExpression(pattern: $0) }
        var names: Set<String> = ["page", "year", "id", "region", "form", "period", "top", "half", "days", "q"]
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)!
        for case let file as URL in files where file.pathExtension == "swift" {
            let text = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
            for pattern in patterns {
                for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                    names.insert(String(text[Range(match.range(at: 1), in: text)!]))
                }
            }
        }
        return names.subtracting(["_csrf"]).sorted()
    }()

    @Test("Every route, every parameter, extreme numbers: no 5xx, the server stays up")
    func extremeValues() async throws {
        #expect(Self.parameterNames.count > 40)
        try await withLearnCity { app in
            var browser = Browser(app: app)
            _ = try await browser.signIn("admin", "admin-test-password")
            let csrf = browser.cookies[CSRF.cookieName]!
            var statuses: [UInt: Int] = [:]
            for endpoint in app.learnCity.registry.endpoints where endpoint.url.pattern != "/signout" {
                for value in Self.values {
                    let path = endpoint.url.pattern.replacingOccurrences(of: ":id", with: value)
                    let encoded = value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? value
                    let query = Self.parameterNames.map { "\($0)=\(encoded)" }.joined(separator: "&")
                    let res: TestingHTTPResponse
                    if endpoint.method == .GET {
                        res = try await browser.send(.GET, path + "?" + query)
                    } else {
                        res = try await browser.send(endpoint.method, path,
                                                     form: [("_csrf", csrf)] + Self.parameterNames.map { ($0, value) })
                    }
                    #expect(res.status.code < 500, "\(endpoint.method) \(path) \(value) → \(res.status.code)")
                    statuses[res.status.code, default: 0] += 1
                }
            }
            // The values reached the handlers: pages rendered, forms answered with their messages.
            #expect(statuses[200, default: 0] > 300 && statuses[422, default: 0] > 100, "\(statuses)")
            #expect(statuses[403, default: 0] == 0, "CSRF refused fuzzed forms: \(statuses)")
            try await app.testing().test(.GET, "/healthz") { #expect($0.status == .ok) }
        }
    }
}
