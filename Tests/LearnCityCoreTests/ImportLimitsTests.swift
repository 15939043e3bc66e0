import Foundation
import Testing
@testable import LearnCityCore

/// The limits an import reads a file within, the capped list of conflicts, byte ranges of served
/// files, and who may record whom (security audit, issue 12).
@Suite("Import limits, conflict lists, byte ranges, recording scope")
struct ImportLimitsTests {
    let small = Sheet.Limits(rows: 10, cellsPerRow: 3, cellCharacters: 20, unpackedPart: 100_000)

    @Test("CSV: one row, column or character past a limit refuses the file, naming the limit")
    func csvLimits() throws {
        let tenRows = String(repeating: "a,b\n", count: 10)
        #expect(try Sheet.read(Data(tenRows.utf8), limits: small).rows.count == 10)
        // The eleventh row, even a blank one, is one too many: reading stops there.
        #expect(throws: Sheet.ReadError.tooLarge(.rows(10))) {
            try Sheet.read(Data((tenRows + "\n\n").utf8), limits: small)
        }
        #expect(throws: Sheet.ReadError.tooLarge(.cellsPerRow(3))) {
            try Sheet.read(Data("a,b,c,d\n".utf8), limits: small)
        }
        let twenty = String(repeating: "字", count: 20)
        #expect(try Sheet.read(Data("\"\(twenty)\",b".utf8), limits: small).rows[0].cells[0].text == twenty)
        // A cell of whitespace is text like any other: 21 spaces is one character too many.
        #expect(throws: Sheet.ReadError.tooLarge(.cellCharacters(20))) {
            try Sheet.read(Data("a,\(String(repeating: " ", count: 21))x".utf8), limits: small)
        }
        #expect(Sheet.Limits.standard.rows == Sheet.Limits.maxRows && Sheet.Limits.maxRows == 1_000_000)
    }

    @Test("XLSX: rows, a far column, long text and a part inflating past its limit are refused while streaming")
    func xlsxLimits() throws {
        func workbook(rows: Int, columns: Int = 2, text: String = "x") throws -> Data {
            try XLSXWriter.workbook(sheetName: "s", header: (1...columns).map { "h\($0)" },
                                    rows: (0..<rows).map { _ in (1...columns).map { _ in text } })
        }
        #expect(try Sheet.read(try workbook(rows: 9), limits: small).rows.count == 10)
        #expect(throws: Sheet.ReadError.tooLarge(.rows(10))) { try Sheet.read(try workbook(rows: 10), limits: small) }
        #expect(throws: Sheet.ReadError.tooLarge(.cellsPerRow(3))) {
            try Sheet.read(try workbook(rows: 1, columns: 4), limits: small)
        }
        #expect(throws: Sheet.ReadError.tooLarge(.cellCharacters(20))) {
            try Sheet.read(try workbook(rows: 1, text: String(repeating: " ", count: 21) + "x"), limits: small)
        }
        // 2,000 rows of 200 characters: a small file whose sheet inflates to over a megabyte.
        let big = try workbook(rows: 2_000, text: String(repeating: "零", count: 200))
        #expect(throws: Sheet.ReadError.tooLarge(.unpackedBytes(100_000))) {
            try Sheet.read(big, limits: Sheet.Limits(unpackedPart: 100_000))
        }
        #expect(try Sheet.read(big).rows.count == 2_001)
    }

    @Test("A summary lists the first 1,000 conflicts, counts every one, and sends each to its sink")
    func cappedConflicts() throws {
        final class Seen: @unchecked Sendable { var count = 0; let lock = NSLock() }
        let seen = Seen()
        var summary = ImportSummary(dryRun: true)
        summary.sink = ConflictSink { _ in seen.lock.withLock { seen.count += 1 } }
        for row in 2...1_201 {
            summary.add(ImportConflict(row: row, column: "身份证号", code: .invalidResidentID, message: "x"))
        }
        summary.add(ImportConflict(row: 2, column: "姓名", code: .missingValue, message: "y"))
        #expect(summary.conflicts.count == ImportSummary.listedConflicts && ImportSummary.listedConflicts == 1_000)
        #expect(summary.conflictsTotal == 1_201 && summary.conflictsTruncated == 201)
        #expect(summary.conflictRows == 1_200)
        #expect(seen.count == 1_201)
        // The JSON keeps design.md's fields and adds the counts; a stored summary round-trips.
        let json = try JSONSerialization.jsonObject(with: try JSONEncoder().encode(summary)) as? [String: Any]
        #expect(json?["conflictsTotal"] as? Int == 1_201 && json?["conflictsTruncated"] as? Int == 201)
        #expect((json?["conflicts"] as? [Any])?.count == 1_000)
        #expect(json?["rows"] != nil && json?["unknownColumns"] != nil)
        #expect(try JSONDecoder().decode(ImportSummary.self, from: try JSONEncoder().encode(summary)) == summary)
        // A summary stored before the counts existed is read from its list.
        let old = #"{"status":"warning","dryRun":false,"rows":3,"imported":1,"updated":0,"ignored":0,"#
            + #""conflicts":[{"row":2,"code":"missing_value","message":"m"},"#
            + #"{"row":3,"code":"invalid_date","message":"d"}],"#
            + #""unknownColumns":[]}"#
        let decoded = try JSONDecoder().decode(ImportSummary.self, from: Data(old.utf8))
        #expect(decoded.conflictsTotal == 2 && decoded.conflictRows == 2)
        #expect(decoded.conflictsTruncated == 0 && decoded.isBalanced)
    }

    @Test("Byte ranges: the end clamped to the last byte, suffixes from the end, a start past the end unsatisfiable")
    func byteRanges() {
        // The audit's case: bytes 0-2046 of a 2,046-byte file are all of it, 0-2045.
        #expect(ByteRange.resolve("bytes=0-2046", size: 2_046) == .partial(0...2_045))
        #expect(ByteRange.resolve("bytes=0-2046", size: 2_046).contentRange(size: 2_046) == "bytes 0-2045/2046")
        #expect(ByteRange.resolve("bytes=0-2046", size: 2_046).bounds(size: 2_046) == (0, 2_046))
        #expect(ByteRange.resolve("bytes=100-199", size: 2_046) == .partial(100...199))
        #expect(ByteRange.resolve("bytes=2000-", size: 2_046) == .partial(2_000...2_045))
        #expect(ByteRange.resolve("bytes=-10", size: 2_046) == .partial(2_036...2_045))
        #expect(ByteRange.resolve("bytes=-5000", size: 2_046) == .partial(0...2_045))
        #expect(ByteRange.resolve("bytes=2046-", size: 2_046) == .unsatisfiable)
        #expect(ByteRange.resolve("bytes=5000-6000", size: 2_046).contentRange(size: 2_046) == "bytes */2046")
        #expect(ByteRange.resolve("bytes=-0", size: 2_046) == .unsatisfiable)
        #expect(ByteRange.resolve("bytes=0-", size: 0) == .unsatisfiable)
        #expect(ByteRange.resolve("bytes=99999999999999999999999-", size: 10) == .unsatisfiable)
        // Not one valid range: ignored, the whole file (RFC 9110 allows it).
        for header in [nil, "items=0-1", "bytes=5-3", "bytes=a-b", "bytes=0-1,5-6", "bytes=-"] {
            #expect(ByteRange.resolve(header, size: 2_046) == .whole, "\(header ?? "none")")
        }
        #expect(ByteRange.whole.contentRange(size: 10) == nil && ByteRange.whole.bounds(size: 10) == (0, 10))
    }

    @Test("An account of a place records only people of its place; city-wide accounts and placeless providers anyone")
    func recordingScope() throws {
        let xuanhan = try #require(RegionCode("511722")), qu = try #require(RegionCode("511725"))
        let centre = AccountScope(everything: false, organisationPath: "/00000001/00000005/", region: xuanhan)
        #expect(centre.mayRecord(forPersonIn: xuanhan))
        #expect(!centre.mayRecord(forPersonIn: qu))
        #expect(!centre.mayRecord(forPersonIn: nil))
        // Even though its records of them would be inside its scope as their provider.
        #expect(centre.includesRecord(providerPath: "/00000001/00000005/", personRegion: qu))
        #expect(AccountScope.all.mayRecord(forPersonIn: qu))
        let provider = AccountScope(everything: false, organisationPath: "/00000002/", region: nil)
        #expect(provider.mayRecord(forPersonIn: qu))
        #expect(!AccountScope.nothing.mayRecord(forPersonIn: qu))
    }
}
