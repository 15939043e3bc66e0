import Fluent
import Foundation
import LearnCityCore
import SQLKit

/// A published return: the figures as they were when the office published them, with their
/// "数据截至" time, shown the same forever after.
final class PublishedReturn: Model, @unchecked Sendable {
    static let schema = "annual_returns"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "year") var year: Int
    @Field(key: "region_code") var regionCode: String
    @Field(key: "data_as_of") var dataAsOf: Date
    @Field(key: "published_by") var publishedBy: String
    /// `AnnualReturnData.Content` as JSON.
    @Field(key: "content") var content: String

    init() {}
}

struct CreateAnnualReturns: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(PublishedReturn.schema)
            .field("id", .int, .identifier(auto: true))
            .field("year", .int, .required)
            .field("region_code", .string, .required)
            .field("data_as_of", .datetime, .required)
            .field("published_by", .string, .required)
            .field("content", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws { try await database.schema(PublishedReturn.schema).delete() }
}

enum AnnualReturnData {
    struct Content: Codable, Sendable, Equatable {
        var byDepartment: [AnnualReturn.Row]
        var byIndustry: [AnnualReturn.Row]
        var total: AnnualReturn.Row
    }

    /// The return of `year` for a region subtree, counted from the records now; with `unitPath`,
    /// only the records that unit (and what hangs under it) provided, for an account that speaks
    /// for a unit rather than a place.
    static func compute(year: Int, region: RegionCode, unitPath: String? = nil, language: UILanguage,
                        on database: any Database) async throws -> Content {
        let sql = database as! any SQLDatabase
        struct Cell: Decodable { var k: String?; var occupation: String?; var urban_rural: String?; var people: Int; var times: Int; var hours: Double }
        func cells(key: any SQLExpression, providerPath: String? = nil) async throws -> [Cell] {
            var select = sql.select().column(key, as: "k")
                .column(SQLColumn("occupation", table: "p")).column(SQLColumn("urban_rural", table: "p"))
                .column(SQLRaw(#"CAST(COUNT(DISTINCT "r"."person_id") AS BIGINT)"#), as: "people")
                .column(SQLRaw("CAST(COUNT(*) AS BIGINT)"), as: "times")
                .column(SQLRaw(#"CAST(COALESCE(SUM("r"."hours"), 0) AS DOUBLE PRECISION)"#), as: "hours")
                .from(SQLAlias(SQLIdentifier(LearningRecord.schema), as: SQLIdentifier("r")))
                .join(SQLAlias(SQLIdentifier(Person.schema), as: SQLIdentifier("p")), method: SQLJoinMethod.inner,
                      on: SQLColumn("id", table: "p"), .equal, SQLColumn("person_id", table: "r"))
                .where(SQLColumn("year", table: "r"), .equal, SQLBind(year)).where(SQLColumn("voided_at", table: "r"), .is, SQLLiteral.null)
                .where(SQLColumn("region_code", table: "r"), .like, SQLBind(region.subtreePrefix + "%"))
            for path in [unitPath, providerPath].compactMap({ $0 }) {
                select = select.where(SQLColumn("provider_path", table: "r"), .like, SQLBind(path + "%"))
            }
            return try await select.groupBy(key).groupBy(SQLColumn("occupation", table: "p")).groupBy(SQLColumn("urban_rural", table: "p"))
                .all(decoding: Cell.self)
        }
        func fold(_ label: String, _ cells: [Cell]) -> AnnualReturn.Row {
            var row = AnnualReturn.Row(label: label)
            for c in cells { row.add(people: c.people, occupation: c.occupation, urbanRural: c.urban_rural, personTimes: c.times, hours: c.hours) }
            return row
        }
        // By industry (GB/T 4754 section of the learner's register entry).
        let industries = Dictionary(uniqueKeysWithValues: try await Industry.query(on: database).all().map { ($0.id ?? "", $0.name(language)) })
        let byIndustryCells = try await cells(key: SQLFunction("coalesce", args: SQLColumn("industry_code", table: "p"), SQLLiteral.string("")))
        let byIndustry = Dictionary(grouping: byIndustryCells, by: { $0.k ?? "" }).map { code, group in
            fold(code.isEmpty ? (language == .zh ? "未填行业" : "Industry not given") : "\(code) \(industries[code] ?? "")", group)
        }.sorted { $0.label < $1.label }
        // One group for the whole year (PostgreSQL refuses a constant in GROUP BY).
        let wholeYear = SQLRaw(#"CAST("r"."year" AS TEXT)"#)
        // By department: the records of the courses each member unit (and what hangs under it) provided.
        var byDepartment: [AnnualReturn.Row] = []
        for unit in try await Organisation.query(on: database).filter(\.$kind == .memberUnit).sort(\.$path).all()
            where unitPath.map({ unit.path.hasPrefix($0) || $0.hasPrefix(unit.path) }) ?? true {
            byDepartment.append(fold(unit.name(language), try await cells(key: wholeYear, providerPath: unit.path)))
        }
        let total = fold(language == .zh ? "合计" : "Total", try await cells(key: wholeYear))
        return Content(byDepartment: byDepartment, byIndustry: byIndustry, total: total)
    }
}
