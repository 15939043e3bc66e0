/// What a file is, from its first bytes — never from its name (a `.mp4` that is a program is
/// refused). The library takes video, audio, documents and images in the formats browsers play
/// and offices use.
public enum ContentSniffer {
    public enum Kind: String, Sendable, Codable, CaseIterable { case video, audio, document, image }

    public struct Result: Sendable, Equatable {
        public var kind: Kind
        public var mime: String
        public var ext: String
    }

    /// `head`: at least the first 64 bytes (fewer for a tiny file). `zipEntries`: for a zip,
    /// the names of its entries (Office documents are zips of XML).
    public static func sniff(_ head: [UInt8], zipEntries: [String] = []) -> Result? {
        func starts(_ bytes: [UInt8], at offset: Int = 0) -> Bool {
            head.count >= offset + bytes.count && Array(head[offset..<offset + bytes.count]) == bytes
        }
        func ascii(_ text: String, at offset: Int = 0) -> Bool { starts(Array(text.utf8), at: offset) }
        if ascii("ftyp", at: 4) {
            let brand = head.count >= 12 ? String(decoding: head[8..<12], as: UTF8.self) : ""
            if brand.hasPrefix("M4A") { return Result(kind: .audio, mime: "audio/mp4", ext: "m4a") }
            return Result(kind: .video, mime: "video/mp4", ext: "mp4")
        }
        if starts([0x1A, 0x45, 0xDF, 0xA3]) { return Result(kind: .video, mime: "video/webm", ext: "webm") }
        if ascii("OggS") { return Result(kind: .audio, mime: "audio/ogg", ext: "ogg") }
        if ascii("ID3") || (head.count > 1 && head[0] == 0xFF && head[1] & 0xE0 == 0xE0) {
            return Result(kind: .audio, mime: "audio/mpeg", ext: "mp3")
        }
        if ascii("RIFF") && ascii("WAVE", at: 8) { return Result(kind: .audio, mime: "audio/wav", ext: "wav") }
        if ascii("RIFF") && ascii("WEBP", at: 8) { return Result(kind: .image, mime: "image/webp", ext: "webp") }
        if ascii("%PDF-") { return Result(kind: .document, mime: "application/pdf", ext: "pdf") }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return Result(kind: .image, mime: "image/png", ext: "png") }
        if starts([0xFF, 0xD8, 0xFF]) { return Result(kind: .image, mime: "image/jpeg", ext: "jpg") }
        if ascii("GIF87a") || ascii("GIF89a") { return Result(kind: .image, mime: "image/gif", ext: "gif") }
        if starts([0x50, 0x4B, 0x03, 0x04]) {
            if zipEntries.contains(where: { $0.hasPrefix("word/") }) {
                return Result(kind: .document, mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ext: "docx")
            }
            if zipEntries.contains(where: { $0.hasPrefix("ppt/") }) {
                return Result(kind: .document, mime: "application/vnd.openxmlformats-officedocument.presentationml.presentation", ext: "pptx")
            }
            if zipEntries.contains(where: { $0.hasPrefix("xl/") }) {
                return Result(kind: .document, mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ext: "xlsx")
            }
        }
        return nil
    }
}
