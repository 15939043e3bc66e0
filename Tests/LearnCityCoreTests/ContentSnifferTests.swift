import Testing
@testable import LearnCityCore

@Suite("Content sniffing: the bytes decide, not the name")
struct ContentSnifferTests {
    @Test("Video, audio, documents and images by their first bytes; Office files by what the zip holds")
    func known() {
        #expect(ContentSniffer.sniff([0, 0, 0, 0x18] + Array("ftypisom".utf8))?.mime == "video/mp4")
        #expect(ContentSniffer.sniff([0, 0, 0, 0x18] + Array("ftypM4A ".utf8))?.kind == .audio)
        #expect(ContentSniffer.sniff(Array("ID3".utf8) + [3, 0])?.mime == "audio/mpeg")
        #expect(ContentSniffer.sniff(Array("%PDF-1.7".utf8))?.kind == .document)
        #expect(ContentSniffer.sniff([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])?.mime == "image/png")
        #expect(ContentSniffer.sniff([0x50, 0x4B, 0x03, 0x04], zipEntries: ["[Content_Types].xml", "word/document.xml"])?.ext == "docx")
    }

    @Test("A program, a plain zip or text is refused whatever it is called")
    func refused() {
        #expect(ContentSniffer.sniff(Array("MZ\u{90}\u{0}".utf8)) == nil)          // a Windows program
        #expect(ContentSniffer.sniff([0x7F] + Array("ELF".utf8)) == nil)
        #expect(ContentSniffer.sniff([0x50, 0x4B, 0x03, 0x04], zipEntries: ["setup.exe"]) == nil)
        #expect(ContentSniffer.sniff(Array("hello".utf8)) == nil)
        #expect(ContentSniffer.sniff([]) == nil)
    }
}
