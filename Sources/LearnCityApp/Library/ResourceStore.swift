import Crypto
import Foundation
import LearnCityCore
import Vapor
import ZIPFoundation

/// Files of the library under `DATA_DIR/resources/ab/abcdef…` (their SHA-256). An upload is
/// streamed to a temporary file while it is hashed and counted, checked by its bytes, then
/// moved into place — never held in memory, and never kept when refused.
enum ResourceStore {
    static let maxBytes = 1024 * 1024 * 1024   // 1 GiB
    /// A form of the library or of an attachment has a handful of parts: past these, the body is
    /// not a form of ours, and reading stops at once (100,000 fields were read in full before).
    static let maxParts = 32
    /// All text fields together; the file part is limited by `limit` instead.
    static let maxFieldBytes = 64 * 1024

    /// `formTooLarge`: too many parts or too much text beside the file.
    enum Problem: Error, Equatable { case tooLarge, formTooLarge, notAllowedType, noFile, malformed }

    struct Upload: Sendable {
        var fields: [String: String]
        var fileName: String
        var temporary: URL
        var size: Int
        var sha256: String
    }

    static func directory(_ app: Application) -> URL {
        app.learnCity.config.dataDirectory.appendingPathComponent("resources", isDirectory: true)
    }

    static func path(of sha256: String, _ app: Application) -> URL {
        directory(app).appendingPathComponent(String(sha256.prefix(2)), isDirectory: true).appendingPathComponent(sha256)
    }

    /// Reads a multipart form from the request's body stream: text fields in memory, the `file`
    /// part to disk. Stops (and deletes what it wrote) past `limit` bytes of file, `maxParts`
    /// parts or `maxFieldBytes` of text fields, as soon as the stream passes them.
    static func receive(_ request: Request, limit: Int = maxBytes) async throws -> Upload {
        let overhead = maxFieldBytes + maxParts * 1024   // the text fields and every part's headers
        if let length = request.headers.first(name: .contentLength).flatMap(Int.init), length > limit + overhead { throw Problem.tooLarge }
        guard let boundary = request.headers.contentType?.parameters["boundary"] else { throw Problem.malformed }
        let folder = directory(request.application).appendingPathComponent("incoming", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let temporary = folder.appendingPathComponent(UUID().uuidString)
        FileManager.default.createFile(atPath: temporary.path, contents: nil)
        let handle = try FileHandle(forWritingTo: temporary)
        var fields: [String: String] = [:]
        var name = "", fileName: String?, value: [UInt8] = [], size = 0, stop: Problem?
        var parts = 0, inPart = false, fieldBytes = 0
        var hasher = SHA256()
        var writeError: (any Error)?
        let parser = MultipartParser(boundary: boundary)
        parser.onHeader = { header, text in
            if !inPart {
                inPart = true
                parts += 1
                if parts > maxParts { stop = .formTooLarge }
            }
            guard header.lowercased() == "content-disposition" else { return }
            name = Self.parameter("name", in: text) ?? ""
            fileName = Self.parameter("filename", in: text)
        }
        parser.onBody = { buffer in
            guard stop == nil else { return }
            let bytes = buffer.readBytes(length: buffer.readableBytes) ?? []
            if name == "file" && fileName != nil {
                size += bytes.count
                if size > limit { stop = .tooLarge; return }
                hasher.update(data: bytes)
                do { try handle.write(contentsOf: bytes) } catch { writeError = error }
            } else {
                fieldBytes += bytes.count
                if fieldBytes > maxFieldBytes { stop = .formTooLarge; return }
                value += bytes
            }
        }
        parser.onPartComplete = {
            if stop == nil, !(name == "file" && fileName != nil) { fields[name] = String(decoding: value, as: UTF8.self) }
            value = []
            inPart = false
        }
        do {
            for try await chunk in request.body {
                try parser.execute(chunk)
                if let stop { throw stop }
                if let writeError { throw writeError }
            }
            try handle.close()
        } catch {
            try? handle.close()
            try? FileManager.default.removeItem(at: temporary)
            throw (error as? Problem) ?? Problem.malformed
        }
        guard let fileName, size > 0 else {
            try? FileManager.default.removeItem(at: temporary)
            throw Problem.noFile
        }
        return Upload(fields: fields, fileName: String(fileName.suffix(200)), temporary: temporary, size: size,
                      sha256: Hex.encode(hasher.finalize()))
    }

    /// What the uploaded bytes are, or nil when the library does not take them.
    static func sniff(_ upload: Upload) -> ContentSniffer.Result? {
        guard let handle = try? FileHandle(forReadingFrom: upload.temporary) else { return nil }
        defer { try? handle.close() }
        let head = [UInt8]((try? handle.read(upToCount: 64)) ?? Data())
        var entries: [String] = []
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]), let archive = try? Archive(url: upload.temporary, accessMode: .read) {
            entries = archive.prefix(200).map(\.path)
        }
        return ContentSniffer.sniff(head, zipEntries: entries)
    }

    /// Moves an accepted upload into the store (or drops it when the same bytes are stored).
    static func keep(_ upload: Upload, _ app: Application) throws {
        let target = path(of: upload.sha256, app)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        if FileManager.default.fileExists(atPath: target.path) {
            try FileManager.default.removeItem(at: upload.temporary)
        } else {
            try FileManager.default.moveItem(at: upload.temporary, to: target)
        }
    }

    static func discard(_ upload: Upload) { try? FileManager.default.removeItem(at: upload.temporary) }

    /// A stored file as the answer: every byte, or the one range asked for (`ByteRange`: 206
    /// with the clamped range, 416 past the end), so players seek. Its SHA-256 is its ETag.
    static func response(_ request: Request, sha256: String, mime: String) async throws -> Response {
        let path = Self.path(of: sha256, request.application).path
        guard let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int else { throw AppError(.notFound) }
        var headers = HTTPHeaders()
        let eTag = "\"\(sha256)\""
        headers.replaceOrAdd(name: .eTag, value: eTag)
        headers.replaceOrAdd(name: .acceptRanges, value: "bytes")
        if request.headers.first(name: .ifNoneMatch) == eTag { return Response(status: .notModified, headers: headers) }
        headers.contentType = HTTPMediaType(mime: mime)
        // A range of another version of the file (If-Range) is not this one's: send it whole.
        let ifRange = request.headers.first(name: "If-Range")
        let range = ifRange == nil || ifRange == eTag ? ByteRange.resolve(request.headers.first(name: .range), size: size) : .whole
        if let contentRange = range.contentRange(size: size) { headers.replaceOrAdd(name: .contentRange, value: contentRange) }
        let status: HTTPResponseStatus = switch range {
        case .whole: .ok
        case .partial: .partialContent
        case .unsatisfiable: .rangeNotSatisfiable
        }
        guard range != .unsatisfiable else { return Response(status: status, headers: headers) }
        let (offset, count) = range.bounds(size: size)
        let fileio = request.fileio
        let body = Response.Body(asyncStream: { writer in
            let chunks = try await fileio.readFile(at: path, offset: Int64(offset), byteCount: count)
            do {
                for try await chunk in chunks { try await writer.writeBuffer(chunk) }
                try? await chunks.closeHandle()
            } catch {
                try? await chunks.closeHandle()
                throw error
            }
            try await writer.write(.end)
        }, count: count, byteBufferAllocator: request.byteBufferAllocator)
        return Response(status: status, headers: headers, body: body)
    }

    /// `name="x"` from a Content-Disposition header.
    static func parameter(_ key: String, in header: String) -> String? {
        for part in header.split(separator: ";") {
            let pair = part.trimmingCharacters(in: .whitespaces)
            guard pair.hasPrefix(key + "=") else { continue }
            return String(pair.dropFirst(key.count + 1)).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        }
        return nil
    }
}
