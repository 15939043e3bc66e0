import Testing
@testable import LearnCityCore

@Suite("RegionCode")
struct RegionCodeTests {
    @Test("Six digits with a real province part", arguments: ["511700", "511722", "510000", "110101"])
    func valid(text: String) { #expect(RegionCode(text) != nil) }

    @Test("Anything else is refused", arguments: ["", "51172", "5117222", "51172x", "000000", "５１１７２２", " 511722"])
    func invalid(text: String) { #expect(RegionCode(text) == nil) }

    @Test("Levels, parents and containment")
    func hierarchy() throws {
        let city = try #require(RegionCode("511700"))
        let county = try #require(RegionCode("511722"))
        let province = try #require(RegionCode("510000"))
        #expect(city.level == .prefecture && county.level == .county && province.level == .province)
        #expect(county.parent == city && city.parent == province && province.parent == nil)
        #expect(city.contains(county) && province.contains(county) && county.contains(county))
        #expect(!county.contains(city) && !city.contains(RegionCode("511800")!))
        #expect(city.subtreePattern == "5117%" && county.subtreePattern == "511722")
    }
}

@Suite("UILanguage")
struct UILanguageTests {
    @Test("Tags", arguments: [("zh", UILanguage.zh), ("zh-CN", .zh), ("zh-Hans", .zh), ("ZH-tw", .zh), ("en", .en), ("en-GB", .en)])
    func tags(tag: String, expected: UILanguage) { #expect(UILanguage(tag: tag) == expected) }

    @Test("Unknown tags are nil") func unknown() {
        #expect(UILanguage(tag: "fr") == nil && UILanguage(tag: "") == nil && UILanguage(tag: "english") == nil)
    }

    @Test("Accept-Language by quality")
    func negotiation() {
        #expect(UILanguage.negotiate(acceptLanguage: "en-US,en;q=0.9,zh;q=0.8") == .en)
        #expect(UILanguage.negotiate(acceptLanguage: "zh;q=0.5, en;q=0.7") == .en)
        #expect(UILanguage.negotiate(acceptLanguage: "fr, de;q=0.9") == nil)
        #expect(UILanguage.negotiate(acceptLanguage: "en;q=0, zh;q=0.1") == .zh)
        #expect(UILanguage.negotiate(acceptLanguage: "") == nil)
    }
}

@Suite("NumberFormat")
struct NumberFormatTests {
    @Test func integers() {
        #expect(NumberFormat.integer(0) == "0")
        #expect(NumberFormat.integer(999) == "999")
        #expect(NumberFormat.integer(1000) == "1,000")
        #expect(NumberFormat.integer(5_630_000) == "5,630,000")
        #expect(NumberFormat.integer(-1234) == "-1,234")
    }

    @Test func percents() {
        #expect(NumberFormat.percent(0.35) == "35.0%")
        #expect(NumberFormat.percent(0.0123) == "1.2%")
        #expect(NumberFormat.percent(0.01235) == "1.2%" || NumberFormat.percent(0.01235) == "1.3%")
        #expect(NumberFormat.percent(0.00049) == "0.0%")
        #expect(NumberFormat.percent(1) == "100.0%")
        #expect(NumberFormat.percent(12.5) == "1,250.0%")
    }
}
