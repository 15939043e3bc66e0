import Fluent
import Foundation
import LearnCityCore
import SQLKit
import Testing
import Vapor
import VaporTesting
@testable import LearnCityApp

/// What an attacker tried (issue 12), each answered by the class of fix that stops the next one:
/// escaped output everywhere, bounded numbers, limits before reading, headers on every answer.
@Suite("Security: escaping, limits, headers")
struct SecurityTests {
    static let password = "admin-test-password"
    /// Text that would run a script or redirect every viewer if any page wrote it unescaped.
    static let hostile = #"'"><script>alert(1)</script><meta http-equiv="refresh" content="0;url=//evil.example">"#
    static let escapes = ["<script>alert(1)", #"<meta http-equiv="refresh" content="0;url=//evil"#]

    @Test("A 404 reflects no markup from its path (the language link's href is escaped)")
    func reflectedPath() async throws {
        try await withLearnCity { app in
            let path = "/x%22%3E%3Cscript%3Ealert(1)%3C/script%3E"
            try await app.testing().test(.GET, path) { res in
                #expect(res.status == .notFound)
                #expect(!res.body.string.contains("<script>alert(1)"))
                #expect(!res.body.string.contains("\"><script>"))
            }
            // A path that starts with two slashes is not offered as a link to another host.
            try await app.testing().test(.GET, "//evil.example/x") { res in
                #expect(!res.body.string.contains("href=\"//evil.example"))
            }
        }
    }

    @Test("Every answer carries the security headers: pages, 404, 422, problem+json, 413")
    func headersOnErrors() async throws {
        try await withLearnCity { app in
            var browser = Browser(app: app)
            _ = try await browser.signIn("admin", Self.password)
            let csrf = browser.cookies[CSRF.cookieName]!
            let answers = [
                try await browser.send(.GET, "/"),
                try await browser.send(.GET, "/no-such-page"),
                try await browser.send(.GET, "/api/v1/no-such-thing"),
                try await browser.send(.POST, "/account/tokens", form: [("_csrf", csrf), ("name", ""), ("days", "x")]),
                try await browser.send(.POST, "/signout", form: [("_csrf", "forged")]),
            ]
            #expect(answers.map(\.status.code) .contains(404) && answers.contains { $0.status.code == 403 })
            for res in answers {
                #expect(res.headers.first(name: "X-Content-Type-Options") == "nosniff", "\(res.status)")
                #expect(res.headers.first(name: "X-Frame-Options") == "DENY", "\(res.status)")
                #expect(res.headers.first(name: "Content-Security-Policy")?.contains("default-src 'self'") == true)
            }
        }
    }

    @Test("Huge page numbers and ids answer normally; the server stays up")
    func overflowingNumbers() async throws {
        try await withLearnCity { app in
            for path in ["/courses?page=9223372036854775807", "/courses?page=-9223372036854775808",
                         "/courses?page=99999999999999999999999", "/resources?page=9223372036854775807",
                         "/organisations/9223372036854775807", "/courses/-1"] {
                try await app.testing().test(.GET, path) { res in #expect(res.status.code < 500, "\(path)") }
            }
            var browser = Browser(app: app)
            _ = try await browser.signIn("admin", Self.password)
            for path in ["/people?page=9223372036854775807", "/api/v1/people?page=9223372036854775807",
                         "/dashboard?year=9223372036854775807",
                         "/assessment?year=-9223372036854775808&top=9223372036854775807"] {
                let res = try await browser.send(.GET, path)
                #expect(res.status.code < 500, "\(path) → \(res.status)")
            }
            try await app.testing().test(.GET, "/healthz") { #expect($0.status == .ok) }
        }
    }

    @Test("Bodies are refused before they are read: anonymous uploads, bad tokens, declared sizes")
    func limitsBeforeReading() async throws {
        try await withLearnCity { app in
            // An anonymous caller declaring 199 MB gets the sign-in redirect, and nothing is read.
            var headers = HTTPHeaders()
            headers.replaceOrAdd(name: .contentLength, value: String(199 * 1024 * 1024))
            headers.contentType = .urlEncodedForm
            try await app.testing().test(.POST, "/imports", headers: headers, body: ByteBuffer(string: "x=1")) { res in
                #expect(res.status == .seeOther || res.status == .forbidden || res.status == .notFound)
            }
            // A bad bearer token on the API is 401 before a byte of the body matters.
            headers.bearerAuthorization = BearerAuthorization(token: "lc_junk")
            try await app.testing().test(.POST, "/api/v1/imports/people", headers: headers,
                                         body: ByteBuffer(string: "x")) { res in
                #expect(res.status == .unauthorized)
            }
            // Anonymous forms (sign-in) take 64 KB at most: a 200 KB one is 413.
            var browser = Browser(app: app)
            try await browser.send(.GET, "/signin")
            let big = String(repeating: "a", count: 200 * 1024)
            let res = try await browser.send(.POST, "/signin", form: [("_csrf", browser.cookies[CSRF.cookieName]!),
                                                                      ("username", big), ("password", "x")])
            #expect(res.status == .payloadTooLarge)
            #expect(res.headers.first(name: "X-Frame-Options") == "DENY")
        }
    }

    @Test("A junk bearer header does not exempt a cookie session from CSRF")
    func junkBearerNeedsCSRF() async throws {
        try await withLearnCity { app in
            var browser = Browser(app: app)
            _ = try await browser.signIn("admin", Self.password)
            let res = try await browser.send(.POST, "/account/tokens", form: [("name", "x"), ("days", "30")],
                                             headers: [("Authorization", "Bearer junk")])
            #expect(res.status == .forbidden)
            #expect(res.text.contains("csrf") || res.text.contains("CSRF") || res.text.contains("表单"))
        }
    }

    @Test("Sign-in's next: only same-site paths, no control characters, escaped in the form")
    func signInNext() async throws {
        try await withLearnCity { app in
            var browser = Browser(app: app)
            let page = try await browser.send(.GET, "/signin?next=%22%3E%3C/form%3E%3Cform%20action=//evil.example%3E")
            #expect(!page.text.contains("action=//evil.example") && !page.text.contains("</form><form"))
            for next in ["/\t/evil.example", "//evil.example", "/\\evil.example", "/ok\r\nSet-Cookie: x=1",
                         "https://evil.example", "/%0d%0aSet-Cookie:x"] {
                var visitor = Browser(app: app)
                let res = try await visitor.signIn("admin", Self.password, next: next)
                let location = res.headers.first(name: .location) ?? ""
                #expect(res.status == .seeOther)
                #expect(location.hasPrefix("/") && !location.hasPrefix("//") && !location.contains("evil")
                        && !location.contains("\r") && !location.contains("\n") || location.hasPrefix("/%0d"),
                        "\(next.debugDescription) → \(location.debugDescription)")
                #expect(res.headers.first(name: "Set-Cookie:x") == nil)
            }
            var visitor = Browser(app: app)
            let res = try await visitor.signIn("admin", Self.password, next: "/people?q=x&page=2")
            #expect(res.headers.first(name: .location) == "/people?q=x&page=2")
        }
    }

    @Test("Hostile text stored in every name, title and body is escaped on every page")
    func storedInjectionOnEveryPage() async throws {
        try await withLearnCity { app in
            try await HostileData.inject(Self.hostile, on: app.db)
            var browser = Browser(app: app)
            _ = try await browser.signIn("admin", Self.password)
            var checked = 0
            for endpoint in app.learnCity.registry.endpoints where endpoint.method == .GET {
                for id in endpoint.url.pattern.contains(":id") ? ["1", "2", "3"] : [""] {
                    let path = endpoint.url.pattern.replacingOccurrences(of: ":id", with: id)
                    let res = try await browser.send(.GET, path)
                    #expect(res.status.code < 500, "\(path) → \(res.status)")
                    // JSON, CSV and XLSX carry the text as data; HTML must never carry it as markup.
                    guard res.headers.contentType == .html else { continue }
                    let html = res.text
                    for marker in Self.escapes where html.contains(marker) { Issue.record("\(path) writes \(marker)") }
                    checked += 1
                }
            }
            #expect(checked > 60)
            // And the text is there, escaped: the reader sees exactly what was typed.
            let courses = try await browser.send(.GET, "/courses")
            #expect(courses.text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        }
    }
}

/// Appends hostile text to every free-text column (names, titles, bodies) of every table.
enum HostileData {
    static let columns: Set<String> = [
        "name", "name_zh", "name_en", "title", "display_name", "summary", "body", "description", "findings",
        "note", "notes", "comment", "reason", "venue", "place", "keywords", "subject", "affiliation",
        "deliverables", "detail", "text", "provider_name", "course_title", "author", "minutes", "agenda",
        "requirement", "answer", "schedule", "label", "issuer",
    ]

    static func inject(_ text: String, on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        let quoted = "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
        for (table, column) in try await textColumns(sql) where columns.contains(column) {
            let update = "UPDATE \(table) SET \(column) = \(column) || \(quoted) WHERE \(column) IS NOT NULL"
            try await sql.raw(SQLQueryString(stringLiteral: update)).run()
        }
    }

    private static func textColumns(_ sql: any SQLDatabase) async throws -> [(String, String)] {
        if sql.dialect.name == "sqlite" {
            let tables = try await sql
                .raw("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all()
                .map { try $0.decode(column: "name", as: String.self) }
            var result: [(String, String)] = []
            for table in tables {
                for row in try await sql.raw("SELECT name, type FROM pragma_table_info(\(bind: table))").all() {
                    let type = try row.decode(column: "type", as: String.self).uppercased()
                    if type.contains("TEXT") { result.append((table, try row.decode(column: "name", as: String.self))) }
                }
            }
            return result
        }
        return try await sql.raw("""
            SELECT table_name, column_name FROM information_schema.columns
            WHERE table_schema = current_schema() AND data_type IN ('text', 'character varying')
            """).all().map { (try $0.decode(column: "table_name", as: String.self),
                              try $0.decode(column: "column_name", as: String.self)) }
    }
}
