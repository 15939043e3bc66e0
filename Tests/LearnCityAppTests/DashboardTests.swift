import Fluent
import Foundation
import LearnCityCore
import SQLKit
import Testing
import Vapor
import VaporTesting
@testable import LearnCityApp

@Suite("Dashboard")
struct DashboardTests {
    @Test("Targets, drill-down by county, breakdowns and exports, all from the records; a county admin stays in their county")
    func dashboard() async throws {
        try await withLearnCity { app in
            let world = try await ScopeFixture.build(app)
            var headers = HTTPHeaders()
            headers.bearerAuthorization = .init(token: world.callers[.cityOffice]!)
            try await app.testing().test(.POST, "/api/v1/imports/records", headers: headers, body: ByteBuffer(string: RecordsTests.csv)) {
                #expect($0.status == .ok)
            }
            var admin = Browser(app: app)
            _ = try await admin.signIn("admin", "admin-test-password")
            let page = try await admin.send(.GET, "/dashboard?year=2014")
            #expect(page.status == .ok && page.text.contains(#"id="drill""#) && page.text.contains("宣汉县"))
            #expect(page.text.contains(#"id="by-quarter""#) && page.text.contains("<svg class=\"bars\""))
            #expect(page.text.contains(#"id="member-units""#) && page.text.contains(#"<svg class="trend""#))
            let units = try await admin.send(.GET, "/dashboard/export?year=2014&table=member-units&format=csv")
            #expect(units.status == .ok && units.text.contains("市教育局"))

            // Quarter figures against the stored records: Q1 has A1, Q2 A2 and A3 (A5 is a degree enrolment in Q3).
            let figures = try await DashboardQueries.figures(.quarter, year: 2014, scope: .init(regionPrefix: "5117", providerPath: nil), on: app.db)
            #expect(figures.map(\.personTimes) == [1, 2, 3, 0])   // the fixture's two records are dated 2014-07-01
            #expect(figures.map(\.people) == [1, 2, 2, 0])   // 渠县人 learned twice in Q3: one person
            let kinds = try await DashboardQueries.figures(.kind, year: 2014, scope: .init(regionPrefix: "511722", providerPath: nil), on: app.db)
            #expect(kinds.map(\.personTimes).reduce(0, +) == 3)   // 宣汉: A1, A2 and the fixture's record

            let csv = try await admin.send(.GET, "/dashboard/export?year=2014&table=kind&format=csv")
            #expect(csv.status == .ok && csv.text.contains("社区教育") && csv.headers.first(name: .contentDisposition)?.contains("dashboard-2014-kind.csv") == true)
            let xlsx = try await admin.send(.GET, "/dashboard/export?year=2014&table=regions&format=xlsx")
            #expect(xlsx.status == .ok && xlsx.body.readableBytes > 100)
            #expect(try await admin.send(.GET, "/dashboard/export?table=nonsense").status == .badRequest)

            // A county admin asking for another county sees their own.
            var county = HTTPHeaders()
            county.bearerAuthorization = .init(token: world.callers[.countyAdmin]!)
            try await app.testing().test(.GET, "/dashboard?year=2014&region=511725", headers: county) { res in
                #expect(res.status == .ok && res.text.contains("目标进展 · 宣汉县 · 2014") && !res.text.contains("渠县继续教育学院"))
            }
        }
    }

    @Test("The tallies equal a scan of the records for every indicator; a new indicator is counted from the stored records at once")
    func scanAndNewIndicator() async throws {
        try await withLearnCity { app in
            let world = try await ScopeFixture.build(app)
            var headers = HTTPHeaders()
            headers.bearerAuthorization = .init(token: world.callers[.cityOffice]!)
            try await app.testing().test(.POST, "/api/v1/imports/records", headers: headers, body: ByteBuffer(string: RecordsTests.csv)) { _ in }
            let city = RegionCode("511700")!
            for item in try await IndicatorQueries.progress(year: 2014, region: city, on: app.db) {
                let scanned = try await IndicatorScan.numerator(item.definition, year: 2014, through: nil, regionPrefix: "5117", on: app.db)
                #expect(scanned == item.numerator, "\(item.definition.code)")
            }
            var admin = Browser(app: app)
            _ = try await admin.signIn("admin", "admin-test-password")
            let csrf = admin.cookies[CSRF.cookieName]!
            let bad = try await admin.send(.POST, "/dashboard/targets", form: [("_csrf", csrf), ("action", "indicator"), ("code", "T6"), ("nameZh", "职业培训人次")])
            #expect(bad.status == .unprocessableEntity && bad.text.contains("至少选择一种记录类型和状态"))
            let made = try await admin.send(.POST, "/dashboard/targets", form: [
                ("_csrf", csrf), ("action", "indicator"), ("code", "T6"), ("nameZh", "职业培训人次"), ("unit", "person-times"),
                ("criteria[]", "training:completed")])
            #expect(made.status == .ok && made.text.contains("已保存"))
            let t6 = try #require(try await IndicatorQueries.progress(year: 2014, region: city, on: app.db).first { $0.definition.code == "T6" })
            #expect(t6.numerator == 1)   // A3, the one completed training
        }
    }

    @Test("Targets and populations within the account's region, with messages next to fields; a baseline year shows beside this year")
    func targetsAndBaselines() async throws {
        try await withLearnCity { app in
            let world = try await ScopeFixture.build(app)
            var county = HTTPHeaders()
            county.bearerAuthorization = .init(token: world.callers[.countyAdmin]!)
            func post(_ form: [(String, String)], _ headers: HTTPHeaders) async throws -> TestingHTTPResponse {
                var h = headers
                h.contentType = .urlEncodedForm
                var captured: TestingHTTPResponse?
                try await app.testing().test(.POST, "/dashboard/targets", headers: h, body: formBody(form)) { captured = $0 }
                return try #require(captured)
            }
            let foreign = try await post([("action", "target"), ("indicator", "T3"), ("region", "511725"), ("year", "2014"), ("value", "1000")], county)
            #expect(foreign.status == .unprocessableEntity && foreign.text.contains("只能登记本辖区"))
            let own = try await post([("action", "target"), ("indicator", "T3"), ("region", "511722"), ("year", "2014"), ("value", "120000")], county)
            #expect(own.status == .ok)
            #expect(try await IndicatorTarget.query(on: app.db).filter(\.$regionCode == "511722").filter(\.$indicatorCode == "T3").first()?.value == 120000)
            let population = try await post([("action", "population"), ("region", "511722"), ("year", "2014"), ("residents", "100"), ("employed", "200")], county)
            #expect(population.status == .unprocessableEntity && population.text.contains("从业人员应为不大于常住人口的整数"))
            let baseline = try await post([("action", "baseline"), ("indicator", "T3"), ("region", "511722"), ("year", "2013"), ("value", "90000"), ("source", "2013年统计")], county)
            #expect(baseline.status == .ok)
            var headers = county
            headers.remove(name: .contentType)
            try await app.testing().test(.GET, "/dashboard?year=2014", headers: headers) { res in
                #expect(res.text.contains(#"id="year-on-year""#) && res.text.contains("90,000"))
            }
        }
    }
}

@Suite("Annual statistics return")
struct AnnualReturnAppTests {
    @Test("Live until published; a published return keeps its numbers when records arrive later; XLSX in the office's layout")
    func publish() async throws {
        try await withLearnCity { app in
            let world = try await ScopeFixture.build(app)
            var headers = HTTPHeaders()
            headers.bearerAuthorization = .init(token: world.callers[.cityOffice]!)
            try await app.testing().test(.POST, "/api/v1/imports/records", headers: headers, body: ByteBuffer(string: RecordsTests.csv)) { _ in }
            var admin = Browser(app: app)
            _ = try await admin.signIn("admin", "admin-test-password")
            let live = try await admin.send(.GET, "/dashboard/annual?year=2014")
            #expect(live.status == .ok && live.text.contains(#"id="by-industry""#) && live.text.contains("尚未发布"))
            let published = try await admin.send(.POST, "/dashboard/annual?year=2014", form: [("_csrf", admin.cookies[CSRF.cookieName]!)])
            let path = try #require(published.headers.first(name: .location))
            let snapshot = try #require(try await PublishedReturn.query(on: app.db).filter(\.$publishedBy == "admin").first())
            let before = try JSONDecoder().decode(AnnualReturnData.Content.self, from: Data(snapshot.content.utf8))
            #expect(before.total.total == 2 && before.total.personTimes == 6)   // 宣汉人, 渠县人; six records in 2014
            // A record arriving later changes the live return, not the published one.
            let later = "身份证号,姓名,类型,日期\n511722198001011232,新学员,社区教育,2014-12-01\n"
            try await app.testing().test(.POST, "/api/v1/imports/records", headers: headers, body: ByteBuffer(string: later)) { _ in }
            let now = try await AnnualReturnData.compute(year: 2014, region: RegionCode("511700")!, language: .zh, on: app.db)
            #expect(now.total.total == 3)
            let frozen = try await admin.send(.GET, path)
            #expect(frozen.text.contains("此表已发布") && frozen.text.contains("数据截至"))
            let reloaded = try JSONDecoder().decode(AnnualReturnData.Content.self, from: Data(try #require(try await PublishedReturn.find(snapshot.id, on: app.db)).content.utf8))
            #expect(reloaded == before)
            let xlsx = try await admin.send(.GET, path + "?format=xlsx")
            #expect(xlsx.status == .ok && xlsx.headers.contentType?.subType.contains("spreadsheetml") == true)
            let sheet = try Sheet.read(Data(buffer: xlsx.body))
            #expect(sheet.rows.contains { $0.cells.contains { $0.text.contains("表号") } } && sheet.rows.contains { $0.cells.contains { $0.text.contains("填表人") } })
        }
    }
}

@Suite("Figures units report")
struct ReportedFiguresTests {
    @Test("A unit's reported total shows beside the recorded figure, labelled, and is never added to it")
    func besideNotAdded() async throws {
        try await withLearnCity { app in
            let world = try await ScopeFixture.build(app)
            let city = RegionCode("511700")!
            let before = try await IndicatorQueries.progress(year: 2014, region: city, on: app.db).first { $0.definition.code == "T3" }!.numerator
            var unit = HTTPHeaders()
            unit.bearerAuthorization = .init(token: world.callers[.memberUnitReporter]!)
            unit.contentType = .urlEncodedForm
            let home = try #require(world.homes[.memberUnitReporter])
            for (quarter, value) in [("1", "1200"), ("2", "800")] {
                try await app.testing().test(.POST, "/dashboard/reported", headers: unit,
                                             body: formBody([("organisation", "\(home)"), ("indicator", "T3"), ("year", "2014"), ("quarter", quarter), ("value", value)])) {
                    #expect($0.status == .ok)
                }
            }
            try await app.testing().test(.POST, "/dashboard/reported", headers: unit,
                                         body: formBody([("organisation", "\(home)"), ("indicator", "T3"), ("year", "2014"), ("value", "-5")])) {
                #expect($0.status == .unprocessableEntity)
            }
            #expect(try await ReportedFigures.totals(year: 2014, scope: .init(regionPrefix: "5117", providerPath: nil), on: app.db)["T3"] == 2000)
            let after = try await IndicatorQueries.progress(year: 2014, region: city, on: app.db).first { $0.definition.code == "T3" }!.numerator
            #expect(after == before)
            var admin = Browser(app: app)
            _ = try await admin.signIn("admin", "admin-test-password")
            let page = try await admin.send(.GET, "/dashboard?year=2014")
            #expect(page.text.contains("单位上报（不计入）") && page.text.contains("2,000"))
        }
    }

    @Test("Drill-down goes past the table: an organisation's name opens its own year, counted with the (provider, year) index")
    func organisationOwnYear() async throws {
        try await withLearnCity { app in
            let world = try await ScopeFixture.build(app)
            var headers = HTTPHeaders()
            headers.bearerAuthorization = .init(token: world.callers[.cityOffice]!)
            try await app.testing().test(.POST, "/api/v1/imports/records", headers: headers,
                                         body: ByteBuffer(string: RecordsTests.csv)) { #expect($0.status == .ok) }
            let college = try #require(try await Organisation.query(on: app.db).filter(\.$code == "CEC-511725").first())
            let id = try college.requireID()
            var admin = Browser(app: app)
            _ = try await admin.signIn("admin", "admin-test-password")
            let dashboard = try await admin.send(.GET, "/dashboard?year=2014&region=511725")
            #expect(dashboard.text.contains(#"href="/organisations/\#(id)?year=2014""#))

            // The dashboard's row, split by kind and quarter; the same as counting the stored paths.
            let own = try await DashboardQueries.organisationYear(college, year: 2014, on: app.db)
            let row = try #require(try await DashboardQueries.organisations([college], year: 2014, on: app.db).first?.1)
            #expect(own.total == row)
            let byPath = DashboardQueries.Scope(regionPrefix: nil, providerPath: college.path)
            let kindsByPath = try await DashboardQueries.figures(.kind, year: 2014, scope: byPath, on: app.db)
            #expect(kindsByPath.map(\.personTimes).reduce(0, +) == own.total.personTimes)
            #expect(own.total.personTimes >= 2)   // A3 and A5
            #expect(own.byKind.map(\.personTimes).reduce(0, +) == own.total.personTimes)
            #expect(own.byQuarter.map(\.personTimes).reduce(0, +) == own.total.personTimes)

            let page = try await admin.send(.GET, "/organisations/\(id)?year=2014")
            #expect(page.status == .ok && page.text.contains(#"id="organisation-figures""#))
            #expect(page.text.contains("合计") && page.text.contains("职业培训") && page.text.contains("2014年第二季度"))
            #expect(try await admin.send(.GET, "/organisations/\(id)?year=2013").text.contains(#"id="organisation-figures""#))

            // One organisation's year is an index lookup per provider, not a scan of the year.
            if let sql = app.db as? any SQLDatabase, sql.dialect.name == "sqlite" {
                let plan = try await sql.raw("""
                    EXPLAIN QUERY PLAN SELECT COUNT(*) FROM learning_records
                    WHERE year = 2014 AND voided_at IS NULL AND provider_id IN (\(unsafeRaw: String(id)))
                    """).all().map { try $0.decode(column: "detail", as: String.self) }
                #expect(plan.contains { $0.contains("learning_records_provider_year") }, "\(plan)")
            }
        }
    }

    @Test("A rate's change reads in the page's language: 个百分点 in Chinese, pp in English")
    func percentagePointsInThePageLanguage() {
        let rate = DashboardPage.Comparison(code: "T4", current: 0.36, previous: 0.35, isRate: true)
        #expect(rate.change(points: DashboardStrings.zh.percentagePoints) == "+1.0 个百分点")
        #expect(rate.change(points: DashboardStrings.en.percentagePoints) == "+1.0 pp")
        let count = DashboardPage.Comparison(code: "T3", current: 150, previous: 100, isRate: false)
        #expect(count.change(points: DashboardStrings.zh.percentagePoints) == "+50.0%")
    }
}

