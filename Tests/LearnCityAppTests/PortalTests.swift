import Fluent
import Testing
import VaporTesting
@testable import LearnCityApp

@Suite("Public portal")
struct PortalTests {
    @Test("The home page is Chinese by default and shows the network and T1–T5")
    func homeInChinese() async throws {
        try await withLearnCity { app in
            try await app.testing().test(.GET, "/") { res in
                #expect(res.status == .ok)
                #expect(res.text.contains(#"<html lang="zh-Hans">"#))
                #expect(res.text.contains("达州市"))
                #expect(res.text.contains("达州继续教育大学"))
                #expect(res.text.contains("2014年目标任务进展"))
                for code in ["T1", "T2", "T3", "T4", "T5"] { #expect(res.text.contains(#"data-code="\#(code)""#)) }
                #expect(res.text.contains("1,000,000 人次"))
                #expect(res.text.contains("35.0%"))
                #expect(res.text.contains("0 / 5,630,000（常住人口）"))
            }
        }
    }

    @Test("?lang=en switches to English and remembers it in a cookie")
    func languageSwitch() async throws {
        try await withLearnCity { app in
            var cookie = ""
            try await app.testing().test(.GET, "/?lang=en") { res in
                #expect(res.text.contains(#"<html lang="en">"#))
                #expect(res.text.contains("Targets for 2014"))
                #expect(res.text.contains("Dazhou Continuing Education University"))
                cookie = res.setCookies["lang"] ?? ""
            }
            #expect(cookie == "en")
            try await app.testing().test(.GET, "/", headers: cookieHeaders(["lang": cookie])) { res in
                #expect(res.text.contains("Targets for 2014"))
            }
        }
    }

    @Test("Accept-Language picks the language when there is no cookie; anything else is Chinese",
          arguments: [("en-US,en;q=0.9", "en"), ("fr, en;q=0.5", "en"), ("zh-CN,zh;q=0.9,en;q=0.8", "zh-Hans"),
                      ("de", "zh-Hans"), ("", "zh-Hans")])
    func acceptLanguage(header: String, expected: String) async throws {
        try await withLearnCity { app in
            try await app.testing().test(.GET, "/", headers: ["Accept-Language": header]) { res in
                #expect(res.text.contains(#"<html lang="\#(expected)">"#))
            }
        }
    }

    @Test("An unknown ?lang= is ignored, and the cookie wins over Accept-Language")
    func languagePrecedence() async throws {
        try await withLearnCity { app in
            try await app.testing().test(.GET, "/?lang=xx", headers: ["Accept-Language": "en"]) { res in
                #expect(res.text.contains(#"<html lang="en">"#))
                #expect(res.setCookies["lang"] == nil)
            }
            try await app.testing().test(.GET, "/", headers: cookieHeaders(["lang": "zh"], [("Accept-Language", "en")])) { res in
                #expect(res.text.contains(#"<html lang="zh-Hans">"#))
            }
        }
    }

    @Test("A tally written now is on the home page at the next load")
    func liveValues() async throws {
        try await withLearnCity { app in
            try await IndicatorTally(indicatorCode: "T3", year: 2014, regionCode: "511722", count: 1200).create(on: app.db)
            try await IndicatorTally(indicatorCode: "T3", year: 2014, regionCode: "511725", count: 34).create(on: app.db)
            try await IndicatorTally(indicatorCode: "T3", year: 2013, regionCode: "511725", count: 999).create(on: app.db)
            try await app.testing().test(.GET, "/") { res in
                #expect(res.text.contains("1,234 人次"))
            }
        }
    }

    @Test("Without the demo the portal says what to do instead of showing nothing")
    func emptyCity() async throws {
        try await withLearnCity(demo: false) { app in
            try await app.testing().test(.GET, "/") { res in
                #expect(res.status == .ok)
                #expect(res.text.contains("尚未建立组织网络"))
                #expect(res.text.contains("本年度尚未设定目标"))
            }
        }
    }

    @Test("A malformed ?year= is a clear error page, not a crash")
    func badYear() async throws {
        try await withLearnCity { app in
            try await app.testing().test(.GET, "/?year=20x4") { res in
                #expect(res.status == .badRequest)
                #expect(res.headers.contentType == .html)
                #expect(res.text.contains("参数无效"))
            }
        }
    }
}
