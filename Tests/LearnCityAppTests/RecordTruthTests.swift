import Fluent
import Foundation
import LearnCityCore
import Testing
import Vapor
import VaporTesting
@testable import LearnCityApp

/// Issue 14: records stay true on the files centres really send — row numbers taken for ids,
/// names that do not match the ID, workbooks of several sheets, corrections, completion dates.
@Suite("Records stay true on real files")
struct RecordTruthTests {
    /// The summary with the fields added for issue 14.
    struct Summary: Decodable {
        struct Conflict: Decodable {
            var row: Int?; var column: String?; var code: String; var message: String; var sheet: String?
        }
        struct Note: Decodable { var name: String; var reason: String }
        struct Warning: Decodable { var code: String; var message: String }
        struct Change: Decodable {
            struct Field: Decodable { var field, before, after: String }
            var sheet: String?; var row: Int; var fields: [Field]
        }
        var importId: Int?; var status: String; var rows, imported, updated, ignored: Int
        var conflicts: [Conflict]; var unknownColumns: [String]
        var sheetsRead: [String]; var sheetsIgnored: [Note]; var warnings: [Warning]; var changes: [Change]
    }

    func post(_ app: Application, _ data: Data, query: String = "", token: String) async throws -> Summary {
        var headers = HTTPHeaders()
        headers.bearerAuthorization = .init(token: token)
        var result: Summary?
        let path = "/api/v1/imports/records?\(query)"
        try await app.testing().test(.POST, path, headers: headers, body: ByteBuffer(data: data)) { res in
            result = try JSONDecoder().decode(Summary.self, from: Data(res.text.utf8))
        }
        return try #require(result)
    }

    static let zhang = "511722197503020126", li = "511722198208110342", wang = "511722196811200562"

    /// A centre's Q1 ledger, rows numbered 1, 2, 3 in a record-id column.
    static let ledger = """
    记录编号,身份证号,姓名,类型,日期,学时,举办单位,课程
    1,\(ScopeFixture.xuanhanID),宣汉人,职业培训,2014-03-01,8,DC-04,电脑基础操作培训
    2,\(zhang),张新,职业培训,2014-03-08,8,DC-04,电脑基础操作培训
    3,\(li),李明,职业培训,2014-03-15,8,DC-04,电脑基础操作培训
    """

    /// Its spring community classes, numbered from 1 again, about other people.
    static let spring = """
    记录编号,身份证号,姓名,类型,日期,学时,举办单位,课程
    1,\(wang),王芳,社区教育,2014-04-10,2,DC-04,养生保健讲座
    2,\(ScopeFixture.xuanhanID),宣汉人,社区教育,2014-04-17,2,DC-04,养生保健讲座
    3,\(zhang),张新,社区教育,2014-04-24,2,DC-04,养生保健讲座
    """

    @Test("A record id of another person's record is key_reused, never an update; the figures equal a recount")
    func keyReused() async throws {
        try await withLearnCity { app in
            let world = try await ScopeFixture.build(app)
            let token = world.callers[.cityOffice]!
            let first = try await post(app, Data(Self.ledger.utf8), token: token)
            #expect(first.imported == 3 && first.conflicts.isEmpty)
            #expect(first.warnings.map(\.code) == ["row_numbers_as_record_id"])
            let before = try await Oracle.check(on: app.db)

            let dry = try await post(app, Data(Self.spring.utf8), query: "dryRun=true", token: token)
            #expect(dry.updated == 0 && dry.imported == 0 && dry.status == "warning")
            #expect(dry.conflicts.map(\.code) == ["key_reused", "key_reused", "key_reused"])
            // The message names the record the id already belongs to: its date, course and masked person.
            let named = try #require(dry.conflicts.first { $0.row == 3 })
            #expect(named.message.contains("2014-03-08") && named.message.contains("电脑基础操作培训"))
            #expect(named.message.contains("张*") && !named.message.contains("张新"))
            #expect(dry.warnings.map(\.code) == ["row_numbers_as_record_id"])

            let written = try await post(app, Data(Self.spring.utf8), token: token)
            #expect(written.updated == 0 && written.imported == 0)
            let xuanhan = try #require(try await LearningRecord.query(on: app.db).filter(\.$idemKey ~~ "|id|1").first())
            #expect(xuanhan.personID == world.xuanhanPerson && xuanhan.kind == .training)
            #expect(xuanhan.courseTitle == "电脑基础操作培训")
            let after = try await Oracle.check(on: app.db)
            #expect(after.ledger == after.records && after.records == before.records)
        }
    }

    @Test("编号 is not a record id: a file numbered 1, 2, 3 under 编号 adds its records; the column is named as not used")
    func rowNumbersAreNotIDs() async throws {
        try await withLearnCity { app in
            let world = try await ScopeFixture.build(app)
            let token = world.callers[.cityOffice]!
            let numbered = { (text: String) in text.replacingOccurrences(of: "记录编号,", with: "编号,") }
            let first = try await post(app, Data(numbered(Self.ledger).utf8), token: token)
            #expect(first.imported == 3 && first.unknownColumns == ["编号"] && first.warnings.isEmpty)
            let t3 = try await Oracle.check(on: app.db).records["T3"] ?? 0
            let second = try await post(app, Data(numbered(Self.spring).utf8), token: token)
            #expect(second.imported == 3 && second.updated == 0 && second.conflicts.isEmpty)
            let (ledger, records) = try await Oracle.check(on: app.db)
            #expect(ledger == records && records["T3"] == t3 + 3)
        }
    }

    @Test("An update of the same person's record shows what changes, before → after")
    func updateShowsChanges() async throws {
        try await withLearnCity { app in
            let world = try await ScopeFixture.build(app)
            let token = world.callers[.cityOffice]!
            let ids = { (text: String) in text.replacingOccurrences(of: "\n1,", with: "\nQ1-0001,") }
            _ = try await post(app, Data(ids(Self.ledger).utf8), token: token)
            let changed = ids(Self.ledger).replacingOccurrences(of: "2014-03-01,8,", with: "2014-03-02,12,")
            let dry = try await post(app, Data(changed.utf8), query: "dryRun=true", token: token)
            #expect(dry.updated == 1 && dry.ignored == 2)
            let change = try #require(dry.changes.first)
            #expect(change.row == 2)
            let fields = change.fields.map { "\($0.field) \($0.before)→\($0.after)" }
            #expect(fields == ["日期 2014-03-01→2014-03-02", "学时 8→12"])
            _ = try await post(app, Data(changed.utf8), token: token)
            let (ledger, records) = try await Oracle.check(on: app.db)
            #expect(ledger == records)
        }
    }

    @Test("A name not the registered one is name_mismatch (masked) unless confirmed; out of scope it is not revealed")
    func nameMismatch() async throws {
        try await withLearnCity { app in
            let world = try await ScopeFixture.build(app)
            let token = world.callers[.cityOffice]!
            let csv = "身份证号,姓名,类型,日期,举办单位\n\(ScopeFixture.xuanhanID),王大妈,社区教育,2014-03-01,DC-04\n"
            let refused = try await post(app, Data(csv.utf8), token: token)
            #expect(refused.imported == 0 && refused.conflicts.map(\.code) == ["name_mismatch"])
            #expect(refused.conflicts[0].message.contains("宣*人") && !refused.conflicts[0].message.contains("宣汉人"))
            let before = try await LearningRecord.query(on: app.db).count()
            #expect(before == 2)

            let accepted = try await post(app, Data(csv.utf8), query: "acceptNameMismatch=true", token: token)
            #expect(accepted.imported == 1 && accepted.conflicts.isEmpty)
            #expect(try await Person.find(world.xuanhanPerson, on: app.db)?.name == "宣汉人")

            // 宣汉's county admin, a row about someone of 渠县 under the wrong name: answered as for any
            // ID outside the area, without the registered name.
            let foreign = "身份证号,姓名,类型,日期\n\(ScopeFixture.quID),王大妈,社区教育,2014-03-01\n"
            let county = try await post(app, Data(foreign.utf8), token: world.callers[.countyAdmin]!)
            #expect(county.conflicts.map(\.code) == ["person_out_of_scope"])
            #expect(!county.conflicts[0].message.contains("渠*人"))
            let (ledger, records) = try await Oracle.check(on: app.db)
            #expect(ledger == records)
        }
    }

    @Test("Every sheet with the required columns is read; rows are named by sheet and row; other sheets are named")
    func everySheet() async throws {
        try await withLearnCity { app in
            let world = try await ScopeFixture.build(app)
            let file = try Samples.data("records-quarters.xlsx"), token = world.callers[.cityOffice]!
            let summary = try await post(app, file, token: token)
            #expect(summary.rows == 7 && summary.imported == 6 && summary.status == "warning")
            #expect(summary.conflicts.map { "\($0.sheet ?? "")!\($0.row ?? 0)" } == ["第2季度!4"])
            #expect(summary.sheetsRead == ["第1季度", "第2季度", "第3季度"])
            #expect(summary.sheetsIgnored.map(\.name) == ["填表说明"] && summary.sheetsIgnored[0].reason.contains("身份证号"))
            let (ledger, records) = try await Oracle.check(on: app.db)
            #expect(ledger == records)
            let again = try await post(app, file, token: token)
            #expect(again.imported == 0 && again.ignored == 6)
        }
    }

    /// The value a browser submits for a select: the selected option, else the first.
    static func submitted(select name: String, in html: String) throws -> String {
        let start = try #require(html.range(of: #"<select name="\#(name)""#))
        let end = try #require(html.range(of: "</select>", range: start.upperBound..<html.endIndex))
        let options = html[start.upperBound..<end.lowerBound].components(separatedBy: "<option").dropFirst()
        let chosen = options.first { $0.contains(#"selected="selected""#) } ?? options.first ?? ""
        let value = try #require(chosen.range(of: #"value="([^"]*)""#, options: .regularExpression))
        return String(chosen[value].dropFirst(7).dropLast())
    }

    @Test("Correcting a certificate's date keeps its unknown provider and its details")
    func correctionChangesOnlyWhatChanged() async throws {
        try await withLearnCity { app in
            let world = try await ScopeFixture.build(app)
            let csv = """
            身份证号,姓名,类型,日期,举办单位,证书编号,资格名称,等级,发证机构
            \(ScopeFixture.xuanhanID),宣汉人,资格认证,2014-05-06,达州市某某职业技能鉴定站,C2014-001,中式烹调师,四级,四川省人力资源和社会保障厅
            """
            let imported = try await post(app, Data(csv.utf8), token: world.callers[.cityOffice]!)
            #expect(imported.imported == 1)
            let record = try #require(try await LearningRecord.query(on: app.db).filter(\.$certificateNo == "C2014-001")
                .first())
            let details = record.detailValues
            #expect(record.providerID == nil && details["qualification"] == "中式烹调师")

            var admin = Browser(app: app)
            _ = try await admin.signIn("admin", "admin-test-password")
            let page = try await admin.send(.GET, "/records/\(record.id!)")
            #expect(page.text.contains("保持不变：达州市某某职业技能鉴定站"))
            let form: [(String, String)] = [
                ("_csrf", admin.cookies[CSRF.cookieName]!), ("kind", "certification"), ("status", "issued"),
                ("date", "2014-06-06"),
                ("hours", "0"), ("provider", try Self.submitted(select: "provider", in: page.text)), ("course", ""),
                ("certificateNo", "C2014-001"), ("reason", "发证日期填错"),
            ]
            #expect(try await admin.send(.POST, "/records/\(record.id!)/correct", form: form).status == .seeOther)
            let after = try #require(try await LearningRecord.find(record.id, on: app.db))
            #expect(after.date == "2014-06-06" && after.year == 2014)
            #expect(after.providerID == nil && after.providerName == "达州市某某职业技能鉴定站" && after.providerPath == nil)
            #expect(after.detailValues == details)
            let (ledger, records) = try await Oracle.check(on: app.db)
            #expect(ledger == records)
        }
    }

    @Test("Completion takes the course's end date by default, editable, never in the future; it counts in that year")
    func completionDate() async throws {
        try await withLearnCity { app in
            let world = try await ScopeFixture.build(app)
            let course = try #require(try await Course.find(world.quCourse, on: app.db))
            (course.startsOn, course.endsOn) = ("2014-05-06", "2014-06-24")
            try await course.update(on: app.db)
            var admin = Browser(app: app)
            _ = try await admin.signIn("admin", "admin-test-password")
            let csrf = admin.cookies[CSRF.cookieName]!
            let path = "/courses/\(world.quCourse)/participants"
            let enrol = [("_csrf", csrf), ("action", "enrol"), ("residentID", ScopeFixture.quID)]
            #expect(try await admin.send(.POST, path, form: enrol).status == .seeOther)
            let page = try await admin.send(.GET, path)
            #expect(page.text.contains(#"name="completedOn""#) && page.text.contains(#"value="2014-06-24""#))
            let enrolment = try #require(try await Enrolment.query(on: app.db).filter(\.$courseID == world.quCourse)
                .first())
            let complete = [("_csrf", csrf), ("action", "complete"), ("enrolment", "\(enrolment.id!)")]
            let before = try await Oracle.check(year: 2014, on: app.db).records

            let future = try await admin.send(.POST, path, form: complete + [("completedOn", "2099-01-01")])
            #expect(future.status == .unprocessableEntity && future.text.contains("结业日期不能晚于今天"))
            // As the page submits it: the date shown, the course's end.
            let done = try await admin.send(.POST, path, form: complete + [("completedOn", "2014-06-24")])
            #expect(done.status == .seeOther)
            let record = try #require(try await LearningRecord.query(on: app.db).filter(\.$source == .enrolment)
                .first())
            #expect(record.date == "2014-06-24" && record.year == 2014)
            let (ledger, records) = try await Oracle.check(year: 2014, on: app.db)
            #expect(ledger == records && records["T3"] == (before["T3"] ?? 0) + 1)
        }
    }

    @Test("Completion without a date sent is dated the course's end too")
    func completionDefault() async throws {
        try await withLearnCity { app in
            let world = try await ScopeFixture.build(app)
            let course = try #require(try await Course.find(world.quCourse, on: app.db))
            course.endsOn = "2014-06-24"
            try await course.update(on: app.db)
            var admin = Browser(app: app)
            _ = try await admin.signIn("admin", "admin-test-password")
            let csrf = admin.cookies[CSRF.cookieName]!
            let path = "/courses/\(world.quCourse)/participants"
            _ = try await admin.send(.POST, path, form: [("_csrf", csrf), ("action", "enrol"),
                                                         ("residentID", ScopeFixture.quID)])
            let all = try await admin.send(.POST, path, form: [("_csrf", csrf), ("action", "completeAll")])
            #expect(all.status == .seeOther)
            let record = try #require(try await LearningRecord.query(on: app.db).filter(\.$source == .enrolment)
                .first())
            #expect(record.date == "2014-06-24" && record.year == 2014)
        }
    }
}
