import Fluent
import Foundation
import LearnCityCore
import Testing
import Vapor
import VaporTesting
@testable import LearnCityApp

/// Figures from the ledger (tallies) against figures counted straight from the stored records:
/// the ledger is right when they agree after every kind of write.
enum Oracle {
    /// Each indicator's city value for `year`, counted from the records themselves.
    static func values(year: Int, on db: any Database) async throws -> [String: Int] {
        let definitions = try await Indicator.query(on: db).all().map(\.definition)
        let records = try await LearningRecord.query(on: db).filter(\.$year == year).all()
        var values: [String: Int] = [:]
        for definition in definitions {
            let counting = records.filter { definition.counts($0.facts) }
            values[definition.code] = definition.countsPeople ? Set(counting.map(\.personID)).count : counting.count
        }
        // Activities add their unregistered headcount to the indicators that take it.
        let activities = try await Activity.query(on: db).filter(\.$year == year).filter(\.$voidedAt == nil).all()
        for definition in definitions where definition.includesActivityHeadcount {
            values[definition.code, default: 0] += activities.reduce(0) { $0 + $1.unregistered }
        }
        return values
    }

    static func tallies(year: Int, on db: any Database) async throws -> [String: Int] {
        var values: [String: Int] = [:]
        for tally in try await IndicatorTally.query(on: db).filter(\.$year == year).all() { values[tally.indicatorCode, default: 0] += tally.count }
        return values
    }

    /// Both, for comparing; missing codes are zero.
    static func check(year: Int = 2014, on db: any Database) async throws -> (ledger: [String: Int], records: [String: Int]) {
        var ledger = try await tallies(year: year, on: db), records = try await values(year: year, on: db)
        for code in Set(ledger.keys).union(records.keys) { ledger[code] = ledger[code] ?? 0; records[code] = records[code] ?? 0 }
        return (ledger, records)
    }
}

@Suite("Learning records: import, ledger, void, correct, undo, merge")
struct RecordsTests {
    func post(_ app: Application, _ data: Data, query: String = "", token: String) async throws -> (HTTPResponseStatus, ImportTests.Summary) {
        var headers = HTTPHeaders()
        headers.bearerAuthorization = .init(token: token)
        var result: (HTTPResponseStatus, ImportTests.Summary)?
        try await app.testing().test(.POST, "/api/v1/imports/records?\(query)", headers: headers, body: ByteBuffer(data: data)) { res in
            result = (res.status, try JSONDecoder().decode(ImportTests.Summary.self, from: Data(res.text.utf8)))
        }
        return try #require(result)
    }

    @Test("The XLSX sample: 1,000 records and their people; bad rows named; again: all ignored; figures equal a count of the records")
    func sample() async throws {
        try await withLearnCity { app in
            let world = try await ScopeFixture.build(app)
            let token = world.callers[.cityOffice]!
            let data = try Samples.data("records-2014Q3.xlsx")
            let (_, dry) = try await post(app, data, query: "dryRun=true", token: token)
            #expect(dry.imported == 1000 && dry.conflictRows == 3 && dry.dryRun)
            // The fixture holds two records of its own.
            #expect(try await LearningRecord.query(on: app.db).count() == 2)

            let (status, summary) = try await post(app, data, token: token)
            #expect(status == .ok && summary.rows == 1003 && summary.imported == 1000 && summary.status == "warning")
            #expect(Set(summary.conflicts.compactMap(\.row)) == [1003, 1004, 1005])
            #expect(try await LearningRecord.query(on: app.db).count() == 1002)
            let created = try await Person.query(on: app.db).filter(\.$createdImportID == summary.importId).count()
            #expect(created > 0)
            let (ledger, records) = try await Oracle.check(on: app.db)
            #expect(ledger == records)
            #expect((records["T3"] ?? 0) > 0 && (records["T4"] ?? 0) > 0 && (records["T2"] ?? 0) > 0)

            let (_, again) = try await post(app, data, token: token)
            #expect(again.imported == 0 && again.updated == 0 && again.ignored == 1000)
            #expect(try await Oracle.check(on: app.db).ledger == ledger)

            // `learncity indicators --rebuild` counts everything again from the records: the same figures.
            try await IndicatorTally.query(on: app.db).delete()
            try await Participation.query(on: app.db).delete()
            #expect(try await LearnCity.rebuildIndicators(app) == 5)
            #expect(try await Oracle.check(on: app.db).ledger == ledger)

            // The indicators API says the same.
            var headers = HTTPHeaders()
            headers.bearerAuthorization = .init(token: token)
            try await app.testing().test(.GET, "/api/v1/indicators?year=2014", headers: headers) { res in
                #expect(res.text.contains(#""code":"T3""#) && res.text.contains("\"value\":\(records["T3"]!)"))
            }

            // Undo: records, the people it created, and the figures go back.
            try await app.testing().test(.POST, "/api/v1/imports/\(summary.importId!)/undo", headers: headers) { #expect($0.status == .ok) }
            #expect(try await LearningRecord.query(on: app.db).count() == 2)
            #expect(try await Person.query(on: app.db).count() == 2)
            let after = try await Oracle.check(on: app.db)
            #expect(after.ledger == after.records && after.records["T3"] == 2)
        }
    }

    static let csv = """
    记录编号,身份证号,姓名,类型,日期,学时,举办单位,课程,状态
    A1,\(ScopeFixture.xuanhanID),宣汉人,社区教育,2014-03-01,4,DC-04,法律常识,
    A2,\(ScopeFixture.xuanhanID),宣汉人,社区教育,2014/5/1,2,DC-04,家庭理财,结业
    A3,\(ScopeFixture.quID),渠县人,职业培训,2014年6月1日,16,CEC-511725,实用技术,
    A4,511722198001011232,,社区教育,2014-06-01,2,DC-04,,
    A5,\(ScopeFixture.quID),渠县人,学历教育,2014-09-01,0,CEC-511725,,在读
    """

    @Test("Void and correct move the figures exactly; an import never overwrites either")
    func voidAndCorrect() async throws {
        try await withLearnCity { app in
            let world = try await ScopeFixture.build(app)
            let token = world.callers[.cityOffice]!
            let (_, summary) = try await post(app, Data(Self.csv.utf8), token: token)
            #expect(summary.imported == 4 && summary.conflicts.map(\.code) == ["missing_value"] && summary.conflicts[0].row == 5)
            var (ledger, records) = try await Oracle.check(on: app.db)
            // With the fixture's two community records (宣汉人 and 渠县人).
            #expect(ledger == records && records["T3"] == 5 && records["T4"] == 2 && records["T1"] == 1)

            let a1 = try #require(try await LearningRecord.query(on: app.db).filter(\.$idemKey ~~ "|id|A1").first())
            try await RecordService.void(a1, reason: "重复登记", actor: .commandLine, on: app.db)
            (ledger, records) = try await Oracle.check(on: app.db)
            #expect(ledger == records && records["T3"] == 4 && records["T4"] == 2)   // A2 still counts the person

            let a2 = try #require(try await LearningRecord.query(on: app.db).filter(\.$idemKey ~~ "|id|A2").first())
            var input = RecordService.Input(kind: .training, status: .completed, date: LocalDate(year: 2014, month: 5, day: 1), hours: 2)
            input.courseTitle = a2.courseTitle
            try await RecordService.correct(a2, with: input, reason: "类型填错", actor: .commandLine, on: app.db)
            (ledger, records) = try await Oracle.check(on: app.db)
            #expect(ledger == records && records["T3"] == 4 && records["T4"] == 2)   // the fixture's record still counts 宣汉人
            let fixture = try #require(try await LearningRecord.find(world.xuanhanRecord, on: app.db))
            try await RecordService.void(fixture, reason: "测试", actor: .commandLine, on: app.db)
            (ledger, records) = try await Oracle.check(on: app.db)
            #expect(ledger == records && records["T3"] == 3 && records["T4"] == 1)

            await #expect(throws: RecordService.Problem.reasonRequired) {
                try await RecordService.void(a2, reason: "  ", actor: .commandLine, on: app.db)
            }
            // The same file again: the voided and the corrected rows are conflicts, nothing changes.
            let (_, again) = try await post(app, Data(Self.csv.replacingOccurrences(of: ",4,DC-04", with: ",5,DC-04").utf8), token: token)
            #expect(again.conflicts.filter { $0.code == "changed_by_user" }.map(\.row) == [2])
            #expect(try await Oracle.check(on: app.db).ledger == ledger)
        }
    }

    @Test("A county admin imports records of their county; other counties' rows are refused; a strict run writes nothing")
    func scopeAndStrict() async throws {
        try await withLearnCity { app in
            let world = try await ScopeFixture.build(app)
            let (_, strict) = try await post(app, Data(Self.csv.utf8), query: "strict=true", token: world.callers[.countyAdmin]!)
            #expect(strict.status == "error" && strict.importId == nil)
            #expect(try await LearningRecord.query(on: app.db).count() == 2)
            let (_, summary) = try await post(app, Data(Self.csv.utf8), token: world.callers[.countyAdmin]!)
            #expect(summary.imported == 2)
            #expect(Set(summary.conflicts.map(\.code)) == ["region_out_of_scope", "missing_value"])
            #expect(try await LearningRecord.query(on: app.db).count() == 4)
        }
    }

    @Test("Merging two registrations that both learned counts the person once")
    func mergeCountsOnce() async throws {
        try await withLearnCity { app in
            let world = try await ScopeFixture.build(app)
            let token = world.callers[.cityOffice]!
            let csv = "身份证号,姓名,类型,日期,举办单位\n\(ScopeFixture.xuanhanID),宣汉人,社区教育,2014-03-01,DC-04\n511722199001011253,宣汉人,社区教育,2014-04-01,DC-04\n"
            _ = try await post(app, Data(csv.utf8), token: token)
            #expect(try await Oracle.check(on: app.db).records["T4"] == 3)
            let kept = try #require(try await Person.find(world.xuanhanPerson, on: app.db))
            let typo = try #require(try await Person.query(on: app.db).filter(\.$id != world.xuanhanPerson).filter(\.$name == "宣汉人").first())
            _ = try await PersonMerging.merge(typo, into: kept, reason: "身份证号录错", actor: .commandLine, on: app.db)
            let (ledger, records) = try await Oracle.check(on: app.db)
            #expect(ledger == records && records["T4"] == 2 && records["T3"] == 4)
            #expect(try await LearningRecord.query(on: app.db).filter(\.$personID == world.xuanhanPerson).count() == 3)
        }
    }

    @Test("On the pages: add a record to a person (messages next to fields), void it with a reason, correct another")
    func pages() async throws {
        try await withLearnCity { app in
            let world = try await ScopeFixture.build(app)
            var admin = Browser(app: app)
            _ = try await admin.signIn("admin", "admin-test-password")
            let csrf = admin.cookies[CSRF.cookieName]!
            let person = "/people/\(world.xuanhanPerson)"
            let page = try await admin.send(.GET, person)
            #expect(page.text.contains(#"id="records-section""#) && page.text.contains("法律常识"))

            let bad = try await admin.send(.POST, person + "/records", form: [("_csrf", csrf), ("kind", "certification"), ("status", "completed"),
                                                                          ("date", "2014-02-30"), ("hours", "-3")])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.text.contains("此状态不适用于该类型") && bad.text.contains("请填写有效日期") && bad.text.contains("学时应为 0–1000 的数字"))
            let before = try await Oracle.check(on: app.db).records
            let added = try await admin.send(.POST, person + "/records", form: [("_csrf", csrf), ("kind", "training"), ("status", "completed"),
                                                                            ("date", "2014-08-08"), ("hours", "8"), ("course", "实用技术")])
            #expect(added.status == .seeOther)
            var (ledger, records) = try await Oracle.check(on: app.db)
            #expect(ledger == records && records["T3"] == (before["T3"] ?? 0) + 1)

            // A look-alike from another source (same kind, date, course) is listed, not merged.
            let lookalike = "身份证号,姓名,类型,日期,举办单位,课程\n\(ScopeFixture.xuanhanID),宣汉人,社区教育,2014-07-01,DC-07,法律常识\n"
            var headers = HTTPHeaders()
            headers.bearerAuthorization = .init(token: world.callers[.cityOffice]!)
            try await app.testing().test(.POST, "/api/v1/imports/records", headers: headers, body: ByteBuffer(string: lookalike)) { #expect($0.status == .ok) }
            #expect(try await admin.send(.GET, person).text.contains("疑似重复"))
            let id = world.xuanhanRecord
            let noReason = try await admin.send(.POST, "/records/\(id)/void", form: [("_csrf", csrf), ("reason", "")])
            #expect(noReason.status == .unprocessableEntity && noReason.text.contains("请填写理由"))
            let voided = try await admin.send(.POST, "/records/\(id)/void", form: [("_csrf", csrf), ("reason", "重复")])
            #expect(voided.status == .seeOther)
            #expect(try await admin.send(.GET, person).text.contains("已作废：重复"))
            (ledger, records) = try await Oracle.check(on: app.db)
            #expect(ledger == records && records["T3"] == (before["T3"] ?? 0) + 1)   // the look-alike counts until someone voids it

            let corrected = try await admin.send(.POST, "/records/\(world.quRecord)/correct", form: [
                ("_csrf", csrf), ("kind", "community"), ("status", "dropped"), ("date", "2014-07-01"), ("hours", "2"), ("reason", "未结业")])
            #expect(corrected.status == .seeOther)
            (ledger, records) = try await Oracle.check(on: app.db)
            // 渠县人 no longer counts; 宣汉人 still does, through the look-alike.
            #expect(ledger == records && records["T4"] == (before["T4"] ?? 0) - 1)
        }
    }
}

@Suite("Activities counted by headcount")
struct ActivitiesTests {
    @Test("Only the unregistered part adds person-times, never people; void takes it back; bad numbers are refused next to the field")
    func headcount() async throws {
        try await withLearnCity { app in
            _ = try await ScopeFixture.build(app)
            var admin = Browser(app: app)
            _ = try await admin.signIn("admin", "admin-test-password")
            let csrf = admin.cookies[CSRF.cookieName]!
            let dc04 = try #require(try await Organisation.query(on: app.db).filter(\.$code == "DC-04").first())
            let before = try await Oracle.check(on: app.db).records
            let bad = try await admin.send(.POST, "/activities", form: [("_csrf", csrf), ("title", "法律讲座"), ("organiser", "\(dc04.id!)"),
                                                                        ("date", "2014-10-01"), ("headcount", "200"), ("registered", "300")])
            #expect(bad.status == .unprocessableEntity && bad.text.contains("已登记人数不能超过到场人数"))
            let ok = try await admin.send(.POST, "/activities", form: [("_csrf", csrf), ("title", "法律讲座"), ("organiser", "\(dc04.id!)"),
                                                                       ("date", "2014-10-01"), ("headcount", "200"), ("registered", "30")])
            #expect(ok.status == .seeOther)
            var (ledger, records) = try await Oracle.check(on: app.db)
            #expect(ledger == records && records["T3"] == (before["T3"] ?? 0) + 170 && records["T4"] == before["T4"])
            let activity = try #require(try await Activity.query(on: app.db).first())
            #expect(try await admin.send(.POST, "/activities", form: [("_csrf", csrf), ("activity", "\(activity.id!)"), ("reason", "")]).status == .unprocessableEntity)
            #expect(try await admin.send(.POST, "/activities", form: [("_csrf", csrf), ("activity", "\(activity.id!)"), ("reason", "重复")]).status == .seeOther)
            (ledger, records) = try await Oracle.check(on: app.db)
            #expect(ledger == records && records["T3"] == before["T3"])
        }
    }
}
