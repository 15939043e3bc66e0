import Fluent
import Foundation
import LearnCityCore
import Vapor

/// The dashboard (`/dashboard?year=&region=`): the targets of the scope with value, target,
/// share and whether the year is on track; the drill-down city → county → organisation; the
/// year's breakdowns by quarter, kind, provider, member unit and the learners' attributes; every
/// table exported to CSV or XLSX. Live: a record written now is in the next page load.
enum DashboardController {
    struct Query: Sendable {
        var year: Int
        var region: RegionCode
        var scope: DashboardQueries.Scope
        /// Whether the account speaks for `region` (a city-wide or geographic account): only then
        /// does it see the region's own figures — its divisions, member units, annual return.
        /// Departments and providers see their unit's records only.
        var coversRegion: Bool { scope.providerPath == nil }
        /// The member units' table: city-wide figures, shown above the level of a county.
        var showsMemberUnits: Bool { coversRegion && region.level != .county }
    }

    /// The year and region asked for, kept inside the account's scope.
    static func query(_ request: Request) async throws -> Query {
        let account = try await request.accountScope()
        let config = request.application.learnCity.config
        let today = LocalDate(Date(), in: config.timeZone)
        var year = try await IndicatorQueries.defaultYear(notAfter: today.year, on: request.db)
        if let asked = request.queryInteger("year", in: 1990...2100) { year = asked }
        let city = try await Region.query(on: request.db).filter(\.$level == 2).first()?.code ?? RegionCode("511700")!
        var region = request.query[String.self, at: "region"].flatMap(RegionCode.init) ?? account.region ?? city
        if !account.everything, let own = account.region, !own.contains(region) { region = own }
        if !account.everything && account.region == nil {
            // Departments and providers: their own records only, named by their organisation.
            return Query(year: year, region: city, scope: .init(regionPrefix: nil, providerPath: account.organisationPath ?? "/none/"))
        }
        return Query(year: year, region: region, scope: .init(regionPrefix: region.subtreePrefix, providerPath: nil))
    }

    @Sendable static func page(_ request: Request) async throws -> Response {
        let q = try await query(request)
        let account = try await request.accountScope()
        let language = request.language
        let regions = try await Region.query(on: request.db).all()
        let names = Dictionary(uniqueKeysWithValues: regions.map { ($0.id ?? "", $0.name(language)) })
        var model = DashboardPage.Model(year: q.year, region: q.region.rawValue, regionName: names[q.region.rawValue] ?? q.region.rawValue,
                                        yearElapsed: request.today.fractionOfYearElapsed(for: q.year))
        if q.coversRegion {
            model.indicators = try await IndicatorQueries.progress(year: q.year, region: q.region, on: request.db)
            model.comparison = try await comparison(model.indicators, query: q, on: request)
            let reported = try await ReportedFigures.totals(year: q.year, scope: q.scope, on: request.db)
            for index in model.comparison.indices { model.comparison[index].reported = reported[model.comparison[index].code] }
            // Drill-down: the divisions inside this region, each with its own targets' values.
            let children = regions.filter { $0.level == 3 && ($0.code.map { q.region.contains($0) && $0 != q.region } ?? false) }
                .sorted { ($0.id ?? "") < ($1.id ?? "") }
            for child in children {
                guard let code = child.code else { continue }
                model.drill.append((code.rawValue, child.name(language), try await IndicatorQueries.progress(year: q.year, region: code, on: request.db)))
            }
            let city = regions.first { $0.level == 2 }
            model.parent = q.region.level == .county && account.includesRegion(city?.code) ? city?.id : nil
        }
        // Below a county (or for a department): the organisations that provided the records.
        let organisations = try await Organisation.query(on: request.db).visible(to: request.accountScope())
            .filter(\.$regionCode == q.region.rawValue).filter(\.$closedAt == nil).sort(\.$path).all()
            .filter { $0.kind == .college || $0.kind.isCentre || $0.kind == .trainingProvider || $0.kind == .school }
        // Each name opens the organisation's own year, where the account may see the organisation.
        func rows(_ figures: [(Organisation, DashboardQueries.Figure)]) -> [FigureTable.Row] {
            figures.map { org, figure in
                let visible = account.includesOrganisation(path: org.path, region: RegionCode(org.regionCode))
                let link = org.id.flatMap { visible ? SiteURL.organisation($0).path + "?year=\(q.year)" : nil }
                return FigureTable.Row(name: org.name(language), link: link, figure: figure)
            }
        }
        if !q.showsMemberUnits {
            model.organisations = rows(try await DashboardQueries.organisations(organisations, year: q.year, on: request.db))
        } else {
            let units = try await Organisation.query(on: request.db).filter(\.$kind == .memberUnit).sort(\.$path).all()
            model.memberUnits = rows(try await DashboardQueries.organisations(units, year: q.year, on: request.db))
        }
        for breakdown in DashboardQueries.Breakdown.allCases {
            let figures = try await DashboardQueries.figures(breakdown, year: q.year, scope: q.scope, on: request.db)
            model.breakdowns.append((breakdown, try await labelled(figures, breakdown, request)))
        }
        model.years = Array((q.year - 4)...(q.year + 1)).reversed()
        // Only the city and counties the account may see: any other would show its own again.
        let offered = regions.filter { ($0.level == 2 || $0.level == 3) && account.includesRegion($0.code) }
            .sorted { ($0.id ?? "") < ($1.id ?? "") }.compactMap { r in r.id.map { ($0, r.name(language)) } }
        model.regions = [(model.region, model.regionName)] + offered.filter { $0.0 != model.region }
        return DashboardPage.View(model: model, context: PageContext(request)).response()
    }

    /// Keys as people read them: 社区教育 for `community`, 城镇 for `urban`, 男 for `male`, B 采矿业 for `B`.
    static func labelled(_ figures: [DashboardQueries.Figure], _ breakdown: DashboardQueries.Breakdown, _ request: Request) async throws
        -> [DashboardQueries.Figure] {
        let s = request.strings
        switch breakdown {
        case .kind: return figures.map { var f = $0; f.key = RecordKind(rawValue: f.key).map(s.records.kindName) ?? f.key; return f }
        case .urbanRural: return figures.map { var f = $0; f.key = f.key == "urban" ? s.registry.urban : f.key == "rural" ? s.registry.rural : s.dashboard.unknown; return f }
        case .gender: return figures.map { var f = $0; f.key = f.key == "male" ? s.registry.male : s.registry.female; return f }
        case .industry:
            let names = Dictionary(uniqueKeysWithValues: try await Industry.query(on: request.db).all().map { ($0.id ?? "", $0.name(request.language)) })
            return figures.map { var f = $0; f.key = f.key.isEmpty ? s.dashboard.unknown : "\(f.key) \(names[f.key] ?? "")"; return f }
        case .occupation: return figures.map { var f = $0; if f.key.isEmpty { f.key = s.dashboard.unknown }; return f }
        default: return figures
        }
    }

    /// One table of the page as CSV or XLSX (`?table=quarter|kind|…|regions|organisations`).
    @Sendable static func export(_ request: Request) async throws -> Response {
        let q = try await query(request)
        let s = request.strings.dashboard, r = request.strings.records
        let table = request.query[String.self, at: "table"] ?? "quarter"
        let header = [s.key, r.personTimes, r.distinctPeople, r.hours]
        func cells(_ key: String, _ f: DashboardQueries.Figure) -> [TableCell] {
            [.text(key), .integer(f.personTimes), .integer(f.people), .hours(f.hours)]
        }
        if table == "regions" {
            guard q.coversRegion else { throw AppError(.notFound) }
            var rows: [[TableCell]] = []
            for region in try await Region.query(on: request.db).filter(\.$level == 3).sort(\.$id).all() {
                guard let code = region.code, q.region.contains(code) else { continue }
                let progress = try await IndicatorQueries.progress(year: q.year, region: code, on: request.db)
                rows.append([.text(region.name(request.language))] + progress.map { item in
                    item.value.map { item.definition.unit == .rate ? .percent($0) : .number($0, decimals: 0) } ?? ""
                })
            }
            let codes = try await Indicator.query(on: request.db).sort(\.$position).all().compactMap(\.id)
            return try await TableExport.response(request, name: "dashboard-\(q.year)-regions", header: [s.region] + codes, rows: rows, entity: "dashboard")
        }
        if table == "organisations" || table == "member-units" {
            guard table == "organisations" || q.showsMemberUnits else { throw AppError(.notFound) }
            let organisations = table == "member-units"
                ? try await Organisation.query(on: request.db).filter(\.$kind == .memberUnit).sort(\.$path).all()
                : try await Organisation.query(on: request.db).visible(to: request.accountScope()).filter(\.$regionCode == q.region.rawValue)
                    .filter(\.$closedAt == nil).sort(\.$path).all()
                    .filter { $0.kind == .college || $0.kind.isCentre || $0.kind == .trainingProvider || $0.kind == .school }
            let rows = try await DashboardQueries.organisations(organisations, year: q.year, on: request.db).map { org, f in
                cells(org.name(request.language), f)
            }
            return try await TableExport.response(request, name: "dashboard-\(q.year)-\(table)", header: header, rows: rows, entity: "dashboard")
        }
        guard let breakdown = DashboardQueries.Breakdown(rawValue: table) else { throw AppError(.invalidParameter, field: "table") }
        let figures = try await labelled(try await DashboardQueries.figures(breakdown, year: q.year, scope: q.scope, on: request.db), breakdown, request)
        return try await TableExport.response(request, name: "dashboard-\(q.year)-\(table)", header: header, rows: figures.map { cells($0.key, $0) }, entity: "dashboard")
    }

    /// Year to date (累计) beside the same period of the previous year (同比): counted from the
    /// records of that period, or the baseline figure entered for a year without records.
    static func comparison(_ items: [IndicatorProgress], query q: Query, on request: Request) async throws -> [DashboardPage.Comparison] {
        let today = request.today
        let through = q.year == today.year ? IndicatorScan.sameDayLastYear(today) : nil
        let hasRecords = try await LearningRecord.query(on: request.db).filter(\.$year == q.year - 1).first() != nil
        let baselines = try await BaselineFigure.query(on: request.db).filter(\.$year == q.year - 1).filter(\.$regionCode == q.region.rawValue).all()
        var result: [DashboardPage.Comparison] = []
        for item in items {
            let code = item.definition.code
            var previous: Double?
            if hasRecords {
                let numerator = try await IndicatorScan.numerator(item.definition, year: q.year - 1, through: through,
                                                                  regionPrefix: q.region.subtreePrefix, on: request.db)
                previous = item.definition.unit == .rate ? item.denominator.map { $0 > 0 ? Double(numerator) / Double($0) : 0 } : Double(numerator)
            } else if let baseline = baselines.first(where: { $0.indicatorCode == code }) {
                previous = baseline.value
            }
            result.append(DashboardPage.Comparison(code: code, current: item.value, previous: previous, isRate: item.definition.unit == .rate))
        }
        return result
    }
}
