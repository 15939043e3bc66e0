import Foundation
import Testing
@testable import LearnCityCore

/// Files as offices send them (Tests/Fixtures, copied from shared/samples).
enum Fixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")
    static func data(_ name: String) throws -> Data { try Data(contentsOf: directory.appendingPathComponent(name)) }

    struct Expected: Decodable {
        struct File: Decodable { var rows: Int; var bad_lines: [Int] }
        var people: File
        var records: File
        enum CodingKeys: String, CodingKey { case people = "people-gbk.csv", records = "records-2014Q3.xlsx" }
    }
    static func expected() throws -> Expected { try JSONDecoder().decode(Expected.self, from: data("expected.json")) }

    static let dazhou = RegionLookup(regions: [
        (RegionCode("511702")!, "通川区", "Tongchuan District"), (RegionCode("511703")!, "达川区", "Dachuan District"),
        (RegionCode("511722")!, "宣汉县", "Xuanhan County"), (RegionCode("511723")!, "开江县", "Kaijiang County"),
        (RegionCode("511724")!, "大竹县", "Dazhu County"), (RegionCode("511725")!, "渠县", "Qu County"),
        (RegionCode("511781")!, "万源市", "Wanyuan City"),
    ], renamed: [RegionCode("511721")!: RegionCode("511703")!])
}

@Suite("Reading spreadsheets")
struct ImportReadingTests {
    @Test("CSV: quoted commas, doubled quotes and newlines; rows keep the line they start on")
    func csv() throws {
        let sheet = try CSVReader.read("a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",z\r\nlast,row")
        #expect(sheet.rows.map(\.line) == [1, 2, 3, 5])
        #expect(sheet.rows[1].cells.map(\.text) == ["x, y", "say \"hi\""])
        #expect(sheet.rows[2].cells.map(\.text) == ["two\nlines", "z"])
    }

    @Test("GB18030 as Chinese Excel saves it is detected and decoded; UTF-8 with a BOM too")
    func encodings() throws {
        let data = try Fixtures.data("people-gbk.csv")
        let decoded = try #require(TextDecoding.decode(data))
        #expect(decoded.encoding == .gb18030 && decoded.text.hasPrefix("姓名,身份证号"))
        let bom = TextDecoding.decode(Data([0xEF, 0xBB, 0xBF]) + Data("姓名".utf8))
        #expect(bom?.text == "姓名" && bom?.encoding == .utf8)
    }

    @Test("XLSX: title row above the header, inline strings, date cells by their style")
    func xlsx() throws {
        let sheet = try Sheet.read(Fixtures.data("records-2014Q3.xlsx"))
        #expect(sheet.rows.first?.line == 1 && sheet.rows.first?.cells.first?.text.hasPrefix("达州市2014年") == true)
        let header = try HeaderMap.find(in: sheet, specs: [ColumnSpec("resident_id", ["身份证号"], required: true), ColumnSpec("date", ["日期"], required: true)])
        #expect(header.headerIndex == 1)
        let first = sheet.rows[2]
        #expect(first.line == 3)
        #expect(header.cell("date", in: first)?.date == LocalDate(year: 2014, month: 7, day: 15))
        #expect(header.value("resident_id", in: first) == "511722198306059528")
        #expect(sheet.rows.count - 2 == (try Fixtures.expected().records.rows))
    }

    @Test("Excel serial dates, including the phantom 29 February 1900 and the 1904 system")
    func serials() {
        #expect(XLSXReader.date(serial: 41835, uses1904: false) == LocalDate(year: 2014, month: 7, day: 15))
        #expect(XLSXReader.date(serial: 1, uses1904: false) == LocalDate(year: 1900, month: 1, day: 1))
        #expect(XLSXReader.date(serial: 61, uses1904: false) == LocalDate(year: 1900, month: 3, day: 1))
        #expect(XLSXReader.date(serial: 0, uses1904: true) == LocalDate(year: 1904, month: 1, day: 1))
        #expect(XLSXReader.columnIndex("AB12") == 27 && XLSXReader.columnIndex("A1") == 0)
    }

    @Test("Not a spreadsheet, or empty: refused with one reason")
    func refused() {
        #expect(throws: Sheet.ReadError.notASpreadsheet) { try Sheet.read(Data([0x25, 0x50, 0x44, 0x46, 0x00, 0x01])) }
        #expect(throws: Sheet.ReadError.notASpreadsheet) { try Sheet.read(Data([0x50, 0x4B, 0x03, 0x04, 1, 2, 3])) }
        #expect(throws: Sheet.ReadError.empty) { try Sheet.read(Data()) }
        #expect(throws: Sheet.ReadError.empty) { try Sheet.read(Data("\r\n,,\r\n".utf8)) }
    }

    @Test("Headers in Chinese or English, any order, with notes and stars; a missing one is named")
    func headers() throws {
        let sheet = try CSVReader.read("说明：请勿修改表头\n*身份证号（必填）,Name,备注\n511722199001011237,张三,x")
        let map = try HeaderMap.find(in: sheet, specs: PersonRowParser.columns)
        #expect(map.headerIndex == 1 && map.columns["name"] == 1 && map.columns["resident_id"] == 0 && map.unknown == ["备注"])
        #expect(throws: HeaderMap.Problem.missingColumns(["身份证号"])) {
            try HeaderMap.find(in: try CSVReader.read("姓名,电话\n张三,1"), specs: PersonRowParser.columns)
        }
    }
}

@Suite("People rows")
struct PersonRowParserTests {
    let parser = PersonRowParser(regions: Fixtures.dazhou, industries: ["P": "P", "教育": "P"])

    @Test("The GBK sample: 206 rows, 200 valid, the 6 bad rows on the lines expected.json names")
    func sample() throws {
        let sheet = try Sheet.read(Fixtures.data("people-gbk.csv"))
        let header = try HeaderMap.find(in: sheet, specs: PersonRowParser.columns)
        var valid = 0, bad: [Int] = []
        var codes = Set<ImportConflict.Code>()
        for row in sheet.rows.dropFirst(header.headerIndex + 1) where !row.isBlank {
            switch parser.parse(row, header: header) {
            case .success: valid += 1
            case .failure(let failure):
                bad.append(row.line)
                codes.formUnion(failure.conflicts.map(\.code))
            }
        }
        let expected = try Fixtures.expected().people
        #expect(valid + bad.count == expected.rows)
        #expect(bad == expected.bad_lines)
        #expect(codes == [.invalidResidentID, .missingValue, .genderMismatch, .invalidPhone])
    }

    @Test("Full-width digits, stray spaces, 15-digit IDs, region names and old codes")
    func realCells() throws {
        let sheet = try CSVReader.read("姓名,身份证号,手机号,区县,城乡,就业状态\n 李四 ,５１１７２１６５０３０１１２３, 139 1234 5678 ,,农村,是\n王五,511722199001011237,,宣汉,城镇,否")
        let header = try HeaderMap.find(in: sheet, specs: PersonRowParser.columns)
        let first = try parser.parse(sheet.rows[1], header: header).get()
        #expect(first.name == "李四" && first.residentID.value == "511721196503011237")
        #expect(first.region.rawValue == "511703" && first.phone?.value == "13912345678")
        #expect(first.urbanRural == "rural" && first.employed == true)
        let second = try parser.parse(sheet.rows[2], header: header).get()
        #expect(second.region.rawValue == "511722" && second.employed == false && second.phone == nil)
    }

    @Test("A row with two bad cells has two conflicts")
    func twoConflicts() throws {
        let sheet = try CSVReader.read("姓名,身份证号,手机号,区县\n,511722199001011238,123,火星")
        let header = try HeaderMap.find(in: sheet, specs: PersonRowParser.columns)
        guard case .failure(let failure) = parser.parse(sheet.rows[1], header: header) else { Issue.record("accepted"); return }
        #expect(Set(failure.conflicts.map(\.code)) == [.missingValue, .invalidResidentID, .invalidPhone, .unknownRegion])
        #expect(failure.conflicts.allSatisfy { $0.row == 2 })
        #expect(failure.conflicts.first { $0.code == .invalidResidentID }?.column == "身份证号")
    }
}

@Suite("Writing XLSX")
struct XLSXWriterTests {
    @Test("What the writer writes, the reader reads back: Chinese text, long digit runs, escapes")
    func roundTrip() throws {
        let data = try XLSXWriter.workbook(sheetName: "人员", header: ["姓名", "身份证号"],
                                           rows: [["张三 & <李四>", "511722199001011237"], ["", "0012"]])
        let sheet = try Sheet.read(data)
        #expect(sheet.rows.map(\.line) == [1, 2, 3])
        #expect(sheet.rows[1].cells.map(\.text) == ["张三 & <李四>", "511722199001011237"])
        #expect(sheet.rows[2].cells.map(\.text) == ["", "0012"])
        #expect(XLSXWriter.columnName(0) == "A" && XLSXWriter.columnName(27) == "AB")
    }
}

@Suite("Search terms")
struct SearchTermsTests {
    @Test("Two-character words match; longer queries need every pair; Latin words are lower-cased")
    func terms() {
        let document = SearchTerms.index("金融法律顾问, CFA 投资")
        #expect(SearchTerms.query("法律").isSubset(of: document))
        #expect(SearchTerms.query("金融").isSubset(of: document))
        #expect(SearchTerms.query("法律顾问").isSubset(of: document))
        #expect(!SearchTerms.query("律师").isSubset(of: document))
        #expect(SearchTerms.query("cfa").isSubset(of: document))
        #expect(SearchTerms.query("法").isSubset(of: document))
        #expect(!SearchTerms.query("融法律师").isSubset(of: document))
    }
}
