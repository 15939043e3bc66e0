import Foundation
import Testing
@testable import LearnCityCore

@Suite("Records stay true on the files centres send")
struct RecordIdentityTests {
    static let specs = RecordRowParser.columns

    @Test("编号 and 序号 number rows: they are not record ids; 记录编号 and 记录ID are")
    func recordIDColumns() throws {
        for (header, isID) in [("编号", false), ("序号", false), ("记录编号", true), ("记录ID", true), ("record id", true)] {
            let sheet = Sheet(rows: [Sheet.Row(line: 1, cells: [header, "身份证号", "类型", "日期"].map { Sheet.Cell($0) })])
            let map = try HeaderMap.find(in: sheet, specs: Self.specs)
            #expect((map.columns["source_id"] != nil) == isID, "\(header)")
        }
    }

    @Test("Record ids 1 … n are row numbers; real ids are not")
    func rowNumbers() {
        #expect(RecordRowParser.looksLikeRowNumbers(["1", "2", "3", "4"]))
        #expect(RecordRowParser.looksLikeRowNumbers(["3", "1", "2"]))
        #expect(!RecordRowParser.looksLikeRowNumbers(["A001", "A002"]))
        #expect(!RecordRowParser.looksLikeRowNumbers(["1001", "1002", "1003"]))
        #expect(!RecordRowParser.looksLikeRowNumbers(["1"]))
        #expect(!RecordRowParser.looksLikeRowNumbers(["1", "1", "2"]))
    }

    @Test("A key names the same record only for the same person and kind")
    func identity() {
        func match(_ person: Int?, _ kind: RecordKind) -> RecordIdentity.Match {
            RecordIdentity.match(storedPerson: 3, storedKind: .training, rowPerson: person, rowKind: kind)
        }
        #expect(match(3, .training) == .same)
        #expect(match(4, .training) == .keyReused)
        #expect(match(3, .community) == .keyReused)
        #expect(match(nil, .training) == .keyReused)
    }

    @Test("Names compare without spaces; a masked name keeps its first and last character")
    func names() {
        #expect(PersonName.same("胡红梅", " 胡 红梅"))
        #expect(!PersonName.same("王大妈", "胡红梅"))
        #expect(PersonName.same("阿卜杜·热合曼", "阿卜杜•热合曼"))
        #expect(PersonName.masked("胡红梅") == "胡*梅" && PersonName.masked("张三") == "张*")
        #expect(PersonName.masked("欧阳春华") == "欧**华")
    }

    @Test("A workbook's every sheet is read, named; a sheet without the required columns is named with why")
    func everySheet() throws {
        let sheets = try Sheet.readAll(Fixtures.data("records-quarters.xlsx"))
        #expect(sheets.map(\.name) == ["第1季度", "第2季度", "第3季度", "填表说明"])
        let selection = try HeaderMap.select(in: sheets, specs: Self.specs)
        #expect(selection.read.map(\.sheet.name) == ["第1季度", "第2季度", "第3季度"])
        #expect(selection.read.allSatisfy { $0.header.headerIndex == 1 })
        #expect(selection.ignored.map(\.name) == ["填表说明"])
        #expect(selection.ignored.first?.message.contains("身份证号") == true)
        // The first sheet alone, as before, for the readers that want one.
        #expect(try Sheet.read(Fixtures.data("records-quarters.xlsx")).name == "第1季度")
        // A CSV is one sheet, unnamed.
        #expect(try Sheet.readAll(Data("身份证号,类型,日期\n1,2,3\n".utf8)).map(\.name) == [nil])
    }

    @Test("Completion is dated the course's end by default; never in the future")
    func completionDate() {
        let today = LocalDate(year: 2016, month: 3, day: 1), end = LocalDate(year: 2014, month: 6, day: 24)
        #expect(CourseCompletionDate.resolve(nil, courseEnd: end, today: today) == .success(end))
        #expect(CourseCompletionDate.resolve("", courseEnd: nil, today: today) == .success(today))
        let later = LocalDate(year: 2016, month: 5, day: 1)
        #expect(CourseCompletionDate.resolve("", courseEnd: later, today: today) == .success(today))
        let typed = LocalDate(year: 2014, month: 6, day: 20)
        #expect(CourseCompletionDate.resolve("2014-06-20", courseEnd: end, today: today) == .success(typed))
        #expect(CourseCompletionDate.resolve("2016-03-02", courseEnd: end, today: today) == .failure(.inFuture))
        #expect(CourseCompletionDate.resolve("2014-02-30", courseEnd: end, today: today) == .failure(.invalid))
    }

    @Test("Conflicts of two sheets' same row number are two rows; the summary's JSON only gains fields")
    func sheetRows() throws {
        var summary = ImportSummary(dryRun: true)
        summary.sheetsRead = ["第1季度", "第2季度"]
        summary.add(ImportConflict(row: 4, column: "日期", code: .invalidDate, message: "x", sheet: "第2季度"))
        summary.add(ImportConflict(row: 4, column: "日期", code: .invalidDate, message: "x", sheet: "第1季度"))
        summary.sortConflicts()
        #expect(summary.conflictRows == 2 && summary.conflicts.map(\.sheet) == ["第1季度", "第2季度"])
        let json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(summary)) as? [String: Any]
        for key in ["status", "dryRun", "rows", "imported", "updated", "ignored", "conflicts", "conflictsTotal",
                    "unknownColumns", "sheetsRead", "sheetsIgnored", "warnings", "changes"] {
            #expect(json?[key] != nil, "\(key)")
        }
        // A summary stored before these fields existed still reads.
        let old = #"{"status":"ok","dryRun":false,"rows":1,"imported":1,"updated":0,"ignored":0,"conflicts":[]}"#
        let decoded = try JSONDecoder().decode(ImportSummary.self, from: Data(old.utf8))
        #expect(decoded.sheetsRead.isEmpty && decoded.changes.isEmpty)
    }
}
