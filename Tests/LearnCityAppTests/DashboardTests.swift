import Fluent
import Foundation
import LearnCityCore
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
            #expect(page.text.contains(#"id="member-units""#))

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
}
