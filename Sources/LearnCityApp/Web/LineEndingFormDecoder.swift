import LearnCityCore
import Vapor

/// Vapor's form decoder behind `TextInput.normaliseURLEncoded`: every field of every
/// URL-encoded form reaches the handlers with LF line breaks, whatever the browser sent.
struct LineEndingFormDecoder: ContentDecoder {
    private let base = URLEncodedFormDecoder()

    func decode<D: Decodable>(_ decodable: D.Type, from body: ByteBuffer, headers: HTTPHeaders) throws -> D {
        try decode(decodable, from: body, headers: headers, userInfo: [:])
    }

    func decode<D: Decodable>(_ decodable: D.Type, from body: ByteBuffer, headers: HTTPHeaders,
                              userInfo: [CodingUserInfoKey: Sendable]) throws -> D {
        let text = TextInput.normaliseURLEncoded(String(buffer: body))
        return try base.decode(decodable, from: ByteBuffer(string: text), headers: headers, userInfo: userInfo)
    }
}
