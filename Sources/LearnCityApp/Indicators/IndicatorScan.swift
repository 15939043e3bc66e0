import Fluent
import Foundation
import LearnCityCore
import SQLKit

/// An indicator's numerator counted straight from the stored records (a scan, not the
/// tallies): for the same period of the previous year (同比), where tallies hold whole years,
/// and as the reference the ledger is checked and benchmarked against.
enum IndicatorScan {
    /// The value of `definition` over records of `year` dated up to `through` (inclusive;
    /// nil: the whole year), in a region subtree.
    static func numerator(_ definition: IndicatorDefinition, year: Int, through: LocalDate?, regionPrefix: String,
                          on database: any Database) async throws -> Int {
        let sql = database as! any SQLDatabase
        let counted = definition.countsPeople ? #"CAST(COUNT(DISTINCT "person_id") AS BIGINT)"# : "CAST(COUNT(*) AS BIGINT)"
        var select = sql.select().column(SQLRaw(counted), as: "n").from(LearningRecord.schema)
            .where(SQLColumn("year"), .equal, SQLBind(year)).where(SQLColumn("voided_at"), .is, SQLLiteral.null)
            .where(SQLColumn("region_code"), .like, SQLBind(regionPrefix + "%"))
        if let through { select = select.where(SQLColumn("date"), .lessThanOrEqual, SQLBind(through.iso)) }
        if definition.employedOnly { select = select.where(SQLColumn("employed"), .equal, SQLBind(true)) }
        select = select.where(group: { group in
            var any = group
            for criterion in definition.criteria {
                any = any.orWhere(group: { both in
                    both.where(SQLColumn("kind"), .equal, SQLBind(criterion.kind.rawValue))
                        .where(SQLColumn("status"), .in, SQLBind.group(criterion.statuses.map(\.rawValue)))
                })
            }
            return any
        })
        var value = try await select.first()?.decode(column: "n", as: Int.self) ?? 0
        if definition.includesActivityHeadcount {
            var activities = sql.select().column(SQLRaw(#"CAST(COALESCE(SUM("headcount" - "registered"), 0) AS BIGINT)"#), as: "n")
                .from(Activity.schema).where(SQLColumn("year"), .equal, SQLBind(year)).where(SQLColumn("voided_at"), .is, SQLLiteral.null)
                .where(SQLColumn("region_code"), .like, SQLBind(regionPrefix + "%"))
            if let through { activities = activities.where(SQLColumn("date"), .lessThanOrEqual, SQLBind(through.iso)) }
            value += try await activities.first()?.decode(column: "n", as: Int.self) ?? 0
        }
        return value
    }

    /// The same day one year earlier (29 February becomes 28 February).
    static func sameDayLastYear(_ date: LocalDate) -> LocalDate {
        let day = date.month == 2 && date.day == 29 ? 28 : date.day
        return LocalDate(year: date.year - 1, month: date.month, day: day)
    }
}
