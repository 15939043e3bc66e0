import Fluent
import Foundation
import LearnCityCore
import SQLKit

/// What the dashboard shows beyond the targets: figures per organisation and breakdowns of a
/// year's records (person-times, distinct people and hours, always apart). Targets and
/// drill-down by region are sums of tallies (`IndicatorQueries`); these breakdowns group the
/// records of one year and scope, using the `(region_code, year)` index.
enum DashboardQueries {
    /// A scope of records: a region subtree, or (for accounts that are not geographic) the
    /// records their organisation's subtree provided.
    struct Scope: Sendable {
        var regionPrefix: String?
        var providerPath: String?
        /// One organisation's subtree as its providers' ids: with `year`, a walk of the
        /// `(provider_id, year)` index per provider instead of a scan of the year's records.
        var providerIDs: [Int]? = nil

        /// Keeps `select` to this scope; `table` is the records' alias, if the query has one.
        func restrict(_ select: SQLSelectBuilder, table: String? = nil) -> SQLSelectBuilder {
            var select = select
            if let regionPrefix {
                select = select.where(SQLColumn("region_code", table: table), .like, SQLBind(regionPrefix + "%"))
            }
            if let providerPath {
                select = select.where(SQLColumn("provider_path", table: table), .like, SQLBind(providerPath + "%"))
            }
            if let providerIDs {
                let ids = providerIDs.isEmpty ? [0] : providerIDs   // `IN ()` is not SQL; no id is 0
                select = select.where(SQLColumn("provider_id", table: table), .in, SQLBind.group(ids))
            }
            return select
        }
    }

    struct Figure: Sendable, Equatable {
        var key: String
        var personTimes: Int
        var people: Int
        var hours: Double
    }

    enum Breakdown: String, CaseIterable, Sendable {
        case quarter, kind, provider, urbanRural = "urban_rural", gender, age, industry, occupation
    }

    static func figures(_ breakdown: Breakdown, year: Int, scope: Scope, on database: any Database) async throws -> [Figure] {
        let sql = database as! any SQLDatabase
        let key: any SQLExpression
        var joinPeople = false
        switch breakdown {
        case .quarter: key = SQLFunction("substr", args: SQLColumn("date", table: "r"), SQLLiteral.numeric("6"), SQLLiteral.numeric("2"))
        case .kind: key = SQLColumn("kind", table: "r")
        case .provider: key = SQLFunction("coalesce", args: SQLColumn("provider_name", table: "r"), SQLLiteral.string("—"))
        case .urbanRural: key = SQLFunction("coalesce", args: SQLColumn("urban_rural", table: "p"), SQLLiteral.string("")); joinPeople = true
        case .gender: key = SQLColumn("gender", table: "p"); joinPeople = true
        case .age: key = SQLFunction("substr", args: SQLColumn("birth_date", table: "p"), SQLLiteral.numeric("1"), SQLLiteral.numeric("4")); joinPeople = true
        case .industry: key = SQLFunction("coalesce", args: SQLColumn("industry_code", table: "p"), SQLLiteral.string("")); joinPeople = true
        case .occupation: key = SQLFunction("coalesce", args: SQLColumn("occupation", table: "p"), SQLLiteral.string("")); joinPeople = true
        }
        var select = sql.select()
            .column(key, as: "k")
            .column(SQLRaw("CAST(COUNT(*) AS BIGINT)"), as: "times")
            .column(SQLRaw(#"CAST(COUNT(DISTINCT "r"."person_id") AS BIGINT)"#), as: "people")
            .column(SQLRaw(#"CAST(COALESCE(SUM("r"."hours"), 0) AS DOUBLE PRECISION)"#), as: "hours")
            .from(SQLAlias(SQLIdentifier(LearningRecord.schema), as: SQLIdentifier("r")))
        if joinPeople {
            select = select.join(SQLAlias(SQLIdentifier(Person.schema), as: SQLIdentifier("p")), method: SQLJoinMethod.inner,
                                 on: SQLColumn("id", table: "p"), .equal, SQLColumn("person_id", table: "r"))
        }
        select = select.where(SQLColumn("year", table: "r"), .equal, SQLBind(year))
            .where(SQLColumn("voided_at", table: "r"), .is, SQLLiteral.null)
        select = scope.restrict(select, table: "r")
        struct Row: Decodable { var k: String?; var times: Int; var people: Int; var hours: Double }
        let rows = try await select.groupBy(key).all(decoding: Row.self)
        var figures = rows.map { Figure(key: $0.k ?? "", personTimes: $0.times, people: $0.people, hours: $0.hours) }
        switch breakdown {
        case .quarter:
            // Months to quarters: person-times and hours add up; people are counted per quarter.
            figures = try await quarters(year: year, scope: scope, monthly: figures, on: sql)
        case .age:
            let order = ["<25", "25–34", "35–44", "45–54", "55–64", "65+"]
            figures = merge(figures) { Self.ageBand(birthYear: Int($0) ?? 0, in: year) }
                .sorted { (order.firstIndex(of: $0.key) ?? 9) < (order.firstIndex(of: $1.key) ?? 9) }
        case .provider:
            figures = Array(figures.sorted { $0.personTimes > $1.personTimes }.prefix(15))
        default:
            figures.sort { $0.personTimes > $1.personTimes }
        }
        return figures
    }

    /// The age band a person is in during `year`: under 25, 25–34, …, 65 and over.
    static func ageBand(birthYear: Int, in year: Int) -> String {
        let age = year - birthYear
        switch age {
        case ..<25: return "<25"
        case 25..<35: return "25–34"
        case 35..<45: return "35–44"
        case 45..<55: return "45–54"
        case 55..<65: return "55–64"
        default: return "65+"
        }
    }

    /// Groups figures under new keys. Person-times and hours add up; distinct people are only
    /// exact per original key, so callers that need them exactly recount (as `quarters` does).
    private static func merge(_ figures: [Figure], by newKey: (String) -> String) -> [Figure] {
        var merged: [String: Figure] = [:]
        for figure in figures {
            let key = newKey(figure.key)
            var into = merged[key] ?? Figure(key: key, personTimes: 0, people: 0, hours: 0)
            into.personTimes += figure.personTimes
            into.people += figure.people
            into.hours += figure.hours
            merged[key] = into
        }
        return Array(merged.values)
    }

    /// Quarters with their distinct people counted exactly (a person learning in two months of
    /// one quarter counts once in it).
    private static func quarters(year: Int, scope: Scope, monthly: [Figure], on sql: any SQLDatabase) async throws -> [Figure] {
        var result: [Figure] = []
        for quarter in 1...4 {
            let months = ((quarter - 1) * 3 + 1)...(quarter * 3)
            let inQuarter = monthly.filter { Int($0.key).map(months.contains) ?? false }
            var select = sql.select().column(SQLRaw(#"CAST(COUNT(DISTINCT "person_id") AS BIGINT)"#), as: "people")
                .from(LearningRecord.schema)
                .where(SQLColumn("year"), .equal, SQLBind(year)).where(SQLColumn("voided_at"), .is, SQLLiteral.null)
                .where(SQLColumn("date"), .greaterThanOrEqual, SQLBind(String(format: "%04d-%02d-01", year, months.lowerBound)))
                .where(SQLColumn("date"), .lessThan, SQLBind(quarter == 4 ? "\(year + 1)-01-01" : String(format: "%04d-%02d-01", year, months.upperBound + 1)))
            select = scope.restrict(select)
            let people = try await select.first()?.decode(column: "people", as: Int.self) ?? 0
            result.append(Figure(key: "Q\(quarter)", personTimes: inQuarter.reduce(0) { $0 + $1.personTimes }, people: people,
                                 hours: inQuarter.reduce(0) { $0 + $1.hours }))
        }
        return result
    }

    /// Person-times, people and hours of the records each organisation (and everything under
    /// it) provided in the year: the drill-down below a county, where there is no denominator.
    static func organisations(_ organisations: [Organisation], year: Int, on database: any Database) async throws
        -> [(Organisation, Figure)] {
        var result: [(Organisation, Figure)] = []
        for org in organisations {
            let scope = try await subtree(of: org, on: database)
            result.append((org, try await total(year: year, scope: scope, key: org.code, on: database)))
        }
        return result
    }

    /// An organisation's own year (its page): the records it and everything under it provided, in
    /// total, by kind and by quarter.
    static func organisationYear(_ organisation: Organisation, year: Int, on database: any Database) async throws
        -> (total: Figure, byKind: [Figure], byQuarter: [Figure]) {
        let scope = try await subtree(of: organisation, on: database)
        return (try await total(year: year, scope: scope, key: organisation.code, on: database),
                try await figures(.kind, year: year, scope: scope, on: database),
                try await figures(.quarter, year: year, scope: scope, on: database))
    }

    /// An organisation's subtree as its providers' ids, read from the (small) organisation tree, so
    /// that its records of a year are counted with the `(provider_id, year)` index: one lookup per
    /// provider, never a scan of the city's year.
    static func subtree(of organisation: Organisation, on database: any Database) async throws -> Scope {
        let ids = try await Organisation.query(on: database).filter(\.$path =~ organisation.path).all().compactMap(\.id)
        return Scope(regionPrefix: nil, providerPath: nil, providerIDs: ids)
    }

    /// Person-times, distinct people and hours of a year's records in a scope.
    static func total(year: Int, scope: Scope, key: String, on database: any Database) async throws -> Figure {
        struct Row: Decodable { var times: Int; var people: Int; var hours: Double }
        let select = (database as! any SQLDatabase).select()
            .column(SQLRaw("CAST(COUNT(*) AS BIGINT)"), as: "times")
            .column(SQLRaw(#"CAST(COUNT(DISTINCT "person_id") AS BIGINT)"#), as: "people")
            .column(SQLRaw(#"CAST(COALESCE(SUM("hours"), 0) AS DOUBLE PRECISION)"#), as: "hours")
            .from(LearningRecord.schema)
            .where(SQLColumn("year"), .equal, SQLBind(year)).where(SQLColumn("voided_at"), .is, SQLLiteral.null)
        let row = try await scope.restrict(select).first(decoding: Row.self)
        return Figure(key: key, personTimes: row?.times ?? 0, people: row?.people ?? 0, hours: row?.hours ?? 0)
    }
}
