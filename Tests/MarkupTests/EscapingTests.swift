import Testing
@testable import Markup

/// Hostile text in every place a page writes user text: none of it may become markup.
struct EscapingTests {
    static let hostile = [
        "\"><script>alert(1)</script>", "'><img src=x onerror=alert(1)>", "a\"b'c<d>e&f",
        "\"><meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">", "line\nbreak\r\n",
        "&lt;already&gt; &amp; escaped", "</textarea><script>x</script>", "\u{0}\u{1B}[31m",
    ]

    @Test func textNeverOpensATag() {
        for text in Self.hostile {
            let html = HTMLNode.p(.text(text)).render()
            #expect(!html.dropFirst(3).dropLast(4).contains("<"), "\(html)")
            #expect(!html.dropFirst(3).dropLast(4).contains(">"), "\(html)")
        }
    }

    @Test func attributeValuesNeverLeaveTheirQuotes() {
        for text in Self.hostile {
            let html = HTMLNode.a(.href(text), .class(text), .attribute(named: "title", value: text),
                                  .value(text), .text("x")).render()
            // Between the start tag's quotes no quote, `<` or `>` survives: four attributes, eight quotes.
            let startTag = html.prefix { $0 != ">" }
            #expect(startTag.filter { $0 == "\"" }.count == 8, "\(html)")
            #expect(!startTag.dropFirst().contains("<"), "\(html)")
            #expect(html.hasSuffix(">x</a>"), "\(html)")
        }
    }

    @Test func entitiesAreEscapedFaithfully() {
        // What the user typed is what the reader sees: `&lt;` stays the four characters it was.
        #expect(HTMLNode.text("&lt; & ' \"").render() == "&amp;lt; &amp; &#39; &quot;")
        #expect(HTMLNode.text("\u{1B}bell\u{7}").render() == "bell")
    }

    @Test func attributesGoIntoTheStartTagInOrder() {
        let html = HTMLNode.div(.class("a"), .id("x"), .text("t"), .group(.class("b"), .id("y")),
                                .if(false, .class("c")), .unwrap(Optional("d")) { .attribute(named: "data-d", value: $0) })
            .render()
        #expect(html == "<div class=\"a b\" id=\"y\" data-d=\"d\">t</div>")
    }

    @Test func emptyValuesAndBooleanAttributes() {
        #expect(HTMLNode.input(.type(.text), .value("")).render() == "<input type=\"text\">")
        #expect(HTMLNode.form(.novalidate()).render() == "<form novalidate></form>")
        #expect(HTMLNode.voidElement(named: "rect", nodes: [.attribute(named: "width", value: "", ignoreIfValueIsEmpty: false)])
            .render() == "<rect width=\"\">")
    }

    @Test func namesFromCodeCannotOpenATag() {
        #expect(HTMLNode.element(named: "b onload=x", nodes: []).render() == "<bonloadx></bonloadx>")
        #expect(HTMLNode.div(.attribute(named: "x\" onclick=\"y", value: "1")).render() == "<div xonclicky=\"1\"></div>")
    }

    @Test func documentHasItsDoctype() {
        let page = HTML(.attribute(named: "lang", value: "zh"), .head(.title("<t>")), .body(.p("hi"))).render()
        #expect(page == "<!DOCTYPE html><html lang=\"zh\"><head><title>&lt;t&gt;</title></head><body><p>hi</p></body></html>")
    }
}
